package dev.numera.web.page;

import dev.numera.web.harness.CdpPipe;
import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import dev.numera.web.harness.Strokes;
import dev.numera.web.server.StaticServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drawing pad under the browser's own input (CDP Input.dispatchTouchEvent and dispatchMouseEvent,
 * which Chromium turns into pointer events as from a real device): a palm resting on the pad while a
 * pen writes; a fast stroke on a busy page, its moves coalesced; the pad's bitmap against its drawing
 * area on a screen of devicePixelRatio 2, then 3.
 * The palm in one build (both run the same Java); the ratio in both, as each hands the pad's change
 * listener to JavaScript its own way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumPadTest {
    private Chromium chromium;
    private double left;   // the pad's drawing area (the canvas's content box) in the viewport, CSS px
    private double top;
    private double scale;  // CSS px per pad point: the drawing area's width shown over the 280 points of the pad

    /** The drawing area's width as shown, CSS px, fractional (clientWidth rounds). */
    private static final String SHOWN = "(c.getBoundingClientRect().width - (c.offsetWidth - c.clientWidth))";

    @BeforeAll
    void launch() {
        // a screen of 3600x4200 device px at devicePixelRatio 2: the window (1200x1400 CSS px) still fits at 3
        chromium = Chromium.launchWith("--screen-info={0,0 3600x4200 devicePixelRatio=2}");
    }

    @AfterAll
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open(String runtime) {
        Site.requireModel();
        chromium.driver.get(Site.server().url("index.html?runtime=" + runtime));
        String started = Pages.awaitStart(chromium.driver);
        assertTrue(started.startsWith("true|"), started);
        locatePad();
    }

    // left, top and scale: where the pad's drawing area is now
    private void locatePad() {
        List<?> r = (List<?>) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), r = c.getBoundingClientRect();"
                + "return [r.left + c.clientLeft, r.top + c.clientTop, " + SHOWN + " / 280];");
        left = ((Number) r.get(0)).doubleValue();
        top = ((Number) r.get(1)).doubleValue();
        scale = ((Number) r.get(2)).doubleValue();
    }

    private String text(String id) {
        return chromium.driver.findElement(By.id(id)).getText();
    }

    /** A mouse or pen event at pad point (x, y): type mousePressed, mouseMoved or mouseReleased. */
    private void mouse(String type, double x, double y, String kind) {
        chromium.driver.executeCdpCommand("Input.dispatchMouseEvent", mouseEvent(type, x, y, kind));
    }

    // Input.dispatchMouseEvent's parameters for a mouse or pen event at pad point (x, y)
    private Map<String, Object> mouseEvent(String type, double x, double y, String kind) {
        return Map.of("type", type, "x", left + x * scale, "y", top + y * scale,
                "button", "left", "buttons", type.equals("mouseReleased") ? 0 : 1, "clickCount", 1, "pointerType", kind);
    }

    /** A touch event with these fingers down, each {id, x, y} in pad points; none for touchEnd. */
    private void touch(String type, double[]... fingers) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (double[] f : fingers) {
            points.add(Map.of("id", (int) f[0], "x", left + f[1] * scale, "y", top + f[2] * scale, "radiusX", 8, "radiusY", 8));
        }
        chromium.driver.executeCdpCommand("Input.dispatchTouchEvent", Map.of("type", type, "touchPoints", points));
    }

    /** The digit's strokes with a mouse-like device ("mouse" or "pen"). */
    private void draw(int digit, String kind) {
        for (List<double[]> stroke : Strokes.of(digit)) {
            mouse("mousePressed", stroke.get(0)[0], stroke.get(0)[1], kind);
            for (double[] p : stroke.subList(1, stroke.size())) {
                mouse("mouseMoved", p[0], p[1], kind);
            }
            double[] end = stroke.get(stroke.size() - 1);
            mouse("mouseReleased", end[0], end[1], kind);
        }
    }

    /** "ink" or "blank": the pad's bitmap over pad points [x0, x1) x [y0, y1). */
    private String ink(double x0, double y0, double x1, double y1) {
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), s = c.width / 280;"
                + "var d = c.getContext('2d').getImageData(Math.round(arguments[0] * s), Math.round(arguments[1] * s),"
                + " Math.round((arguments[2] - arguments[0]) * s), Math.round((arguments[3] - arguments[1]) * s)).data;"
                + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { return 'ink'; } } return 'blank';", x0, y0, x1, y1);
    }

    private void clear() {
        Pages.js(chromium.driver, "document.getElementById('clear').click();");
    }

    /** What a test does with the app held before ready ({@link #openHeld}): the pipe, and what {@link #release} takes. */
    private interface HeldPage {
        void run(CdpPipe pipe, Map<?, ?> held) throws Exception;
    }

    /**
     * body on the app opened held in the Wasm GC build ({@link #openHeld}), in a browser of its own (the field swapped for
     * it, then back): touches in the class's shared browser came to the page now and then as no pointer events. Its tab
     * goes to about:blank first: a new browser's tab, by the URL the driver gives it, is not always among DevTools' targets.
     */
    private void inOwnBrowserHeld(HeldPage body) throws Exception {
        Chromium shared = chromium;
        chromium = Chromium.launch();
        chromium.driver.get("about:blank");
        try (StaticServer own = Site.start(); CdpPipe pipe = CdpPipe.open(chromium.driver)) {
            body.run(pipe, openHeld(own, pipe, "wasm"));
        } finally {
            chromium.close();
            chromium = shared;
        }
    }

    /**
     * The page opened on a server of its own (no service worker of the other tests answers for the model), its model's
     * download held back: the app is not ready until {@link #release}. The pad located.
     */
    private Map<?, ?> openHeld(StaticServer own, CdpPipe pipe, String runtime) throws InterruptedException {
        pipe.send("Fetch.enable", Map.of("patterns", List.of(Map.of("urlPattern", "*/model/numera.nmod?*"))));
        pipe.awaitAnswers();
        chromium.driver.get(own.url("index.html?runtime=" + runtime));
        Map<?, ?> held = pipe.awaitEvent("Fetch.requestPaused");
        locatePad();
        return held;
    }

    /** The model held by {@link #openHeld} goes on: the app gets ready. */
    private void release(CdpPipe pipe, Map<?, ?> held) {
        pipe.send("Fetch.continueRequest", Map.of("requestId", held.get("requestId")));
        pipe.send("Fetch.disable", Map.of());
        assertTrue(Pages.awaitStart(chromium.driver).startsWith("true|"));
    }

    /** Keeps the pad's bitmap as it is now, for {@link #unlikeKept}; its size, "560x560". */
    private String keepBitmap() {
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas');"
                + "window.__kept = c.getContext('2d').getImageData(0, 0, c.width, c.height); return c.width + 'x' + c.height;");
    }

    /**
     * How the pad's bitmap stands against the one {@link #keepBitmap} kept: "unlike/inked" pixels, those whose ink (alpha)
     * differs over those inked in the kept one; the two sizes if they differ.
     */
    private String unlikeKept() {
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), k = window.__kept;"
                + "if (c.width !== k.width || c.height !== k.height) { return 'kept ' + k.width + 'x' + k.height + ', now ' + c.width + 'x' + c.height; }"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, unlike = 0, inked = 0;"
                + "for (var i = 3; i < d.length; i += 4) { unlike += d[i] !== k.data[i] ? 1 : 0; inked += k.data[i] > 0 ? 1 : 0; }"
                + "return unlike + '/' + inked;");
    }

    /**
     * A palm (or a finger) resting on the pad when the pen comes down: the pen draws, and the palm's
     * stroke is gone, from the pad and from the undo history, as if it never touched. A pen already
     * drawing ignores touches; a finger alone draws; two fingers moving together draw nothing (the browser takes them
     * for a two-finger pan, see {@link #twoFingersPinchThePageAndDrawNothing}).
     */
    @Test
    void aRestingPalmGivesWayToThePen() {
        open("wasm");
        // the palm comes down bottom right, shifts a little, and rests there while the pen writes a 7
        touch("touchStart", new double[] {1, 240, 250});
        touch("touchMove", new double[] {1, 243, 252});
        draw(7, "pen");
        touch("touchEnd");
        assertEquals("7", text("prediction"), () -> "the pen's 7 with a palm resting: " + text("top3") + text("no-digit"));
        assertEquals("blank", ink(225, 235, 260, 270), "no palm on the pad");
        Pages.js(chromium.driver, "document.getElementById('undo').click();");
        assertEquals("blank,true", ink(0, 0, 280, 280) + "," + Pages.js(chromium.driver, "return document.getElementById('undo').disabled;"),
                "one undo takes the pen's stroke, and nothing is left to undo");

        // the pen writes a line at x = 60; a palm comes down at x = 220 halfway and moves: not drawn
        mouse("mousePressed", 60, 50, "pen");
        mouse("mouseMoved", 60, 100, "pen");
        touch("touchStart", new double[] {1, 220, 100});
        mouse("mouseMoved", 60, 150, "pen");
        touch("touchMove", new double[] {1, 220, 200});
        mouse("mouseMoved", 60, 230, "pen");
        touch("touchEnd");
        mouse("mouseReleased", 60, 230, "pen");
        assertEquals("ink,blank", ink(55, 40, 65, 240) + "," + ink(200, 0, 280, 280), "the pen's line, no palm");

        // two fingers side by side, down together and moving down: a pan, not writing
        clear();
        touch("touchStart", new double[] {1, 60, 50});
        touch("touchStart", new double[] {1, 60, 50}, new double[] {2, 220, 50});
        for (int y = 80; y <= 230; y += 30) {
            touch("touchMove", new double[] {1, 60, y}, new double[] {2, 220, y});
        }
        touch("touchEnd");
        assertEquals("blank", ink(0, 0, 280, 280), "two fingers");

        // a finger alone draws as before
        clear();
        List<double[]> one = Strokes.of(1).get(0);
        touch("touchStart", new double[] {1, one.get(0)[0], one.get(0)[1]});
        for (double[] p : one.subList(1, one.size())) {
            touch("touchMove", new double[] {1, p[0], p[1]});
        }
        touch("touchEnd");
        assertEquals("1", text("prediction"), () -> "a finger's 1: " + text("top3") + text("no-digit"));
    }

    /**
     * What is drawn before the app is ready (its code and model take 1-3 s on a slow phone or line; here the model's
     * download is held back) is kept: shown on the pad as it is drawn, and read once the app is ready, as if it had been
     * ready all along. A palm resting on the pad as the pen writes its first stroke (its stroke goes), two Ctrl+Z pressed before ready (which
     * undo nothing: the lines shown stay, so the keys are not kept for later), and a stroke still being drawn at ready, which its later moves continue. Before, all of it was lost
     * without a word: the pad heard nothing until the app had wired it, and the rest of the 4's stem, pressed before,
     * drew alone from where it was at ready. On a pad shown smaller than its 280 points (as in
     * {@link #aPadShownSmallerTakesThePointerWhereItIsShown}), so that the pointer is mapped by the size shown before
     * ready too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void whatIsDrawnBeforeTheAppIsReadyIsKeptAndRead(String runtime) throws Exception {
        Site.requireModel();
        chromium.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 600, "height", 500, "deviceScaleFactor", 2, "mobile", false));
        try (StaticServer own = Site.start(); CdpPipe pipe = CdpPipe.open(chromium.driver)) {
            Map<?, ?> held = openHeld(own, pipe, runtime);
            assertTrue(scale < 0.99, () -> "a pad shown smaller: " + scale * 280 + " px");
            touch("touchStart", new double[] {1, 240, 250});
            List<double[]> first = Strokes.of(4).get(0);
            List<double[]> stem = Strokes.of(4).get(1);
            int half = stem.size() / 2;
            mouse("mousePressed", first.get(0)[0], first.get(0)[1], "pen");
            for (double[] p : first.subList(1, first.size())) {
                mouse("mouseMoved", p[0], p[1], "pen");
            }
            mouse("mouseReleased", first.get(first.size() - 1)[0], first.get(first.size() - 1)[1], "pen");
            // the palm lifts before the page scrolls: a touch the page did not get as pointer events (now and then in a shared
            // browser) still ends in a tap, which after the scroll landed on Clear
            touch("touchEnd");
            // keys before ready do nothing to the lines shown, so they are not kept either: replayed at ready, two Ctrl+Z
            // (the second pressed as the first seemed to do nothing) took this stroke for good
            for (int k = 0; k < 2; k++) {
                for (String type : List.of("rawKeyDown", "keyUp")) {
                    chromium.driver.executeCdpCommand("Input.dispatchKeyEvent",
                            Map.of("type", type, "modifiers", 2, "key", "z", "code", "KeyZ", "windowsVirtualKeyCode", 90));
                }
            }
            // the pad moves (here the page scrolls) before the stem: each point is where it was on the pad when drawn
            assertEquals(40L, Pages.js(chromium.driver, "scrollBy(0, 40); return Math.round(scrollY);"));
            locatePad();
            mouse("mousePressed", stem.get(0)[0], stem.get(0)[1], "pen");
            for (double[] p : stem.subList(1, half)) {
                mouse("mouseMoved", p[0], p[1], "pen");
            }
            assertEquals("not ready|ink|note moved", Pages.js(chromium.driver, "return document.body.dataset.ready || 'not ready';") + "|"
                    + ink(100, 160, 200, 176) + "|" + Pages.js(chromium.driver,
                            "return getComputedStyle(document.querySelector('.pad'), '::after').transform.endsWith(', 0)') ? 'note moved' : 'note over the middle';"),
                    "before ready: the 4's first stroke on the pad, the Loading note out of its way");

            release(pipe, held);
            for (double[] p : stem.subList(half, stem.size())) {
                mouse("mouseMoved", p[0], p[1], "pen");
            }
            mouse("mouseReleased", stem.get(stem.size() - 1)[0], stem.get(stem.size() - 1)[1], "pen");
            assertEquals("4", text("prediction"), () -> "drawn before and after ready: " + text("top3") + text("no-digit"));
            assertEquals("blank,ink", ink(225, 235, 260, 270) + "," + ink(160, 100, 176, 236), "no palm; the whole stem");
            Pages.js(chromium.driver, "document.getElementById('undo').click();");
            assertEquals("ink,blank", ink(100, 160, 150, 176) + "," + ink(160, 180, 176, 236), "one undo takes the stem, and only the stem");
        } finally {
            chromium.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * A pen (or mouse) pressed off the pad before the app is ready, moved across it and lifted off it on the other side
     * draws its line from where it came in, shown as it is drawn and ended where it was lifted, as once ready. Before,
     * the loader did not capture such a pointer (DrawPad does, as it comes in), so its lift off the pad went unheard: the
     * replayed stroke stayed open at ready (never settled, its result never said) and the pen hovering over the pad
     * afterwards, no tip down, drew on with it; nor did the line show before ready.
     */
    @Test
    void aPenDraggedOnAndOffThePadBeforeReadyEndsItsStroke() throws Exception {
        Site.requireModel();
        // a browser of its own: with this test before it, the palm of whatIsDrawnBeforeTheAppIsReadyIsKeptAndRead came to
        // the page as no pointer events now and then (3 runs of the class in 4), its tap at the end pressing Clear
        inOwnBrowserHeld((pipe, held) -> {
            mouse("mousePressed", -40, 140, "pen");
            for (int x = -20; x <= 320; x += 20) {
                mouse("mouseMoved", x, 140, "pen");
            }
            mouse("mouseReleased", 320, 140, "pen");
            String shown = ink(40, 130, 240, 150);
            release(pipe, held);
            assertEquals("ink", shown, "the line shown before ready");
            assertTrue(Pages.awaitTextStart(chromium.driver, "announce", "Not sure", 3000).startsWith("Not sure"),
                    () -> "the stroke ended, its result said: " + text("announce"));
            for (int y = 20; y <= 260; y += 20) {
                chromium.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", "mouseMoved",
                        "x", left + 140 * scale, "y", top + y * scale, "button", "none", "buttons", 0, "pointerType", "pen"));
            }
            assertEquals("ink,blank,blank", ink(40, 130, 240, 150) + "," + ink(130, 20, 150, 120) + "," + ink(130, 160, 150, 260),
                    "the line, and nothing where the pen hovered");
        });
    }

    /**
     * Before the app is ready the pad shows only what it will draw at ready, by its rules: a pinch draws nothing, of two
     * fingers only the first writes, and a palm resting as the pen comes down loses its line to the pen's. At ready the
     * pad repaints the same strokes: its bitmap is the one shown before, pixel for pixel. Before, every pointer drew its
     * own line until ready (here the pinch's two, the second finger's and the palm's), and those lines went at ready.
     * In a browser of its own, as {@link #aPenDraggedOnAndOffThePadBeforeReadyEndsItsStroke}: touches in the shared
     * one came to the page now and then as no pointer events.
     */
    @Test
    void beforeReadyThePadShowsOnlyWhatItWillDraw() throws Exception {
        Site.requireModel();
        inOwnBrowserHeld((pipe, held) -> {
            // two fingers spread at the bottom: a pinch (the browser cancels both), the first finger's dot goes
            touch("touchStart", new double[] {1, 120, 250});
            touch("touchStart", new double[] {1, 120, 250}, new double[] {2, 160, 250});
            for (int d = 10; d <= 100; d += 10) {
                touch("touchMove", new double[] {1, 120 - d, 250}, new double[] {2, 160 + d, 250});
                Thread.sleep(20);   // a pinch in time, as in twoFingersPinchThePageAndDrawNothing
            }
            touch("touchEnd");
            chromium.driver.executeCdpCommand("Emulation.setPageScaleFactor", Map.of("pageScaleFactor", 1));
            String pinch = ink(0, 235, 280, 265);
            // a finger writes down at x = 60; a second comes down at x = 220 and moves down too: only the first writes
            touch("touchStart", new double[] {1, 60, 40});
            for (int y = 50; y <= 140; y += 10) {
                touch("touchMove", new double[] {1, 60, y});
                Thread.sleep(20);
            }
            touch("touchStart", new double[] {1, 60, 140}, new double[] {2, 220, 150});
            for (int y = 160; y <= 200; y += 10) {
                touch("touchMove", new double[] {1, 60, 140}, new double[] {2, 220, y});
                Thread.sleep(20);
            }
            touch("touchEnd");
            // a palm comes down top right and draws, alone, until the pen comes down at x = 140: the pen's line, not the palm's
            touch("touchStart", new double[] {1, 230, 40});
            touch("touchMove", new double[] {1, 240, 90});
            String palmAlone = ink(215, 25, 265, 105);
            mouse("mousePressed", 140, 40, "pen");
            mouse("mouseMoved", 140, 120, "pen");
            touch("touchMove", new double[] {1, 245, 110});
            mouse("mouseMoved", 140, 200, "pen");
            mouse("mouseReleased", 140, 200, "pen");
            touch("touchEnd");
            assertEquals("blank|ink|blank|ink|blank|ink", pinch + "|" + ink(55, 40, 65, 140) + "|" + ink(205, 145, 235, 215) + "|"
                    + palmAlone + "|" + ink(215, 25, 265, 125) + "|" + ink(130, 40, 150, 200),
                    "before ready: no pinch, the first finger's line, not the second's, the palm's line while alone, gone once the pen"
                            + " came down, the pen's line");
            String size = keepBitmap();
            release(pipe, held);
            String atReady = unlikeKept();
            assertTrue(atReady.matches("0/\\d{4,}"), () -> "the pad at ready against the preview on " + size + ", unlike/inked pixels: " + atReady);
        });
    }

    /**
     * Before the app is ready, at devicePixelRatio 2 (this class's screen), the strokes show on a bitmap of the pad's
     * 280 points x 2, as the pad shows them once ready: sharp, and the same pixels; the 7 drawn is read as one. Before, the
     * preview was drawn on the page's 280 px bitmap, stretched over 560 device pixels, blurred, until ready.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void beforeReadyTheStrokesShowAtDevicePixels(String runtime) throws Exception {
        Site.requireModel();
        try (StaticServer own = Site.start(); CdpPipe pipe = CdpPipe.open(chromium.driver)) {
            Map<?, ?> held = openHeld(own, pipe, runtime);
            assertEquals(2L, Pages.js(chromium.driver, "return devicePixelRatio;"));
            draw(7, "pen");
            assertEquals("560x560", keepBitmap(), "the bitmap shown before ready");
            release(pipe, held);
            assertEquals("7", text("prediction"), () -> "drawn before ready: " + text("top3") + text("no-digit"));
            String atReady = unlikeKept();
            assertTrue(atReady.matches("0/\\d{4,}"), () -> "the pad at ready against the preview, unlike/inked pixels: " + atReady);
        }
    }

    /**
     * Two fingers spreading on the pad zoom the page, as anywhere else on it (the browser takes them for a pinch
     * and cancels their pointers), and draw nothing. A finger that was writing when the second came down keeps its
     * stroke. Before, the pad let no touch gesture through: a pinch drew the first finger's path and the page did not
     * zoom. (CDP's touches go through Chromium's gesture recognition.)
     */
    @Test
    void twoFingersPinchThePageAndDrawNothing() throws InterruptedException {
        open("wasm");
        touch("touchStart", new double[] {1, 120, 140});
        touch("touchStart", new double[] {1, 120, 140}, new double[] {2, 160, 140});
        for (int d = 10; d <= 100; d += 10) {
            touch("touchMove", new double[] {1, 120 - d, 140}, new double[] {2, 160 + d, 140});
            Thread.sleep(20);   // a pinch in time: all moves at once are not one
        }
        touch("touchEnd");
        assertEquals("blank,true", ink(0, 0, 280, 280) + "," + Pages.js(chromium.driver, "return document.getElementById('undo').disabled;"),
                "a pinch draws nothing, and leaves nothing to undo");
        assertTrue(((Number) Pages.js(chromium.driver, "return visualViewport.scale;")).doubleValue() > 1.5, "the pinch zoomed the page");

        // a finger writes a line down, then a second finger comes down and the two spread: the line stays whole
        // (Chromium takes no pinch from a finger already writing; a browser that did would cancel it, and a stroke
        // longer than the pen's width stays then too)
        chromium.driver.executeCdpCommand("Emulation.setPageScaleFactor", Map.of("pageScaleFactor", 1));
        touch("touchStart", new double[] {1, 60, 40});
        for (int y = 50; y <= 140; y += 10) {
            touch("touchMove", new double[] {1, 60, y});
            Thread.sleep(20);
        }
        touch("touchStart", new double[] {1, 60, 140}, new double[] {2, 100, 140});
        for (int d = 10; d <= 50; d += 10) {
            touch("touchMove", new double[] {1, 60 - d, 140}, new double[] {2, 100 + 2 * d, 140});
            Thread.sleep(20);
        }
        touch("touchEnd");
        assertEquals("ink,false", ink(55, 40, 65, 130) + "," + Pages.js(chromium.driver, "return document.getElementById('undo').disabled;"),
                "the line written before the second finger");
        Pages.js(chromium.driver, "document.getElementById('undo').click();");
        assertEquals("blank", ink(0, 0, 280, 280), "one stroke: the first finger's");
        chromium.driver.executeCdpCommand("Emulation.setPageScaleFactor", Map.of("pageScaleFactor", 1));
    }

    /**
     * A pen turned round to erase draws nothing: its eraser end comes down as button 5 (buttons 32). Before, any pen button
     * drew, so the eraser drew a line. Nor does it drop a finger's stroke being drawn, as the pen's tip does a palm's. CDP cannot press an eraser, so the pointer events are the page's own, the same stroke
     * with the pen's tip first: that one draws.
     */
    @Test
    void aPensEraserEndDrawsNothing() {
        open("wasm");
        String stroke = "var c = document.getElementById('draw-canvas'), r = c.getBoundingClientRect(), s = r.width / 280;"
                + "function at(type, y, button, buttons) { c.dispatchEvent(new PointerEvent(type, {pointerId: 7, pointerType: 'pen', isPrimary: true,"
                + " bubbles: true, cancelable: true, button: button, buttons: buttons, clientX: r.left + 140 * s, clientY: r.top + y * s})); }"
                + "at('pointerdown', 60, arguments[0], arguments[1]);"
                + "for (var y = 80; y <= 220; y += 20) { at('pointermove', y, -1, arguments[1]); }"
                + "at('pointerup', 220, arguments[0], 0);";
        Pages.js(chromium.driver, stroke, 0, 1);
        assertEquals("ink", ink(130, 50, 150, 230), "the pen's tip draws");
        clear();
        Pages.js(chromium.driver, stroke, 5, 32);
        assertEquals("blank", ink(0, 0, 280, 280), "the pen's eraser end draws nothing");
        // nor does it take over from a finger drawing, as the pen's tip would (a palm's stroke goes then)
        touch("touchStart", new double[] {1, 220, 60});
        touch("touchMove", new double[] {1, 220, 120});
        Pages.js(chromium.driver, stroke, 5, 32);
        touch("touchMove", new double[] {1, 220, 180});
        touch("touchEnd");
        assertEquals("ink,blank", ink(210, 50, 230, 190) + "," + ink(130, 50, 150, 230), "the finger's line stays, the eraser drew none");
    }

    /**
     * A fast stroke on a busy page: the page is held up from the press on (a long task, as a slow
     * device's first stroke after load, or a recognition that runs long) while the pointer moves on,
     * without waiting for it as a real one does, so the moves reach the page as few pointermove events,
     * each standing for many positions (its coalesced events). Every position is drawn and read: there is
     * ink under each point the pointer passed, and the 0 is a 0. Before, only each event's own position
     * counted: here the press and the last position, a dot read as too small (under a 4x CPU throttle,
     * without the long task, a 0 of 100 moves came as 17-36 events and was drawn as a polygon).
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aFastStrokeOnABusyPageKeepsEveryPosition(String runtime) throws Exception {
        open(runtime);
        // a second's long task at the press; the moves the page gets counted, as events and as positions
        Pages.js(chromium.driver, "window.__events = 0; window.__positions = 0; var c = document.getElementById('draw-canvas');"
                + "c.addEventListener('pointermove', function (e) { window.__events++; window.__positions += e.getCoalescedEvents().length; });"
                + "c.addEventListener('pointerdown', function () { var t = performance.now(); while (performance.now() - t < 1000) {} }, {once: true});");
        List<double[]> zero = new ArrayList<>();   // a 0 of 100 moves after the press, clockwise from the top
        for (int i = 0; i <= 100; i++) {
            double a = 2 * Math.PI * i / 100;
            zero.add(new double[] {140 + 55 * Math.sin(a), 140 - 85 * Math.cos(a)});
        }
        try (CdpPipe pipe = CdpPipe.open(chromium.driver)) {
            pipe.send("Input.dispatchMouseEvent", mouseEvent("mousePressed", zero.get(0)[0], zero.get(0)[1], "mouse"));
            for (double[] p : zero.subList(1, zero.size())) {
                pipe.send("Input.dispatchMouseEvent", mouseEvent("mouseMoved", p[0], p[1], "mouse"));
            }
            pipe.send("Input.dispatchMouseEvent", mouseEvent("mouseReleased", zero.get(100)[0], zero.get(100)[1], "mouse"));
            pipe.awaitAnswers();
        }
        List<?> got = (List<?>) Pages.js(chromium.driver, "return [window.__events, window.__positions];");
        long events = ((Number) got.get(0)).longValue();
        long positions = ((Number) got.get(1)).longValue();
        assertEquals(100, positions, "every move reached the page");
        assertTrue(events < positions, () -> "the moves came coalesced: " + events + " pointermove events for " + positions + " positions");
        assertEquals("0", text("prediction"), () -> "a 0 of " + events + " events for " + positions + " positions: "
                + text("top3") + text("no-digit"));
        // a 3x3 px square at each point the pointer passed, in the pad's bitmap
        String blank = (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), s = c.width / c.clientWidth,"
                + " g = c.getContext('2d'), blank = [];"
                + "arguments[0].forEach(function (p) { var d = g.getImageData(Math.round((p[0] - 1.5) * s), Math.round((p[1] - 1.5) * s),"
                + "  Math.round(3 * s), Math.round(3 * s)).data, ink = false;"
                + " for (var i = 3; i < d.length; i += 4) { ink = ink || d[i] > 0; }"
                + " if (!ink) { blank.push(Math.round(p[0]) + ',' + Math.round(p[1])); } });"
                + "return blank.join(' ');", zero);
        assertEquals("", blank, () -> "points of the stroke with no ink under them (of " + events + " events for " + positions + " positions)");
    }

    /**
     * A drawing kept for the next load (what "Reload" to a new version keeps, ChromiumAppTest) comes back once: read as
     * drawn, gone from the storage. A kept text the pad did not write (a stray character, a point far off) draws nothing.
     */
    @Test
    void aKeptDrawingComesBackOnceAndAGarbledOneDrawsNothing() {
        open("wasm");
        Pages.js(chromium.driver, "sessionStorage.setItem('numera.pad', '600,600 1400,600 2200,600;2200,600 1700,1500 1200,2400');");
        open("wasm");
        assertEquals("7|false", Pages.await(chromium.driver, "document.getElementById('prediction').textContent !== ''",
                "document.getElementById('prediction').textContent + '|' + document.getElementById('undo').disabled"));
        assertEquals(null, Pages.js(chromium.driver, "return sessionStorage.getItem('numera.pad');"));
        for (String garbled : new String[] {"600,600 x,600", "600,600 1400", "600,600 99999,600", "NaN,1 2,3", "6.5,1 2,3", "1,2,3 4"}) {
            Pages.js(chromium.driver, "sessionStorage.setItem('numera.pad', arguments[0]);", garbled);
            open("wasm");
            assertEquals("true|blank", Pages.js(chromium.driver, "return document.getElementById('undo').disabled + '|'") + ink(0, 0, 280, 280), garbled);
        }
    }

    /**
     * The pad's help names keys where there is a mouse, and on a touch screen alone says what fingers do (one draws, so
     * two scroll the page): a phone showed "Ctrl+Z undoes a stroke or a clear, Esc clears", keys it has not got.
     */
    @Test
    void theHelpNamesKeysForAMouseAndFingersForATouchScreen() {
        open("wasm");
        assertEquals("Mouse, finger or pen. Ctrl+Z undoes a stroke or a clear, Esc clears.", text("draw-help"));
        try (Chromium phone = Chromium.launch()) {
            phone.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
            phone.driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
            phone.driver.get(Site.server().url("index.html?runtime=wasm"));
            assertTrue(Pages.awaitStart(phone.driver).startsWith("true|"));
            assertEquals("Draw with a finger or pen; two fingers scroll the page.", phone.driver.findElement(By.id("draw-help")).getText());
        }
    }

    /**
     * A small "1" is read: its brush is fitted to the drawing, so its ink is little, and counted against
     * the pad's area a 50 px "1" was "too little ink (blank paper?)". A tap is too small, and says so.
     */
    @Test
    void aSmallOneIsReadAndATapIsTooSmall() {
        open("wasm");
        for (int length : new int[] {50, 40}) {
            clear();
            // the page's test "1" (Strokes), this tall: leaning right a little, a point every 5 px
            double lean = length / 20.0;
            mouse("mousePressed", 140 + lean, 140 - length / 2.0, "mouse");
            for (int y = 5; y <= length; y += 5) {
                mouse("mouseMoved", 140 + lean - 2 * lean * y / length, 140 - length / 2.0 + y, "mouse");
            }
            mouse("mouseReleased", 140 - lean, 140 + length / 2.0, "mouse");
            assertEquals("1", text("prediction"), () -> "a " + length + " px 1: " + text("top3") + text("no-digit"));
        }
        clear();
        mouse("mousePressed", 100, 60, "mouse");
        mouse("mouseReleased", 100, 60, "mouse");
        assertEquals("No digit: too small to read. Draw it bigger.", text("no-digit"), "a tap");
    }

    /**
     * A mouse or a pen pressed just off the pad (on its heading, above it) and dragged onto it draws
     * from where it comes in, as on paper; before, the pad ignored a pointer it had not seen pressed,
     * and the "1" below left no ink. What the press began to select of the heading's text goes. A mouse
     * moved onto the pad with no button held draws nothing, and a stroke that Escape took away
     * mid-stroke does not start again as the still-held mouse moves on.
     */
    @Test
    void aStrokeStartedJustOffThePadDrawsFromWhereItComesIn() {
        open("wasm");
        assertTrue(top > 30 * scale, () -> "room above the pad for the press: top " + top);
        for (String kind : List.of("pen", "mouse")) {
            clear();
            mouse("mousePressed", 146, -25, kind);
            for (int y = -10; y <= 250; y += 10) {
                mouse("mouseMoved", 146 - 12 * (y + 25) / 275.0, y, kind);
            }
            mouse("mouseReleased", 134, 250, kind);
            assertEquals("1", text("prediction"), () -> "a " + kind + "'s 1 begun above the pad: " + text("top3") + text("no-digit"));
            assertEquals("ink,ink", ink(135, 0, 155, 10) + "," + ink(125, 240, 145, 250), kind + ": ink from the pad's edge on");
            // pressed on the pad's heading: what the press began to select goes (pressed again, selected
            // text is dragged, and the browser cancels the pointer: the next stroke drew nothing)
            assertEquals("", Pages.js(chromium.driver, "return getSelection().toString();"), kind + ": text selected");
        }

        clear();
        for (int x = -30; x <= 250; x += 20) {
            chromium.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", "mouseMoved",
                    "x", left + x * scale, "y", top + 140 * scale, "button", "none", "buttons", 0, "pointerType", "mouse"));
        }
        assertEquals("blank", ink(0, 0, 280, 280), "a mouse moved across with no button held");

        mouse("mousePressed", 60, 60, "mouse");
        mouse("mouseMoved", 100, 100, "mouse");
        for (String type : List.of("keyDown", "keyUp")) {
            chromium.driver.executeCdpCommand("Input.dispatchKeyEvent", Map.of("type", type, "key", "Escape",
                    "code", "Escape", "windowsVirtualKeyCode", 27));
        }
        for (int d = 110; d <= 200; d += 10) {
            mouse("mouseMoved", d, d, "mouse");
        }
        assertEquals("blank", ink(0, 0, 280, 280), "Escape mid-stroke, then the held mouse moves on");
        mouse("mouseReleased", 200, 200, "mouse");
        mouse("mousePressed", 60, 200, "mouse");
        mouse("mouseMoved", 200, 200, "mouse");
        mouse("mouseReleased", 200, 200, "mouse");
        assertEquals("ink", ink(120, 190, 140, 210), "the next press draws");
    }

    /**
     * A stroke dragged off the pad (the pointer stays captured, so its moves keep coming) reaches the
     * network as bold as the same stroke stopped at the pad's edge: the brush is fitted to the ink on
     * the pad, not to points the network never sees. Before, the bar of this 7 pulled 300 px off the pad
     * made the pen 40 px instead of 25.6 px.
     */
    @Test
    void aStrokeDraggedOffThePadReachesTheNetworkAsBoldAsOnIt() {
        open("wasm");
        double onPad = sevenInk(280);
        clear();
        double dragged = sevenInk(580);
        assertTrue(onPad > 0, "no ink in the network's input");
        assertEquals(1.0, dragged / onPad, 0.03, () -> "ink in the network's 28x28 input: bar to the pad's edge " + onPad
                + ", dragged 300 px past it " + dragged);
    }

    /**
     * Part of a drawing run off the pad is said so under the pad, in the help's place, once the pen lifts,
     * and no longer once that stroke is undone; a flick just past the edge and a stroke along it are not.
     */
    @Test
    void aDrawingRunOffThePadIsSaidSo() {
        open("wasm");
        sevenInk(280);
        assertEquals("|true", offPad(), "a 7 on the pad");
        Object cardHeight = Pages.js(chromium.driver, CARD_HEIGHT);
        clear();
        // the bar's end 20 px past the edge: 11 px beyond the pen's reach, under the 20 px that count
        sevenInk(300);
        assertEquals("|true", offPad(), "a flick past the edge");
        clear();
        sevenInk(580);
        assertEquals("Part of the drawing ran off the pad: only what is on the pad is read.|false", offPad(),
                "a 7 whose bar ran 300 px off the pad");
        assertEquals(cardHeight, Pages.js(chromium.driver, CARD_HEIGHT), "the line takes the help's place: the card keeps its height");
        Pages.js(chromium.driver, "document.getElementById('undo').click();");
        assertEquals("Part of the drawing ran off the pad: only what is on the pad is read.|false", offPad(),
                "the stem undone: the bar is still off the pad");
        Pages.js(chromium.driver, "document.getElementById('undo').click();");
        assertEquals("|true", offPad(), "the bar undone too");
        // a stroke that leaves the pad and comes back
        mouse("mousePressed", 140, 40, "mouse");
        mouse("mouseMoved", 140, -60, "mouse");
        mouse("mouseMoved", 140, 240, "mouse");
        mouse("mouseReleased", 140, 240, "mouse");
        assertTrue(offPad().endsWith("|false"), offPad());
        clear();
        assertEquals("|true", offPad(), "a clear");
    }

    private static final String CARD_HEIGHT = "return document.querySelector('.card.draw').getBoundingClientRect().height;";

    // "the off-pad line's text|whether the help is shown"
    private String offPad() {
        return (String) Pages.js(chromium.driver, "return document.getElementById('draw-off').textContent + '|'"
                + " + (getComputedStyle(document.getElementById('draw-help')).visibility === 'visible');");
    }

    // a 7 whose bar runs from x = 60 to barEnd (pad points; the pad is 280 wide), then the stem; the ink
    // of the network's 28x28 input as the page shows it (the first canvas inside the network view)
    private double sevenInk(double barEnd) {
        mouse("mousePressed", 60, 60, "mouse");
        for (double x = 80; x <= barEnd; x += 20) {
            mouse("mouseMoved", x, 60, "mouse");
        }
        mouse("mouseReleased", barEnd, 60, "mouse");
        mouse("mousePressed", 240, 60, "mouse");
        for (int i = 1; i <= 10; i++) {
            mouse("mouseMoved", 240 - 9 * i, 60 + 19 * i, "mouse");
        }
        mouse("mouseReleased", 150, 250, "mouse");
        assertEquals("7", text("prediction"), () -> "a 7 with its bar to x = " + barEnd + ": " + text("top3") + text("no-digit"));
        return ((Number) Pages.js(chromium.driver, "var c = document.querySelector('#activations canvas'),"
                + " d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, t = 0;"
                + "for (var i = 0; i < d.length; i += 4) { t += Math.abs(d[i] - d[0]); } return t;")).doubleValue();
    }

    /**
     * The browser's one screen (headless --screen-info, set at launch) takes this devicePixelRatio, as
     * a display whose scale is changed, or another screen the window is moved to: the browser's own
     * ratio change, media query change events included (an emulated ratio, Emulation.setDeviceMetricsOverride,
     * fires none in Chromium 156).
     */
    private void ratio(double dpr) {
        Map<?, ?> screens = chromium.driver.executeCdpCommand("Emulation.getScreenInfos", Map.of());
        Object id = ((Map<?, ?>) ((List<?>) screens.get("screenInfos")).get(0)).get("id");
        chromium.driver.executeCdpCommand("Emulation.updateScreen", Map.of("screenId", id, "devicePixelRatio", dpr));
    }

    /** "drawing area (the content box, CSS px) bitmap (px)", e.g. "280x280 560x560". */
    private String geometry() {
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas');"
                + "return " + SHOWN + " + 'x' + (c.getBoundingClientRect().height - (c.offsetHeight - c.clientHeight)) + ' ' + c.width + 'x' + c.height;");
    }

    /** From now on each pointerdown's position on the drawing area (the content box) is kept, in CSS px. */
    private void recordPresses() {
        Pages.js(chromium.driver, "window.__presses = []; var c = document.getElementById('draw-canvas');"
                + "c.addEventListener('pointerdown', function (e) { var r = c.getBoundingClientRect();"
                + " window.__presses.push([e.clientX - r.left - c.clientLeft, e.clientY - r.top - c.clientTop]); }, true);");
    }

    /**
     * How far (CSS px, the larger of x and y) each dot drawn since {@link #recordPresses} shows from
     * where it was pressed, one decimal each: the centre of its ink in the bitmap (alpha-weighted, within
     * 20 px), placed on the content box the browser stretches the bitmap over.
     */
    private String offsets() {
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), s = c.width / " + SHOWN + ";"
                + "return window.__presses.map(function (p) {"
                + " var x0 = Math.round((p[0] - 20) * s), y0 = Math.round((p[1] - 20) * s), n = Math.round(40 * s);"
                + " var d = c.getContext('2d').getImageData(x0, y0, n, n).data, sum = 0, sx = 0, sy = 0;"
                + " for (var i = 0; i < n * n; i++) { var a = d[4 * i + 3]; sum += a; sx += a * (x0 + i % n + 0.5); sy += a * (y0 + Math.floor(i / n) + 0.5); }"
                + " var off = Math.max(Math.abs(sx / sum / s - p[0]), Math.abs(sy / sum / s - p[1]));"
                + " return sum > 0 ? off.toFixed(1) : 'no ink'; }).join(' ');");
    }

    /** The digit drawn by pointer events dispatched from page script, at exactly its points on the drawing area (pad points). */
    private void drawExactly(int digit) {
        Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), r = c.getBoundingClientRect(), s = " + SHOWN + " / 280;"
                + "var x0 = r.left + c.clientLeft, y0 = r.top + c.clientTop;"
                + "function ev(type, p) { c.dispatchEvent(new PointerEvent(type, {bubbles: true, cancelable: true, pointerId: 9,"
                + " pointerType: 'mouse', isPrimary: true, button: 0, buttons: type === 'pointerup' ? 0 : 1, clientX: x0 + p[0] * s, clientY: y0 + p[1] * s})); }"
                + "arguments[0].forEach(function (st) { ev('pointerdown', st[0]); st.slice(1).forEach(function (p) { ev('pointermove', p); });"
                + " ev('pointerup', st[st.length - 1]); });", Strokes.of(digit));
    }

    /** The network's 28x28 input as shown under "Inside the network", hashed (FNV-1a over the RGBA bytes). */
    private String inputHash() {
        return (String) Pages.js(chromium.driver, "var c = document.querySelector('#activations canvas');"
                + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, h = 2166136261;"
                + "for (var i = 0; i < d.length; i++) { h = Math.imul(h ^ d[i], 16777619) >>> 0; } return h.toString(16);");
    }

    /**
     * The pad's bitmap is its drawing area (the canvas's content box, inside the 1 px border) times
     * devicePixelRatio: one bitmap pixel per device pixel, nothing resampled, and a dot shows where it
     * was pressed. When the ratio changes (browser zoom, the window moved to another screen) the bitmap
     * follows and the strokes are painted again. What the network sees does not depend on the ratio.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void thePadsBitmapIsItsDrawingAreaInDevicePixels(String runtime) {
        try {
            open(runtime);
            assertEquals("280x280 560x560", geometry(), "at devicePixelRatio 2: drawing area (CSS px), bitmap (px)");
            drawExactly(7);
            assertEquals("7", text("prediction"));
            String input = inputHash();
            // a dot near each corner, pressed with the mouse: each shows where it was pressed
            clear();
            recordPresses();
            for (double[] d : new double[][] {{20, 30}, {250, 262}}) {
                mouse("mousePressed", d[0], d[1], "mouse");
                mouse("mouseReleased", d[0], d[1], "mouse");
            }
            assertEquals("0.0 0.0", offsets(), "dots from where they were pressed (CSS px), at devicePixelRatio 2");

            // the ratio goes from 2 to 3; a listener made after the pad's is called after it, and a frame later the pad has repainted
            Pages.js(chromium.driver, "window.__changed = false; matchMedia('(resolution: 2dppx)').addEventListener('change', function () {"
                    + " requestAnimationFrame(function () { window.__changed = true; }); }, {once: true});");
            ratio(3);
            Pages.await(chromium.driver, "window.__changed", "true");
            assertEquals("280x280 840x840", geometry(), "after the ratio went from 2 to 3");
            assertEquals("0.0 0.0", offsets(), "the dots painted again, at devicePixelRatio 3");
            clear();
            drawExactly(7);
            assertEquals(input, inputHash(), "the network's input for the same 7 at devicePixelRatio 2 and 3");
        } finally {
            ratio(2);
        }
    }

    /**
     * A pad shown smaller than its 280 points (a 1200x1000 window at 200 % zoom, 600x500 CSS px with a classic
     * scrollbar: two columns, the pad 240.5 px, its card's width): the pointer is mapped by the size shown, to
     * the fraction of a pixel, so a dot shows where it was pressed, even in the far corner; the bitmap stays
     * 280 x devicePixelRatio px, scaled down by the browser, and a 7 drawn on it is read.
     */
    @ParameterizedTest
    @ValueSource(strings = {"js", "wasm"})
    void aPadShownSmallerTakesThePointerWhereItIsShown(String runtime) {
        chromium.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 600, "height", 500, "deviceScaleFactor", 2, "mobile", false));
        try {
            open(runtime);
            String size = geometry();
            double shown = Double.parseDouble(size.substring(0, size.indexOf('x')));
            assertTrue(shown < 279 && shown != Math.rint(shown) && size.endsWith(" 560x560"),
                    "a pad under 280 px and not a whole number of them, its bitmap 280 x 2 px: " + size);
            recordPresses();
            for (double[] d : new double[][] {{20, 30}, {262, 266}}) {
                mouse("mousePressed", d[0], d[1], "mouse");
                mouse("mouseReleased", d[0], d[1], "mouse");
            }
            assertEquals("0.0 0.0", offsets(), "dots from where they were pressed (CSS px), on a pad of " + size);
            clear();
            draw(7, "mouse");
            assertEquals("7", text("prediction"), () -> "a 7 on a pad of " + size + ": " + text("top3") + text("no-digit"));
        } finally {
            chromium.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
