package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Several MNIST test digits side by side are "several digits" ({@link InkCheck#SEVERAL}), on the pad and in the camera
 * box, and one digit is one digit. Pairs and triples: each digit's size 0.85..1.15, its centre up to 10 % of the height
 * up or down, 0.1..0.5 of the two digits' mean width apart; the row's longest side 180..260 px of the 280 px pad, 100..130
 * of the 140 px box. Singles: 100..230 px on the pad, CameraBoxTest's scene (60 px) in the box. On all 10,000 test digits
 * and 3,000 pairs (a probe with these scenes): 4 drawn and 3 held digits taken for several, 97.9 % and 97.6 % of the pairs
 * found, 99.9 % of 1,000 triples; pairs whose boxes overlap (up to 15 % of a width) are one group and mostly not found.
 */
class SeveralDigitsTest {
    static final int PAD = 280, BOX = 140;

    /** out = max(out, digit (28x28) bilinearly scaled by s, its source pixel edge (0, 0) at (ox, oy)); 0 outside the digit. */
    static void stamp(float[] out, int side, float[] digit, double s, double ox, double oy) {
        int x0 = Math.max(0, (int) Math.floor(ox - s)), x1 = Math.min(side - 1, (int) Math.ceil(ox + 29 * s));
        int y0 = Math.max(0, (int) Math.floor(oy - s)), y1 = Math.min(side - 1, (int) Math.ceil(oy + 29 * s));
        for (int y = y0; y <= y1; y++) {
            double fy = (y + 0.5 - oy) / s - 0.5;
            int iy = (int) Math.floor(fy);
            double ty = fy - iy;
            for (int x = x0; x <= x1; x++) {
                double fx = (x + 0.5 - ox) / s - 0.5;
                int ix = (int) Math.floor(fx);
                double tx = fx - ix;
                double v = (1 - ty) * ((1 - tx) * at(digit, ix, iy) + tx * at(digit, ix + 1, iy))
                        + ty * ((1 - tx) * at(digit, ix, iy + 1) + tx * at(digit, ix + 1, iy + 1));
                out[y * side + x] = (float) Math.max(out[y * side + x], Math.min(1, v));
            }
        }
    }

    private static float at(float[] d, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0f : d[y * 28 + x];
    }

    /**
     * Digits in a row in a side x side image: digit i+1 starts gaps[i] times the two digits' mean ink width (>= 0.5) after
     * digit i ends, each scaled 0.85..1.15 and moved up or down by up to jitter times the mean height; the row scaled so
     * its longest side is fitLo..fitHi px, at a random place.
     */
    static float[] row(float[][] digits, double[] gaps, Images.Lcg rng, int side, double fitLo, double fitHi, double jitter) {
        int n = digits.length;
        int[][] box = new int[n][];
        double[] size = new double[n], left = new double[n], top = new double[n];
        double meanHeight = 0;
        for (int i = 0; i < n; i++) {
            box[i] = Images.box(digits[i], 28, 28, 0.499f);
            size[i] = 0.85 + 0.3 * rng.nextFloat();
            meanHeight += (box[i][3] - box[i][1] + 1) * size[i] / n;
        }
        double x = 0, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double w = (box[i][2] - box[i][0] + 1) * size[i], h = (box[i][3] - box[i][1] + 1) * size[i];
            if (i > 0) x += gaps[i - 1] * ((box[i - 1][2] - box[i - 1][0] + 1) * size[i - 1] + w) / 2;
            left[i] = x;
            x += w;
            top[i] = -h / 2 + jitter * meanHeight * (2 * rng.nextFloat() - 1);
            minY = Math.min(minY, top[i]);
            maxY = Math.max(maxY, top[i] + h);
        }
        double scale = (fitLo + (fitHi - fitLo) * rng.nextFloat()) / Math.max(x, maxY - minY);
        double offX = (side - x * scale) * rng.nextFloat(), offY = (side - (maxY - minY) * scale) * rng.nextFloat();
        float[] out = new float[side * side];
        for (int i = 0; i < n; i++) {
            double s = scale * size[i];
            stamp(out, side, digits[i], s, offX + left[i] * scale - box[i][0] * s, offY + (top[i] - minY) * scale - box[i][1] * s);
        }
        return out;
    }

    /** Ink printed dark (40) on grey paper (200) and thresholded, as the camera path does. */
    static float[] thresholded(float[] ink, AdaptiveThreshold threshold) {
        float[] grey = new float[BOX * BOX], out = new float[BOX * BOX];
        Luminance.cameraGrey(Images.onPaper(ink, 200f, 40f), BOX, BOX, 255f, grey);
        threshold.apply(grey, out);
        return out;
    }

    /** n random test digits. */
    static float[][] digits(int n, Images.Lcg rng, StringBuilder labels) throws IOException {
        float[][] out = new float[n][];
        for (int k = 0; k < n; k++) {
            int i = rng.nextInt(10000);
            out[k] = MnistTestSet.digit(i);
            labels.append(MnistTestSet.labels()[i]);
        }
        return out;
    }

    static double[] gaps(int n, Images.Lcg rng, double lo, double hi) {
        double[] g = new double[n];
        for (int k = 0; k < n; k++) g[k] = lo + (hi - lo) * rng.nextFloat();
        return g;
    }

    /** The first 3,000 test digits, each alone: 1 is taken for several on the pad (#1274, a 4 whose bar stops short of its stem), 0 in the box. */
    @Test
    void oneDigitIsOneDigit() throws IOException {
        int count = 3000;
        byte[] labels = MnistTestSet.labels();
        InkCheck pad = new InkCheck(PAD, PAD), box = new InkCheck(BOX, BOX);
        AdaptiveThreshold threshold = new AdaptiveThreshold(BOX, BOX);
        Images.Lcg rng = new Images.Lcg(1);
        int drawn = 0, held = 0;
        StringBuilder which = new StringBuilder();
        for (int i = 0; i < count; i++) {
            float[] digit = MnistTestSet.digit(i);
            if (pad.check(row(new float[][] {digit}, new double[0], rng, PAD, 100, 230, 0)).reason() == InkCheck.SEVERAL) {
                drawn++;
                which.append(" drawn #").append(i).append(" (").append(labels[i]).append(')');
            }
            if (box.check(thresholded(CameraBoxTest.scene(i), threshold), true).reason() == InkCheck.SEVERAL) {
                held++;
                which.append(" held #").append(i).append(" (").append(labels[i]).append(')');
            }
        }
        System.out.println(count + " MNIST test digits taken for several: drawn " + drawn + ", held to the camera " + held + ":" + which);
        assertTrue(drawn <= 3 && held <= 3, "single digits taken for several: drawn " + drawn + ", held " + held + which);
    }

    /**
     * 300 pairs and 100 triples of test digits with a gap, on the pad and in the box, are several digits; pairs whose
     * boxes overlap by up to 15 % of a digit's width are one group, and what is found of them is printed only.
     */
    @Test
    void digitsSideBySideAreSeveral() throws IOException {
        InkCheck pad = new InkCheck(PAD, PAD), box = new InkCheck(BOX, BOX);
        AdaptiveThreshold threshold = new AdaptiveThreshold(BOX, BOX);
        Images.Lcg rng = new Images.Lcg(2);
        int[] found = new int[6];   // pairs drawn, held; triples drawn, held; overlapping pairs drawn, held
        int[] tried = {300, 300, 100, 100, 300, 300};
        StringBuilder missed = new StringBuilder();
        for (int kind = 0; kind < 3; kind++) {
            for (int k = 0; k < tried[2 * kind]; k++) {
                StringBuilder labels = new StringBuilder();
                int n = kind == 1 ? 3 : 2;
                float[][] ds = digits(n, rng, labels);
                double[] gaps = kind == 2 ? gaps(n - 1, rng, -0.15, 0) : gaps(n - 1, rng, 0.1, 0.5);
                long seed = rng.nextInt(1 << 30);
                float[] drawn = row(ds, gaps, new Images.Lcg(seed), PAD, 180, 260, 0.1);
                float[] held = thresholded(row(ds, gaps, new Images.Lcg(seed), BOX, 100, 130, 0.1), threshold);
                boolean d = pad.check(drawn).reason() == InkCheck.SEVERAL, c = box.check(held, true).reason() == InkCheck.SEVERAL;
                found[2 * kind] += d ? 1 : 0;
                found[2 * kind + 1] += c ? 1 : 0;
                if (kind < 2 && (!d || !c) && missed.length() < 400) missed.append(' ').append(labels).append(d ? "" : " drawn").append(c ? "" : " held");
            }
        }
        System.out.println("several digits found: pairs drawn " + found[0] + ", held " + found[1] + " of 300; triples " + found[2] + ", "
                + found[3] + " of 100; pairs whose boxes overlap " + found[4] + ", " + found[5] + " of 300; missed:" + missed);
        assertTrue(found[0] >= 285 && found[1] >= 285, "pairs found: drawn " + found[0] + ", held " + found[1]);
        assertTrue(found[2] >= 97 && found[3] >= 97, "triples found: drawn " + found[2] + ", held " + found[3]);
    }

    /**
     * Through the recognizer with the shipped model: test digits 0 and 1, 2 and 3, ... 18 and 19 ("72", "10", "41", ...),
     * a third of a width apart, drawn on the pad and held to the camera, are no digit, and say why.
     */
    @Test
    void theRecognizerSaysSeveralDigitsInsteadOfReadingOne() throws Exception {
        Recognizer rec = CameraBoxTest.shipped();
        for (int k = 0; k < 20; k += 2) {
            float[][] ds = {MnistTestSet.digit(k), MnistTestSet.digit(k + 1)};
            double[] gaps = {0.3};
            String pair = "test digits " + k + " and " + (k + 1);
            Prediction drawn = rec.recognizeInk(row(ds, gaps, new Images.Lcg(k), PAD, 220, 220, 0), PAD, PAD, InputKind.DRAWN);
            assertEquals(Prediction.NO_DIGIT, drawn.digit(), pair + " drawn read as " + drawn.digit());
            assertSame(InkCheck.SEVERAL, drawn.noDigitReason(), pair + " drawn");
            byte[] rgba = Images.onPaper(row(ds, gaps, new Images.Lcg(k), BOX, 110, 110, 0), 200f, 40f);
            Prediction held = rec.recognizeRgba(rgba, BOX, BOX, InputKind.CAMERA);
            assertEquals(Prediction.NO_DIGIT, held.digit(), pair + " held to the camera read as " + held.digit());
            assertSame(InkCheck.SEVERAL, held.noDigitReason(), pair + " held");
            // each alone is read as before
            assertTrue(rec.recognizeInk(row(new float[][] {ds[0]}, new double[0], new Images.Lcg(k), PAD, 200, 200, 0), PAD, PAD,
                    InputKind.DRAWN).hasDigit(), pair + ": the first alone");
        }
    }
}
