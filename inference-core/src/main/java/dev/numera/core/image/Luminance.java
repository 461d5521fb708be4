package dev.numera.core.image;

/**
 * RGBA bytes, as canvas {@code getImageData} returns them, to one grey float per pixel.
 *
 * <p>Input: {@code rgba[4*(y*width+x) + c]}, c = R,G,B,A, unsigned bytes 0..255, not premultiplied.
 * Output: {@code out[y*width+x]}. Grey is ITU-R BT.601 luminance, {@code 0.299 R + 0.587 G + 0.114 B}.
 *
 * <p>Alpha is composited explicitly over a grey {@code background} level (0..255) before anything
 * else: a transparent canvas reads as alpha 0 everywhere, so on a dark page pass 0 and on paper pass
 * 255, and an untouched pixel becomes "no ink" rather than black.
 *
 * <p>Four outputs, pick by where the pixels came from:
 * <ul>
 * <li>{@link #grey}: luminance in grey levels 0..255, paper-bright.</li>
 * <li>{@link #maxChannel}: {@code max(R,G,B)} in grey levels 0..255, paper-bright: the camera path's
 *     input to {@link AdaptiveThreshold}; coloured ruled lines almost vanish (see the method).</li>
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
    private static final int MAX_CHANNEL = 1;
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
        convert(rgba, width, height, background, out, GREY);
    }

    /**
     * The brightest channel, {@code max(R, G, B)} (HSV "value"), in grey levels 0..255, paper-bright:
     * the camera path's input to {@link AdaptiveThreshold}.
     *
     * <p>Why not luminance: exercise-book ruled lines are light blue, e.g. RGB (170,200,235). On white
     * paper (245) their luminance is 195, 20 % under the paper, as dark relative to its surroundings
     * as a faint pencil stroke, so no threshold can tell them apart. A coloured line absorbs mostly
     * one channel; its brightest channel (235) is within a few percent of the paper's. Pen and pencil
     * absorb all channels: black, graphite, a blue ballpoint (30,40,120 -> 120) or a green pen stay
     * dark. The cost: a light red pen (200,30,30 -> 200) fades out, like a red margin line should.
     * Shadows scale all channels, so they stay what they were.
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels
     * @param out        (width*height) grey levels 0..255, paper-bright
     */
    public static void maxChannel(byte[] rgba, int width, int height, float background, float[] out) {
        convert(rgba, width, height, background, out, MAX_CHANNEL);
    }

    /**
     * Dark ink on light paper to ink-high: {@code 1 - luminance/255}.
     *
     * @param rgba       (4*width*height) unsigned RGBA bytes, row-major
     * @param background grey level 0..255 under transparent pixels (255 = white paper)
     * @param out        (width*height) ink-high 0..1
     */
    public static void inkDark(byte[] rgba, int width, int height, float background, float[] out) {
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
        convert(rgba, width, height, background, out, INK_LIGHT);
    }

    private static void convert(byte[] rgba, int width, int height, float background, float[] out, int mode) {
        int n = Check.pixels(width, height);
        Check.bytes(rgba, 4 * n, "rgba");
        Check.floats(out, n, "out");
        if (!(background >= 0f && background <= 255f)) {
            throw new IllegalArgumentException("background must be a grey level in 0..255, got " + background);
        }
        for (int i = 0, p = 0; i < n; i++, p += 4) {
            float a = (rgba[p + 3] & 0xFF) * (1f / 255f);
            float under = (1f - a) * background;
            // composite each channel over the grey background: c' = a*c + (1-a)*bg
            float r = a * (rgba[p] & 0xFF) + under;
            float g = a * (rgba[p + 1] & 0xFF) + under;
            float b = a * (rgba[p + 2] & 0xFF) + under;
            float y = WEIGHT_R * r + WEIGHT_G * g + WEIGHT_B * b;
            float v;
            if (mode == GREY) {
                v = y;
            } else if (mode == MAX_CHANNEL) {
                v = r > g ? (r > b ? r : b) : (g > b ? g : b);
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
            out[i] = v;
        }
    }
}
