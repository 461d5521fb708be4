package dev.numera.training.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numera.training.data.Dataset;
import dev.numera.training.data.Mnist;
import dev.numera.training.random.SplitMix64;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FlagOneTest {
    /** A bare upright 1: columns 13 and 14 dark (0.9), 12 and 15 a soft edge (0.3), rows 4..23. */
    static float[] upright() {
        float[] img = new float[784];
        for (int y = 4; y <= 23; y++) {
            img[y * 28 + 12] = 0.3f;
            img[y * 28 + 13] = 0.9f;
            img[y * 28 + 14] = 0.9f;
            img[y * 28 + 15] = 0.3f;
        }
        return img;
    }

    /** Ink-weighted centre of mass {x, y}. */
    static double[] centre(float[] img, int offset) {
        double sx = 0, sy = 0, m = 0;
        for (int i = 0; i < 784; i++) {
            float v = img[offset + i];
            sx += v * (i % 28);
            sy += v * (i / 28);
            m += v;
        }
        return new double[] {sx / m, sy / m};
    }

    static double distanceToSegment(double x, double y, double[] f) {
        double dx = f[2] - f[0], dy = f[3] - f[1];
        double t = Math.max(0, Math.min(1, ((x - f[0]) * dx + (y - f[1]) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - f[0] - t * dx, y - f[1] - t * dy);
    }

    @Test
    void aFlagOfTheUprightsWidthAndDarknessFromItsTopDownToTheLeft() {
        FlagOne flag = new FlagOne();
        for (long seed = 0; seed < 200; seed++) {
            float[] img = upright();
            flag.apply(img, 0, new SplitMix64(seed));
            assertTrue(flag.lastApplied());
            double[] f = flag.lastFlag().clone();
            // the upright: 0.3 + 0.9 + 0.9 + 0.3 = 2.4 of 0.9 a row, so 2.67 px of full ink; its top row 4, its middle 13.5
            assertEquals(2.4 / 0.9, f[4], 1e-5);
            assertEquals(13.5, f[0], 1e-6);
            assertEquals(4 + f[4] / 2 - 0.5, f[1], 1e-6);
            double length = Math.hypot(f[2] - f[0], f[3] - f[1]);
            double angle = Math.toDegrees(Math.atan2(f[3] - f[1], f[0] - f[2]));
            assertTrue(length >= FlagOne.MIN_LENGTH * 20 - 1e-9 && length <= FlagOne.MAX_LENGTH * 20 + 1e-9, "length " + length);
            assertTrue(angle >= FlagOne.MIN_ANGLE - 1e-9 && angle <= FlagOne.MAX_ANGLE + 1e-9, "angle " + angle);

            // moved back by whole pixels to the centre of mass it had: within half a pixel of it
            double[] before = centre(upright(), 0), after = centre(img, 0);
            assertEquals(before[0], after[0], 0.5 + 1e-9, "seed " + seed);
            assertEquals(before[1], after[1], 0.5 + 1e-9, "seed " + seed);
            // undo the move (found as the shift under which the upright is still all there) and look at the flag
            int[] move = findMove(img);
            float[] original = upright();
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    int sx = x + move[0], sy = y + move[1];
                    float v = sx < 0 || sy < 0 || sx >= 28 || sy >= 28 ? 0f : img[sy * 28 + sx];
                    assertTrue(v >= original[y * 28 + x] - 1e-6f, "ink lost at " + x + "," + y);   // a pen over ink: nothing lighter
                    assertTrue(v <= 0.9f + 1e-6f, "darker than the upright at " + x + "," + y);
                    double d = distanceToSegment(x, y, f);
                    if (v > original[y * 28 + x] + 1e-6f) {                                     // flag ink: within its stroke and ramp
                        assertTrue(d < f[4] / 2 + 0.5, "flag ink " + v + " at " + x + "," + y + ", " + d + " px off the flag");
                    }
                    if (d <= f[4] / 2 - 0.5) {                                                  // the flag's core: full ink
                        assertEquals(0.9f, v, 1e-6f, "the flag's core at " + x + "," + y + ", seed " + seed);
                    }
                }
            }
        }
    }

    /** The whole-pixel move {dx, dy} that FlagOne applied: the one under which every upright pixel is at least as dark. */
    private static int[] findMove(float[] img) {
        float[] original = upright();
        for (int dy = -3; dy <= 3; dy++) {
            for (int dx = -3; dx <= 3; dx++) {
                boolean all = true;
                for (int i = 0; i < 784 && all; i++) {
                    if (original[i] == 0) continue;
                    int x = i % 28 + dx, y = i / 28 + dy;
                    all = x >= 0 && y >= 0 && x < 28 && y < 28 && img[y * 28 + x] >= original[i] - 1e-6f;
                }
                if (all) return new int[] {dx, dy};
            }
        }
        throw new AssertionError("the upright is not in the image under any move of up to 3 px");
    }

    @Test
    void noInkOrTooShortAnInkIsLeftAsItIs() {
        FlagOne flag = new FlagOne();
        float[] empty = new float[784];
        flag.apply(empty, 0, new SplitMix64(1));
        assertFalse(flag.lastApplied());
        assertArrayEquals(new float[784], empty);
        float[] dash = new float[784];
        for (int y = 10; y < 17; y++) dash[y * 28 + 14] = 1f;   // 7 rows: no upright to speak of
        float[] copy = dash.clone();
        flag.apply(dash, 0, new SplitMix64(1));
        assertFalse(flag.lastApplied());
        assertArrayEquals(copy, dash);
    }

    @Test
    void theAugmenterFlagsOnlyOnesAndLeavesEveryOtherDrawAsItWas() {
        AugmentConfig standard = AugmentConfig.standard();
        AugmentConfig flagged = standard.withFlaggedOnes(1.0);
        Augmenter plain = new Augmenter(standard), withFlags = new Augmenter(flagged);
        int changed = 0;
        for (long seed = 0; seed < 50; seed++) {
            for (int label = -1; label <= 9; label++) {
                float[] a = upright(), b = upright();
                plain.apply(a, 0, label, new SplitMix64(seed));
                withFlags.apply(b, 0, label, new SplitMix64(seed));
                if (label != 1) {
                    assertArrayEquals(a, b, "label " + label + ", seed " + seed);
                } else if (!java.util.Arrays.equals(a, b)) {
                    changed++;
                }
            }
        }
        assertEquals(50, changed);

        // the app's preset with a quarter of the 1s flagged (train --flagged-ones 0.25)
        Augmenter app = new Augmenter(AugmentConfig.app().withFlaggedOnes(0.25));
        int flaggedOnes = 0, n = 3000;
        for (long seed = 0; seed < n; seed++) {
            float[] a = upright(), b = upright();
            new Augmenter(AugmentConfig.app()).apply(a, 0, 7, new SplitMix64(seed));
            app.apply(b, 0, 1, new SplitMix64(seed));
            if (!java.util.Arrays.equals(a, b)) flaggedOnes++;
        }
        assertEquals(0.25, flaggedOnes / (double) n, 0.03, flaggedOnes + " of " + n);
    }

    @Test
    void allocatesNothingPerImage() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        FlagOne flag = new FlagOne();
        float[] img = upright();
        SplitMix64 rng = new SplitMix64(9);
        for (int k = 0; k < 20_000; k++) {   // warm up: let the JIT compile (and escape-analyse)
            System.arraycopy(upright(), 0, img, 0, 784);
            flag.apply(img, 0, rng);
        }
        float[] fresh = upright();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        for (int k = 0; k < 1000; k++) {
            System.arraycopy(fresh, 0, img, 0, 784);
            flag.apply(img, 0, rng);
        }
        long allocated = mx.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 10_000, "allocated " + allocated + " bytes for 1000 images");
    }

    @Test
    void everyMnistOneGetsItsFlagFromTheTopOfItsInk() throws IOException {
        Path dir = Path.of(System.getProperty("numera.mnist.dir", "../shared/mnist"));
        Assumptions.assumeTrue(Mnist.missing(dir, Mnist.Part.TEST).isEmpty(),
                "MNIST's test files not found in " + dir.toAbsolutePath() + ": the flag's start is checked on real 1s only");
        Dataset test = Mnist.load(dir, Mnist.Part.TEST);
        FlagOne flag = new FlagOne();
        float[] img = new float[784];
        int ones = 0, widths = 0;
        for (int i = 0; i < test.count(); i++) {
            if (test.label(i) != 1) continue;
            ones++;
            System.arraycopy(test.images(), i * 784, img, 0, 784);
            float[] original = img.clone();
            flag.apply(img, 0, new SplitMix64(i));
            assertTrue(flag.lastApplied(), "test digit " + i);
            double[] f = flag.lastFlag();
            // the flag starts on the upright's ink: the nearest pixel to its start is at least a quarter as dark as the darkest
            float peak = 0;
            for (float v : original) peak = Math.max(peak, v);
            int x = (int) Math.round(f[0]), y = (int) Math.round(f[1]);
            float near = 0;
            for (int yy = Math.max(0, y - 1); yy <= Math.min(27, y + 1); yy++) {
                for (int xx = Math.max(0, x - 1); xx <= Math.min(27, x + 1); xx++) {
                    near = Math.max(near, original[yy * 28 + xx]);
                }
            }
            assertTrue(near >= 0.25f * peak, "test digit " + i + ": the flag starts at " + x + "," + y + " off the ink");
            if (f[4] >= 1.5 && f[4] <= 3.5) widths++;
        }
        assertEquals(1135, ones);
        assertTrue(widths >= 0.9 * ones, widths + " of " + ones + " uprights 1.5-3.5 px wide");
    }
}
