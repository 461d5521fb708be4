package dev.numera.web.camera;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Mnist;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import dev.numera.web.harness.Y4m;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real camera's picture is never the same twice: its sensor's noise changes every frame's probabilities by a little, and
 * the result showed each frame's, so a digit held still had its confidence and bars change with every frame, and a digit
 * read near 70 % turned between sure and a guess (CameraMean). Chromium's fake camera plays a Y4M of three MNIST test
 * digits, a 7 and a 5 (about 98 % each through the camera's path, sd 0.2-0.3 points from frame to frame) and a 2 read near
 * 70 % (sd 4 points), each held two seconds at a real camera's 30 frames a second, with seeded Gaussian noise of sd 4 grey
 * levels on every pixel. Its own browser: the fake camera's video is a launch flag.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumCameraSteadyTest {
    private static final int FPS = 30;
    /** MNIST test digit 583, a 2 the camera's path reads at 72 %, sd 4 points from picture to picture. */
    private static final int NEAR_70 = 583;
    private Chromium chromium;
    private Path video;

    @BeforeAll
    void launch() throws IOException {
        Chromium.assumeInstalled();
        Site.requireModel();
        Mnist mnist = Mnist.testSet();
        video = Files.createTempFile("numera-camera-noise", ".y4m");
        Y4m.write(video, mnist, new int[]{mnist.firstOf(7, 100), mnist.firstOf(5, 0), NEAR_70}, 2 * FPS, FPS, 4, 7);
        chromium = Chromium.launch(video);
    }

    @AfterAll
    void quit() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (video != null) {
            Files.deleteIfExists(video);
        }
    }

    /**
     * While one digit is held, how often the shown confidence text changes, and whether it is shown as a guess: every change
     * of the result's digit, confidence, guess mark and announcement recorded for six seconds (the three digits once), and
     * the confidence's changes and the guess's turns counted where the digit stayed. The numbers shown are one set: the
     * preview's read-out and the digit's bar show the confidence shown, and a verdict said is said with it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void theConfidenceShownIsSteadyWhileADigitIsHeld(String runtime) {
        chromium.driver.get(Site.server().url("index.html?runtime=" + runtime));
        assertTrue(Pages.awaitStart(chromium.driver).startsWith("true|"));
        // each change: when, the digit, the confidence, what was said, the preview's read-out, the digit's bar, and whether
        // it is shown as a guess (the result's class, and the read-out's)
        Pages.js(chromium.driver, "window.__events = []; window.__frames = 0;"
                + " var d = document.getElementById('prediction'), c = document.getElementById('confidence'),"
                + " a = document.getElementById('announce'), r = document.getElementById('camera-confidence'),"
                + " w = document.getElementById('verdict'), rd = document.getElementById('camera-digit'),"
                + " b = document.querySelectorAll('#bars .bar-value'), v = document.getElementById('camera-video');"
                + " var o = new MutationObserver(function () { if (/[0-9]/.test(d.textContent)) {"
                + "  window.__events.push([performance.now(), d.textContent, c.textContent, a.textContent, r.textContent, b[+d.textContent].textContent,"
                + "   /unsure/.test(w.className) + ':' + /unsure/.test(rd.className)]); } });"
                + " [d, c, a, r].forEach(function (e) { o.observe(e, {childList: true, characterData: true, subtree: true}); });"
                + " [w, rd].forEach(function (e) { o.observe(e, {attributes: true}); });"
                + " (function count() { v.requestVideoFrameCallback(function () { window.__frames++; count(); }); })();");
        chromium.driver.findElement(By.id("camera-toggle")).click();
        Pages.await(chromium.driver, "window.__events.length > 0", "true");
        Pages.js(chromium.driver, "window.__t0 = performance.now(); window.__f0 = window.__frames;");
        List<?> events = (List<?>) Pages.await(chromium.driver, "performance.now() - window.__t0 > 6000",
                "window.__events.filter(function (e) { return e[0] >= window.__t0; }).map(function (e) { return e.join('|'); })"
                        + ".concat([performance.now() + '|' + (window.__frames - window.__f0) + ' video frames'])");
        chromium.driver.findElement(By.id("camera-toggle")).click();

        String[] end = ((String) events.get(events.size() - 1)).split("\\|");
        String digit = null, confidence = null, announced = null, guess = null;
        int changes = 0, held = 0, saidChecked = 0, turns = 0;
        double heldSince = 0, heldMs = 0;
        Pattern said = Pattern.compile("Recognised (\\d), ([0-9.]+) percent confident\\.|Not sure: (\\d) or \\d\\? \\d at ([0-9.]+) percent, .*");
        for (Object o : events.subList(0, events.size() - 1)) {
            String[] e = ((String) o).split("\\|", -1);
            double t = Double.parseDouble(e[0]);
            if (!e[1].equals(digit)) {
                heldMs += digit == null ? 0 : t - heldSince;
                heldSince = t;
                digit = e[1];
                held++;
            } else {
                changes += e[2].equals(confidence) ? 0 : 1;
                turns += e[6].equals(guess) ? 0 : 1;
            }
            confidence = e[2];
            guess = e[6];
            assertEquals(e[2] + "|" + e[2], e[4] + "|" + e[5], "the preview's read-out and the digit's bar at " + t);
            assertEquals(e[6].substring(0, e[6].indexOf(':')), e[6].substring(e[6].indexOf(':') + 1), "the result's guess mark and the read-out's at " + t);
            // what is said is what is shown: a verdict said in a frame is said with the digit, guess and confidence that frame shows
            Matcher m = said.matcher(e[3].replace("\u00a0", ""));
            if (!e[3].equals(announced) && announced != null && m.matches()) {
                boolean saidGuess = m.group(1) == null;
                assertEquals(e[1] + "|" + e[2] + "|" + e[6].startsWith("true"),
                        m.group(saidGuess ? 3 : 1) + "|" + m.group(saidGuess ? 4 : 2) + " %|" + saidGuess, "said and shown at " + t);
                saidChecked++;
            }
            announced = e[3];
        }
        heldMs += Double.parseDouble(end[0]) - heldSince;
        double perSecond = changes * 1000 / heldMs;
        String figures = String.format("%d changes in %.0f ms of %d digits held, %s", changes, heldMs, held, end[1]);
        System.out.printf("%s: %.1f confidence changes a second (%s), %d turns between guess and sure, %d verdicts said%n",
                runtime, perSecond, figures, turns, saidChecked);
        assertTrue(saidChecked > 0, "no verdict said in six seconds of three digits taking turns");
        // before CameraMean, 24.5 a second in both builds (147 changes in 6 s of 4 digits held, 181 video frames); then 1.2 (7)
        // over the 7 and the 5 alone; with the 2 near 70 %, 2.2-2.4 while its guess was decided per picture, now 1.5-1.7; and
        // with a mean per CameraMean.BLOCK pictures at most 30 / BLOCK
        assertTrue(perSecond <= 30.0 / CameraMean.BLOCK, String.format("the confidence shown changed %.1f times a second while a digit was held (%s)",
                perSecond, figures));
        // the 2 near 70 %: its guess decided per picture turned 8 times in its two seconds in both builds; now none
        assertTrue(turns <= 2, turns + " turns between guess and sure while a digit was held (" + figures + ")");
    }
}
