package dev.numera.web.page;

import dev.numera.web.harness.DrawScript;
import dev.numera.web.harness.Site;
import dev.numera.web.server.StaticServer;
import dev.numera.web.view.Fmt;
import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        for (int i = 0; i < 3000 && !started(); i++) { // returns as soon as the app has started
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
    void loadsReportsReadyAndShowsTheModel() throws IOException {
        Site.requireModel();
        run("document.getElementById('clear').click();");
        assertEquals("true", page.getBody().getAttribute("data-ready"), () -> "status: " + text("status"));
        assertEquals("JavaScript (TeaVM)", text("model-runtime"));
        assertTrue(text("model-arch").contains("conv2d"), text("model-arch"));
        // decimal kilobytes, as the README counts (FmtTest: 82,572 bytes are "82.6 KB")
        assertEquals(Fmt.bytes(Files.size(Site.dir().resolve("model/numera.nmod"))), text("model-size"));
        assertEquals("js", page.executeJavaScript("window.numera.runtime").getJavaScriptResult());
        assertEquals("", text("prediction"), "an empty canvas shows no digit");
        assertEquals("Nothing to read yet: draw a digit, or hold one up to the camera.", text("no-digit"));
        assertEquals("verdict none", page.getElementById("verdict").getAttribute("class"), "the empty values' labels hide");
    }

    /** A site published without its model says so, and leaves the buttons that need it off. */
    @Test
    void aMissingModelIsReported() throws Exception {
        Path copy = Site.copy();
        try (StaticServer server = new StaticServer(copy, 0); WebClient own = new WebClient(BrowserVersion.CHROME)) {
            Files.deleteIfExists(copy.resolve("model/numera.nmod"));
            own.getOptions().setThrowExceptionOnScriptError(true);
            own.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage p = own.getPage(server.url("index.html?runtime=js"));
            for (int i = 0; i < 3000 && !p.getBody().hasAttribute("data-ready") && !p.getBody().hasAttribute("data-error"); i++) {
                own.waitForBackgroundJavaScript(100);
            }
            String status = p.getElementById("status").getTextContent();
            assertEquals("model", p.getBody().getAttribute("data-error"), status);
            assertTrue(status.startsWith("Numera cannot recognise digits: its model file is missing from this site. Reload the page;"), status);
            assertTrue(status.endsWith(" (Details: HTTP 404 for model/numera.nmod)"), status);
            for (String id : new String[] {"clear", "undo", "camera-toggle"}) {
                assertTrue(p.getElementById(id).hasAttribute("disabled"), id + " is disabled");
            }
        } finally {
            Site.delete(copy);
        }
    }

    /**
     * One flow, because every inference costs seconds in HtmlUnit's interpreted JavaScript: a drawn 7
     * reads 7; undo of its only stroke and clear both return to "no digit" (which needs no inference).
     */
    @Test
    void drawUndoClear() {
        Site.requireModel();
        run("document.getElementById('clear').click();");
        run(DrawScript.draw(7));
        assertEquals("7", text("prediction"), () -> "top 3: " + text("top3") + " " + text("no-digit"));
        assertFalse(text("confidence").isEmpty());
        assertEquals("verdict", page.getElementById("verdict").getAttribute("class"), "a digit shows its labels");
        run("document.getElementById('undo').click();");
        assertEquals("", text("prediction"), "undo removed the only stroke");
        assertEquals("Nothing to read yet: draw a digit, or hold one up to the camera.", text("no-digit"));
        assertEquals("verdict none", page.getElementById("verdict").getAttribute("class"), "no digit again: the labels hide again");
        run(DrawScript.draw(1));
        assertFalse(text("prediction").isEmpty(), "a stroke gives a digit again");
        run("document.getElementById('clear').click();");
        assertEquals("", text("prediction"), "clear empties the canvas");
        assertEquals("Nothing to read yet: draw a digit, or hold one up to the camera.", text("no-digit"));
    }

    /** Two 1s side by side ("11") are not read as one digit: the page says several digits, and what to do. */
    @Test
    void twoDigitsSideBySideSaySeveralDigits() {
        Site.requireModel();
        run("document.getElementById('clear').click();");
        run(DrawScript.strokes("[[[80,60],[78,140],[76,220]],[[200,60],[198,140],[196,220]]]"));
        assertEquals("", text("prediction"), () -> "11 read as one digit: " + text("top3"));
        assertEquals("Several digits side by side: Numera reads one at a time. Draw a single digit.",
                text("no-digit"));
        run("document.getElementById('undo').click();");
        assertEquals("1", text("prediction"), () -> "one 1 left: " + text("top3") + " " + text("no-digit"));
        run("document.getElementById('clear').click();");
    }
}
