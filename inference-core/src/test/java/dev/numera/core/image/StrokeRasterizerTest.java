package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StrokeRasterizerTest {
    static final int W = 64;
    static final int H = 40;

    static StrokeRasterizer line(float diameter, float x0, float y0, float x1, float y1) {
        StrokeRasterizer s = new StrokeRasterizer();
        s.setBrushDiameter(diameter);
        s.beginStroke();
        s.addPoint(x0, y0);
        s.addPoint(x1, y1);
        s.endStroke();
        return s;
    }

    @Test
    void coverageOfAThickLineHandChecked() {
        // diameter 8 along the pixel-centre row y = 20.5, x from 10 to 50
        float[] out = new float[W * H];
        line(8f, 10f, 20.5f, 50f, 20.5f).rasterise(out, W, H);
        assertEquals(1f, out[20 * W + 30], 0f, "centre of the line");
        assertEquals(1f, out[17 * W + 30], 0f, "3 px from the centre line, inside r = 4");
        assertEquals(0.5f, out[16 * W + 30], 1e-6f, "pixel centre exactly on the brush edge (d = r)");
        assertEquals(0.5f, out[24 * W + 30], 1e-6f);
        assertEquals(0f, out[15 * W + 30], 0f, "d = 5 > r + 0.5");
        assertEquals(0f, out[5 * W + 30], 0f, "far away");
        // round cap: pixel (54, 20) has centre 54.5, 4.5 past the end point: d = 4.5 -> 0
        assertEquals(0f, out[20 * W + 54], 0f);
        // pixel (53, 20): d = 3.5 -> 1; the cap is round, so (53, 17) at d = hypot(3.5, 3) = 4.61 -> 0
        assertEquals(1f, out[20 * W + 53], 0f);
        assertEquals(0f, out[17 * W + 53], 0f);
        // the cross-section carries exactly the diameter: 7 full pixels + 2 halves
        double column = 0;
        for (int y = 0; y < H; y++) {
            column += out[y * W + 30];
        }
        assertEquals(8.0, column, 1e-5);
    }

    /**
     * Against a naive reference that visits every pixel of the canvas for every segment (no pixel box):
     * random strokes with fractional, negative and off-canvas points, thin and thick brushes. The box
     * rasterise clips each segment to (its floor and ceil by casts) must leave no covered pixel out.
     */
    @Test
    void matchesANaiveEveryPixelReference() {
        java.util.Random rnd = new java.util.Random(11);
        for (int trial = 0; trial < 40; trial++) {
            StrokeRasterizer s = new StrokeRasterizer();
            float d = trial % 4 == 0 ? 0.6f + rnd.nextFloat() : 1f + 20f * rnd.nextFloat();
            s.setBrushDiameter(d);
            int n = 1 + rnd.nextInt(6);
            float[] px = new float[n], py = new float[n];
            s.beginStroke();
            for (int i = 0; i < n; i++) {
                px[i] = -20f + (W + 40) * rnd.nextFloat();
                py[i] = -20f + (H + 40) * rnd.nextFloat();
                s.addPoint(px[i], py[i]);
            }
            s.endStroke();
            float[] out = new float[W * H];
            s.rasterise(out, W, H);
            float[] ref = new float[W * H];
            float r = d * 0.5f, reach = r + 0.5f, peak = Math.min(2f * r, 1f);
            for (int i = 0; i < n; i++) {
                float ax = px[Math.max(0, i - 1)], ay = py[Math.max(0, i - 1)], bx = px[i], by = py[i];
                if (i == 0 && n > 1) continue;   // a stroke of n > 1 points is its n - 1 segments; of one, a dot
                float dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy, inv = len2 > 0f ? 1f / len2 : 0f;
                for (int y = 0; y < H; y++) {
                    for (int x = 0; x < W; x++) {
                        float qx = x + 0.5f - ax, qy = y + 0.5f - ay;
                        float t = Math.max(0f, Math.min(1f, (qx * dx + qy * dy) * inv));
                        float ex = qx - t * dx, ey = qy - t * dy;
                        float c = Math.min(reach - (float) Math.sqrt(ex * ex + ey * ey), peak);
                        ref[y * W + x] = Math.max(ref[y * W + x], c);
                    }
                }
            }
            assertEquals(0, Arrays.compare(ref, out), "trial " + trial);
        }
    }

    @Test
    void crossSectionMassEqualsDiameterAtAnyPhaseAndThinness() {
        for (float d : new float[] {0.4f, 1f, 2.5f, 7f}) {
            for (float phase : new float[] {0f, 0.25f, 0.5f, 0.8f}) {
                float[] out = new float[W * H];
                line(d, 5f, 20f + phase, 60f, 20f + phase).rasterise(out, W, H);
                double column = 0;
                for (int y = 0; y < H; y++) {
                    column += out[y * W + 30];
                }
                assertEquals(d, column, 1e-5, "diameter " + d + " phase " + phase);
                assertTrue(Images.max(out) <= Math.min(1f, d) + 1e-6f);
            }
        }
    }

    @Test
    void edgesAreAntiAliasedAndOverlapsDoNotExceedOne() {
        StrokeRasterizer s = new StrokeRasterizer();
        s.setBrushDiameter(6f);
        s.beginStroke();
        s.addPoint(5f, 5f);
        s.addPoint(58f, 33f);
        s.endStroke();
        s.beginStroke(); // crossing stroke
        s.addPoint(5f, 33f);
        s.addPoint(58f, 5f);
        s.addPoint(58f, 5f); // repeated point: zero-length segment
        s.endStroke();
        float[] out = new float[W * H];
        s.rasterise(out, W, H);
        int partial = 0;
        for (float v : out) {
            assertTrue(v >= 0f && v <= 1f, "value " + v);
            if (v > 0f && v < 1f) {
                partial++;
            }
        }
        assertTrue(partial > 100, "diagonal edges must have intermediate values, got " + partial);
        assertEquals(1f, Images.max(out), 0f);
        int cx = (int) Math.floor(31.5f);
        assertEquals(1f, out[19 * W + cx], 0f, "the crossing is plain ink, not 2");
    }

    @Test
    void strokesUndoAndClear() {
        StrokeRasterizer s = new StrokeRasterizer(2, 1); // tiny capacities: forces growth
        assertEquals(0, s.strokeCount());
        assertFalse(s.undoLastStroke());
        s.beginStroke();
        assertEquals(0, s.strokeCount(), "an empty open stroke does not count");
        s.addPoint(10f, 10f);
        assertEquals(1, s.strokeCount(), "the open stroke counts once it has a point");
        s.endStroke();
        s.beginStroke();
        for (int i = 0; i < 50; i++) {
            s.addPoint(20f + i * 0.5f, 30f);
        }
        s.endStroke();
        s.beginStroke();
        s.endStroke(); // dropped: no points
        assertEquals(2, s.strokeCount());
        assertEquals(51, s.pointCount());
        float[] both = new float[W * H];
        s.rasterise(both, W, H);
        assertTrue(both[10 * W + 10] > 0.9f, "single-point stroke is a dot");
        assertTrue(both[30 * W + 30] > 0.9f);

        assertTrue(s.undoLastStroke());
        assertEquals(1, s.strokeCount());
        assertEquals(1, s.pointCount());
        float[] one = new float[W * H];
        s.rasterise(one, W, H);
        assertEquals(0f, one[30 * W + 30], 0f, "undone stroke is gone");
        assertTrue(one[10 * W + 10] > 0.9f);

        s.clear();
        assertEquals(0, s.strokeCount());
        s.rasterise(one, W, H);
        assertEquals(0.0, Images.sum(one), 0.0);
        assertThrows(IllegalStateException.class, () -> s.addPoint(1f, 1f));
    }

    @Test
    void rejectsBadArguments() {
        StrokeRasterizer s = new StrokeRasterizer();
        assertThrows(IllegalArgumentException.class, () -> s.rasterise(new float[10], 4, 3));
        assertThrows(IllegalArgumentException.class, () -> s.setBrushDiameter(0f));
        assertThrows(IllegalArgumentException.class, () -> s.setBrushDiameter(Float.NaN));
        s.beginStroke();
        assertThrows(IllegalArgumentException.class, () -> s.addPoint(Float.NaN, 1f));
        assertThrows(IllegalArgumentException.class, () -> StrokeRasterizer.brushDiameterFor(-1f, 10f));
        assertThrows(IllegalArgumentException.class, () -> StrokeRasterizer.brushDiameterFor(10f, Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> new StrokeRasterizer(0, 4));
    }

    @Test
    void brushHelperIsLongestSidePlusOneCellOverNineClamped() {
        assertEquals(20f, StrokeRasterizer.brushDiameterFor(170f, 10f), 1e-5f);
        assertEquals(10f, StrokeRasterizer.brushDiameterFor(80f, 10f), 1e-5f);
        assertEquals(10f, StrokeRasterizer.brushDiameterFor(90f, 0f), 1e-5f);
        assertEquals(StrokeRasterizer.MIN_BRUSH, StrokeRasterizer.brushDiameterFor(0f, 10f), 0f);
        assertEquals(StrokeRasterizer.MIN_BRUSH, StrokeRasterizer.brushDiameterFor(5f, 5f), 0f);
        assertEquals(StrokeRasterizer.MAX_BRUSH, StrokeRasterizer.brushDiameterFor(1000f, 10f), 0f);
        StrokeRasterizer s = line(3f, 10f, 10f, 100f, 50f);
        assertEquals(StrokeRasterizer.brushDiameterFor(90f, 10f), s.fitBrushToDrawing(10f, 280, 280), 0f);
        assertEquals(s.brushDiameter(), StrokeRasterizer.brushDiameterFor(90f, 10f), 0f);
    }

    @Test
    void theBrushIsFittedToTheInkOnTheCanvasOnly() {
        // (200, 10) -> (600, 100) leaves the 280 canvas through x = 280 at t = 0.2, y = 28: the ink on it
        // spans 80 x 18 px, so the brush is (80 + 10) / 9 = 10 px (the whole segment's 400 px: 40, the cap;
        // the far point clamped to the edge, (280, 100), 90 px: 11.1)
        StrokeRasterizer s = line(1f, 200f, 10f, 600f, 100f);
        assertEquals(10f, s.fitBrushToDrawing(10f, 280, 280), 1e-5f);
        // a dot off the canvas adds nothing; a segment entering from outside counts from the edge
        s.beginStroke();
        s.addPoint(-50f, 500f);
        s.endStroke();
        assertEquals(10f, s.fitBrushToDrawing(10f, 280, 280), 1e-5f);
        s.beginStroke();
        s.addPoint(-500f, 20f);
        s.addPoint(150f, 20f);
        s.endStroke();
        assertEquals((280f + 10f) / 9f, s.fitBrushToDrawing(10f, 280, 280), 1e-4f);
        // nothing on the canvas: the smallest brush, as for an empty drawing
        assertEquals(StrokeRasterizer.MIN_BRUSH, line(1f, 300f, -5f, 900f, -400f).fitBrushToDrawing(10f, 280, 280), 0f);
        assertEquals(StrokeRasterizer.MIN_BRUSH, new StrokeRasterizer().fitBrushToDrawing(10f, 280, 280), 0f);
    }

    /**
     * A small stroke far from the others (a tap, a tick) does not size the brush: a 63 px 0 with a dot
     * 130 px away gets the 0's brush, (63 + 10) / 9, not the 22 px of the box they span together. A
     * small stroke near the others (a 7's bar across its stem) counts as before.
     */
    @Test
    void aStrayTapOrTickDoesNotSizeTheBrush() {
        float[] zero = Images.ellipse(180, 180, 19, 31.5f);
        float alone = brushOf(zero);
        assertEquals((63f + 10f) / 9f, alone, 0.05f);
        assertEquals(alone, brushOf(zero, new float[] {20, 20}), 0f, "a tap far away");
        assertEquals(alone, brushOf(zero, new float[] {20, 250, 30, 262}), 0f, "a 12 px tick far away");
        // and what is painted is the 0 alone: the slip is not in the network's copy
        org.junit.jupiter.api.Assertions.assertArrayEquals(Images.padStrokes(zero), Images.padStrokes(zero, new float[] {20, 250, 30, 262}));
        // the tap near the 0, within a quarter of its size: part of the drawing
        assertEquals((63f + 10f + 10f) / 9f, brushOf(zero, new float[] {180, 138.5f}), 0.05f, "a tap 10 px above it");
        // a 7: its stroke 100 px tall, a 20 px bar across the stem, and two strokes of one size always count
        float seven = brushOf(new float[] {100, 90, 180, 90, 130, 190}, new float[] {145, 140, 165, 140});
        assertEquals((100f + 10f) / 9f, seven, 1e-4f);
        assertEquals((260f + 10f) / 9f, brushOf(new float[] {10, 10, 10, 60}, new float[] {270, 10, 270, 60}), 1e-4f);
    }

    private static float brushOf(float[]... strokes) {
        return Images.strokes(strokes).fitBrushToDrawing(10f, 280, 280);
    }

    @Test
    void lengthOutsideTheCanvasHandChecked() {
        // (200, 10) -> (600, 100) is 410 px long (400 x 90, 410^2 = 168,100) and leaves x = 280 at t = 0.2,
        // x = 300 at t = 0.25
        StrokeRasterizer s = line(1f, 200f, 10f, 600f, 100f);
        assertEquals(0.8f * 410f, s.lengthOutside(0f, 280, 280), 1e-3f);
        assertEquals(0.75f * 410f, s.lengthOutside(20f, 280, 280), 1e-3f);
        // across the whole pad at y = 140 from x = -100 to 380: 100 px out on each side, 91 beyond a 9 px
        // margin; with that margin the first segment leaves at x = 289, t = 89 / 400
        s.beginStroke();
        s.addPoint(-100f, 140f);
        s.addPoint(380f, 140f);
        s.endStroke();
        assertEquals((1f - 89f / 400f) * 410f + 182f, s.lengthOutside(9f, 280, 280), 1e-3f);
        // a dot outside has no length; a stroke wholly outside counts whole; one inside not at all
        StrokeRasterizer t = new StrokeRasterizer();
        t.beginStroke();
        t.addPoint(-50f, -50f);
        t.endStroke();
        t.beginStroke();
        t.addPoint(10f, 300f);
        t.addPoint(10f, 330f);
        t.addPoint(50f, 360f);
        t.endStroke();
        t.beginStroke();
        t.addPoint(10f, 10f);
        t.addPoint(270f, 270f);
        t.endStroke();
        assertEquals(30f + 50f, t.lengthOutside(0f, 280, 280), 1e-3f);
        assertEquals(0f, new StrokeRasterizer().lengthOutside(0f, 280, 280), 0f);
        assertThrows(IllegalArgumentException.class, () -> t.lengthOutside(-1f, 280, 280));
        assertThrows(IllegalArgumentException.class, () -> t.lengthOutside(Float.NaN, 280, 280));
    }

    @Test
    void lengthOutsideMatchesPointsSampledAlongThePath() {
        // the independent reference: 20,000 points evenly along each segment, each counted in or out
        java.util.Random rnd = new java.util.Random(7);
        for (int trial = 0; trial < 50; trial++) {
            StrokeRasterizer s = new StrokeRasterizer();
            s.beginStroke();
            double sampled = 0;
            float px = 0, py = 0;
            for (int i = 0; i < 6; i++) {
                float x = -200f + 700f * rnd.nextFloat(), y = -200f + 700f * rnd.nextFloat();
                s.addPoint(x, y);
                if (i > 0) {
                    int n = 20_000, out = 0;
                    for (int j = 0; j < n; j++) {
                        double u = (j + 0.5) / n, qx = px + u * (x - px), qy = py + u * (y - py);
                        if (qx < -9 || qx > 289 || qy < -9 || qy > 289) {
                            out++;
                        }
                    }
                    sampled += Math.hypot(x - px, y - py) * out / n;
                }
                px = x;
                py = y;
            }
            s.endStroke();
            assertEquals(sampled, s.lengthOutside(9f, 280, 280), 0.05 + 1e-4 * sampled, "trial " + trial);
        }
    }

    @Test
    void aStrokeDraggedOffThePadPaintsWhatItsPartOnThePadPaints() {
        // a 7 whose bar starts 300 px left of the pad (the pointer pressed off it and dragged in) against the
        // same 7 with its bar starting on the pad's edge: on the pad the two are the same ink, so the same image
        float[] dragged = seven(-300f), onPad = seven(0f);
        assertTrue(sum(onPad) > 1000f);
        assertEquals(0, Arrays.compare(onPad, dragged), "the part off the pad changed the ink on it");
    }

    // bar from (barStart, 60) to (200, 60), stem down to (140, 240); brush fitted, rasterised on 280 x 280
    private static float[] seven(float barStart) {
        StrokeRasterizer s = new StrokeRasterizer();
        s.beginStroke();
        s.addPoint(barStart, 60f);
        s.addPoint(200f, 60f);
        s.addPoint(140f, 240f);
        s.endStroke();
        s.fitBrushToDrawing(10f, 280, 280);
        float[] canvas = new float[280 * 280];
        s.rasterise(canvas, 280, 280);
        return canvas;
    }

    private static float sum(float[] a) {
        float t = 0f;
        for (float v : a) {
            t += v;
        }
        return t;
    }

    /**
     * Draws a "7" with a vertical stem (bar from (x, y) to (x+size*0.8, y), stem down from its right end)
     * on a 280 canvas, runs the drawing pipeline and returns the median cross-section mass of the bar and
     * stem in the 28x28 result: the normalised stroke width.
     */
    static double normalisedWidth(float x, float y, float size, float brush) {
        StrokeRasterizer s = new StrokeRasterizer();
        s.beginStroke();
        s.addPoint(x, y);
        s.addPoint(x + size * 0.8f, y);
        s.addPoint(x + size * 0.8f, y + size);
        s.endStroke();
        if (brush > 0) {
            s.setBrushDiameter(brush);
        } else {
            s.fitBrushToDrawing(280f / 28f, 280, 280);
        }
        float[] canvas = new float[280 * 280];
        s.rasterise(canvas, 280, 280);
        float[] small = new float[28 * 28];
        new AreaDownscale(280, 28).apply(canvas, small);
        MnistNormalizer norm = new MnistNormalizer(28, 28);
        float[] out = norm.normalize(small);
        // canvas -> 28 (divide by 10) -> output (continuous coordinates)
        double sc = norm.scale();
        double barY = norm.placeY() + (y / 10.0 - norm.boxMinY()) * sc;
        double stemX = norm.placeX() + ((x + size * 0.8) / 10.0 - norm.boxMinX()) * sc;
        double left = norm.placeX() + (x / 10.0 - norm.boxMinX()) * sc;
        double bottom = norm.placeY() + ((y + size) / 10.0 - norm.boxMinY()) * sc;
        double[] sections = new double[56];
        int n = 0;
        // columns across the bar, clear of the cap and the corner
        for (int col = (int) Math.ceil(left + 3); col + 0.5 < stemX - 3; col++) {
            double m = 0;
            for (int row = (int) Math.floor(barY - 5); row <= (int) Math.ceil(barY + 5); row++) {
                if (row >= 0 && row < 28) {
                    m += out[row * 28 + col];
                }
            }
            sections[n++] = m;
        }
        for (int row = (int) Math.ceil(barY + 3); row + 0.5 < bottom - 3; row++) {
            double m = 0;
            for (int col = (int) Math.floor(stemX - 5); col <= (int) Math.ceil(stemX + 5); col++) {
                if (col >= 0 && col < 28) {
                    m += out[row * 28 + col];
                }
            }
            sections[n++] = m;
        }
        assertTrue(n >= 10, "enough cross-sections measured: " + n + "\n" + Images.ascii(out, 28, 28));
        double[] used = Arrays.copyOf(sections, n);
        Arrays.sort(used);
        return used[n / 2];
    }

    @Test
    void fittedBrushGivesMnistStrokeWidthAtAnyDrawingSize() {
        float[][] drawings = {{20f, 30f, 60f}, {100f, 60f, 120f}, {20f, 15f, 240f}, {200f, 200f, 40f}};
        double[] widths = new double[drawings.length];
        for (int i = 0; i < drawings.length; i++) {
            float[] d = drawings[i];
            widths[i] = normalisedWidth(d[0], d[1], d[2], 0f);
            double fixed = normalisedWidth(d[0], d[1], d[2], 16f);
            System.out.println("7 of size " + d[2] + ": normalised stroke width " + widths[i] + " with fitted brush "
                    + StrokeRasterizer.brushDiameterFor(d[2], 10f) + ", " + fixed + " with a fixed 16 px brush");
        }
        for (int i = 0; i < drawings.length; i++) {
            assertTrue(widths[i] >= 1.4 && widths[i] <= 2.8, "size " + drawings[i][2] + ": width " + widths[i]);
            assertEquals(2.0, widths[i], 0.25, "size " + drawings[i][2]);
        }
        // the point of fitting: a fixed brush makes a small drawing bold and a large one thin
        assertTrue(normalisedWidth(20f, 30f, 60f, 16f) > 3.5);
        assertTrue(normalisedWidth(20f, 15f, 240f, 16f) < 1.4);
    }
}
