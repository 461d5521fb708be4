package dev.numera.core.image;

/**
 * Shrinks an image in several area-averaging steps, e.g. 140→112→56→28 or 280→140→112→56→28.
 *
 * <p>Every output pixel is the mean of the source area it covers, with fractional coverage at its
 * edges when the ratio is not an integer (140→112 is 1.25). Nothing is sampled, so no ink is dropped:
 * a 1 px pen line at 140 px carries 1/5 of a pixel's mass into each 28 px pixel it crosses and stays
 * visible as grey, where nearest-neighbour sampling would miss it entirely. Total mass is preserved:
 * {@code sum(out) * (dstW*dstH) / (srcW*srcH) == sum(in)} up to float rounding.
 *
 * <p>The chain of sizes per axis ({@link #chain}): halve exactly while the half is still at least 4x the
 * target, then take one fractional step down to the largest target·2^k below, then halve exactly to
 * the target. Each step is at most 2x, and the one fractional step (which smears by up to a source
 * pixel) happens where a source pixel is at most a quarter of an output pixel. When the two axes need
 * chains of different length, the shorter one starts with identity steps.
 *
 * <p>Built for one (source, target) size; tap tables and intermediate images are allocated once.
 * Images are row-major float arrays, any value range (ink-high 0..1 in the pipeline).
 */
public final class AreaDownscale {
    /** Largest side accepted by {@link #chain} (keeps the size arithmetic far from int overflow). */
    public static final int MAX_SIDE = 1 << 20;

    private final int steps;
    /** (steps+1) sizes: widths[0] = source, widths[steps] = target. */
    private final int[] widths;
    private final int[] heights;
    /** per step s: output x -> first source column, tap count; weights at [x*xStride[s] + t] (y alike). */
    private final int[][] xFirst;
    private final int[][] xCount;
    private final float[][] xWeight;
    private final int[] xStride;
    private final int[][] yFirst;
    private final int[][] yCount;
    private final float[][] yWeight;
    private final int[] yStride;
    /** per step s: every output along x (y) has exactly two taps, the case of every step in 140→112→56→28. */
    private final boolean[] xTwoTaps;
    private final boolean[] yTwoTaps;
    /** output of step s for s < steps-1 (the last step writes the caller's array). */
    private final float[][] stage;
    /** horizontal-pass result: (widths[s+1] x heights[s]) for the current step, sized for the largest. */
    private final float[] across;

    /** Square source to square target, e.g. {@code new AreaDownscale(140, 28)}. */
    public AreaDownscale(int srcSize, int dstSize) {
        this(srcSize, srcSize, dstSize, dstSize);
    }

    public AreaDownscale(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        Check.pixels(srcWidth, srcHeight);
        Check.pixels(dstWidth, dstHeight);
        int[] cw = chain(srcWidth, dstWidth);
        int[] ch = chain(srcHeight, dstHeight);
        steps = Math.max(cw.length, ch.length) - 1;
        widths = padFront(cw, steps + 1);
        heights = padFront(ch, steps + 1);
        xFirst = new int[steps][];
        xCount = new int[steps][];
        xWeight = new float[steps][];
        xStride = new int[steps];
        yFirst = new int[steps][];
        yCount = new int[steps][];
        yWeight = new float[steps][];
        yStride = new int[steps];
        xTwoTaps = new boolean[steps];
        yTwoTaps = new boolean[steps];
        stage = new float[Math.max(steps - 1, 0)][];
        int acrossMax = 1;
        for (int s = 0; s < steps; s++) {
            xStride[s] = maxTaps(widths[s], widths[s + 1]);
            xFirst[s] = new int[widths[s + 1]];
            xCount[s] = new int[widths[s + 1]];
            xWeight[s] = new float[widths[s + 1] * xStride[s]];
            taps(widths[s], widths[s + 1], xFirst[s], xCount[s], xWeight[s], xStride[s]);
            yStride[s] = maxTaps(heights[s], heights[s + 1]);
            yFirst[s] = new int[heights[s + 1]];
            yCount[s] = new int[heights[s + 1]];
            yWeight[s] = new float[heights[s + 1] * yStride[s]];
            taps(heights[s], heights[s + 1], yFirst[s], yCount[s], yWeight[s], yStride[s]);
            xTwoTaps[s] = allTwo(xCount[s]);
            yTwoTaps[s] = allTwo(yCount[s]);
            if (s < steps - 1) {
                stage[s] = new float[widths[s + 1] * heights[s + 1]];
            }
            acrossMax = Math.max(acrossMax, widths[s + 1] * heights[s]);
        }
        across = new float[acrossMax];
    }

