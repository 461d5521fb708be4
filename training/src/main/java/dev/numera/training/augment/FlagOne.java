package dev.numera.training.augment;

import dev.numera.core.image.StrokeRasterizer;
import dev.numera.training.random.SplitMix64;

/**
 * The European 1: a flag drawn onto an MNIST 1, from the top of its upright down to the left. MNIST's 1s are nearly
 * all a bare upright (American writers), so a network trained on them alone reads a 1 with a long flat flag as a 7
 * without its crossbar (DrawnStylesTest: a flag of 25-50 % of the height at 20-35 degrees below the horizontal read 7
 * and sure in 169 of 360 pad drawings).
 *
 * <p>The flag is a straight stroke of the upright's own width and darkness, {@link #MIN_LENGTH}..{@link #MAX_LENGTH}
 * of the digit's height long, {@link #MIN_ANGLE}..{@link #MAX_ANGLE} degrees below the horizontal, from the upright's
 * top end (the centre of its cap: the ink-weighted middle of the top rows, half a stroke below the top). It is laid
 * over the image by maximum, as a pen over ink, its edge a one-pixel ramp like MNIST's anti-aliasing (drawn by the
 * pad's {@link StrokeRasterizer}). The digit is then moved back by whole pixels so its centre of mass stays where it
 * was (MNIST centres digits by it, and so does the app; whole pixels: no second blur). The height does not change, so the digit's scale (its longer side 20 px) stays
 * MNIST's. Runs before the geometry, so rotation, slant and elastic distortion bend the flag with the upright, and the
 * pipeline imitations redraw it as the pad or the camera would.
 *
 * <p>Off unless asked for ({@code train --flagged-ones}): runs of the recipe with a quarter of the 1s flagged read the long
 * flat flags right (59 of 72 drawings, against 28) but read more of MNIST's 7s as 1 and 7-14 more of its 10,000 test digits
 * drawn on the pad wrong (docs/training/history.md, 2026-11-26).
 *
 * <p>An image without ink, or with ink under 8 rows tall (no upright to find a top and a width on), is left unchanged
 * ({@link #lastApplied()} false). Allocation-free per call; one instance per worker (not thread-safe).
 */
public final class FlagOne implements ImageOp {
    public static final double MIN_LENGTH = 0.15, MAX_LENGTH = 0.45;   // of the digit's height
    public static final double MIN_ANGLE = 30, MAX_ANGLE = 65;        // degrees below the horizontal
    private static final int SIDE = 28;
    private static final int N = SIDE * SIDE;
    /** a row is ink from this fraction of the image's darkest pixel: MNIST's soft edges are not the stroke. */
    private static final float INK = 0.25f;

    private final float[] rowWidth = new float[SIDE];
    private final float[] sorted = new float[SIDE];
    private final float[] src = new float[N];
    private final float[] flag = new float[N];
    private final StrokeRasterizer pen = new StrokeRasterizer(2, 1);
    private boolean applied;
    /** the last flag drawn, for tests: start (x, y), end (x, y), stroke width; image pixel coordinates before the move. */
    private final double[] last = new double[5];

    @Override
    public void apply(float[] images, int offset, SplitMix64 rng) {
        double length = rng.uniform(MIN_LENGTH, MAX_LENGTH);
        double angle = Math.toRadians(rng.uniform(MIN_ANGLE, MAX_ANGLE));
        applied = false;
        float peak = 0f;
        for (int i = offset; i < offset + N; i++) {
            peak = Math.max(peak, images[i]);
        }
        if (!(peak > 0f)) {
            return;
        }
        // rows of ink: top..bottom; each row's ink in pixels of full darkness (an upright's row: its stroke width);
        // and the centre of mass, to move the flagged digit back to
        int top = -1, bottom = -1;
        double comX0 = 0, comY0 = 0, mass0 = 0;
        for (int y = 0; y < SIDE; y++) {
            float sum = 0f, max = 0f;
            for (int x = 0; x < SIDE; x++) {
                float v = images[offset + y * SIDE + x];
                sum += v;
                max = Math.max(max, v);
                comX0 += v * x; comY0 += v * y; mass0 += v;
            }
            rowWidth[y] = sum / peak;
            if (max >= INK * peak) {
                if (top < 0) top = y;
                bottom = y;
            }
        }
        int height = bottom - top + 1;
        if (top < 0 || height < 8) {
            return;
        }
        double width = Math.min(3.5, Math.max(1.0, medianOfMiddleHalf(top, bottom)));
        // the upright's top end: the ink-weighted middle of the top two rows, half a stroke below the top
        double sx = 0, sw = 0;
        for (int y = top; y <= top + 1; y++) {
            for (int x = 0; x < SIDE; x++) {
                float v = images[offset + y * SIDE + x];
                sx += v * x;
                sw += v;
            }
        }
        double x0 = sx / sw, y0 = top + width / 2 - 0.5;
        double x1 = x0 - length * height * Math.cos(angle), y1 = y0 + length * height * Math.sin(angle);
        last[0] = x0; last[1] = y0; last[2] = x1; last[3] = y1; last[4] = width;

        // the stroke, by the pad's own brush (its pixel centres at +0.5): within half the width ink, then a one-pixel ramp
        pen.clear();
        pen.beginStroke();
        pen.addPoint((float) x0 + 0.5f, (float) y0 + 0.5f);
        pen.addPoint((float) x1 + 0.5f, (float) y1 + 0.5f);
        pen.endStroke();
        pen.setBrushDiameter((float) width);
        pen.rasterise(flag, SIDE, SIDE);
        double comX = 0, comY = 0, mass = 0;
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int i = offset + y * SIDE + x;
                float v = Math.max(images[i], flag[y * SIDE + x] * peak);
                src[y * SIDE + x] = v;
                comX += v * x; comY += v * y; mass += v;
            }
        }
        // back by whole pixels to the centre of mass it had; what would leave the image is paper
        int mx = (int) Math.round(comX0 / mass0 - comX / mass), my = (int) Math.round(comY0 / mass0 - comY / mass);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                int fx = x - mx, fy = y - my;
                images[offset + y * SIDE + x] = fx < 0 || fy < 0 || fx >= SIDE || fy >= SIDE ? 0f : src[fy * SIDE + fx];
            }
        }
        applied = true;
    }

    /** The median ink width of the rows in the middle half of top..bottom: the upright's stroke width in pixels. */
    private double medianOfMiddleHalf(int top, int bottom) {
        int from = top + (bottom - top + 1) / 4, to = bottom - (bottom - top + 1) / 4;
        int n = to - from + 1;
        float[] s = sorted;
        for (int k = 0; k < n; k++) {   // insertion sort: at most 14 rows
            float v = rowWidth[from + k];
            int j = k - 1;
            while (j >= 0 && s[j] > v) {
                s[j + 1] = s[j];
                j--;
            }
            s[j + 1] = v;
        }
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /** Whether the last call drew a flag. */
    public boolean lastApplied() {
        return applied;
    }

    /** The last flag: {x0, y0, x1, y1, width}, image pixel coordinates before the move back to the centre of mass. Live buffer. */
    double[] lastFlag() {
        return last;
    }
}
