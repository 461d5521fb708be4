package dev.numera.core.recognize;

import dev.numera.core.image.Images;
import dev.numera.core.image.InkCheck;
import dev.numera.core.image.StrokeRasterizer;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The pipeline's plumbing, with a network that needs no training: a nearest-template classifier
 * (one dense layer whose rows are the normalised images of ten synthetic shapes). A trained model is
 * exercised by the training module's predict/evaluate tests and the browser tests.
 */
class RecognizerTest {
    /** Ten distinct pen shapes on a 280x280 canvas, as polylines {x0,y0,x1,y1,...}. */
    static final float[][][] SHAPES = {
            {{140, 50, 200, 80, 215, 140, 200, 200, 140, 230, 80, 200, 65, 140, 80, 80, 140, 50}},   // ring
            {{140, 40, 140, 240}},                                                                 // bar
            {{70, 80, 140, 40, 210, 80, 70, 240, 210, 240}},                                        // z-like
            {{70, 50, 210, 50, 120, 240}},                                                          // seven
            {{180, 40, 60, 170, 220, 170}, {180, 40, 180, 240}},                                   // four
            {{60, 60, 220, 220}, {220, 60, 60, 220}},                                               // cross
            {{60, 140, 220, 140}, {140, 40, 140, 240}},                                             // plus
            {{60, 240, 140, 40, 220, 240}},                                                         // caret
            {{60, 60, 220, 60, 220, 220, 60, 220}},                                                 // cup
            {{60, 40, 60, 240, 220, 240}},                                                          // ell
    };

    static float[] draw(int shape, int size, float scale, float dx, float dy) {
        StrokeRasterizer r = new StrokeRasterizer();
        for (float[] line : SHAPES[shape]) {
            r.beginStroke();
            for (int i = 0; i < line.length; i += 2) r.addPoint(line[i] * scale + dx, line[i + 1] * scale + dy);
            r.endStroke();
        }
        r.setBrushDiameter(StrokeRasterizer.brushDiameterFor(200 * scale, size / 28f));
        float[] out = new float[size * size];
        r.rasterise(out, size, size);
        return out;
    }