    /**
     * The sizes one axis goes through, source first, target last (allocates; the constructor calls it once per axis).
     * {@code chain(140, 28)} = [140, 112, 56, 28]; {@code chain(280, 28)} = [280, 140, 112, 56, 28];
     * {@code chain(28, 28)} = [28]. Upscaling or a ratio of at most 2 is a single step.
     */
    public static int[] chain(int src, int dst) {
        if (src <= 0 || dst <= 0 || src > MAX_SIDE || dst > MAX_SIDE) {
            throw new IllegalArgumentException("sizes must be in 1.." + MAX_SIDE + ", got " + src + " -> " + dst);
        }
        int[] tmp = new int[64];
        int n = 0;
        tmp[n++] = src;
        int c = src;
        if (c > 2 * dst) {
            // exact (or nearly, for odd sizes) halvings while still >= 4x the target
            while ((c + 1) / 2 >= 4 * dst) {
                c = (c + 1) / 2;
                tmp[n++] = c;
            }
            // one fractional step to the largest dst*2^k <= c
            int top = dst;
            while (top * 2 <= c) {
                top *= 2;
            }
            if (top != c) {
                c = top;
                tmp[n++] = c;
            }
            while (c > dst) {
                c /= 2;
                tmp[n++] = c;
            }
        } else if (c != dst) {
            tmp[n++] = dst;
        }
        int[] out = new int[n];
        System.arraycopy(tmp, 0, out, 0, n);
        return out;
    }

    private static int[] padFront(int[] chain, int length) {
        int[] out = new int[length];
        int pad = length - chain.length;
        for (int i = 0; i < length; i++) {
            out[i] = i < pad ? chain[0] : chain[i - pad];
        }
        return out;
    }

    private static boolean allTwo(int[] count) {
        for (int c : count) {
            if (c != 2) {
                return false;
            }
        }
        return true;
    }

    private static int maxTaps(int src, int dst) {
        // an interval of length src/dst touches at most ceil(src/dst) + 1 source pixels
        return (src + dst - 1) / dst + 1;
    }

    /** Area-coverage taps for src -> dst along one axis; weights of one output sum to 1 (a mean). */
    private static void taps(int src, int dst, int[] first, int[] count, float[] weight, int stride) {
        double ratio = (double) src / dst;
        for (int j = 0; j < dst; j++) {
            double a = j * ratio;
            double b = (j + 1) * ratio;
            if (j == dst - 1) {
                b = src; // exact end, no rounding gap
            }
            int i0 = (int) Math.floor(a);
            int i1 = (int) Math.ceil(b) - 1;
            if (i1 > src - 1) {
                i1 = src - 1;
            }
            int k = 0;
            first[j] = i0;
            for (int i = i0; i <= i1; i++) {
                double lo = a > i ? a : i;
                double hi = b < i + 1 ? b : i + 1;
                double cover = hi - lo;
                if (cover > 0) {
                    weight[j * stride + (i - i0)] = (float) (cover / (b - a));
                    k = i - i0 + 1;
                }
            }
            count[j] = k;
        }
    }

    /**
     * @param src (srcWidth*srcHeight) input, row-major
     * @param dst (dstWidth*dstHeight) output, row-major; must not be {@code src}
     */
    public void apply(float[] src, float[] dst) {
        Check.floats(src, widths[0] * heights[0], "src");
        Check.floats(dst, widths[steps] * heights[steps], "dst");
        if (src == dst && steps > 0) {
            throw new IllegalArgumentException("src and dst must be different arrays");
        }
        if (steps == 0) {
            System.arraycopy(src, 0, dst, 0, src.length);
            return;
        }
        float[] in = src;
        for (int s = 0; s < steps; s++) {
            float[] out = s == steps - 1 ? dst : stage[s];
            step(s, in, out);
            in = out;
        }
    }

