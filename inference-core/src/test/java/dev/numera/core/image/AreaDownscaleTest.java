package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AreaDownscaleTest {
    /** Naive 2-D area average: each output pixel integrates the source over its rectangle, in double. */
    static float[] naiveStep(float[] src, int sw, int sh, int dw, int dh) {
        float[] out = new float[dw * dh];
        double rx = (double) sw / dw;
        double ry = (double) sh / dh;
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                double sum = 0;
                for (int sy = 0; sy < sh; sy++) {
                    double oy = Math.min(sy + 1, (y + 1) * ry) - Math.max(sy, y * ry);
                    if (oy <= 0) {
                        continue;
                    }
                    for (int sx = 0; sx < sw; sx++) {
                        double ox = Math.min(sx + 1, (x + 1) * rx) - Math.max(sx, x * rx);
                        if (ox > 0) {
                            sum += ox * oy * src[sy * sw + sx];
                        }
                    }
                }
                out[y * dw + x] = (float) (sum / (rx * ry));
            }
        }
        return out;
    }

    static float[] random(int n, long seed) {
        Images.Lcg rng = new Images.Lcg(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextFloat();
        }
        return a;
    }

    @Test
    void chainsAreStepsOfAtMostTwo() {
        assertArrayEquals(new int[] {140, 112, 56, 28}, AreaDownscale.chain(140, 28));
        assertArrayEquals(new int[] {280, 140, 112, 56, 28}, AreaDownscale.chain(280, 28));
        assertArrayEquals(new int[] {28}, AreaDownscale.chain(28, 28));
        assertArrayEquals(new int[] {56, 28}, AreaDownscale.chain(56, 28));
        assertArrayEquals(new int[] {20, 28}, AreaDownscale.chain(20, 28));
        assertArrayEquals(new int[] {224, 112, 56, 28}, AreaDownscale.chain(224, 28));
        assertArrayEquals(new int[] {560, 280, 140, 112, 56, 28}, AreaDownscale.chain(560, 28));
        for (int src = 1; src <= 1000; src += 7) {
            for (int dst : new int[] {1, 7, 28, 30}) {
                int[] c = AreaDownscale.chain(src, dst);
                assertEquals(src, c[0]);
                assertEquals(dst, c[c.length - 1]);
                for (int i = 1; i < c.length; i++) {
                    assertTrue(c[i - 1] <= 2 * c[i] && c[i] <= Math.max(c[i - 1], dst),
                            src + "->" + dst + " step " + c[i - 1] + "->" + c[i]);
                }
            }
        }
        AreaDownscale d = new AreaDownscale(280, 28);
        assertEquals(4, d.stepCount());
        assertEquals("280\u2192140\u2192112\u219256\u219228", d.describe());
        assertEquals(112, d.widthAt(2));
        assertEquals("140x100\u2192112x100\u219256x50\u219228x25", new AreaDownscale(140, 100, 28, 25).describe());
    }

    @Test
    void matchesNaiveAreaAverageStepByStep() {
        int[][] cases = {{140, 140, 28, 28}, {280, 280, 28, 28}, {37, 23, 28, 20}, {140, 100, 28, 25}, {50, 30, 50, 30}};
        for (int[] c : cases) {
            float[] src = random(c[0] * c[1], c[0] * 31L + c[1]);
            AreaDownscale d = new AreaDownscale(c[0], c[1], c[2], c[3]);
            float[] out = new float[c[2] * c[3]];
            d.apply(src, out);
            float[] ref = src;
            for (int s = 0; s < d.stepCount(); s++) {
                ref = naiveStep(ref, d.widthAt(s), d.heightAt(s), d.widthAt(s + 1), d.heightAt(s + 1));
            }
            assertArrayEquals(ref, out, 2e-6f, d.describe());
        }
        // a single non-integer step against the naive reference directly
        float[] src = random(140 * 140, 5);
        float[] out = new float[112 * 112];
        new AreaDownscale(140, 112).apply(src, out);
        assertArrayEquals(naiveStep(src, 140, 140, 112, 112), out, 2e-6f);
    }

    /** The chain stopped early gives the naive steps' image at that size, and the target is the same with or without a stop. */
    @Test
    void applyStepsStopsTheChainPartWay() {
        float[] src = random(280 * 200, 11);
        AreaDownscale d = new AreaDownscale(280, 200, 28, 20);
        assertTrue(d.applySteps(src, 0) == src, "no steps: the source itself");
        float[] ref = src;
        for (int s = 1; s < d.stepCount(); s++) {
            ref = naiveStep(ref, d.widthAt(s - 1), d.heightAt(s - 1), d.widthAt(s), d.heightAt(s));
            float[] part = d.applySteps(src, s);
            assertEquals(d.widthAt(s) * d.heightAt(s), part.length);
            assertArrayEquals(ref, part, 2e-6f, "after " + s + " steps of " + d.describe());
        }
        float[] whole = new float[28 * 20];
        d.apply(src, whole);
        d.applySteps(src, d.stepCount() - 1);
        float[] again = new float[28 * 20];
        d.apply(src, again);
        assertArrayEquals(whole, again, 0f);
        assertThrows(IllegalArgumentException.class, () -> d.applySteps(src, d.stepCount()));
        assertThrows(IllegalArgumentException.class, () -> d.applySteps(src, -1));
        assertThrows(IllegalArgumentException.class, () -> d.applySteps(new float[10], 1));
    }

    @Test
    void upscalingSmallRatiosWorksToo() {
        float[] src = random(20 * 20, 9);
        float[] out = new float[28 * 28];
        new AreaDownscale(20, 28).apply(src, out);
        assertArrayEquals(naiveStep(src, 20, 20, 28, 28), out, 2e-6f);
    }

    @Test
    void inkMassIsPreserved() {
        int[][] cases = {{140, 28}, {280, 28}, {113, 28}, {97, 13}, {28, 28}};
        for (int[] c : cases) {
            float[] src = random(c[0] * c[0], c[0]);
            float[] out = new float[c[1] * c[1]];
            new AreaDownscale(c[0], c[1]).apply(src, out);
            double in = Images.sum(src);
            double scaled = Images.sum(out) * ((double) c[0] * c[0]) / ((double) c[1] * c[1]);
            assertEquals(1.0, scaled / in, 1e-4, c[0] + "->" + c[1]);
        }
    }

    @Test
    void onePixelDiagonalSurvivesWhereNearestNeighbourLosesIt() {
        // a 1 px line y = x + 1 at 140 px, one pixel per row
        int n = 140;
        float[] src = new float[n * n];
        for (int x = 0; x + 1 < n; x++) {
            src[(x + 1) * n + x] = 1f;
        }
        float[] area = new float[28 * 28];
        new AreaDownscale(n, 28).apply(src, area);
        // naive nearest neighbour, 5x: sample the centre pixel (5i+2, 5j+2) of each block
        float[] nearest = new float[28 * 28];
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                nearest[y * 28 + x] = src[(5 * y + 2) * n + 5 * x + 2];
            }
        }
        float minOnLine = 1f;
        for (int y = 0; y < 28; y++) {
            float rowMax = 0f;
            for (int x = 0; x < 28; x++) {
                rowMax = Math.max(rowMax, area[y * 28 + x]);
            }
            minOnLine = Math.min(minOnLine, rowMax);
            assertTrue(rowMax >= 0.15f, "row " + y + " lost the line: max " + rowMax + "\n" + Images.ascii(area, 28, 28));
        }
        assertEquals(0f, Images.max(nearest), "nearest neighbour misses every pixel of this line");
        System.out.println("1 px diagonal at 140 -> 28: weakest row max " + minOnLine + " (area), nearest-neighbour max "
                + Images.max(nearest));
        // and the mass is still all there: 139 ink pixels / 25 per output pixel
        assertEquals(139.0 / 25, Images.sum(area), 1e-4);
    }

    @Test
    void rejectsBadArguments() {
        AreaDownscale d = new AreaDownscale(140, 28);
        assertThrows(IllegalArgumentException.class, () -> d.apply(new float[140 * 139], new float[784]));
        assertThrows(IllegalArgumentException.class, () -> d.apply(new float[140 * 140], new float[783]));
        assertThrows(IllegalArgumentException.class, () -> d.apply(null, new float[784]));
        assertThrows(IllegalArgumentException.class, () -> new AreaDownscale(0, 28));
        assertThrows(IllegalArgumentException.class, () -> AreaDownscale.chain(-1, 28));
        assertThrows(IllegalArgumentException.class, () -> AreaDownscale.chain(Integer.MAX_VALUE, 28));
        // equal sizes: a copy, so the same array is harmless
        float[] same = random(784, 3);
        float[] copy = same.clone();
        new AreaDownscale(28, 28).apply(same, same);
        assertArrayEquals(copy, same, 0f);
    }
}