    /** Paper photo of the ink: dark ink (30) on light paper (210) with a soft shadow, as RGBA. */
    static byte[] paper(float[] ink, int size) {
        byte[] rgba = new byte[4 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float paper = 210 - 70f * x / size;             // shadow darkening to the right
                float v = paper + (30 - paper) * ink[y * size + x];
                int i = 4 * (y * size + x);
                rgba[i] = rgba[i + 1] = rgba[i + 2] = (byte) Math.max(0, Math.min(255, (int) v));
                rgba[i + 3] = (byte) 255;
            }
        }
        return rgba;
    }

    /** Templates = what the pipeline itself makes of each shape; the network scores correlation. */
    static Recognizer templateRecognizer() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Sequential probe = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Recognizer r = new Recognizer(probe, 0f, 1f);
        float[] w = net.params();
        for (int k = 0; k < 10; k++) {
            float[] input = r.recognizeInk(draw(k, 280, 1f, 0, 0), 280, 280, InputKind.DRAWN).input();
            double norm = 0;
            for (float v : input) norm += v * v;
            for (int i = 0; i < 784; i++) w[k * 784 + i] = (float) (20 * input[i] / Math.sqrt(norm));
        }
        return new Recognizer(net, 0f, 1f);
    }

    @Test
    void drawnCameraAndRawPathsReadEveryShape() {
        Recognizer r = templateRecognizer();
        for (int k = 0; k < 10; k++) {
            // drawn smaller and off-centre: normalisation must undo that
            Prediction p = r.recognizeInk(draw(k, 280, 0.6f, 10, 90), 280, 280, InputKind.DRAWN);
            assertEquals(k, p.digit(), "drawn shape " + k);
            // camera: the same shape photographed dark on shaded paper in the 140 px box
            p = r.recognizeRgba(paper(draw(k, 140, 0.5f, 0, 0), 140), 140, 140, InputKind.CAMERA);
            assertEquals(k, p.digit(), "camera shape " + k);
            assertNotNull(p.thresholded());
            assertEquals(140, p.thresholdedWidth());
            // raw: a 40x40 image, light on dark
            p = r.recognizeInk(draw(k, 40, 1 / 7f, 0, 0), 40, 40, InputKind.RAW);
            assertEquals(k, p.digit(), "raw shape " + k);
            assertNull(p.thresholded());
        }
    }

    @Test
    void packedPixelsGiveTheSameAsBytes() {
        Recognizer bytes = templateRecognizer();
        Recognizer packed = templateRecognizer();
        for (int k = 0; k < 10; k++) {
            byte[] rgba = paper(draw(k, 140, 0.5f, 0, 0), 140);
            int[] px = new int[140 * 140 + 7];                          // longer than the image: the rest is ignored
            for (int i = 0; i < 140 * 140; i++) {
                px[i] = dev.numera.core.image.Luminance.pack(rgba, 4 * i);
            }
            for (InputKind kind : new InputKind[]{InputKind.CAMERA, InputKind.DRAWN}) {
                Prediction a = bytes.recognizeRgba(rgba, 140, 140, kind);
                Prediction b = packed.recognizeRgba(px, 140, 140, kind);
                assertEquals(a.toString(), b.toString());
                assertArrayEquals(a.probabilities(), b.probabilities(), 0f);
                assertArrayEquals(a.input(), b.input(), 0f);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> packed.recognizeRgba(new int[10], 140, 140, InputKind.CAMERA));
    }

    @Test
    void predictionCarriesProbabilitiesTop3AndTheInput() {
        Recognizer r = templateRecognizer();
        Prediction p = r.recognizeInk(draw(3, 280, 1f, 0, 0), 280, 280, InputKind.DRAWN);
        float sum = 0;
        for (float v : p.probabilities()) sum += v;
        assertEquals(1f, sum, 1e-5f);
        assertEquals(3, p.top3()[0]);
        assertTrue(p.probabilities()[p.top3()[0]] >= p.probabilities()[p.top3()[1]]);
        assertTrue(p.probabilities()[p.top3()[1]] >= p.probabilities()[p.top3()[2]]);
        assertEquals(p.probabilities()[3], p.confidence());
        assertNull(p.noDigitReason());
        float ink = 0;
        for (float v : p.input()) ink += v;
        assertTrue(ink > 20, "the 28x28 input holds the digit");
        assertTrue(p.hasActivations());
        assertEquals(2, p.layerCount());
        assertEquals(10, p.activationShape(1)[0]);
        assertSame(p, r.recognizeInk(draw(1, 280, 1f, 0, 0), 280, 280, InputKind.DRAWN), "one reused prediction: no per-frame garbage");
    }

    /** Ties in the top 3 keep the lower digit first (and the lower one is the digit). */
    @Test
    void tiesInTheTop3KeepTheLowerDigitFirst() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Recognizer r = new Recognizer(net, 0f, 1f);
        Prediction p = r.infer(new float[784]);                      // zero weights and biases: ten equal logits
        assertArrayEquals(new int[]{0, 1, 2}, p.top3());
        assertEquals(0, p.digit());
        int bias = net.paramTensor("layer1.bias").offset;             // logits = biases: 7 and 3 first, 9 and 5 next
        net.params()[bias + 7] = net.params()[bias + 3] = 2f;
        net.params()[bias + 9] = net.params()[bias + 5] = 1f;
        p = r.infer(new float[784]);
        assertArrayEquals(new int[]{3, 7, 5}, p.top3());
        assertEquals(3, p.digit());
        assertEquals(p.probabilities()[3], p.probabilities()[7], 0f);
    }

    /** A dense 784→10 network whose logits are its biases whatever the input (its weights 0): -40, but 2 (the runner-up) at 0. */
    private static Sequential biasesOnly() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        java.util.Arrays.fill(net.params(), 0f);
        int bias = net.paramTensor("layer1.bias").offset;
        for (int k = 0; k < 10; k++) net.params()[bias + k] = -40f;
        net.params()[bias + 2] = 0f;
        return net;
    }

    /**
     * A guess is a digit under {@link Prediction#SURE}: hand-computed with logits = biases, 4 at L and 2 at 0, the
     * rest at -40 (e^-40 ~ 4e-18 of either), so p(4) = 1 / (1 + e^-L), 0.7 at L = ln(7/3) = 0.8473. Once a guess, the
     * same digit needs 72 % to be sure again (0.7195 at L = 0.9420), so a reading hovering at 70 % does not flip the
     * page every frame; another digit, or no digit between, starts afresh. 69.95 % (shown "70.0 %") is sure.
     */
    @Test
    void aDigitUnder70PercentIsAGuessWithItsRunnerUp() {
        Sequential net = biasesOnly();
        Recognizer r = new Recognizer(net, 0f, 1f);
        int bias = net.paramTensor("layer1.bias").offset;
        net.params()[bias + 4] = 0.80f;                                // p(4) = 1 / (1 + e^-0.80) = 0.6900
        Prediction p = r.infer(new float[784]);
        assertEquals(4, p.digit());
        assertEquals(0.6900, p.confidence(), 1e-4);
        assertTrue(p.isUnsure(), p.toString());
        assertEquals(2, p.top3()[1], "the runner-up a guess is shown beside");
        net.params()[bias + 4] = 0.90f;                                // 0.7109: sure from scratch, not after a guess
        p = r.infer(new float[784]);
        assertEquals(0.7109, p.confidence(), 1e-4);
        assertTrue(p.isUnsure(), "a guess a moment ago, 71 % is still one");
        net.params()[bias + 4] = 0.95f;                                // 0.7211
        assertFalse(r.infer(new float[784]).isUnsure(), "72 %: sure again");
        net.params()[bias + 4] = 0.90f;
        assertFalse(r.infer(new float[784]).isUnsure(), "and 71 % after a sure 4 is sure");
        net.params()[bias + 4] = 0.80f;
        float[] bar = new float[28 * 28];                               // a drawing's stream, which can hold no digit
        for (int y = 6; y < 22; y++) for (int x = 12; x < 16; x++) bar[y * 28 + x] = 1f;
        assertTrue(r.recognizeInk(bar, 28, 28, InputKind.DRAWN).isUnsure());
        assertFalse(r.recognizeInk(new float[280 * 280], 280, 280, InputKind.DRAWN).isUnsure(), "no digit is no guess");
        net.params()[bias + 4] = 0.90f;
        assertFalse(r.recognizeInk(bar, 28, 28, InputKind.DRAWN).isUnsure(), "71 % after no digit: afresh, sure");
        net.params()[bias + 4] = 0.80f;
        r.infer(new float[784]);                                       // a guess of 4 ...
        net.params()[bias + 2] = 2f;
        net.params()[bias + 4] = 2f + 0.90f;                           // ... then 4 at 71 % over 2 as the runner-up, the same digit: a guess
        assertTrue(r.infer(new float[784]).isUnsure());
        net.params()[bias + 4] = -40f;                                 // 2 alone, at 1.0: another digit, sure
        assertFalse(r.infer(new float[784]).isUnsure());
        java.util.Arrays.fill(net.params(), bias, bias + 10, -40f);
        net.params()[bias + 2] = 0f;
        net.params()[bias + 4] = (float) Math.log(0.69951 / 0.30049);  // 69.951 %, shown as 70.0 %: sure
        Prediction shown = r.infer(new float[784]);
        assertEquals(0.69951, shown.confidence(), 1e-5);
        assertFalse(shown.isUnsure(), "shown as 70.0 %, so not marked as a guess");
    }

    /**
     * The guess's memory is per source: the pad and the camera read through one recognizer while the camera runs and
     * the pad holds ink, and one source's guess must not hold the other's 71 % back as a guess, nor the other's sure
     * answer or no digit clear it. Before, one memory served all: a drawn 4 guessed made the camera's 4 at 71 % a
     * guess, and a camera frame with no digit let the drawing's guess turn sure at 71 %.
     */
    @Test
    void eachSourceKeepsItsOwnGuess() {
        Sequential net = biasesOnly();
        Recognizer r = new Recognizer(net, 0f, 1f);
        int bias = net.paramTensor("layer1.bias").offset;
        float[] digit = new float[28 * 28];                             // a bar of ink: a digit to every source
        for (int y = 6; y < 22; y++) for (int x = 12; x < 16; x++) digit[y * 28 + x] = 1f;
        net.params()[bias + 4] = 0.80f;                                 // 69 %: a guess of 4
        assertTrue(r.recognizeInk(digit, 28, 28, InputKind.DRAWN).isUnsure());
        net.params()[bias + 4] = 0.90f;                                 // 71 %
        assertFalse(r.recognizeInk(digit, 28, 28, InputKind.CAMERA).isUnsure(), "the camera's first 4 at 71 %: sure");
        assertFalse(r.recognizeInk(new float[28 * 28], 28, 28, InputKind.CAMERA).hasDigit());
        assertTrue(r.recognizeInk(digit, 28, 28, InputKind.DRAWN).isUnsure(), "the drawing's guess holds through the camera's frames");
        assertFalse(r.infer(new float[784]).isUnsure(), "infer is a stream of its own");
        net.params()[bias + 4] = 0.95f;                                 // 72 %
        assertFalse(r.recognizeInk(digit, 28, 28, InputKind.DRAWN).isUnsure(), "sure again in its own stream");
        assertThrows(NullPointerException.class, () -> r.recognizeInk(digit, 28, 28, null));
    }

    @Test
    void noDigitWithAReasonInsteadOfAGuess() {
        Recognizer r = templateRecognizer();
        Prediction p = r.recognizeInk(new float[280 * 280], 280, 280, InputKind.DRAWN);
        assertFalse(p.hasDigit());
        assertEquals(Prediction.NO_DIGIT, p.digit());
        assertNotNull(p.noDigitReason());
        assertEquals(0f, p.confidence());

        byte[] blank = paper(new float[140 * 140], 140);            // shaded but empty paper
        assertFalse(r.recognizeRgba(blank, 140, 140, InputKind.CAMERA).hasDigit());
        byte[] uniform = new byte[4 * 140 * 140];
        java.util.Arrays.fill(uniform, (byte) 128);
        assertFalse(r.recognizeRgba(uniform, 140, 140, InputKind.CAMERA).hasDigit());

        float[] noise = new float[140 * 140];
        int x = 12345;
        for (int i = 0; i < noise.length; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            if ((x >>> 24) < 6) noise[i] = 1f;                         // ~2 % salt specks
        }
        p = r.recognizeRgba(paper(noise, 140), 140, 140, InputKind.CAMERA);
        assertFalse(p.hasDigit(), "salt-and-pepper noise is not a digit: " + p);
        assertTrue(p.noDigitReason().contains("noise") || p.noDigitReason().contains("speck"), p.noDigitReason());
    }


    /**
     * A small "1" on the pad is read, by the shipped model: its ink is under 0.5 % of the pad (the brush
     * is fitted to the drawing), which refused one of 50 px as "too little ink (blank paper?)"; and it is normalised
     * from an image where it still has its shape (MultiStepNormalizer), not blown up from 3 px at 28. Leaning a
     * little, as the page's test "1", at each offset across one of the network input's 10 px pixels. A tap
     * is too small, and so is a 20 px line (24 px across, under 10 % of the pad).
     */
    @Test
    void aSmallOneOnThePadIsReadAndATapIsTooSmall() throws Exception {
        Recognizer r = new Recognizer(ModelFile.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../src-webapp/model/numera.nmod"))));
        for (int length : new int[] {50, 40, 34, 28}) {   // under 40 px these read as 8 when normalised from the 28 px downscale
            for (int x = 130; x <= 140; x++) {
                float top = 140 - length / 2f, lean = length / 10f;
                Prediction p = r.recognizeInk(Images.pad(x + lean, top, x, top + length / 2f, x - lean, top + length), 280, 280, InputKind.DRAWN);
                int at = x;
                assertEquals(1, p.digit(), () -> "a " + length + " px 1 at x = " + at + ": " + p);
            }
        }
        Prediction tap = r.recognizeInk(Images.pad(100.3f, 60.6f), 280, 280, InputKind.DRAWN);
        assertEquals(InkCheck.TOO_SMALL, tap.noDigitReason(), tap::toString);
        Prediction dash = r.recognizeInk(Images.pad(140, 130, 140, 150), 280, 280, InputKind.DRAWN);
        assertEquals(InkCheck.TOO_SMALL, dash.noDigitReason(), dash::toString);
    }

    /**
     * A small digit with a stray tap far from it is read as the digit alone, by the shipped model. The tap
     * sized the brush with the digit (the box they span together), became a disc the ink check kept,
     * and the normaliser shrank the digit into one corner: a 63 px 0 with a tap at (20, 20) read 6 (90 %).
     */
    @Test
    void aSmallDigitWithAStrayTapIsReadAsTheDigit() throws Exception {
        Recognizer r = new Recognizer(ModelFile.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("../src-webapp/model/numera.nmod"))));
        float[] zero = Images.ellipse(180, 180, 19, 31.5f);
        assertEquals(0, r.recognizeInk(Images.padStrokes(zero), 280, 280, InputKind.DRAWN).digit());
        for (float[] stray : new float[][] {{20, 20}, {20, 250, 30, 262}, {260, 30}}) {
            Prediction p = r.recognizeInk(Images.padStrokes(zero, stray), 280, 280, InputKind.DRAWN);
            assertEquals(0, p.digit(), () -> "a 0 and a stray mark at (" + stray[0] + ", " + stray[1] + "): " + p);
        }
    }

    @Test
    void aRecognizerFromAModelFileFreezesItsOwnNetwork() throws Exception {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Recognizer r = new Recognizer(ModelFile.of(net, java.util.Map.of(), false));
        assertTrue(r.network().frozen());
        assertFalse(net.frozen(), "the network the file was made from is not the recognizer's");
    }

    @Test
    void inputNormalisationFromTheModelIsApplied() throws Exception {
        // dense(10) with weight row 0 = all ones, rest 0: logit 0 = sum((x - mean) / std)
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        java.util.Arrays.fill(net.params(), 0, 784, 1f);
        java.util.Map<String, String> meta = java.util.Map.of(ModelFile.META_INPUT_MEAN, "0.5", ModelFile.META_INPUT_STD, "0.25");
        Recognizer r = new Recognizer(ModelFile.read(ModelFile.of(net, meta, false).write()));   // mean and std from the file's bytes
        float[] x = new float[784];
        java.util.Arrays.fill(x, 0.75f);                             // (0.75 - 0.5) / 0.25 = 1 per pixel
        r.infer(x);
        assertEquals(784f, r.network().activation(1)[0], 1e-3f);
    }

    /** An ink array longer than the image reads its first width*height values, as the packed-pixel path does. */
    @Test
    void longerInkArraysReadTheirFirstWidthTimesHeight() {
        Recognizer r = templateRecognizer();
        float[] ink = draw(3, 280, 1f, 0, 0);
        float[] exact = r.recognizeInk(ink, 280, 280, InputKind.DRAWN).probabilities().clone();
        float[] longer = java.util.Arrays.copyOf(ink, ink.length + 5);
        java.util.Arrays.fill(longer, ink.length, longer.length, 1f);
        assertArrayEquals(exact, r.recognizeInk(longer, 280, 280, InputKind.DRAWN).probabilities());
    }

    @Test
    void badArgumentsAreClearErrors() {
        Recognizer r = templateRecognizer();
        assertThrows(IllegalArgumentException.class, () -> r.recognizeRgba(new byte[10], 140, 140, InputKind.CAMERA));
        assertThrows(IllegalArgumentException.class, () -> r.recognizeInk(new float[10], 0, 10, InputKind.DRAWN));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class,
                () -> r.recognizeInk(new float[4097], 4097, 1, InputKind.DRAWN));
        assertEquals("image size 4097x1: each side must be 1..4096", big.getMessage());
        big = assertThrows(IllegalArgumentException.class, () -> r.recognizeInk(new float[10], 4096, 4096, InputKind.DRAWN));
        assertTrue(big.getMessage().contains("4096x4096"), big.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.infer(new float[100]));
        float[] nan = new float[784];
        nan[300] = Float.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.infer(nan));
        assertTrue(e.getMessage().contains("value 300 is NaN"), e.getMessage());
        Sequential wrong = Sequential.create(new int[]{1, 8, 8}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        assertThrows(IllegalArgumentException.class, () -> new Recognizer(wrong, 0, 1));
    }

    /**
     * The input normalisation must give finite inputs: a std of +Inf made every input 0 (one constant
     * answer), a mean of NaN every input NaN, and a std of 1e-39 (finite, > 0) an infinite 1 / std.
     */
    @Test
    void inputMeanAndStdMustGiveFiniteInputs() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        float[][] bad = {{Float.NaN, 1}, {Float.POSITIVE_INFINITY, 1}, {Float.NEGATIVE_INFINITY, 1},
                {0, 0}, {0, -1}, {0, Float.NaN}, {0, Float.POSITIVE_INFINITY}, {0, 1e-39f}};
        for (float[] ms : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Recognizer(net, ms[0], ms[1]), ms[0] + ", " + ms[1]);
            assertTrue(e.getMessage().contains(ms[0] != ms[0] || Float.isInfinite(ms[0]) ? "mean" : "std"), e.getMessage());
        }
        new Recognizer(net, -0.5f, 3e-39f);   // 1 / 3e-39 = 3.3e38 is still a float32
    }

    /**
     * recognizeInk takes ink in 0..1, as infer takes finite values. One NaN or +Inf pixel in a drawn
     * digit made the normaliser's centre of mass NaN: a confident "0" from an all-zero input (or, placed
     * by whole pixels, a NaN blamed on the model). Ink scaled 0..255 went through as well.
     */
    @Test
    void inkOutsideZeroToOneIsRefused() {
        Recognizer r = templateRecognizer();
        float[] seven = draw(3, 280, 1f, 0, 0);
        int stroke = 0;
        while (seven[stroke] != 1f) stroke++;
        for (InputKind kind : InputKind.values()) {
            for (float bad : new float[]{Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.01f, 1.01f, 255f}) {
                float[] ink = seven.clone();
                ink[stroke] = bad;
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.recognizeInk(ink, 280, 280, kind), kind + " " + bad);
                assertEquals("ink needs values in 0..1; value " + stroke + " is " + bad, e.getMessage());
            }
        }
        float[] scaled = seven.clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= 255f;
        assertThrows(IllegalArgumentException.class, () -> r.recognizeInk(scaled, 280, 280, InputKind.DRAWN));
        assertEquals(3, r.recognizeInk(seven, 280, 280, InputKind.DRAWN).digit(), "0 and 1 themselves are ink");
    }

    /**
     * Finite weights can still overflow: logits of +Inf make the softmax NaN, and with NaN
     * probabilities every comparison is false, so the top 3 would be 0, 1, 2, a confident "0".
     */
    @Test
    void aModelWhoseOutputIsNaNGivesNoDigitNotZero() throws Exception {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        dev.numera.core.nn.ParamTensor w = net.paramTensor("layer1.weight");
        java.util.Arrays.fill(net.params(), w.offset, w.offset + w.length, 3e38f);   // every logit a sum of +-3e38 terms: infinite
        Recognizer r = new Recognizer(ModelFile.read(ModelFile.of(net, java.util.Map.of(), false).write()));   // a file the reader takes
        Prediction p = r.recognizeInk(draw(1, 280, 1f, 0, 0), 280, 280, InputKind.DRAWN);
        assertEquals(Prediction.NO_DIGIT, p.digit());
        assertEquals(Recognizer.NOT_A_NUMBER, p.noDigitReason());
        assertFalse(p.hasActivations());
        // the same recognizer still answers on a network that behaves: nothing of the NaN pass stays
        Recognizer ok = templateRecognizer();
        assertEquals(1, ok.recognizeInk(draw(1, 280, 1f, 0, 0), 280, 280, InputKind.DRAWN).digit());
    }
}
