package dev.numera.core.image;

/**
 * Puts a digit where MNIST puts it: any ink-high image to 28x28 with the ink's longest side at 20 px
 * (aspect kept) and the intensity centre of mass at (14, 14).
 *
 * <p>Steps, as LeCun's preprocessing for MNIST:
 * <ol>
 * <li>Bounding box of the ink, where ink means {@code value > INK_EPSILON} (0.05, ~13/255): low
 *     enough to keep anti-aliased stroke edges, high enough that faint grey haze or a downscaled
 *     speck of dust does not stretch the box. Pixels outside the box are dropped (cropped).</li>
 * <li>Scale {@code s = 20 / max(boxWidth, boxHeight)}, the same on both axes, so a "1" stays narrow
 *     (a 100x12 bar becomes 20x2.4). Resampling is by area coverage: each output pixel is the mean of
 *     the source rectangle it covers, fractional at the edges, which also works for slight upscaling.</li>
 * <li>Placement: the box is put at a sub-pixel offset chosen so that the centre of mass, in 0-indexed
 *     pixel coordinates (pixel i's centre is at i), lands on (14, 14). The offset is clamped so the whole
 *     box stays inside 28x28, so no ink is lost at the border (the centre of mass may then miss 14 on
 *     very lopsided shapes). The offset is computed from the source, then corrected once from the
 *     centre of mass actually measured on the output, which removes the resampling's small bias.</li>
 * </ol>
 * With {@link #setSubPixelShift(boolean) setSubPixelShift(false)} the offset is rounded to whole
 * output pixels like original MNIST (centre of mass within ~0.5 px instead of ~0.01 px, no blur from
 * the shift itself when the scale is 1).
 *
 * <p>Built for one source (width, height); the output and scratch buffers are allocated once.
 * {@link #normalize(float[])} returns the same owned 784-float array every call. After each call the
 * getters describe the box and centres, for tests and diagnostics (the app does not read them).
 */
public final class MnistNormalizer {
    public static final int SIZE = 28;
    public static final int BOX = 20;
    public static final float CENTRE = 14f;
    public static final float INK_EPSILON = 0.05f;

    private final int width;
    private final int height;
    private final float[] output = new float[SIZE * SIZE];
    /** horizontal pass: (height x 28), rows of the source, columns of the output. */
    private final float[] across;
    /** per output column: first source column, tap count, weights [ox*tapStride + t]. */
    private final int[] colFirst = new int[SIZE];
    private final int[] colCount = new int[SIZE];
    private final float[] colWeight;
    private final int[] rowFirst = new int[SIZE];
    private final int[] rowCount = new int[SIZE];
    private final float[] rowWeight;
    private final int tapStride;
    private boolean subPixel = true;

    private boolean hasInk;
    private int boxMinX;
    private int boxMinY;
    private int boxMaxX;
    private int boxMaxY;
    private float sourceComX;
    private float sourceComY;
    private float scale;
    private float placeX;
    private float placeY;
    private float outputComX;
    private float outputComY;

    /** @param width, height size of the source images this normaliser will receive */
    public MnistNormalizer(int width, int height) {
        Check.pixels(width, height);
        this.width = width;
        this.height = height;
        this.across = new float[height * SIZE];
        // one output pixel spans 1/s = maxSide/20 source pixels, so it touches at most ceil(that)+1
        int longest = width > height ? width : height;
        this.tapStride = (longest + BOX - 1) / BOX + 2;
        this.colWeight = new float[SIZE * tapStride];
        this.rowWeight = new float[SIZE * tapStride];
    }

    /** true (default): sub-pixel placement; false: whole-pixel placement like original MNIST. */
    public void setSubPixelShift(boolean subPixel) {
        this.subPixel = subPixel;
    }

    /**
     * Normalises into the owned output buffer.
     *
     * @param src (width*height) ink-high image, 0 = background
     * @return the owned (28*28) output, row-major, all zero when there is no ink
     */
    public float[] normalize(float[] src) {
        normalize(src, output);
        return output;
    }

