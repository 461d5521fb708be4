package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The two front-end paths of the package-info, end to end, with objects built once and reused. */
class PipelineTest {
    /** Camera: RGBA 140x140 -> max channel -> threshold -> check -> 28 -> normalise. */
    static final class Camera {
        final float[] grey = new float[140 * 140];
        final float[] ink = new float[140 * 140];
        final float[] small = new float[28 * 28];
        final AdaptiveThreshold threshold = new AdaptiveThreshold(140, 140);
        final InkCheck check = new InkCheck(140, 140);
        final AreaDownscale downscale = new AreaDownscale(140, 28);
        final MnistNormalizer normalizer = new MnistNormalizer(28, 28);

        InkCheck.Result frame(byte[] rgba, float[] input28) {
            Luminance.cameraGrey(rgba, 140, 140, 255f, grey);
            threshold.apply(grey, ink);
            InkCheck.Result r = check.check(ink);
            if (r.present()) {
                downscale.apply(ink, small);
                normalizer.normalize(small, input28);
            }
            return r;
        }
    }

    @Test
    void cameraFramesOfRuledPaper() {
        Camera cam = new Camera();
        float[] input = new float[784];
        for (int[] paper : PaperSceneTest.PAPERS) {
            // the ring is centred exactly; the plain 7 is top-heavy, so its box is clamped to the bottom
            // edge and its centre of mass stops short of 14 (within the 0.5 px MNIST tolerance)
            float[][] strokes = {PaperSceneTest.ring(), PaperSceneTest.seven()};
            double[] tolerance = {0.05, 0.5};
            for (int k = 0; k < 2; k++) {
                InkCheck.Result r = cam.frame(PaperSceneTest.scene(strokes[k], paper, true), input);
                assertTrue(r.present(), r.toString());
                double[] com = Images.centreOfMass(input, 28, 28);
                assertEquals(14.0, com[0], tolerance[k]);
                assertEquals(14.0, com[1], tolerance[k]);
                int[] box = Images.box(input, 28, 28, MnistNormalizer.INK_EPSILON);
                assertTrue(Math.max(box[2] - box[0], box[3] - box[1]) + 1 >= 19, Images.ascii(input, 28, 28));
            }
            // empty paper, same objects
            InkCheck.Result empty = cam.frame(PaperSceneTest.scene(new float[140 * 140], paper, true), input);
            assertFalse(empty.present());
            assertEquals(InkCheck.NO_INK, empty.reason());
        }
        assertEquals("140\u2192112\u219256\u219228", cam.downscale.describe());
    }

    static StrokeRasterizer smallOne() {
        // a small "1" drawn off-centre near the corner of the 280 canvas
        StrokeRasterizer strokes = new StrokeRasterizer();
        strokes.beginStroke();
        strokes.addPoint(30f, 20f);
        strokes.addPoint(34f, 80f);
        strokes.endStroke();
        return strokes;
    }

    @Test
    void drawingAtTwoEightyThroughTheDownscaleChain() {
        StrokeRasterizer strokes = smallOne();
        float[] canvas = new float[280 * 280];
        float[] small = new float[784];
        AreaDownscale downscale = new AreaDownscale(280, 28);
        MnistNormalizer normalizer = new MnistNormalizer(28, 28);
        InkCheck check = new InkCheck(280, 280);
        strokes.fitBrushToDrawing(10f, 280, 280);
        strokes.rasterise(canvas, 280, 280);
        assertTrue(check.check(canvas).present(), check.result().toString());
        downscale.apply(canvas, small);
        float[] input = normalizer.normalize(small);
        double[] com = Images.centreOfMass(input, 28, 28);
        assertEquals(14.0, com[0], 0.05);
        assertEquals(14.0, com[1], 0.05);
        // the 60 px stroke is only 7 px tall at 28x28 and is blown up 2.9x: tall, narrow, but soft
        int[] box = Images.box(input, 28, 28, MnistNormalizer.INK_EPSILON);
        assertTrue(box[3] - box[1] + 1 >= 19 && box[2] - box[0] + 1 <= 6, Images.ascii(input, 28, 28));
        System.out.println("small 1 via 280->28->normalise: max " + Images.max(input) + "\n" + Images.ascii(input, 28, 28));
        // undo everything: no ink
        strokes.undoLastStroke();
        strokes.rasterise(canvas, 280, 280);
        assertEquals(InkCheck.NO_INK, check.check(canvas).reason());
    }

    @Test
    void drawingNormalisedStraightFromTheCanvasStaysSharp() {
        // MnistNormalizer takes any size: cropping at 280 and averaging the box down to 20 px in one
        // step keeps a small drawing sharp (no 28x28 detour); the brush is fitted for a 1 px cell
        StrokeRasterizer strokes = smallOne();
        strokes.fitBrushToDrawing(1f, 280, 280);
        float[] canvas = new float[280 * 280];
        strokes.rasterise(canvas, 280, 280);
        MnistNormalizer normalizer = new MnistNormalizer(280, 280);
        float[] input = normalizer.normalize(canvas);
        System.out.println("small 1 normalised from 280 directly: max " + Images.max(input) + "\n"
                + Images.ascii(input, 28, 28));
        double[] com = Images.centreOfMass(input, 28, 28);
        assertEquals(14.0, com[0], 0.05);
        assertEquals(14.0, com[1], 0.05);
        int[] box = Images.box(input, 28, 28, 0.5f);
        assertTrue(box[3] - box[1] + 1 >= 19 && box[2] - box[0] + 1 <= 4, Images.ascii(input, 28, 28));
        assertTrue(Images.max(input) > 0.9f);
    }
}
