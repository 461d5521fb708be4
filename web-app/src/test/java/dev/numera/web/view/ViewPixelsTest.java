package dev.numera.web.view;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The views' pixels against hand-computed ones; every output starts as garbage, so each pixel is checked written. */
class ViewPixelsTest {
    private static final int GARBAGE = 0x12345678;
    private static final int BAR = 0xFF9D7B45;

    private static int g(int level) {
        return 0xFF000000 | level << 16 | level << 8 | level;
    }

    private static int[] garbage(int n) {
        int[] out = new int[n];
        Arrays.fill(out, GARBAGE);
        return out;
    }

    @Test
    void grayClampsAndRoundsToNearestLevel() {
        float[] ink = {-1f, 0f, 0.5f, 1f, 2f, Float.NaN, 0.002f, 0.998f};
        int[] out = garbage(ink.length);
        ViewPixels.gray(ink, ink.length, out);
        // 0.5 * 255 + 0.5 = 128; 0.002 * 255 + 0.5 = 1.01 -> 1; 0.998 * 255 + 0.5 = 254.99 -> 254
        assertArrayEquals(new int[]{g(0), g(0), g(128), g(255), g(255), g(0), g(1), g(254)}, out);
    }

    /** Three 2x2 channels, two tiles a row: a 5x5 picture with transparent gaps and an empty fourth tile. */
    @Test
    void mapsScaleEachChannelToItsOwnMaximum() {
        float[] a = {
            0f, 1f, 2f, 4f,        // max 4: 0, 63.75 -> 63, 127.5 -> 127, 255
            -3f, 0.5f, 0f, 1e-7f,  // max 0.5: negative black, 1e-7 / 0.5 * 255 -> 0
            1e-7f, 0f, 0f, 0f,     // max below 1e-6: scaled by 1e-6, 0.1 * 255 = 25.5 -> 25
        };
        int[] out = garbage(25);
        ViewPixels.maps(a, 3, 2, 2, 2, out);
        int t = 0; // transparent
        assertArrayEquals(new int[]{
            g(0), g(63), t, g(0), g(255),
            g(127), g(255), t, g(0), g(0),
            t, t, t, t, t,
            g(25), g(0), t, t, t,
            g(0), g(0), t, t, t,
        }, out);
    }

    /** Four units, 4 pixels high: magnitudes 2, 1, 0.2955 and 0 scaled so that 2 fills the height. */
    @Test
    void barsScaleMagnitudesToTheLargestWithAFractionalTop() {
        float[] a = {2f, -1f, 0.2955f, 0f};
        int[] out = garbage(16);
        ViewPixels.bars(a, 4, 4, BAR, out);
        int t = 0;
        int part = (BAR & 0xFFFFFF) | 151 << 24; // 0.2955 * 2 = 0.591 of a pixel: alpha 150.7 + 0.5 -> 151
        assertArrayEquals(new int[]{
            BAR, t, t, t,
            BAR, t, t, t,
            BAR, BAR, t, t,
            BAR, BAR, part, t,
        }, out);
    }

    @Test
    void anAllZeroLayerDrawsNoBars() {
        int[] out = garbage(3 * 5);
        ViewPixels.bars(new float[3], 3, 5, BAR, out);
        assertArrayEquals(new int[15], out);
    }

    /** Tiny magnitudes still get relative bars: the largest fills the height. */
    @Test
    void tinyLayersGetRelativeBars() {
        int[] out = garbage(2 * 2);
        ViewPixels.bars(new float[]{1e-9f, -5e-10f}, 2, 2, BAR, out);
        assertArrayEquals(new int[]{BAR, 0, BAR, BAR}, out);
    }
}
