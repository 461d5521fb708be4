package dev.numera.web.page;

import dev.numera.web.harness.Chromium;
import dev.numera.web.harness.Pages;
import dev.numera.web.harness.Site;
import dev.numera.web.harness.Strokes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The drawing pad under the browser's own input (CDP Input.dispatchTouchEvent and dispatchMouseEvent,
 * which Chromium turns into pointer events as from a real device): a palm resting on the pad while a
 * pen writes. Both builds run the same Java; one is enough.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChromiumPadTest {
    private Chromium chromium;
    private double left;   // the pad's drawing area (the canvas's content box) in the viewport, CSS px
    private double top;

    @BeforeAll
    void launch() {
        chromium = Chromium.launch();
    }

    @AfterAll
    void quit() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void open() {
        Site.requireModel();
        chromium.driver.get(Site.server().url("index.html?runtime=wasm"));
        String started = Pages.awaitStart(chromium.driver);
        assertTrue(started.startsWith("true|"), started);
        List<?> r = (List<?>) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), r = c.getBoundingClientRect();"
                + "return [r.left + c.clientLeft, r.top + c.clientTop];");
        left = ((Number) r.get(0)).doubleValue();
        top = ((Number) r.get(1)).doubleValue();
    }

    private String text(String id) {
        return chromium.driver.findElement(By.id(id)).getText();
    }

    /** A mouse or pen event at pad point (x, y): type mousePressed, mouseMoved or mouseReleased. */
    private void mouse(String type, double x, double y, String kind) {
        chromium.driver.executeCdpCommand("Input.dispatchMouseEvent", Map.of("type", type, "x", left + x, "y", top + y,
                "button", "left", "buttons", type.equals("mouseReleased") ? 0 : 1, "clickCount", 1, "pointerType", kind));
    }

    /** A touch event with these fingers down, each {id, x, y} in pad points; none for touchEnd. */
    private void touch(String type, double[]... fingers) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (double[] f : fingers) {
            points.add(Map.of("id", (int) f[0], "x", left + f[1], "y", top + f[2], "radiusX", 8, "radiusY", 8));
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
        return (String) Pages.js(chromium.driver, "var c = document.getElementById('draw-canvas'), s = c.width / c.clientWidth;"
                + "var d = c.getContext('2d').getImageData(Math.round(arguments[0] * s), Math.round(arguments[1] * s),"
                + " Math.round((arguments[2] - arguments[0]) * s), Math.round((arguments[3] - arguments[1]) * s)).data;"
                + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) { return 'ink'; } } return 'blank';", x0, y0, x1, y1);
    }

    private void clear() {
        Pages.js(chromium.driver, "document.getElementById('clear').click();");
    }

    /**
     * A palm (or a finger) resting on the pad when the pen comes down: the pen draws, and the palm's
     * stroke is gone, from the pad and from the undo history, as if it never touched. A pen already
     * drawing ignores touches; a finger alone draws; two fingers draw one stroke, the first finger's.
     */
    @Test
    void aRestingPalmGivesWayToThePen() {
        open();
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

        // two fingers side by side, down together and moving down: the first finger's line only
        clear();
        touch("touchStart", new double[] {1, 60, 50});
        touch("touchStart", new double[] {1, 60, 50}, new double[] {2, 220, 50});
        for (int y = 80; y <= 230; y += 30) {
            touch("touchMove", new double[] {1, 60, y}, new double[] {2, 220, y});
        }
        touch("touchEnd");
        assertEquals("ink,blank", ink(55, 40, 65, 240) + "," + ink(200, 0, 280, 280), "two fingers");

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
}
