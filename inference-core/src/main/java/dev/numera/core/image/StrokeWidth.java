package dev.numera.core.image;

/**
 * Thin strokes made bold: a camera box's digit written with a thin pen thickened towards MNIST's
 * stroke, a tenth of the digit's size (2 px of the 20 px box the normaliser makes): strokes under half of
 * that are grown to about three quarters of it.
 *
 * <p>A ballpoint's line is 2-3 px in the 140 px box, a digit 95 px tall: averaged down to 20 px it
 * became a faint line one pixel wide (brightest 170 of 255), which the network, trained on MNIST's
 * strokes, did not read as it reads ink (a 1 with a flag read 9). The drawing pad fits its brush to the
 * drawing for the same reason ({@link StrokeRasterizer#fitBrushToDrawing}); a camera cannot, so the
 * threshold's ink is dilated instead, only when its strokes are under half the target: the mean width is
 * 2 x area / boundary pixels (a stroke of width w and length L has area wL and 2L boundary pixels; it
 * cannot measure under 2, as every pixel of a line 1 or 2 px wide is on its boundary).
 *
 * <p>Input and output: the thresholded ink, [height * width], 1 ink / 0 paper, the digit only; changed
 * in place. The dilation is a square (2r + 1) max filter, rows then columns, through a scratch of the same
 * size; nothing is allocated.
 */
public final class StrokeWidth {
    /** The stroke to aim for, as a fraction of the digit box's longest side (MNIST: 2 px of 20). */
    public static final float TARGET = 0.1f;

    private final int width, height;
    private final float[] rows;

    public StrokeWidth(int width, int height) {
        this.width = width;
        this.height = height;
        rows = new float[Check.pixels(width, height)];
    }

    /**
     * @param ink     [height * width] 1 ink / 0 paper, thickened in place
     * @param boxSide the digit box's longest side, pixels
     * @return the dilation radius used, 0 when the strokes were bold enough
     */
    public int thicken(float[] ink, int boxSide) {
        Check.floats(ink, width * height, "ink");
        int area = 0, boundary = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (ink[i] < 0.5f) {
                    continue;
                }
                area++;
                boolean edge = x == 0 || y == 0 || x == width - 1 || y == height - 1
                        || ink[i - 1] < 0.5f || ink[i + 1] < 0.5f || ink[i - width] < 0.5f || ink[i + width] < 0.5f;
                boundary += edge ? 1 : 0;
            }
        }
        float target = TARGET * boxSide;
        float mean = boundary > 0 ? 2f * area / boundary : 0f;
        if (area == 0 || mean >= 0.5f * target) {
            return 0;
        }
        // to three quarters of the target: a pen's line grown by r on both sides
        int r = (int) ((0.75f * target - mean) / 2 + 0.5f);
        if (r < 1) {
            return 0;
        }
        maxAlong(ink, rows, r, true);
        maxAlong(rows, ink, r, false);
        return r;
    }

    /** dst[i]: the largest src within r of pixel i along its row ({@code alongRows}) or its column, cut off at the image's edge. */
    private void maxAlong(float[] src, float[] dst, int r, boolean alongRows) {
        int stride = alongRows ? 1 : width, n = alongRows ? width : height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x, at = alongRows ? x : y, first = i - at * stride;
                float m = 0f;
                for (int t = Math.max(0, at - r); t <= Math.min(n - 1, at + r); t++) {
                    m = Math.max(m, src[first + t * stride]);
                }
                dst[i] = m;
            }
        }
    }
}
