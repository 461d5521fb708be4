package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveThresholdTest {
    /** O(r^2) per pixel, written straight from the definition. */
    static float[] naive(float[] grey, int w, int h, int r, float offset, float minContrast) {
        float[] ink = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int area = 0;
                for (int yy = y - r; yy <= y + r; yy++) {
                    for (int xx = x - r; xx <= x + r; xx++) {
                        if (xx >= 0 && yy >= 0 && xx < w && yy < h) {
                            sum += AdaptiveThreshold.level(grey[yy * w + xx]);
                            area++;
                        }
                    }
                }
                int q = AdaptiveThreshold.level(grey[y * w + x]);
                float below = (float) (sum - q * area);
                ink[y * w + x] = below > offset * area && below > minContrast * sum ? 1f : 0f;
            }
        }
        return ink;
    }

    /** {@link #naive} with the offset raised to {@code noiseSigmas} times the image's noise: the median of the sorted differences of rows 0, 2, 4... */
    static float[] naive(float[] grey, int w, int h, int r, float offset, float minContrast, float noiseSigmas) {
        int[] diffs = new int[(w - 1) * ((h + 1) / 2)];
        int k = 0;
        for (int y = 0; y < h; y += 2) {   // every other row, as AdaptiveThreshold.NOISE_ROWS
            for (int x = 0; x + 1 < w; x++) {
                diffs[k++] = Math.abs(AdaptiveThreshold.level(grey[y * w + x + 1]) - AdaptiveThreshold.level(grey[y * w + x]));
            }
        }
        java.util.Arrays.sort(diffs);
        float sigma = diffs.length == 0 ? 0f : diffs[diffs.length / 2] / 0.954f;
        return naive(grey, w, h, r, Math.max(offset, noiseSigmas * sigma), minContrast);
    }

    @Test
    void withTheNoiseRuleMatchesTheNaiveReferenceBitExact() {
        Images.Lcg rng = new Images.Lcg(9);
        int compared = 0, raised = 0;
        for (int[] c : new int[][] {{37, 23, 4}, {140, 140, 7}, {16, 50, 1}, {1, 9, 2}}) {
            int w = c[0], h = c[1];
            for (float spread : new float[] {2f, 12f, 40f}) {
                float[] grey = new float[w * h];
                for (int i = 0; i < grey.length; i++) {
                    grey[i] = rng.nextInt(12) == 0 ? 40f : 170f + (rng.nextFloat() - 0.5f) * spread;
                }
                AdaptiveThreshold t = new AdaptiveThreshold(w, h, c[2], 8f, 0.1f, 3f);
                float[] ink = new float[w * h];
                t.apply(grey, ink);
                assertArrayEquals(naive(grey, w, h, c[2], 8f, 0.1f, 3f), ink, 0f, w + "x" + h + " spread " + spread);
                compared++;
                raised += t.offsetUsed() > 8f ? 1 : 0;
            }
        }
        assertEquals(12, compared);
        assertTrue(raised >= 4, "the noisier images must raise the offset: " + raised);
    }

    /** Gaussian noise of known sigma on paper with a few strokes: the estimate is within half a level, and 2 levels leave the offset at 8. */
    @Test
    void theNoiseEstimateFollowsTheSensorsNoise() {
        java.util.Random rng = new java.util.Random(5);
        for (double sigma : new double[] {2, 5, 8, 12}) {
            float[] grey = new float[140 * 140];
            for (int i = 0; i < grey.length; i++) {
                boolean stroke = (i % 140) >= 60 && (i % 140) < 66 && i / 140 > 30 && i / 140 < 110;   // a 6 px bar: few edges
                grey[i] = (float) Math.max(0, Math.min(255, (stroke ? 50 : 180) + rng.nextGaussian() * sigma));
            }
            AdaptiveThreshold t = new AdaptiveThreshold(140, 140);
            t.apply(grey, new float[140 * 140]);
            assertEquals(sigma, t.noiseSigma(), Math.max(0.6, sigma * 0.08), "sigma " + sigma);
            assertEquals(Math.max(8f, AdaptiveThreshold.NOISE_SIGMAS * t.noiseSigma()), t.offsetUsed(), 0f);
            if (sigma <= 2) {
                assertEquals(8f, t.offsetUsed(), 0f, "a camera in good light: the offset as it was");
            }
        }
    }

    @Test
    void matchesNaiveReferenceBitExactOnRandomImages() {
        Images.Lcg rng = new Images.Lcg(7);
        int[][] cases = {{37, 23, 4}, {140, 140, 4}, {16, 50, 1}, {9, 9, 7}, {31, 17, 0}, {60, 44, 10}};
        float[] offsets = {8f, 3.5f, 0f, 20f};
        float[] contrasts = {0f, 0.15f, 0.4f};
        int compared = 0;
        int inkSeen = 0;
        for (int[] c : cases) {
            int w = c[0];
            int h = c[1];
            float[] grey = new float[w * h];
            for (int i = 0; i < grey.length; i++) {
                // smooth-ish paper with dark specks and fractional grey levels
                grey[i] = rng.nextInt(10) == 0 ? rng.nextFloat() * 80f : 150f + rng.nextFloat() * 60f;
            }
            for (float offset : offsets) {
                for (float contrast : contrasts) {
                    AdaptiveThreshold t = new AdaptiveThreshold(w, h, c[2], offset, contrast);
                    float[] ink = new float[w * h];
                    int count = t.apply(grey, ink);
                    float[] expected = naive(grey, w, h, c[2], offset, contrast);
                    assertArrayEquals(expected, ink, 0f,
                            w + "x" + h + " r=" + c[2] + " offset=" + offset + " contrast=" + contrast);
                    assertEquals((int) Images.sum(expected), count);
                    compared++;
                    inkSeen += count;
                }
            }
        }
        assertEquals(72, compared);
        assertTrue(inkSeen > 100, "the random images must actually produce ink");
    }

    @Test
    void fusedRgbaPassGivesExactlyCameraGreyThenApply() {
        Images.Lcg rng = new Images.Lcg(11);
        int[][] cases = {{140, 140, 7}, {37, 23, 4}, {9, 9, 7}, {60, 44, 10}};
        float[] backgrounds = {255f, 0f, 127.3f};
        int inkSeen = 0;
        for (int[] c : cases) {
            int w = c[0];
            int h = c[1];
            for (int variant = 0; variant < 4; variant++) {
                // opaque paper with dark specks and colour casts; variant 2 adds random alpha; variant 3 is
                // saturated colour (each channel on its own, so 2 min(R, G) often caps the brightest
                // channel), opaque and not
                byte[] rgba = new byte[4 * w * h];
                for (int i = 0; i < w * h; i++) {
                    int base = rng.nextInt(8) == 0 ? rng.nextInt(90) : 140 + rng.nextInt(110);
                    for (int ch = 0; ch < 3; ch++) {
                        rgba[4 * i + ch] = (byte) (variant == 3 ? rng.nextInt(256) : Math.min(255, base + rng.nextInt(30)));
                    }
                    rgba[4 * i + 3] = (byte) (variant == 2 || (variant == 3 && rng.nextInt(4) == 0) ? rng.nextInt(256) : 255);
                }
                int[] packed = new int[w * h];
                for (int i = 0; i < w * h; i++) {
                    packed[i] = Luminance.pack(rgba, 4 * i);
                }
                for (float background : backgrounds) {
                    AdaptiveThreshold t = new AdaptiveThreshold(w, h, c[2], 8f, 0.1f);
                    float[] grey = new float[w * h];
                    float[] expected = new float[w * h];
                    Luminance.cameraGrey(rgba, w, h, background, grey);
                    int count = t.apply(grey, expected);
                    float[] ink = new float[w * h];
                    assertEquals(count, t.applyRgba(packed, background, ink));
                    assertArrayEquals(expected, ink, 0f, w + "x" + h + " variant " + variant + " background " + background);
                    inkSeen += count;
                }
            }
        }
        assertTrue(inkSeen > 100, "the random images must actually produce ink");
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 4).applyRgba(new int[15], 255f, new float[16]));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 4).applyRgba(new int[16], 256f, new float[16]));
    }

    @Test
    void smallHandComputedCase() {
        // 5x1 row, radius 1: windows are clipped at both ends
        //   grey:   200 200 100 200 200
        //   means:  200 500/3 500/3 500/3 200
        //   mean - grey: 0, -33, 66.7, -33, 0  -> only the 100 is ink (66.7 > 8 and > 0.1 * 166.7 = 16.7)
        float[] grey = {200, 200, 100, 200, 200};
        float[] ink = new float[5];
        new AdaptiveThreshold(5, 1, 1, 8f).apply(grey, ink);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, ink, 0f);
        // offset 70 > 66.7: nothing is ink
        new AdaptiveThreshold(5, 1, 1, 70f).apply(grey, ink);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0}, ink, 0f);
        // 190 in a 200 row: window mean (200+190+200)/3 = 196.67, 6.67 darker: without the contrast term
        // ink at offset 6, not at 8
        float[] faint = {200, 200, 190, 200, 200};
        new AdaptiveThreshold(5, 1, 1, 6f, 0f).apply(faint, ink);
        assertEquals(1f, ink[2]);
        new AdaptiveThreshold(5, 1, 1, 8f, 0f).apply(faint, ink);
        assertEquals(0f, ink[2]);
        // 6.67 is 3.4 % of the mean: a 3 % contrast floor keeps it, the default 10 % does not
        new AdaptiveThreshold(5, 1, 1, 6f, 0.03f).apply(faint, ink);
        assertEquals(1f, ink[2]);
        new AdaptiveThreshold(5, 1, 1, 6f).apply(faint, ink);
        assertEquals(0f, ink[2]);
        // 140 in a 200 row: mean 180, 40 darker = 22 % of the mean: ink under the defaults
        float[] pencil = {200, 200, 140, 200, 200};
        new AdaptiveThreshold(5, 1, 1, 8f).apply(pencil, ink);
        assertArrayEquals(new float[] {0, 0, 1, 0, 0}, ink, 0f);
        // in the dark (everything x0.2: 28 in a 40 row) the relative rule alone would pass 8 levels of
        // difference; the offset of 8 rejects it
        float[] dark = {40, 40, 28, 40, 40};
        new AdaptiveThreshold(5, 1, 1, 8f).apply(dark, ink);
        assertEquals(0f, ink[2]);
        new AdaptiveThreshold(5, 1, 1, 0f).apply(dark, ink);
        assertEquals(1f, ink[2]);
    }

    @Test
    void radiusDecidesWhichStrokeWidthsStaySolid() {
        // a 9 px wide dark bar on paper: with a 9x9 window its centre sees only bar pixels (hollow);
        // with a 21x21 window the whole bar is ink
        int w = 40;
        int h = 40;
        float[] grey = new float[w * h];
        java.util.Arrays.fill(grey, 200f);
        Images.fillRect(grey, w, 15, 0, 9, h, 40f);
        float[] ink = new float[w * h];
        new AdaptiveThreshold(w, h, 4, 8f).apply(grey, ink);
        assertEquals(0f, ink[20 * w + 19], "bar centre is hollow at radius 4");
        assertEquals(1f, ink[20 * w + 15], "bar edge is ink at radius 4");
        new AdaptiveThreshold(w, h, 10, 8f).apply(grey, ink);
        for (int x = 15; x < 24; x++) {
            assertEquals(1f, ink[20 * w + x], "x=" + x);
        }
        assertEquals(0f, ink[20 * w + 14]);
        assertEquals(0f, ink[20 * w + 24]);
    }

    /** A window wider than the image is the whole image: any larger radius gives the same ink, and no index overflows. */
    @Test
    void aRadiusBeyondTheImageIsTheWholeImage() {
        int w = 30, h = 20;
        float[] grey = new float[w * h];
        for (int i = 0; i < grey.length; i++) grey[i] = 60f + (i * 37 % 150);
        float[] whole = new float[w * h], huge = new float[w * h];
        int n = new AdaptiveThreshold(w, h, 30, 8f).apply(grey, whole);
        assertEquals(n, new AdaptiveThreshold(w, h, Integer.MAX_VALUE - 5, 8f).apply(grey, huge));
        assertArrayEquals(whole, huge);
        assertTrue(n > 0, "the test image has ink against its global mean");
        assertEquals(30, new AdaptiveThreshold(w, h, Integer.MAX_VALUE, 8f).radius());
    }

    @Test
    void defaultsAreFifteenByFifteenOffsetEightContrastTenPercent() {
        AdaptiveThreshold t = new AdaptiveThreshold(140, 140);
        assertEquals(7, t.radius());
        assertEquals(8f, t.offset());
        assertEquals(0.1f, t.minContrast());
        assertEquals(140, t.width());
    }

    @Test
    void uniformAndLinearGradientPaperHasNoInk() {
        int w = 60;
        int h = 50;
        float[] grey = new float[w * h];
        float[] ink = new float[w * h];
        java.util.Arrays.fill(grey, 123.4f);
        assertEquals(0, new AdaptiveThreshold(w, h).apply(grey, ink));
        // 2 grey levels per pixel: inside, the window mean equals the centre; at the clipped border the
        // window is one-sided and its mean is off by r/2 px * 2 levels = 7 < 8 (default r = 7)
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey[y * w + x] = 220f - 2f * x;
            }
        }
        assertEquals(0, new AdaptiveThreshold(w, h).apply(grey, ink));
    }

    @Test
    void levelRoundsAndClamps() {
        assertEquals(0, AdaptiveThreshold.level(-3f));
        assertEquals(0, AdaptiveThreshold.level(Float.NaN));
        assertEquals(0, AdaptiveThreshold.level(0.49f));
        assertEquals(1, AdaptiveThreshold.level(0.5f));
        assertEquals(128, AdaptiveThreshold.level(127.5f));
        assertEquals(255, AdaptiveThreshold.level(254.6f));
        assertEquals(255, AdaptiveThreshold.level(1000f));
    }

    @Test
    void rejectsBadArguments() {
        AdaptiveThreshold t = new AdaptiveThreshold(4, 3);
        float[] ok = new float[12];
        assertThrows(IllegalArgumentException.class, () -> t.apply(new float[11], ok));
        assertThrows(IllegalArgumentException.class, () -> t.apply(ok, new float[13]));
        assertThrows(IllegalArgumentException.class, () -> t.apply(ok, ok));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 3, -1, 8f));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 3, 1, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 3, 1, 8f, -0.1f));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(4, 3, 1, 8f, 1.5f));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveThreshold(100_000, 100_000));
    }
}
