package dev.numera.web.view;

/**
 * The pictures of the network and camera views as packed pixels (R | G << 8 | B << 16 | A << 24,
 * row-major), in plain Java so that the JVM tests check them pixel by pixel; the views only copy
 * them onto a canvas. Every argument is an array or an int on purpose: in TeaVM's JavaScript a
 * float passed to a method V8 does not inline becomes a new heap number per call.
 */
final class ViewPixels {
    private ViewPixels() {
    }

    /**
     * Ink as opaque grey, white ink on black like MNIST: 0 (or less, or NaN) black, 1 (or more)
     * white, rounded to the nearest level in between.
     *
     * @param ink [count] ink level, nominally 0..1
     * @param out [count] pixels, overwritten
     */
    static void gray(float[] ink, int count, int[] out) {
        for (int i = 0; i < count; i++) {
            float v = ink[i];
            int g = v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255 + 0.5f); // NaN: (int) NaN is 0
            out[i] = grey(g);
        }
    }

    /**
     * Feature maps as tiles, {@code cols} to a row with a transparent 1-pixel gap between tiles,
     * each channel scaled to its own maximum (values at or below 0 black, the maximum white; a
     * channel whose maximum is below 1e-6 is scaled as if it were 1e-6, so that values far below
     * that stay dark instead of being blown up to white).
     *
     * @param a   [c, h, w] activations
     * @param out [rows * (h + 1) - 1, cols * (w + 1) - 1] pixels, rows = ceil(c / cols), overwritten
     */
    static void maps(float[] a, int c, int h, int w, int cols, int[] out) {
        int width = cols * (w + 1) - 1;
        int rows = (c + cols - 1) / cols;
        java.util.Arrays.fill(out, 0, (rows * (h + 1) - 1) * width, 0);
        for (int ch = 0; ch < c; ch++) {
            int base = ch * h * w;
            float max = 1e-6f;
            for (int j = 0; j < h * w; j++) {
                float v = a[base + j];
                if (v > max) { // not Math.max: see the class comment
                    max = v;
                }
            }
            int ox = (ch % cols) * (w + 1);
            int oy = (ch / cols) * (h + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float v = a[base + y * w + x] / max;
                    int g = v <= 0 ? 0 : v >= 1 ? 255 : (int) (v * 255);
                    out[(oy + y) * width + ox + x] = grey(g);
                }
            }
        }
    }

    /**
     * One bar per unit, bottom-aligned: |a[i]| scaled so that the largest magnitude fills
     * {@code height} pixels; the pixel above a bar's whole pixels carries the fraction as its alpha.
     * An all-zero layer draws nothing.
     *
     * @param a      [n] activations
     * @param colour the bars' opaque packed colour
     * @param out    [height, n] pixels, overwritten
     */
    static void bars(float[] a, int n, int height, int colour, int[] out) {
        java.util.Arrays.fill(out, 0, height * n, 0);
        // The largest magnitude starts from a[0], not from a small constant, and a tiny term keeps the
        // division finite for an all-zero layer: starting from 1e-6f, TeaVM's JavaScript made a new heap
        // number at each new maximum in V8's optimised code (measured: 55 B per camera frame, gone with
        // this). Comparisons, not Math.max/Math.abs: see the class comment.
        float max = a[0] < 0 ? -a[0] : a[0];
        for (int i = 1; i < n; i++) {
            float v = a[i] < 0 ? -a[i] : a[i];
            if (v > max) {
                max = v;
            }
        }
        float scale = height / (max + 1e-30f);
        for (int i = 0; i < n; i++) {
            float h = (a[i] < 0 ? -a[i] : a[i]) * scale;
            int full = Math.min((int) h, height);
            for (int y = 0; y < full; y++) {
                out[(height - 1 - y) * n + i] = colour;
            }
            int alpha = (int) ((h - full) * 255 + 0.5f);
            if (full < height && alpha > 0) {
                out[(height - 1 - full) * n + i] = (colour & 0xFFFFFF) | alpha << 24;
            }
        }
    }

    /** Opaque grey level g (0..255) as a packed pixel. */
    static int grey(int g) {
        return 0xFF000000 | g << 16 | g << 8 | g;
    }
}