    /**
     * The image after the first {@code count} steps of the chain, for a caller that wants the digit at a finer
     * size than the target ({@code Recognizer}: a small digit in a large image).
     *
     * @param src   (srcWidth*srcHeight) input, row-major
     * @param count 0..stepCount()-1 steps to run (the target itself goes through {@link #apply})
     * @return src itself for 0, else an owned (widthAt(count)*heightAt(count)) image, overwritten by the next call
     */
    public float[] applySteps(float[] src, int count) {
        Check.floats(src, widths[0] * heights[0], "src");
        if (count < 0 || count >= steps) {
            throw new IllegalArgumentException("count must be 0.." + (steps - 1) + " (apply makes the target), got " + count);
        }
        float[] in = src;
        for (int s = 0; s < count; s++) {
            step(s, in, stage[s]);
            in = stage[s];
        }
        return in;
    }

    /**
     * One separable step: rows first into {@code across}, then columns into {@code out}. Each output
     * is {@code 0f + w0*v0 + w1*v1 + ...}, summed in tap order; the two-tap loops (ratios 1.25 and 2)
     * write exactly that sum without the generic tap loop, so both give the same bits.
     */
    private void step(int s, float[] in, float[] out) {
        int inW = widths[s];
        int inH = heights[s];
        int outW = widths[s + 1];
        int outH = heights[s + 1];
        int[] xf = xFirst[s];
        int[] xc = xCount[s];
        float[] xw = xWeight[s];
        int xs = xStride[s];
        float[] across = this.across;
        boolean twoX = xTwoTaps[s];
        boolean twoY = yTwoTaps[s];
        // across: (outW x inH)
        for (int y = 0; y < inH; y++) {
            int row = y * inW;
            int acrossRow = y * outW;
            if (twoX) {
                for (int x = 0; x < outW; x++) {
                    int base = row + xf[x];
                    int wb = x * xs;
                    across[acrossRow + x] = 0f + xw[wb] * in[base] + xw[wb + 1] * in[base + 1];
                }
                continue;
            }
            for (int x = 0; x < outW; x++) {
                int base = row + xf[x];
                int wb = x * xs;
                float sum = 0f;
                for (int t = 0, c = xc[x]; t < c; t++) {
                    sum += xw[wb + t] * in[base + t];
                }
                across[acrossRow + x] = sum;
            }
        }
        int[] yf = yFirst[s];
        int[] yc = yCount[s];
        float[] yw = yWeight[s];
        int ys = yStride[s];
        // out: (outW x outH)
        for (int y = 0; y < outH; y++) {
            int outRow = y * outW;
            if (twoY) {
                float w0 = yw[y * ys];
                float w1 = yw[y * ys + 1];
                int a0 = yf[y] * outW;
                int a1 = a0 + outW;
                for (int x = 0; x < outW; x++) {
                    out[outRow + x] = 0f + w0 * across[a0 + x] + w1 * across[a1 + x];
                }
                continue;
            }
            for (int x = 0; x < outW; x++) {
                out[outRow + x] = 0f;
            }
            for (int t = 0, c = yc[y]; t < c; t++) {
                float w = yw[y * ys + t];
                int acrossRow = (yf[y] + t) * outW;
                for (int x = 0; x < outW; x++) {
                    out[outRow + x] += w * across[acrossRow + x];
                }
            }
        }
    }

    /** Number of resampling steps (0 when source and target sizes are equal). */
    public int stepCount() {
        return steps;
    }

    /** Width after step i; i = 0 is the source, i = stepCount() the target. */
    public int widthAt(int i) {
        return widths[i];
    }

    /** Height after step i; i = 0 is the source, i = stepCount() the target. */
    public int heightAt(int i) {
        return heights[i];
    }

    /** The chain for tests and diagnostics, e.g. "140→112→56→28" (or "140x100→112x100→..." when not square). Allocates. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= steps; i++) {
            if (i > 0) {
                sb.append('\u2192');
            }
            sb.append(widths[i]);
            if (widths[i] != heights[i]) {
                sb.append('x').append(heights[i]);
            }
        }
        return sb.toString();
    }
}
