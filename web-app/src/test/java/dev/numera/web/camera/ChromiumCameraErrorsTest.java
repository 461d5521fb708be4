package dev.numera.web.camera;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Csp;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The camera's failures that need a browser set up wrongly on purpose: no camera at all
 * (permission granted, no device), an insecure page (a plain-http host name that is not
 * localhost, mapped to the loopback server, so navigator.mediaDevices does not exist), a frame
 * whose pixels cannot be read (the camera stops and the page says so), and a camera request that
 * answers late (a second click asks again; the late stream is released).
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
        // the problem is in the alert region, and the progress note ("Starting the camera…") is gone from the polite one
        assertEquals("status,alert,", Pages.js(c.driver, "return document.getElementById('camera-status').getAttribute('role') + ','"
                + " + document.getElementById('camera-message').getAttribute('role') + ',' + document.getElementById('camera-status').textContent;"));
        Csp.assertStrictAndHeld(c.driver);
        return message;
    }

    @Test
    void noCameraSaysSoAndOffersDrawing() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-ui-for-media-stream")) {   // permission yes, device none
            String message = cameraMessage(c, Site.server().url("index.html?runtime=js"));
            assertTrue(message.startsWith("No camera was found"), message);
            assertEquals(DRAW_ONLY, drawOnly(c), "no camera: the page stops inviting to it");
        }
    }

    /** The status line and the empty result's text once the camera cannot be used: they invite to drawing only. */
    static final String DRAW_ONLY = "Ready. Draw a digit.|Nothing to read yet: draw a digit.";

    /** Before, both still invited to the camera beside a message saying it could not start ("...or start the camera."). */
    static String drawOnly(Chromium c) {
        return (String) Pages.js(c.driver, "return document.getElementById('status').textContent + '|' + document.getElementById('no-digit').textContent;");
    }

    /**
     * A frame whose pixels the browser refuses (here getImageData made to throw once the camera runs):
     * the loop stops, the camera is released and the page says so, in both builds.
     */
    @Test
    void aFailingFrameStopsTheCameraAndSaysSo() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")) {
            for (String runtime : new String[] {"js", "wasm"}) {
                c.driver.get(Site.server().url("index.html?runtime=" + runtime));
                assertTrue(Pages.awaitStart(c.driver).startsWith("true|"));
                c.driver.findElement(By.id("camera-toggle")).click();
                Pages.await(c.driver, "document.getElementById('camera-toggle').textContent === 'Stop camera'"
                        + " && document.getElementById('camera-video').readyState >= 2", "true");
                Pages.js(c.driver, "CanvasRenderingContext2D.prototype.getImageData = function () { throw new Error('no pixels for this test'); };");
                String message = (String) Pages.await(c.driver,
                        "document.getElementById('camera-message').dataset.error === 'camera'",
                        "document.getElementById('camera-message').textContent");
                assertTrue(message.startsWith("The camera stopped unexpectedly. Start it again;") && message.contains(" (Details: ") && message.contains("no pixels for this test"), runtime + ": " + message);
                assertEquals("Start camera,true", Pages.js(c.driver, "return document.getElementById('camera-toggle').textContent + ','"
                        + " + document.getElementById('camera-area').hidden;"), runtime);
            }
        }
    }

    /**
     * A browser that refuses to play the video (power saving, an autoplay policy; here play() made to
     * reject once): the page says so and how to start it, and a tap on the video starts it, in both builds.
     */
    @Test
    void aVideoTheBrowserRefusesToPlayIsSaidAndATapStartsIt() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")) {
            for (String runtime : new String[] {"js", "wasm"}) {
                c.driver.get(Site.server().url("index.html?runtime=" + runtime));
                assertTrue(Pages.awaitStart(c.driver).startsWith("true|"));
                Pages.js(c.driver, "var real = HTMLMediaElement.prototype.play; window.__plays = 0;"
                        + "HTMLMediaElement.prototype.play = function () { if (window.__plays++ === 0) {"
                        // a browser that refuses play() refuses the autoplay attribute too
                        + "  this.autoplay = false; this.pause();"
                        + "  return Promise.reject(new DOMException('not now', 'NotAllowedError')); } return real.call(this); };");
                c.driver.findElement(By.id("camera-toggle")).click();
                String message = (String) Pages.await(c.driver,
                        "document.getElementById('camera-message').dataset.error === 'camera'",
                        "document.getElementById('camera-message').textContent");
                assertEquals(Camera.PLAY_REFUSED, message, runtime);
                assertEquals("true,Stop camera", Pages.js(c.driver, "return document.getElementById('camera-video').paused + ','"
                        + " + document.getElementById('camera-toggle').textContent;"), runtime);
                c.driver.findElement(By.id("camera-video")).click();
                Pages.await(c.driver, "!document.getElementById('camera-video').paused"
                        + " && document.getElementById('camera-message').textContent === ''", "true");
                assertEquals("2", String.valueOf(Pages.js(c.driver, "return window.__plays;")), runtime);
                c.driver.findElement(By.id("camera-toggle")).click();
            }
        }
    }

    /**
     * A camera request still out (Firefox can keep a dismissed prompt pending for good; here the
     * first request answers only after 1.5 s): the button reads Stop camera meanwhile, and a second
     * click cancels the request, a third asks again and that answer is used, so the button never goes
     * dead; the first request's late stream is stopped, not shown. (Until the start could be cancelled,
     * the second click asked again.)
     */
    @Test
    void aStartCancelledAndAskedAgainUsesTheNewAnswerAndReleasesTheLateOne() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream")) {
            c.driver.get(Site.server().url("index.html?runtime=wasm"));
            assertTrue(Pages.awaitStart(c.driver).startsWith("true|"));
            Pages.js(c.driver, "var md = navigator.mediaDevices, real = md.getUserMedia.bind(md); window.__asked = 0;"
                    + "md.getUserMedia = function (k) { if (window.__asked++ > 0) { return real(k); }"
                    + "  return real(k).then(function (s) { window.__late = s;"
                    + "    return new Promise(function (ok) { setTimeout(function () { ok(s); window.__answered = true; }, 1500); }); }); };");
            c.driver.findElement(By.id("camera-toggle")).click();
            assertEquals("Starting the camera…||Stop camera", Pages.js(c.driver, "return document.getElementById('camera-status').textContent + '|'"
                    + " + document.getElementById('camera-message').textContent + '|' + document.getElementById('camera-toggle').textContent;"));
            c.driver.findElement(By.id("camera-toggle")).click();
            assertEquals("||Start camera", Pages.js(c.driver, "return document.getElementById('camera-status').textContent + '|'"
                    + " + document.getElementById('camera-message').textContent + '|' + document.getElementById('camera-toggle').textContent;"));
            c.driver.findElement(By.id("camera-toggle")).click();
            Pages.await(c.driver, "document.getElementById('camera-toggle').textContent === 'Stop camera'"
                    + " && document.getElementById('camera-video').readyState >= 2", "true");
            Pages.await(c.driver, "window.__answered === true", "true");
            assertEquals("2,,ended,true,Stop camera", Pages.js(c.driver, "return [window.__asked, document.getElementById('camera-message').textContent,"
                    + " window.__late.getVideoTracks()[0].readyState, document.getElementById('camera-video').srcObject !== window.__late,"
                    + " document.getElementById('camera-toggle').textContent].join(',');"));
        }
    }

    /**
     * On a page that is not secure (http:// from another host than localhost) the camera cannot be asked
     * for: the camera card says why from the start, its button is off, and the status line does not
     * invite the visitor to start it. Before, the button was on and said so only when pressed.
     */
    @Test
    void insecurePageExplainsHttpsOrLocalhost() {
        Site.requireModel();
        try (Chromium c = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--host-resolver-rules=MAP numera.test 127.0.0.1")) {
            String url = Site.server().url("index.html?runtime=wasm").replace("//localhost:", "//numera.test:");
            Csp.watch(c.driver);
            c.driver.get(url);
            String started = Pages.awaitStart(c.driver);
            assertEquals("true|Ready. Draw a digit.", started);
            assertEquals(DRAW_ONLY, drawOnly(c));
            assertEquals("status|The camera needs a secure page: open Numera over https:// or from http://localhost. Drawing works here as it is.|true",
                    Pages.js(c.driver, "var s = document.getElementById('camera-status');"
                            + " return [s.getAttribute('role'), s.textContent, document.getElementById('camera-toggle').disabled].join('|');"));
            Csp.assertStrictAndHeld(c.driver);
        }
    }
}
