package dev.numera.web.camera;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Csp;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camera's failure messages that need a browser set up wrongly on purpose: no camera at all
 * (permission granted, no device), and an insecure page (a plain-http host name that is not
 * localhost, mapped to the loopback server, so navigator.mediaDevices does not exist).
 */
class ChromiumCameraErrorsTest {

    static String cameraMessage(Chromium c, String url) {
        Csp.watch(c.driver);
        c.driver.get(url);
        String started = Pages.awaitStart(c.driver);
        assertTrue(started.startsWith("true|"), started);
        c.driver.findElement(By.id("camera-toggle")).click();
        String message = (String) Pages.await(c.driver,
                "document.getElementById('camera-message').dataset.error === 'camera'",
                "document.getElementById('camera-message').textContent");
        Csp.assertStrictAndHeld(c.driver);
        return message;
    }

    @Test
    void noCameraSaysSoAndOffersDrawing() {
        Assumptions.assumeTrue(Site.hasModel(), "skipped: no model in the site");
        try (Chromium c = Chromium.launchWith("--use-fake-ui-for-media-stream")) {   // permission yes, device none
            String message = cameraMessage(c, Site.server().url("index.html?runtime=js"));
            assertTrue(message.startsWith("No camera was found"), message);
        }
    }

    @Test
    void insecurePageExplainsHttpsOrLocalhost() {
        Assumptions.assumeTrue(Site.hasModel(), "skipped: no model in the site");
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--host-resolver-rules=MAP numera.test 127.0.0.1")) {
            String url = Site.server().url("index.html?runtime=wasm").replace("//localhost:", "//numera.test:");
            String message = cameraMessage(c, url);
            assertTrue(message.startsWith("The camera needs a secure page"), message);
        }
    }
}
