package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class InkCheckTest {
    static void assertVerdict(InkCheck.Result r, boolean present, String reason, String what) {
        assertEquals(present, r.present(), what + ": " + r);
        assertSame(reason, r.reason(), what + ": " + r);
    }

    /** Threshold a camera-like RGBA image the way the camera pipeline does. */
    static float[] thresholded(byte[] rgba, int w, int h) {
        float[] grey = new float[w * h];
        Luminance.maxChannel(rgba, w, h, 255f, grey);
        float[] ink = new float[w * h];
        new AdaptiveThreshold(w, h).apply(grey, ink);
        return ink;
    }

    static byte[] uniform(int w, int h, int r, int g, int b) {
        byte[] rgba = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++) {
            rgba[4 * i] = (byte) r;
            rgba[4 * i + 1] = (byte) g;
            rgba[4 * i + 2] = (byte) b;
            rgba[4 * i + 3] = (byte) 255;
        }
        return rgba;
    }

    @Test
    void blankCanvasHasNoInk() {
        InkCheck check = new InkCheck(28, 28);
        assertVerdict(check.check(new float[784]), false, InkCheck.NO_INK, "blank");
        float[] haze = new float[784];
        Arrays.fill(haze, 0.3f);
        assertVerdict(check.check(haze), false, InkCheck.NO_INK, "faint haze below the ink level");
        // a transparent drawing canvas read with the light-ink polarity
        float[] canvas = new float[280 * 280];
        Luminance.inkLight(new byte[4 * 280 * 280], 280, 280, 0f, canvas);
        assertVerdict(new InkCheck(280, 280).check(canvas), false, InkCheck.NO_INK, "transparent canvas");
    }

    @Test
    void uniformAndShadedPaperAreBlankAfterThresholding() {
        int w = 140;
        int h = 140;
        InkCheck check = new InkCheck(w, h);
        assertVerdict(check.check(thresholded(uniform(w, h, 128, 128, 128), w, h)), false, InkCheck.NO_INK, "uniform grey");
        assertVerdict(check.check(thresholded(uniform(w, h, 20, 20, 20), w, h)), false, InkCheck.NO_INK, "dark frame");
        // the ruled, shadowed, noisy paper of PaperSceneTest with nothing written on it
        for (int[] paper : PaperSceneTest.PAPERS) {
            byte[] empty = PaperSceneTest.scene(new float[w * h], paper, true);
            InkCheck.Result r = check.check(thresholded(empty, w, h));
            assertFalse(r.present(), "empty ruled paper: " + r);
            assertSame(InkCheck.NO_INK, r.reason(), r.toString());
        }
        // without thresholding, uniform grey read as ink-high would be "ink everywhere"
        float[] grey = new float[w * h];
        Arrays.fill(grey, 0.6f);
        assertVerdict(check.check(grey), false, InkCheck.TOO_MUCH_INK, "uniform 0.6");
    }

    @Test
    void fewPixelsAreTooLittleInk() {
        InkCheck check = new InkCheck(140, 140);
        float[] img = new float[140 * 140];
        Images.fillRect(img, 140, 50, 50, 5, 5, 1f); // 25 px < 0.5 % of 19600 = 98
        assertVerdict(check.check(img), false, InkCheck.TOO_LITTLE_INK, "a 5x5 dot");
        InkCheck small = new InkCheck(28, 28);
        float[] three = new float[784];
        three[100] = three[101] = three[102] = 1f; // 3 px < 4
        assertVerdict(small.check(three), false, InkCheck.TOO_LITTLE_INK, "3 pixels");
    }

    @Test
    void saltAndPepperNoiseIsScattered() {
        for (int size : new int[] {28, 140, 280}) {
            Images.Lcg rng = new Images.Lcg(size);
            float[] img = new float[size * size];
            for (int i = 0; i < img.length; i++) {
                img[i] = rng.nextInt(50) == 0 ? 1f : 0f; // 2 % specks
            }
            InkCheck.Result r = new InkCheck(size, size).check(img);
            System.out.println("2 % salt-and-pepper at " + size + ": " + r);
            assertVerdict(r, false, InkCheck.SCATTERED, "2 % noise at " + size);
            assertTrue(r.components() > 10);
        }
        // 10 % noise at 140 still is noise
        Images.Lcg rng = new Images.Lcg(99);
        float[] img = new float[140 * 140];
        for (int i = 0; i < img.length; i++) {
            img[i] = rng.nextInt(10) == 0 ? 1f : 0f;
        }
        assertVerdict(new InkCheck(140, 140).check(img), false, InkCheck.SCATTERED, "10 % noise");
    }

    @Test
    void digitWithSomeSpecksIsStillPresentAndSpecksDoNotStretchTheBox() {
        float[] img = PaperSceneTest.seven();
        Images.Lcg rng = new Images.Lcg(5);
        for (int k = 0; k < 60; k++) {
            img[rng.nextInt(img.length)] = 1f;
        }
        InkCheck.Result r = new InkCheck(140, 140).check(img);
        assertTrue(r.present(), r.toString());
        assertTrue(r.boxMinX() >= 25 && r.boxMaxX() <= 115 && r.boxMinY() >= 22 && r.boxMaxY() <= 125,
                "box " + r.boxMinX() + "," + r.boxMinY() + "-" + r.boxMaxX() + "," + r.boxMaxY());
    }

    @Test
    void tinyInkIsTooSmall() {
        InkCheck check = new InkCheck(140, 140);
        float[] img = new float[140 * 140];
        Images.fillRect(img, 140, 60, 60, 12, 12, 1f); // 144 px of ink but only 12 px across (< 14)
        assertVerdict(check.check(img), false, InkCheck.TOO_SMALL, "12x12 blob at 140");
        Images.fillRect(img, 140, 60, 60, 12, 16, 1f);
        assertVerdict(check.check(img), true, InkCheck.PRESENT, "12x16 is big enough");
    }

    @Test
    void syntheticDigitsArePresent() {
        InkCheck check = new InkCheck(140, 140);
        assertVerdict(check.check(PaperSceneTest.seven()), true, InkCheck.PRESENT, "7");
        assertVerdict(check.check(PaperSceneTest.ring()), true, InkCheck.PRESENT, "0");
        // a "1": one thin bar
        assertVerdict(check.check(Images.polyline(140, 140, 6, 70, 20, 66, 120)), true, InkCheck.PRESENT, "1");
        // thresholded scenes (hollow thick strokes included)
        for (int[] paper : PaperSceneTest.PAPERS) {
            byte[] rgba = PaperSceneTest.scene(PaperSceneTest.seven(), paper, true);
            assertVerdict(check.check(thresholded(rgba, 140, 140)), true, InkCheck.PRESENT, "thresholded 7");
        }
        // a drawing at 280
        StrokeRasterizer s = new StrokeRasterizer();
        s.beginStroke();
        s.addPoint(60f, 60f);
        s.addPoint(200f, 60f);
        s.addPoint(120f, 230f);
        s.endStroke();
        s.fitBrushToDrawing(10f);
        float[] canvas = new float[280 * 280];
        s.rasterise(canvas, 280, 280);
        assertVerdict(new InkCheck(280, 280).check(canvas), true, InkCheck.PRESENT, "drawn 7");
    }

    @Test
    void resultObjectIsReused() {
        InkCheck check = new InkCheck(28, 28);
        InkCheck.Result a = check.check(new float[784]);
        InkCheck.Result b = check.check(new float[784]);
        assertSame(a, b);
        assertSame(a, check.result());
    }

    @Test
    void rejectsBadArguments() {
        InkCheck check = new InkCheck(28, 28);
        assertThrows(IllegalArgumentException.class, () -> check.check(new float[783]));
        assertThrows(IllegalArgumentException.class, () -> check.check(null));
        assertThrows(IllegalArgumentException.class, () -> new InkCheck(-1, 28));
    }

    @Test
    void realMnistDigitsArePresent() throws IOException {
        byte[][] images = MnistTestSet.images();
        InkCheck check = new InkCheck(28, 28);
        int present = 0;
        float minLargest = 1f;
        float maxInk = 0f;
        int maxComponents = 0;
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < images.length; i++) {
            InkCheck.Result r = check.check(MnistTestSet.digit(i));
            if (r.present()) {
                present++;
            } else if (failures.length() < 2000) {
                failures.append("#").append(i).append(' ').append(r).append('\n');
            }
            if (r.inkPixels() > 0) {
                minLargest = Math.min(minLargest, r.largestFraction());
                maxInk = Math.max(maxInk, r.inkPixels() / 784f);
                maxComponents = Math.max(maxComponents, r.components());
            }
        }
        System.out.println("MNIST 28x28: " + present + " / " + images.length + " present; smallest largest-component "
                + "fraction " + minLargest + ", largest ink fraction " + maxInk + ", most components " + maxComponents
                + "\n" + failures);
        assertTrue(present >= 0.999 * images.length, present + " present\n" + failures);
    }

    @Test
    void realMnistDigitsOnPaperThroughTheThresholdArePresent() throws IOException {
        byte[][] images = MnistTestSet.images();
        int w = 140;
        InkCheck check = new InkCheck(w, w);
        AdaptiveThreshold threshold = new AdaptiveThreshold(w, w);
        float[] grey = new float[w * w];
        float[] ink = new float[w * w];
        int present = 0;
        float minLargest = 1f;
        StringBuilder failures = new StringBuilder();
        long start = System.nanoTime();
        for (int i = 0; i < images.length; i++) {
            float[] big = Images.bilinear(MnistTestSet.digit(i), 28, 28, w, w);
            byte[] rgba = Images.onPaper(big, 205f, 40f);
            Luminance.maxChannel(rgba, w, w, 255f, grey);
            threshold.apply(grey, ink);
            InkCheck.Result r = check.check(ink);
            if (r.present()) {
                present++;
            } else if (failures.length() < 2000) {
                failures.append("#").append(i).append(' ').append(r).append('\n');
            }
            if (r.inkPixels() > 0) {
                minLargest = Math.min(minLargest, r.largestFraction());
            }
        }
        System.out.println("MNIST upscaled to 140, dark on paper, thresholded: " + present + " / " + images.length
                + " present; smallest largest-component fraction " + minLargest + " ("
                + (System.nanoTime() - start) / 1_000_000 + " ms)\n" + failures);
        assertTrue(present >= 0.999 * images.length, present + " present\n" + failures);
    }
}
