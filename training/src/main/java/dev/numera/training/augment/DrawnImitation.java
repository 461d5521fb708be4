package dev.numera.training.augment;

import dev.numera.core.image.MnistNormalizer;
import dev.numera.core.image.StrokeRasterizer;
import dev.numera.core.recognize.DigitInput;
import dev.numera.core.recognize.InputKind;
import dev.numera.training.random.SplitMix64;

/**
 * What the app's drawing path makes of a digit: MNIST's pen (soft, uneven, ~2 px) replaced by the
 * app's round anti-aliased brush of even width. The digit is upscaled 4x to 112x112 (bilinear),
 * binarised, thinned to a one-pixel skeleton (Zhang and Suen 1984), and the skeleton redrawn with
 * {@link StrokeRasterizer}: every skeleton pixel joined to its 8-neighbours by short segments,
 * brush diameter from {@link StrokeRasterizer#brushDiameterFor} of the skeleton's box (so the stroke
 * ends ~2 px wide at 28, as in the app) times a random factor 0.8..1.25. Then the rest of the
 * {@link dev.numera.core.recognize.Recognizer}'s DRAWN path, through its own code ({@link DigitInput}): ink check, digit
 * only, area downscale 112→56→28 and MNIST normalise; when the check finds no digit the
 * image is left unchanged.
 *
 * <p>Binarisation is at {@code min(0.5, max/2)} so a faint (contrast-augmented or blurred) digit
 * still has a skeleton. An image without ink, or whose skeleton is lost, is left unchanged
 * ({@link #lastApplied()} false).
 *
 * <p>Thinning cost is kept low by a 256-entry deletion table per sub-iteration and by visiting only
 * the current foreground pixels. Allocation-free per call (the rasteriser's point arrays grow
 * once, if ever, and are kept); one instance per worker (not thread-safe).
 */
public final class DrawnImitation implements ImageOp {
    public static final int CANVAS = 112;
    public static final float MIN_BRUSH_FACTOR = 0.8f;
    public static final float MAX_BRUSH_FACTOR = 1.25f;
    private static final int SIDE = 28;
    private static final int N = SIDE * SIDE;
    private static final int UP = CANVAS / SIDE;
    /** the binary canvas has a one-pixel border of zeros so neighbour reads need no bounds checks. */
    private static final int W = CANVAS + 2;

    /** Zhang–Suen deletion decision per 8-neighbour code, for the two sub-iterations. */
    private static final boolean[] DELETE_FIRST = new boolean[256];
    private static final boolean[] DELETE_SECOND = new boolean[256];

    static {
        // bit k of the code is neighbour P(k+2): P2 north, P3 north-east, P4 east, ... P9 north-west
        for (int code = 0; code < 256; code++) {
            int b = Integer.bitCount(code);
            int a = 0;
            for (int k = 0; k < 8; k++) {
                int p = (code >> k) & 1;
                int q = (code >> ((k + 1) & 7)) & 1;
                if (p == 0 && q == 1) {
                    a++;
                }
            }
            int p2 = code & 1;
            int p4 = (code >> 2) & 1;
            int p6 = (code >> 4) & 1;
            int p8 = (code >> 6) & 1;
            boolean base = b >= 2 && b <= 6 && a == 1;
            DELETE_FIRST[code] = base && p2 * p4 * p6 == 0 && p4 * p6 * p8 == 0;
            DELETE_SECOND[code] = base && p2 * p4 * p8 == 0 && p2 * p6 * p8 == 0;
        }
    }

    private final byte[] bin = new byte[W * W];
    /** foreground pixel indices into {@link #bin}; compacted after each sub-iteration. */
    private final int[] fg = new int[CANVAS * CANVAS];
    private final int[] doomed = new int[CANVAS * CANVAS];
    private final int[] neighbour = {-W, -W + 1, 1, W + 1, W, W - 1, -1, -W - 1};
    /** upscale taps: canvas coordinate j samples source s = (j + 0.5)/4 - 0.5. */
    private final int[] upIndex = new int[CANVAS];
    private final float[] upFrac = new float[CANVAS];
    private final int[] box = new int[4];   // the digit's box above the binarising level: minX, minY, maxX, maxY
    private final float[] across = new float[SIDE * CANVAS];
    private final float[] canvas = new float[CANVAS * CANVAS];
    private final float[] normalised = new float[N];
    private final StrokeRasterizer brush = new StrokeRasterizer(4 * CANVAS * CANVAS / 4, CANVAS * CANVAS);
    private final DigitInput digit = new DigitInput(CANVAS, CANVAS);
    private int skeletonPixels;
    private boolean applied;

    public DrawnImitation() {
        Upscale.taps(0f, 0, UP, upIndex, upFrac);
    }

    @Override
    public void apply(float[] images, int offset, SplitMix64 rng) {
        float factor = (float) rng.uniform(MIN_BRUSH_FACTOR, MAX_BRUSH_FACTOR);
        applied = false;
        skeletonPixels = 0;
        int count = binarise(images, offset);
        if (count == 0) {
            return;
        }
        thin(count);
        if (!redraw(factor)) {
            return;
        }
        // the rest of the Recognizer's DRAWN path, its own code: ink check, digit only, downscale and normalise
        if (digit.toInput(canvas, canvas, InputKind.DRAWN, null, normalised) != null) {
            return;
        }
        System.arraycopy(normalised, 0, images, offset, N);
        applied = true;
    }