    /**
     * @param src (width*height) ink-high image, 0 = background
     * @param out (28*28) output, row-major; all zero when there is no ink
     * @return whether any ink (value > INK_EPSILON) was found
     * @throws IllegalArgumentException when a value in the ink's box is NaN or infinite, or negative values there outweigh the ink
     */
    public boolean normalize(float[] src, float[] out) {
        Check.floats(src, width * height, "src");
        Check.floats(out, SIZE * SIZE, "out");
        if (src == out) {
            throw new IllegalArgumentException("src and out must be different arrays");
        }
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                float v = src[row + x];
                if (v > INK_EPSILON) {
                    if (x < minX) {
                        minX = x;
                    }
                    if (x > maxX) {
                        maxX = x;
                    }
                    if (y < minY) {
                        minY = y;
                    }
                    maxY = y;
                    mass += v;
                    mx += v * x;
                    my += v * y;
                }
            }
        }
        hasInk = maxX >= 0;
        if (!hasInk) {
            for (int i = 0; i < out.length; i++) {
                out[i] = 0f;
            }
            boxMinX = boxMinY = boxMaxX = boxMaxY = -1;
            sourceComX = sourceComY = outputComX = outputComY = Float.NaN;
            scale = 0f;
            placeX = placeY = 0f;
            return false;
        }
        boxMinX = minX;
        boxMinY = minY;
        boxMaxX = maxX;
        boxMaxY = maxY;
        sourceComX = (float) (mx / mass);
        sourceComY = (float) (my / mass);
        int boxW = maxX - minX + 1;
        int boxH = maxY - minY + 1;
        scale = (float) BOX / (boxW > boxH ? boxW : boxH);
        float outW = boxW * scale;
        float outH = boxH * scale;
        // continuous output position of the box's left/top edge: source centre c+0.5 maps to 14+0.5
        placeX = place(CENTRE + 0.5f - (sourceComX + 0.5f - minX) * scale, outW);
        placeY = place(CENTRE + 0.5f - (sourceComY + 0.5f - minY) * scale, outH);
        render(src, out);
        // a NaN or an infinity in the box makes a centre of mass NaN, here or already in the source (and
        // place(NaN) a box that renders nothing): refused, not "ink found" with an all-zero output
        if (!(outputComX == outputComX)) {
            throw notAnImage(src);
        }
        // one correction from the measured centre: area resampling shifts it by a few hundredths
        if (subPixel) {
            placeX = place(placeX + (CENTRE - outputComX), outW);
            placeY = place(placeY + (CENTRE - outputComY), outH);
            render(src, out);
        }
        return true;
    }

    /**
     * The error for a source whose output has no centre of mass: its first value that is not finite, or
     * else negative values (not an ink-high image either) that outweigh the ink in the box.
     */
    private IllegalArgumentException notAnImage(float[] src) {
        for (int i = 0; i < width * height; i++) {
            if (!(Math.abs(src[i]) <= Float.MAX_VALUE)) {
                return new IllegalArgumentException("src value " + i + " is " + src[i] + ", not a finite number");
            }
        }
        return new IllegalArgumentException("src has negative values that outweigh its ink: no centre of mass");
    }

    /** Clamp the box edge so [edge, edge+extent] stays in [0, 28]; round when whole-pixel placement. */
    private float place(float edge, float extent) {
        if (!subPixel) {
            edge = (float) Math.rint(edge);
        }
        float max = SIZE - extent;
        if (edge > max) {
            edge = subPixel ? max : (int) max;   // floor by a cast (a negative max ends at 0 below either way): Math.floor boxes under Wasm GC
        }
        if (edge < 0f) {
            edge = 0f;
        }
        return edge;
    }

    /**
     * Renders the box at (placeX, placeY). The placement travels in fields, not float arguments: in
     * TeaVM's JavaScript a float argument of a call V8 does not inline is a new heap number, every
     * camera frame.
     */
    private void render(float[] src, float[] out) {
        taps(true, boxMinX, boxMaxX, colFirst, colCount, colWeight);
        taps(false, boxMinY, boxMaxY, rowFirst, rowCount, rowWeight);
        // across: source rows boxMinY..boxMaxY, output columns
        for (int y = boxMinY; y <= boxMaxY; y++) {
            int row = y * width;
            int arow = y * SIZE;
            for (int ox = 0; ox < SIZE; ox++) {
                int base = row + colFirst[ox];
                int wb = ox * tapStride;
                float sum = 0f;
                for (int t = 0, c = colCount[ox]; t < c; t++) {
                    sum += colWeight[wb + t] * src[base + t];
                }
                across[arow + ox] = sum;
            }
        }
        double mass = 0;
        double mx = 0;
        double my = 0;
        for (int oy = 0; oy < SIZE; oy++) {
            int orow = oy * SIZE;
            for (int ox = 0; ox < SIZE; ox++) {
                out[orow + ox] = 0f;
            }
            for (int t = 0, c = rowCount[oy]; t < c; t++) {
                float w = rowWeight[oy * tapStride + t];
                int arow = (rowFirst[oy] + t) * SIZE;
                for (int ox = 0; ox < SIZE; ox++) {
                    out[orow + ox] += w * across[arow + ox];
                }
            }
            for (int ox = 0; ox < SIZE; ox++) {
                float v = out[orow + ox];
                mass += v;
                mx += v * ox;
                my += v * oy;
            }
        }
        // if/else, not a conditional expression: in TeaVM's JavaScript "c ? NaN : x" joins V8's NaN constant,
        // a heap number, with a computed double, and V8 makes the result a new heap number on every
        // evaluation (four a camera frame: 48 B of garbage)
        if (mass > 0) {
            outputComX = (float) (mx / mass);
            outputComY = (float) (my / mass);
        } else {
            outputComX = Float.NaN;
            outputComY = Float.NaN;
        }
    }

    /**
     * Taps along one axis: output pixel o covers source [lo + (o - edge)/s, lo + (o + 1 - edge)/s),
     * intersected with the box [lo, hi+1); weight = covered length * s (a mean over the pixel).
     */
    private void taps(boolean columns, int lo, int hi, int[] first, int[] count, float[] weight) {
        float edge = columns ? placeX : placeY;
        float inv = 1f / scale;
        float end = hi + 1;
        for (int o = 0; o < SIZE; o++) {
            float a = lo + (o - edge) * inv;
            float b = a + inv;
            if (a < lo) {
                a = lo;
            }
            if (b > end) {
                b = end;
            }
            if (!(b > a)) {
                first[o] = lo;
                count[o] = 0;
                continue;
            }
            // floor(a) and ceil(b) - 1 by casts, exact since 0 <= lo <= a < b: TeaVM's Wasm GC calls into
            // JavaScript for Math.floor/ceil and boxes the argument each time (224 calls per frame here)
            int i0 = (int) a;
            int i1 = (int) b;
            if (i1 == b) {
                i1--;
            }
            if (i1 > hi) {
                i1 = hi;
            }
            if (i1 - i0 + 1 > tapStride) {
                i1 = i0 + tapStride - 1; // cannot happen for b - a <= 1/s; guards the weight array
            }
            first[o] = i0;
            int k = 0;
            for (int i = i0; i <= i1; i++) {
                float l = a > i ? a : i;
                float r = b < i + 1 ? b : i + 1;
                float cover = r - l;
                weight[o * tapStride + k] = cover > 0f ? cover * scale : 0f;
                k++;
            }
            count[o] = k;
        }
    }

    /** Whether the last call found ink (value > INK_EPSILON). */
    public boolean hasInk() {
        return hasInk;
    }

    /** Ink bounding box in source pixels, inclusive; -1 when there was no ink. */
    public int boxMinX() {
        return boxMinX;
    }

    public int boxMinY() {
        return boxMinY;
    }

    public int boxMaxX() {
        return boxMaxX;
    }

    public int boxMaxY() {
        return boxMaxY;
    }

    /** Intensity-weighted centre of mass of the boxed ink, source pixel coordinates. */
    public float sourceComX() {
        return sourceComX;
    }

    public float sourceComY() {
        return sourceComY;
    }

    /** Centre of mass measured on the 28x28 output (target 14, 14). */
    public float outputComX() {
        return outputComX;
    }

    public float outputComY() {
        return outputComY;
    }

    /** Output pixels per source pixel (20 / longest box side). */
    public float scale() {
        return scale;
    }

    /** Where the box's left edge landed in the output (continuous coordinates, 0..28). */
    public float placeX() {
        return placeX;
    }

    /** Where the box's top edge landed in the output (continuous coordinates, 0..28). */
    public float placeY() {
        return placeY;
    }
}
