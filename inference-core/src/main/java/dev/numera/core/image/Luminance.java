package dev.numera.core.image;

/**
 * RGBA bytes, as canvas {@code getImageData} returns them, to one grey float per pixel.
 *
 * <p>Input: {@code rgba[4*(y*width+x) + c]}, c = R,G,B,A, unsigned bytes 0..255, not premultiplied;
 * or the same pixels packed one per int, {@code rgba[y*width+x] = R | G << 8 | B << 16 | A << 24}
 * (what a little-endian Int32Array over the bytes reads; see {@link #pack}).
 * Output: {@code out[y*width+x]}. Grey is ITU-R BT.601 luminance, {@code 0.299 R + 0.587 G + 0.114 B}.
 *
 * <p>Alpha is composited explicitly over a grey {@code background} level (0..255) before anything
 * else: a transparent canvas reads as alpha 0 everywhere, so on a dark page pass 0 and on paper pass
 * 255, and an untouched pixel becomes "no ink" rather than black.
 *
 * <p>Four outputs, pick by where the pixels came from:
 * <ul>
 * <li>{@link #grey}: luminance in grey levels 0..255, paper-bright.</li>
 * <li>{@link #cameraGrey}: the brightest channel {@code max(R,G,B)}, at most twice the darker of red and
 *     green, in grey levels 0..255, paper-bright: the camera path's input to {@link AdaptiveThreshold};
 *     light coloured ruled lines almost vanish, red and pink pens stay dark (see the method).</li>
 * <li>{@link #inkDark}: dark ink on light paper to ink-high 0..1 ({@code 1 - grey/255}).</li>
 * <li>{@link #inkLight}: light ink on a dark canvas to ink-high 0..1 ({@code grey/255}).</li>
 * </ul>
 * All are static, allocate nothing and may run every frame.
 */
public final class Luminance {
    public static final float WEIGHT_R = 0.299f;
    public static final float WEIGHT_G = 0.587f;
    public static final float WEIGHT_B = 0.114f;

    private static final int GREY = 0;
    private static final int CAMERA_GREY = 1;
    private static final int INK_DARK = 2;
    private static final int INK_LIGHT = 3;

    private Luminance() {
    }

    /**
     * BT.601 luminance in grey levels.
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels
     * @param out        (width*height) grey levels 0..255, paper-bright
     */
    public static void grey(byte[] rgba, int width, int height, float background, float[] out) {
        Check.bytes(rgba, 4 * Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, GREY);
    }

    /** As {@link #grey(byte[], int, int, float, float[])}, on (width*height) packed pixels. */
    public static void grey(int[] rgba, int width, int height, float background, float[] out) {
        Check.ints(rgba, Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, GREY);
    }

    /**
     * The brightest channel, {@code max(R, G, B)} (HSV "value"), but at most {@code 2 min(R, G)}, in grey
     * levels 0..255, paper-bright: the camera path's input to {@link AdaptiveThreshold}.
     *
     * <p>Why the brightest channel, not luminance: exercise-book ruled lines are light blue, e.g. RGB
     * (170,200,235). On white paper (245) their luminance is 195, 20 % under the paper, as dark relative to
     * its surroundings as a faint pencil stroke, so no threshold can tell them apart. A coloured line
     * absorbs mostly one channel; its brightest channel (235) is within a few percent of the paper's. Pen
     * and pencil absorb all channels: black, graphite, a blue ballpoint (30,40,120 -> 120 before the cap)
     * or a green pen stay dark. Shadows scale all channels, so they stay what they were.
     *
     * <p>Why the cap: a red pen absorbs green and blue and hardly any red, so its brightest channel is
     * nearly the paper's: (200,30,30) gave 200 on paper 245, and its strokes, thick ones most (they pull
     * the threshold's local mean down), vanished. What tells a pen from a pale line is how far down its
     * darkest channel goes; blue is left out of that, because yellow (a highlighter (250,240,80), yellow
     * paper) absorbs blue alone. Twice {@code min(R, G)} leaves the light-blue line (340), a pale red
     * margin line (230,120,120: 240), yellow, pink, green and orange highlighters and any grey alone, and
     * takes the red pen to 60 and a pink one (230,60,160) to 120. A ratio, not an offset, because a shadow
     * scales every channel: the red pen on paper in half the light is (100,15,15), capped at 30. Measured
     * through the camera path (500 MNIST test digits at ~60 px, shipped model; black ink 497 either way):
     * red (200,30,30) on white 131 -> 494 read right, (220,50,60) 0 -> 489, pink (230,60,160) 0 -> 489,
     * red on beige paper (200,170,140) 0 -> 495, red on grey paper 150 289 -> 494, in half the light
     * 112 -> 494, a light red (240,100,100) 0 -> 343. The cost: saturated coloured lines now show, as grey
     * ones always did: a red (220,80,90), dark-blue (100,140,220) or cyan (100,230,240) ruled line comes
     * out as ink, which {@link InkCheck} leaves out where it runs across the box; a grid of red lines every
     * 25 px through a black digit cut 299 -> 193 of 300 read right (dark-blue and cyan 299 -> 298).
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels
     * @param out        (width*height) grey levels 0..255, paper-bright
     */
    public static void cameraGrey(byte[] rgba, int width, int height, float background, float[] out) {
        Check.bytes(rgba, 4 * Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, CAMERA_GREY);
    }

