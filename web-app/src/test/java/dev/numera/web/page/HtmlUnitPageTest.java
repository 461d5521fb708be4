package dev.numera.web.page;

import dev.numera.web.harness.DrawScript;
import dev.numera.web.harness.Site;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JavaScript build in HtmlUnit (no WebAssembly there): load, ready, model panel, clear/undo, drawing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlUnitPageTest {
    private WebClient client;
    private HtmlPage page;

    @BeforeAll
    void load() throws Exception {
        client = new WebClient(BrowserVersion.CHROME);
        client.getOptions().setThrowExceptionOnScriptError(true);
        client.getOptions().setThrowExceptionOnFailingStatusCode(false);
        client.getOptions().setCssEnabled(true);
        page = client.getPage(Site.server().url("index.html?runtime=js"));
        for (int i = 0; i < 600 && !started(); i++) { // each wait returns as soon as scripts are idle
            client.waitForBackgroundJavaScript(100);
        }
    }

    @AfterAll
    void close() {
        client.close();
    }

    private boolean started() {
        return page.getBody().hasAttribute("data-ready") || page.getBody().hasAttribute("data-error");
    }

    private String text(String id) {
        return page.getElementById(id).getTextContent();
    }

    private void run(String script) {
        page.executeJavaScript(script);
        client.waitForBackgroundJavaScript(50);
    }

    @Test
    void loadsReportsReadyAndShowsTheModel() {
        run("document.getElementById('clear').click();");
        assertEquals("true", page.getBody().getAttribute("data-ready"), () -> "status: " + text("status"));
        assertEquals("JavaScript (TeaVM)", text("model-runtime"));
        assertTrue(text("model-arch").contains("conv2d"), text("model-arch"));
        assertTrue(text("model-size").endsWith("KB"), text("model-size"));
        assertEquals("js", page.executeJavaScript("window.numera.runtime").getJavaScriptResult());
        assertEquals("", text("prediction"), "an empty canvas shows no digit");
        assertTrue(text("no-digit").startsWith("No digit"), text("no-digit"));
    }

    @Test
    void clearAndUndo() {
        Assumptions.assumeTrue(Site.hasModel(), "skipped: no model in the site");
        run("document.getElementById('clear').click();");
        run(DrawScript.draw(1));
        String one = text("prediction");
        assertFalse(one.isEmpty(), "a drawn stroke gives a digit");
        run(DrawScript.draw(7)); // a second drawing on top changes the ink
        run("document.getElementById('undo').click();"); // the 7 is one stroke: one undo removes it
        assertEquals(one, text("prediction"), "undoing the added stroke restores the earlier result");
        run("document.getElementById('clear').click();");
        assertEquals("", text("prediction"));
        assertTrue(text("no-digit").startsWith("No digit"));
    }

    @Test
    void drawingASevenReadsSeven() {
        Assumptions.assumeTrue(Site.hasModel(), "skipped: no model in the site");
        run("document.getElementById('clear').click();");
        run(DrawScript.draw(7));
        assertEquals("7", text("prediction"), () -> "top3: " + text("top3") + " / " + text("no-digit") + " / " + page.executeJavaScript("var r = document.getElementById('draw-canvas').getBoundingClientRect(); r.left + ',' + r.top + ',' + r.width + ',' + typeof PointerEvent + ',' + (function(){var e = new PointerEvent('pointerdown', {clientX: 5, clientY: 6, pointerId: 7, button: 0, pointerType: 'mouse'}); return e.clientX + ',' + e.clientY + ',' + e.pointerId + ',' + e.button + ',' + e.pointerType;})()").getJavaScriptResult());
        assertFalse(text("confidence").isEmpty());
    }
}
