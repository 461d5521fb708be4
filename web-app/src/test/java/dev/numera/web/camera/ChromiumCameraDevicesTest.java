package dev.numera.web.camera;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Csp;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Camera states that need a device that misbehaves or several devices: a busy camera
 * (getUserMedia rejects with NotReadableError, or Chrome's old TrackStartError) and switching
 * between two cameras. Chromium's fake camera provides the frames; a script injected before the
 * page loads (CDP Page.addScriptToEvaluateOnNewDocument, not subject to the page's CSP) wraps
 * navigator.mediaDevices to reject, or to report two video inputs and record every constraint
 * the app asks for. Both runtimes, under the strict policy.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumCameraDevicesTest {
    private Chromium chromium;
    private String injected;

    /** getUserMedia rejects the first {@code window.__failures} calls with a DOMException of that name, then works. */
    private static String busy(String errorName) {
        return "(function () { var md = navigator.mediaDevices; if (!md) { return; }"
                + " var real = md.getUserMedia.bind(md); window.__gum = []; window.__failures = 1;"
                + " md.getUserMedia = function (c) { window.__gum.push(JSON.stringify(c));"
                + "  if (window.__failures > 0) { window.__failures--;"
                + "   return Promise.reject(new DOMException('Could not start video source', '" + errorName + "')); }"
                + "  return real(c); }; })();";
    }

    /**
     * Two cameras, "cam-front" and "cam-rear" (and a microphone, which must not count). Each
     * request is recorded; the stream comes from the fake device, with the track reporting the
     * camera asked for: an exact deviceId, else the rear one for facingMode 'environment' (as a
     * phone does), else the front one. Set {@code window.__oneAtATime} and a request made while a
     * stream is live fails with NotReadableError (as many phones do); set {@code window.__gone} to a
     * camera's id and asking for it fails with NotFoundError (unplugged); set {@code window.__slow} to a
     * camera's id and it answers 1.5 s late (a camera slow to open), each late answer counted in
     * {@code window.__slowAnswers} before the page has it.
     */
    private static final String TWO_CAMERAS = "(function () { var md = navigator.mediaDevices; if (!md) { return; }"
            + " var real = md.getUserMedia.bind(md); window.__gum = []; window.__cams = []; window.__streams = []; window.__slowAnswers = 0;"
            + " var devices = [{deviceId: 'cam-front', kind: 'videoinput', label: 'Front', groupId: 'f'},"
            + "  {deviceId: 'mic', kind: 'audioinput', label: 'Microphone', groupId: 'f'},"
            + "  {deviceId: 'cam-rear', kind: 'videoinput', label: 'Rear', groupId: 'r'}];"
            + " md.enumerateDevices = function () { return Promise.resolve(devices.slice()); };"
            + " md.getUserMedia = function (c) { window.__gum.push(JSON.stringify(c));"
            + "  var v = (c && c.video) || {}; var want = v.deviceId && (v.deviceId.exact || v.deviceId);"
            + "  var facing = v.facingMode && (v.facingMode.ideal || v.facingMode.exact || v.facingMode);"
            + "  var id = want || (facing === 'environment' ? 'cam-rear' : 'cam-front');"
            + "  var answer = function () {"
            + "  if (window.__oneAtATime && window.__streams.some(function (s) { return s.active; })) {"
            + "   return Promise.reject(new DOMException('Could not start video source', 'NotReadableError')); }"
            + "  if (id === window.__gone) { return Promise.reject(new DOMException('Requested device not found', 'NotFoundError')); }"
            + "  if (id !== 'cam-front' && id !== 'cam-rear') {"
            + "   return Promise.reject(new DOMException('no camera ' + id, 'OverconstrainedError')); }"
            + "  return real({audio: false, video: {width: v.width, height: v.height}}).then(function (s) {"
            + "   s.getVideoTracks().forEach(function (t) { var settings = t.getSettings.bind(t);"
            + "    t.getSettings = function () { var r = settings(); r.deviceId = id; return r; }; });"
            + "   window.__cams.push(id); window.__streams.push(s); return s; }); };"
            + "  if (id !== window.__slow) { return answer(); }"
            + "  var counted = function () { window.__slowAnswers++; };"
            + "  return new Promise(function (r) { setTimeout(r, 1500); }).then(answer)"
            + "   .then(function (s) { counted(); return s; }, function (e) { counted(); throw e; }); }; })();";

    /** getUserMedia answers {@code window.__delay} ms late (a permission prompt, a slow camera); its streams are {@code window.__streams}. */
    private static final String SLOW = "(function () { var md = navigator.mediaDevices; if (!md) { return; }"
            + " var real = md.getUserMedia.bind(md); window.__streams = []; window.__delay = 0;"
            + " md.getUserMedia = function (c) { var delay = window.__delay;"
            + "  return new Promise(function (r) { setTimeout(r, delay); }).then(function () { return real(c); })"
            + "   .then(function (s) { window.__streams.push(s); return s; }); }; })();";

    /**
     * getUserMedia answers with a canvas's stream: a 7 written dark on white paper, a new frame every
     * 100 ms while {@code window.__freeze} is not set (a camera that hangs sends none, its track still
     * live); the track is {@code window.__track}.
     */
    private static final String FREEZABLE = "(function () { var md = navigator.mediaDevices; if (!md) { return; }"
            + " md.getUserMedia = function (c) { var cv = document.createElement('canvas'); cv.width = 640; cv.height = 480;"
            + "  var g = cv.getContext('2d'); g.fillStyle = '#fff'; g.fillRect(0, 0, 640, 480); g.fillStyle = '#000';"
            + "  g.font = '110px sans-serif'; g.textAlign = 'center'; g.textBaseline = 'middle'; g.fillText('7', 320, 240);"
            + "  var s = cv.captureStream(0), t = s.getVideoTracks()[0]; window.__track = t;"
            + "  setInterval(function () { if (window.__freeze) { return; }"
            + "   g.fillStyle = 'rgba(255,255,255,0.01)'; g.fillRect(0, 0, 1, 1); t.requestFrame(); }, 100);"
            + "  return Promise.resolve(s); }; })();";

    @BeforeAll
    void launch() {
        Chromium.assumeInstalled();
        Site.requireModel();
        chromium = Chromium.launchWith("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream");
        Csp.watch(chromium.driver);
    }

    @AfterAll
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void removeInjection() {
        if (injected != null) {
            chromium.driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", injected));
            injected = null;
        }
    }

    private void open(String runtime, String script) {
        injected = (String) chromium.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", script)).get("identifier");
        chromium.driver.get(Site.server().url("index.html?runtime=" + runtime));
        String started = Pages.awaitStart(chromium.driver);
        assertTrue(started.startsWith("true|"), started);
        assertEquals(runtime.equals("wasm") ? "wasm-gc" : "js", Pages.js(chromium.driver, "return window.numera.runtime"));
    }

    private Object js(String script) {
        return Pages.js(chromium.driver, script);
    }

    private void click(String id) {
        chromium.driver.findElement(By.id(id)).click();
    }

    /** The page's camera controls are back at rest: "Start camera", no preview. */
    private void assertCameraOff() {
        assertEquals("Start camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        // no aria-pressed: the label says what the button does, and "Stop camera, pressed" would say it twice, opposite ways
        assertNull(chromium.driver.findElement(By.id("camera-toggle")).getAttribute("aria-pressed"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-area').hidden"));
    }

    /** Waits until the video plays frames of the current stream, then checks it keeps playing. */
    private void awaitVideoRunning() {
        Pages.await(chromium.driver, "(function () { var v = document.getElementById('camera-video');"
                + " return v.srcObject && v.srcObject.active && v.readyState >= 2 && v.videoWidth > 0; })()", "true");
        double t0 = ((Number) js("return document.getElementById('camera-video').currentTime;")).doubleValue();
        Pages.await(chromium.driver, "document.getElementById('camera-video').currentTime > " + (t0 + 0.2), "true");
    }

    @ParameterizedTest
    @CsvSource({"js, NotReadableError", "wasm, NotReadableError", "wasm, TrackStartError"})
    void busyCameraSaysSoAndStartsOnTheNextTry(String runtime, String errorName) {
        open(runtime, busy(errorName));
        click("camera-toggle");
        String message = (String) Pages.await(chromium.driver,
                "document.getElementById('camera-message').dataset.error === 'camera'",
                "document.getElementById('camera-message').textContent");
        assertTrue(message.startsWith("The camera is busy or could not start: another app or tab may be using it."), message);
        assertCameraOff();
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-switch').hidden"));
        // the other app lets go: pressing Start camera again works, and the message goes
        click("camera-toggle");
        awaitVideoRunning();
        assertEquals(2L, js("return window.__gum.length"));
        assertEquals("", chromium.driver.findElement(By.id("camera-message")).getText());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals(Boolean.FALSE, js("return document.getElementById('camera-area').hidden"));
        // Chromium's fake device is a single camera: no switch button, once the app has seen the list too
        assertEquals(1L, ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; navigator.mediaDevices.enumerateDevices().then(function (l) {"
                        + " setTimeout(function () { done(l.filter(function (d) { return d.kind === 'videoinput'; }).length); }, 100); });"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-switch').hidden"));
        click("camera-toggle");
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-area').hidden"));
        Csp.assertStrictAndHeld(chromium.driver);
    }

    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void switchButtonAppearsWithTwoCamerasAndRestartsWithTheOther(String runtime) {
        open(runtime, TWO_CAMERAS);
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-switch').hidden"), "no switch before the camera runs");
        click("camera-toggle");
        awaitVideoRunning();
        // the first request prefers the rear camera and names no device
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) js("return JSON.parse(window.__gum[0]).video;");
        assertEquals(Map.of("ideal", "environment"), first.get("facingMode"), first.toString());
        assertFalse(first.containsKey("deviceId"), first.toString());
        // device ids are complete once permission is granted: then the button shows
        Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden", "true");
        assertEquals(List.of("cam-rear"), js("return window.__cams;"));

        click("camera-switch");
        Pages.await(chromium.driver, "window.__cams.length === 2", "true");
        awaitVideoRunning();
        @SuppressWarnings("unchecked")
        Map<String, Object> second = (Map<String, Object>) js("return JSON.parse(window.__gum[1]).video;");
        assertEquals(Map.of("exact", "cam-front"), second.get("deviceId"), second.toString());
        assertFalse(second.containsKey("facingMode"), second.toString());
        Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden", "true");
        assertEquals("", chromium.driver.findElement(By.id("camera-message")).getText());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals(Boolean.FALSE, js("return document.getElementById('camera-area').hidden"));
        // one stream runs, the new one on the video; the first one's camera was released
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === window.__streams[1]"));
        assertEquals("ended", js("return window.__streams[0].getVideoTracks()[0].readyState"));
        assertEquals("live", js("return window.__streams[1].getVideoTracks()[0].readyState"));

        // and back to the rear camera
        click("camera-switch");
        Pages.await(chromium.driver, "window.__cams.length === 3", "true");
        awaitVideoRunning();
        assertEquals(List.of("cam-rear", "cam-front", "cam-rear"), js("return window.__cams;"));
        @SuppressWarnings("unchecked")
        Map<String, Object> third = (Map<String, Object>) js("return JSON.parse(window.__gum[2]).video;");
        assertEquals(Map.of("exact", "cam-rear"), third.get("deviceId"), third.toString());

        click("camera-toggle");
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-area').hidden"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-switch').hidden"));
        assertEquals("ended", js("return window.__streams[2].getVideoTracks()[0].readyState"));
        Csp.assertStrictAndHeld(chromium.driver);
    }

    /**
     * A start can be cancelled: while the camera is being asked for, the button reads (and is named) Stop
     * camera, and pressing it leaves the camera off. The stream that answers the cancelled request later
     * is stopped at once, every track of it. Before, the button still read Start camera, pressing it asked
     * again, and the camera came on anyway.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aStartingCameraCanBeCancelled(String runtime) {
        open(runtime, SLOW);
        js("window.__delay = 1500;");
        click("camera-toggle");
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getAccessibleName());
        assertEquals("Starting the camera…", js("return document.getElementById('camera-status').textContent"));
        click("camera-toggle");
        assertCameraOff();
        assertEquals("Start camera", chromium.driver.findElement(By.id("camera-toggle")).getAccessibleName());
        assertEquals("", js("return document.getElementById('camera-status').textContent"), "no 'Starting the camera…' left");
        // the late stream: stopped as it comes, the camera still off
        Pages.await(chromium.driver, "window.__streams.length === 1", "true");
        assertEquals("ended", js("return window.__streams[0].getTracks().map(function (t) { return t.readyState; }).join()"));
        assertCameraOff();
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === null"));
        assertEquals("", cameraMessage());
        // and it starts when asked again
        js("window.__delay = 0;");
        click("camera-toggle");
        awaitVideoRunning();
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === window.__streams[1]"));
        click("camera-toggle");
        assertCameraOff();
        Csp.assertStrictAndHeld(chromium.driver);
    }

    /**
     * Switch camera pressed twice while the first switch's camera (the front one) is slow to open: the
     * rear one, the camera picked last, is the one running in the end, and the front one's stream, when
     * it comes, is stopped. Before, the second press was ignored and the front camera came on. With a
     * device that opens one camera at a time ("one at a time") the second press comes after the switch
     * has released the rear camera to open the front one: the rear one is opened again, and the front
     * one, which answers later, does not replace it.
     */
    @ParameterizedTest
    @CsvSource({"js, both", "wasm, both", "wasm, one at a time"})
    void theCameraPickedLastWins(String runtime, String cameras) {
        boolean oneAtATime = cameras.equals("one at a time");
        open(runtime, TWO_CAMERAS);
        click("camera-toggle");
        awaitVideoRunning();
        Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden", "true");
        js("window.__slow = 'cam-front'; window.__oneAtATime = " + oneAtATime + ";");
        click("camera-switch");
        if (oneAtATime) {   // the front camera refused while the rear one runs: the rear one is released to open it
            Pages.await(chromium.driver, "document.getElementById('camera-video').srcObject === null", "true");
        }
        click("camera-switch");
        // the front camera's requests answered: the first press's (and, one at a time, its second try)
        Pages.await(chromium.driver, "window.__slowAnswers === " + (oneAtATime ? 2 : 1), "true");
        awaitVideoRunning();
        assertEquals("cam-rear", js("return document.getElementById('camera-video').srcObject.getVideoTracks()[0].getSettings().deviceId"));
        assertEquals(1L, js("return window.__streams.filter(function (s) { return s.getTracks().some(function (t) {"
                + " return t.readyState === 'live'; }); }).length"), "one camera open");
        assertEquals("", cameraMessage());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        click("camera-toggle");
        assertCameraOff();
        Csp.assertStrictAndHeld(chromium.driver);
    }

    private static final String NOT_AVAILABLE = "That camera is not available; still using the previous one.";

    private String cameraMessage() {
        return (String) js("return document.getElementById('camera-message').textContent");
    }

    /**
     * A switch opens the other camera before it lets go of the running one: if that one is gone, the
     * running camera stays and the page says so. On a device that opens one camera at a time the
     * switch releases the running one and asks again; if the other is gone then too, the previous
     * camera is opened again.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aSwitchThatFailsKeepsAWorkingCamera(String runtime) {
        open(runtime, TWO_CAMERAS);
        click("camera-toggle");
        awaitVideoRunning();
        Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden", "true");

        // the other camera is unplugged: the rear one keeps running
        js("window.__gone = 'cam-front';");
        click("camera-switch");
        Pages.await(chromium.driver, "document.getElementById('camera-message').dataset.error === 'camera'", "true");
        assertEquals(NOT_AVAILABLE, cameraMessage());
        assertEquals(List.of("cam-rear"), js("return window.__cams;"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === window.__streams[0]"));
        assertEquals("live", js("return window.__streams[0].getVideoTracks()[0].readyState"));
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals(Boolean.FALSE, js("return document.getElementById('camera-area').hidden"));
        awaitVideoRunning();

        // one camera at a time: the rear one is released, then the front one opens; meanwhile the page stays
        // as it is (the keyboard's focus on Switch camera, no result announced for the moment without a camera)
        js("window.__gone = null; window.__oneAtATime = true; window.__said = [];"
                + "new MutationObserver(function () { window.__said.push(document.getElementById('announce').textContent); })"
                + ".observe(document.getElementById('announce'), {childList: true, characterData: true, subtree: true});");
        click("camera-switch");
        Pages.await(chromium.driver, "window.__cams.length === 2", "true");
        awaitVideoRunning();
        assertEquals(List.of("cam-rear", "cam-front"), js("return window.__cams;"));
        assertEquals("", cameraMessage());
        assertEquals("camera-switch", Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden",
                "document.activeElement === document.body ? 'body' : document.activeElement.id"), "the focus after Switch camera");
        assertEquals(Boolean.FALSE, js("return window.__said.some(function (t) { return t.indexOf('Nothing to read') >= 0; })"),
                () -> "announced during the switch: " + js("return window.__said"));
        assertEquals("ended", js("return window.__streams[0].getVideoTracks()[0].readyState"));
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === window.__streams[1]"));

        // one at a time and the rear one gone: the front one is opened again
        js("window.__gone = 'cam-rear';");
        click("camera-switch");
        Pages.await(chromium.driver, "window.__cams.length === 3", "true");
        awaitVideoRunning();
        assertEquals(List.of("cam-rear", "cam-front", "cam-front"), js("return window.__cams;"));
        assertEquals(NOT_AVAILABLE, cameraMessage());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === window.__streams[2]"));
        click("camera-toggle");
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-area').hidden"));
        assertEquals("", cameraMessage(), "stopping the camera takes its note away");
        Csp.assertStrictAndHeld(chromium.driver);
    }

    /**
     * A camera that stops on its own (unplugged, permission withdrawn, taken by another app) ends its
     * track: the page stops the camera and says so. Stopping a track from script does not fire
     * 'ended', so the test fires it, as the browser does for a device that goes away.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aCameraThatStopsOnItsOwnIsNoticed(String runtime) {
        open(runtime, TWO_CAMERAS);
        click("camera-toggle");
        awaitVideoRunning();
        js("var t = document.getElementById('camera-video').srcObject.getVideoTracks()[0]; t.stop(); t.dispatchEvent(new Event('ended'));");
        Pages.await(chromium.driver, "document.getElementById('camera-message').dataset.error === 'camera'", "true");
        assertEquals("The camera stopped (disconnected or permission withdrawn). Start it again when it is back.", cameraMessage());
        assertCameraOff();
        assertEquals(Boolean.TRUE, js("return document.getElementById('camera-video').srcObject === null"));
        // and it starts again when asked
        click("camera-toggle");
        awaitVideoRunning();
        assertEquals("", cameraMessage());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        click("camera-toggle");
        Csp.assertStrictAndHeld(chromium.driver);
    }

    /**
     * A page sent to the background (another tab in front, the window minimised, another app on a
     * phone) releases the camera: its light goes off and another app can have it, where before the
     * track stayed live under a "Stop camera" button with nothing read. Back in front, the page takes
     * the same camera again (here the front one, switched to from the rear one it starts with). The
     * hidden tab is watched through localStorage, which the tab in front (same origin) can read: the
     * page records there, when it is hidden, the state of the track it had.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aHiddenPageReleasesTheCameraAndTakesItBack(String runtime) {
        open(runtime, TWO_CAMERAS);
        click("camera-toggle");
        awaitVideoRunning();
        Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden", "true");
        click("camera-switch");
        Pages.await(chromium.driver, "window.__cams.length === 2", "true");
        awaitVideoRunning();
        js("localStorage.removeItem('numera-test-hidden'); var track = document.getElementById('camera-video').srcObject.getVideoTracks()[0];"
                + "window.__track = track; document.addEventListener('visibilitychange', function () { if (document.hidden) {"
                + " localStorage.setItem('numera-test-hidden', track.readyState + ',' + document.getElementById('camera-toggle').textContent); } });");
        String app = chromium.driver.getWindowHandle();
        chromium.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        chromium.driver.get(Site.server().url("manifest.webmanifest"));
        String hidden = (String) Pages.await(chromium.driver, "localStorage.getItem('numera-test-hidden') !== null", "localStorage.getItem('numera-test-hidden')");
        chromium.driver.close();
        chromium.driver.switchTo().window(app);
        assertEquals("ended,Start camera", hidden, "the hidden page's camera track, and its button");
        awaitVideoRunning();
        assertEquals(Boolean.TRUE, js("var t = document.getElementById('camera-video').srcObject.getVideoTracks()[0];"
                + " return t !== window.__track && t.readyState === 'live'"), "a new, live track once the page is in front again");
        assertEquals(List.of("cam-rear", "cam-front", "cam-front"), js("return window.__cams;"), "the same camera again");
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        assertEquals("", cameraMessage());
        assertEquals("camera-switch", Pages.await(chromium.driver, "!document.getElementById('camera-switch').hidden",
                "document.activeElement === document.body ? 'body' : document.activeElement.id"),
                "the keyboard's focus back on Switch camera, where it was when the page went to the background");
        click("camera-toggle");
        assertCameraOff();
        Csp.assertStrictAndHeld(chromium.driver);
    }

    /**
     * A camera that stops sending pictures without ending its track (the system or another app holds it,
     * a USB hiccup). A track that says it is muted gets a message at once, and the picture it left, read
     * again meanwhile, is not announced as a new result (the 7 had been seen once or twice, short of the
     * 8 in a row an announcement takes); unmuted, with pictures, the message goes. A camera that just
     * sends nothing gets the same message after Camera.STALL_MS, under a "Stop camera" that still works.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aCameraThatStopsSendingPicturesIsReported(String runtime) {
        open(runtime, FREEZABLE);
        js("window.__said = []; var a = document.getElementById('announce');"
                + "new MutationObserver(function () { window.__said.push([performance.now(), a.textContent]); })"
                + ".observe(a, {childList: true, characterData: true, subtree: true});");
        click("camera-toggle");
        Pages.await(chromium.driver, "document.getElementById('prediction').textContent === '7'",
                "(window.__freeze = true, window.__track.dispatchEvent(new Event('mute')), window.__mutedAt = performance.now())");
        assertEquals(Camera.STALLED, cameraMessage(), "a muted track, at once");
        Pages.await(chromium.driver, "performance.now() - window.__mutedAt > 3000", "true");   // the old picture read again meanwhile
        assertEquals(Boolean.FALSE, js("return window.__said.some(function (s) { return s[0] > window.__mutedAt; })"),
                () -> "announced while no picture came: " + js("return JSON.stringify(window.__said)"));
        js("window.__freeze = false; window.__track.dispatchEvent(new Event('unmute'));");
        assertEquals("", cameraMessage(), "unmuted, pictures coming");

        js("window.__stalledAt = 0; var m = document.getElementById('camera-message');"
                + "new MutationObserver(function () { if (!window.__stalledAt && m.textContent.indexOf('not sending pictures') >= 0) {"
                + " window.__stalledAt = performance.now(); } }).observe(m, {childList: true, characterData: true, subtree: true});"
                + "window.__freeze = true; window.__frozenAt = performance.now();");
        Pages.await(chromium.driver, "window.__stalledAt > 0", "true");
        double waited = ((Number) js("return window.__stalledAt - window.__frozenAt")).doubleValue();
        assertTrue(waited > Camera.STALL_MS - 300 && waited < Camera.STALL_MS + 2000, "said after " + waited + " ms without a picture");
        assertEquals(Camera.STALLED, cameraMessage());
        assertEquals("Stop camera", chromium.driver.findElement(By.id("camera-toggle")).getText());
        js("window.__freeze = false;");
        Pages.await(chromium.driver, "document.getElementById('camera-message').textContent === ''", "true");

        click("camera-toggle");
        assertCameraOff();
        Csp.assertStrictAndHeld(chromium.driver);
    }
}