    /** As {@link #cameraGrey(byte[], int, int, float, float[])}, on (width*height) packed pixels. */
    public static void cameraGrey(int[] rgba, int width, int height, float background, float[] out) {
        Check.ints(rgba, Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, CAMERA_GREY);
    }

    /**
     * Dark ink on light paper to ink-high: {@code 1 - luminance/255}.
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels (255 = white paper)
     * @param out        (width*height) ink-high 0..1
     */
    public static void inkDark(byte[] rgba, int width, int height, float background, float[] out) {
        Check.bytes(rgba, 4 * Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, INK_DARK);
    }

    /** As {@link #inkDark(byte[], int, int, float, float[])}, on (width*height) packed pixels. */
    public static void inkDark(int[] rgba, int width, int height, float background, float[] out) {
        Check.ints(rgba, Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, INK_DARK);
    }

    /**
     * Light ink on a dark canvas to ink-high: {@code luminance/255}.
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels (0 = empty dark canvas)
     * @param out        (width*height) ink-high 0..1
     */
    public static void inkLight(byte[] rgba, int width, int height, float background, float[] out) {
        Check.bytes(rgba, 4 * Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, INK_LIGHT);
    }

    /** As {@link #inkLight(byte[], int, int, float, float[])}, on (width*height) packed pixels. */
    public static void inkLight(int[] rgba, int width, int height, float background, float[] out) {
        Check.ints(rgba, Check.pixels(width, height), "rgba");
        convert(rgba, width, height, background, out, INK_LIGHT);
    }

    /** The pixel at byte offset p of RGBA bytes, packed: {@code R | G << 8 | B << 16 | A << 24}. */
    public static int pack(byte[] rgba, int p) {
        return (rgba[p] & 0xFF) | (rgba[p + 1] & 0xFF) << 8 | (rgba[p + 2] & 0xFF) << 16 | rgba[p + 3] << 24;
    }

    private static void convert(byte[] rgba, int width, int height, float background, float[] out, int mode) {
        int n = width * height;
        Check.floats(out, n, "out");
        checkBackground(background);
        for (int i = 0; i < n; i++) {
            out[i] = value(pack(rgba, 4 * i), background, mode);
        }
    }

    private static void convert(int[] rgba, int width, int height, float background, float[] out, int mode) {
        int n = width * height;
        Check.floats(out, n, "out");
        checkBackground(background);
        for (int i = 0; i < n; i++) {
            out[i] = value(rgba[i], background, mode);
        }
    }

    /** One packed pixel's output value in the given mode. */
    private static float value(int px, float background, int mode) {
        float a = (px >>> 24) * (1f / 255f);
        float under = (1f - a) * background;
        // composite each channel over the grey background: c' = a*c + (1-a)*bg
        float r = a * (px & 0xFF) + under;
        float g = a * ((px >>> 8) & 0xFF) + under;
        float b = a * ((px >>> 16) & 0xFF) + under;
        float y = WEIGHT_R * r + WEIGHT_G * g + WEIGHT_B * b;
        float v;
        if (mode == GREY) {
            v = y;
        } else if (mode == CAMERA_GREY) {
            v = cameraGrey(r, g, b);
        } else if (mode == INK_DARK) {
            v = 1f - y * (1f / 255f);
        } else {
            v = y * (1f / 255f);
        }
        // weights sum to 1 but float rounding can step a hair outside the range
        if (v < 0f) {
            v = 0f;
        }
        if (mode >= INK_DARK) {
            if (v > 1f) {
                v = 1f;
            }
        } else if (v > 255f) {
            v = 255f;
        }
        return v;
    }

    /**
     * {@link #cameraGrey}'s grey for one pixel, packed {@code R | G << 8 | B << 16 | A << 24}: exactly
     * the value cameraGrey stores. For the fused camera pass ({@link AdaptiveThreshold#applyRgba}), on the
     * pixels that are not opaque (a canvas, never a video frame).
     */
    static float cameraGrey(int px, float background) {
        float a = (px >>> 24) * (1f / 255f);
        float under = (1f - a) * background;
        float v = cameraGrey(a * (px & 0xFF) + under, a * ((px >>> 8) & 0xFF) + under, a * ((px >>> 16) & 0xFF) + under);
        if (v < 0f) {
            v = 0f;
        }
        if (v > 255f) {
            v = 255f;
        }
        return v;
    }

    // max(r, g, b), at most 2 min(r, g); for whole numbers (an opaque pixel) the fused pass computes the
    // same with ints
    private static float cameraGrey(float r, float g, float b) {
        float max = r > g ? (r > b ? r : b) : (g > b ? g : b);
        float cap = 2 * (r < g ? r : g);
        return max < cap ? max : cap;
    }

    static void checkBackground(float background) {
        if (!(background >= 0f && background <= 255f)) {
            throw new IllegalArgumentException("background must be a grey level in 0..255, got " + background);
        }
    }
}
