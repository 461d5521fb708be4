package dev.numera.core.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StrokeWidthTest {
    /** A w x h rectangle of ink at (x0, y0) in a 100x100 image. */
    private static float[] rect(int x0, int y0, int w, int h) {
        float[] ink = new float[100 * 100];
        Images.fillRect(ink, 100, x0, y0, w, h, 1f);
        return ink;
    }

    /**
     * Hand-computed: a line 1 px wide and 50 long in a digit box of 100 measures 2 (every pixel on its boundary),
     * under half the target of 10, so it grows by r = round((7.5 - 2) / 2) = 3 on every side: 7 x 56, exactly
     * what a naive 7x7 max filter makes. A bar 10 px wide measures 2 x 500 / 116 = 8.6 and is left as it is.
     */
    @Test
    void aThinLineGrowsToThreeQuartersOfTheTargetAndABoldOneStays() {
        StrokeWidth s = new StrokeWidth(100, 100);
        float[] line = rect(40, 20, 1, 50);
        assertEquals(3, s.thicken(line, 100));
        assertArrayEquals(rect(37, 17, 7, 56), line);

        float[] bar = rect(40, 20, 10, 50);
        float[] before = bar.clone();
        assertEquals(0, s.thicken(bar, 100));
        assertArrayEquals(before, bar);
        // no ink: nothing to do
        assertEquals(0, s.thicken(new float[100 * 100], 100));
        // at the image's edge the square is cut off there
        float[] edge = rect(0, 0, 1, 50);
        assertEquals(3, s.thicken(edge, 100));
        assertArrayEquals(rect(0, 0, 4, 53), edge);
    }

    /** A short array is refused with a message (in Wasm GC an index past its end is a trap no catch stops). */
    @Test
    void anInkArrayOfAnotherSizeIsRefused() {
        StrokeWidth s = new StrokeWidth(100, 100);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.thicken(new float[99 * 100], 100));
        assertEquals("ink has length 9900, expected 10000", e.getMessage());
    }
}