    /** Bilinear 4x upscale thresholded into {@link #bin}; fills {@link #fg}; returns the pixel count. */
    private int binarise(float[] images, int offset) {
        float max = 0f;
        for (int i = offset; i < offset + N; i++) {
            if (images[i] > max) {
                max = images[i];
            }
        }
        java.util.Arrays.fill(bin, (byte) 0);
        if (!(max > MnistNormalizer.INK_EPSILON)) {
            return 0;
        }
        float level = Math.min(0.5f, 0.5f * max);
        // a bilinear sample is a convex mix of its taps: above the level only near a source pixel above it
        if (!Upscale.inkBox(images, offset, SIDE, level, box)) {
            return 0;
        }
        int minX = box[0], minY = box[1], maxX = box[2], maxY = box[3];
        // canvas columns/rows whose taps (i, i+1) touch [min, max]
        int x0 = Math.max(0, (minX - 1) * UP);
        int x1 = Math.min(CANVAS - 1, (maxX + 1) * UP + UP - 1);
        int y0 = Math.max(0, (minY - 1) * UP);
        int y1 = Math.min(CANVAS - 1, (maxY + 1) * UP + UP - 1);
        for (int sy = Math.max(0, minY - 1); sy <= Math.min(SIDE - 1, maxY + 1); sy++) {
            int src = offset + sy * SIDE;
            int dst = sy * CANVAS;
            for (int x = x0; x <= x1; x++) {
                int i = upIndex[x];
                float f = upFrac[x];
                float a = i >= 0 ? images[src + i] : 0f;
                float b = i + 1 < SIDE ? images[src + i + 1] : 0f;
                across[dst + x] = a + f * (b - a);
            }
        }
        int count = 0;
        for (int y = y0; y <= y1; y++) {
            int i = upIndex[y];
            float f = upFrac[y];
            int rowA = i * CANVAS;
            int rowB = (i + 1) * CANVAS;
            boolean hasA = i >= minY - 1 && i >= 0;
            boolean hasB = i + 1 >= minY - 1 && i + 1 <= maxY + 1 && i + 1 < SIDE;
            int out = (y + 1) * W + 1;
            for (int x = x0; x <= x1; x++) {
                float a = hasA ? across[rowA + x] : 0f;
                float b = hasB ? across[rowB + x] : 0f;
                if (a + f * (b - a) > level) {
                    bin[out + x] = 1;
                    fg[count++] = out + x;
                }
            }
        }
        return count;
    }

    /** Zhang–Suen thinning of {@link #bin} over the foreground list; leaves the skeleton in both. */
    private void thin(int count) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int pass = 0; pass < 2; pass++) {
                boolean[] table = pass == 0 ? DELETE_FIRST : DELETE_SECOND;
                int d = 0;
                for (int k = 0; k < count; k++) {
                    int p = fg[k];
                    if (table[code(p)]) {
                        doomed[d++] = p;
                    }
                }
                if (d == 0) {
                    continue;
                }
                changed = true;
                for (int k = 0; k < d; k++) {
                    bin[doomed[k]] = 0;
                }
                int kept = 0;
                for (int k = 0; k < count; k++) {
                    int p = fg[k];
                    if (bin[p] != 0) {
                        fg[kept++] = p;
                    }
                }
                count = kept;
            }
        }
        skeletonPixels = count;
    }

    private int code(int p) {
        int c = 0;
        for (int k = 0; k < 8; k++) {
            c |= bin[p + neighbour[k]] << k;
        }
        return c;
    }

    /**
     * Skeleton → segments to the east, south-west, south and south-east neighbours (each link once),
     * isolated pixels as dots → brush → {@link #canvas}. False when there is no skeleton.
     */
    private boolean redraw(float factor) {
        int count = skeletonPixels;
        if (count == 0) {
            return false;
        }
        StrokeRasterizer r = brush;
        r.clear();
        for (int k = 0; k < count; k++) {
            int p = fg[k];
            float x = p % W - 1 + 0.5f;      // pixel centre in canvas coordinates
            float y = p / W - 1 + 0.5f;
            boolean linked = false;
            for (int n = 2; n <= 5; n++) {   // east, south-east, south, south-west
                int q = p + neighbour[n];
                if (bin[q] != 0) {
                    r.beginStroke();
                    r.addPoint(x, y);
                    r.addPoint(q % W - 1 + 0.5f, q / W - 1 + 0.5f);
                    linked = true;
                }
            }
            if (!linked && isolated(p)) {
                r.beginStroke();
                r.addPoint(x, y);
            }
        }
        r.endStroke();
        r.setBrushDiameter(r.fitBrushToDrawing(CANVAS / 28f, CANVAS, CANVAS) * factor);
        r.rasterise(canvas, CANVAS, CANVAS);
        return true;
    }

    /** No neighbour at all (links from earlier pixels would otherwise cover it). */
    private boolean isolated(int p) {
        return code(p) == 0;
    }

    /** Whether the last call replaced the image. */
    public boolean lastApplied() {
        return applied;
    }

    /** The last redrawn canvas, 112x112 ink-high 0..1, as the Recognizer's DRAWN path would receive it. Live buffer. */
    public float[] canvas() {
        return canvas;
    }
}
