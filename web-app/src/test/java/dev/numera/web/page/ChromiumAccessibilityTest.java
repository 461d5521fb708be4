package dev.numera.web.page;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.DrawScript;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The page audited by axe-core (Deque's engine, the WCAG 2.2 A and AA rules and its best practices) in
 * every state a visitor sees: just started, with a drawing read, with the camera running, with a camera
 * that failed, each in the light and the dark colour scheme, and on a phone-sized screen. Contrast is
 * checked on the rendered colours, so a scheme's palette cannot drift below 4.5:1 unnoticed.
 */
class ChromiumAccessibilityTest {
    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");

    @Test
    void everyStateOfThePagePassesTheAuditInBothColourSchemes() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")) {
            for (String scheme : new String[] {"light", "dark"}) {
                open(c, scheme, "index.html?runtime=wasm");
                audit(c, scheme + ", started");

                Pages.js(c.driver, DrawScript.draw(7));
                Pages.await(c.driver, "document.getElementById('prediction').textContent === '7'", "true");
                audit(c, scheme + ", a 7 drawn and read");

                c.driver.findElement(By.id("clear")).click();
                c.driver.findElement(By.id("camera-toggle")).click();
                Pages.await(c.driver, "document.getElementById('camera-toggle').textContent === 'Stop camera'"
                        + " && document.getElementById('camera-video').readyState >= 2", "true");
                audit(c, scheme + ", camera running");
                c.driver.findElement(By.id("camera-toggle")).click();
            }
        }
    }

    @Test
    void aFailedCameraAndAPhoneScreenPassTheAudit() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-ui-for-media-stream")) {   // permission yes, device none
            c.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
            for (String scheme : new String[] {"light", "dark"}) {
                open(c, scheme, "index.html?runtime=js");
                audit(c, scheme + ", phone, started");
                c.driver.findElement(By.id("camera-toggle")).click();
                String message = (String) Pages.await(c.driver,
                        "document.getElementById('camera-message').dataset.error === 'camera'",
                        "document.getElementById('camera-message').textContent");
                assertTrue(message.startsWith("No camera was found"), message);
                audit(c, scheme + ", phone, no camera");
            }
        }
    }

    /** The page in a colour scheme ("light" or "dark", as the system would ask for it), started. */
    private static void open(Chromium c, String scheme, String page) {
        c.driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
        c.driver.get(Site.server().url(page));
        String started = Pages.awaitStart(c.driver);
        assertTrue(started.startsWith("true|"), started);
        assertEquals(scheme, Pages.js(c.driver, "return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';"));
    }

    /** Fails with every violation: the rule, its impact, and each element it was found on. */
    private static void audit(Chromium c, String state) {
        Results r = new AxeBuilder().withTags(TAGS).analyze(c.driver);
        if (r.isErrored()) fail(state + ": axe could not run: " + r.getErrorMessage());
        List<Rule> violations = r.getViolations();
        if (violations.isEmpty()) return;
        StringBuilder sb = new StringBuilder(state + ": " + violations.size() + " accessibility rule(s) violated");
        for (Rule v : violations) {
            sb.append("\n- ").append(v.getId()).append(" (").append(v.getImpact()).append("): ").append(v.getHelp());
            for (CheckedNode n : v.getNodes()) {
                sb.append("\n    ").append(n.getTarget()).append("  ").append(n.getFailureSummary() == null ? "" : n.getFailureSummary().replace('\n', ' '));
            }
        }
        fail(sb.toString());
    }
}
