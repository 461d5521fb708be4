package dev.numera.core.recognize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.numera.core.image.MnistTestSet;
import dev.numera.core.model.ModelFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@link Photo#read}, the page's "Open a picture" and predict's default, on pictures made of MNIST test digits with the
 * shipped model: a sheet tilted on a dark desk and a dim photo are read as photos, bold white-on-black digits (whose
 * light strokes fill the middle) as drawings. The first two went wrong in this change's first version (helper-83: a
 * sheet tilted 10 degrees read "0" 88 times in 100; paper under half brightness read "no ink" 100 times in 100).
 */
class PhotoReadTest {
    private static final int W = 480, H = 360;

    /**
     * A sheet tilted 10 degrees on a desk of 45 levels, the digit in dark ink on it, with a camera's noise (without it the
     * desk is as flat as a program's ground, {@link Photo#flatBorder}): read as the photo alone reads it.
     */
    @Test
    void aSheetTiltedOnADarkDeskIsReadAsAPhoto() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        byte[] labels = MnistTestSet.labels();
        int right = 0, n = 30;
        for (int i = 0; i < n; i++) {
            int[] pic = scene(images[i], grey(45), grey(233), grey(22), 220, 260, Math.toRadians(10), 0.8);
            int photo = Photo.recognize(r, pic, W, H).digit();
            Prediction p = Photo.read(r, pic, W, H);
            assertEquals(photo, p.digit(), "digit " + i + ": read as the photo reads it");
            right += p.digit() == labels[i] ? 1 : 0;
        }
        assertTrue(right >= n - 1, right + " of " + n);
    }

    /**
     * A screenshot of a page in a dark viewer: a flat black ground (a program's, as MNIST's) around a white page with a dark
     * digit on it, no noise. The flat ground alone would read it as a drawing (the page as a blob of light ink);
     * {@link Photo#pageOnScreen} reads it as the photo of paper it shows.
     */
    @Test
    void aPageOnADarkScreenIsReadAsPaper() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        byte[] labels = MnistTestSet.labels();
        int right = 0, n = 20;
        for (int i = 0; i < n; i++) {
            int[] pic = scene(images[i], grey(18), grey(250), grey(30), 300, 340, 0, 0.5, 0);
            assertTrue(Photo.flatBorder(pic, W, H, Photo.borderMedian(pic, W, H)) && Photo.pageOnScreen(Photo.onPaper(new Photo.Picture(pic, W, H))),
                    "a flat ground, a page on it");
            right += Photo.read(r, pic, W, H).digit() == labels[i] ? 1 : 0;
        }
        assertTrue(right >= n - 1, right + " of " + n);
    }

    /** Grey paper of 118 levels (under half brightness: "light ink on a dark ground" by its border and middle), dark ink. */
    @Test
    void aDimPhotoOfDarkInkIsReadAsAPhoto() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        byte[] labels = MnistTestSet.labels();
        int right = 0, n = 30;
        for (int i = 0; i < n; i++) {
            int[] pic = scene(images[i], grey(118), grey(118), grey(25), 2000, 2000, 0, 0.11);
            assertTrue(Photo.lightOnDark(pic, W, H), "dim enough to pass for a dark ground");
            right += Photo.read(r, pic, W, H).digit() == labels[i] ? 1 : 0;
        }
        assertTrue(right >= n - 1, right + " of " + n);
    }

    /**
     * A dim photo of a sheet on a dark desk (paper 100-124 levels, the desk 30: light on dark by its border and middle, and
     * its paper more than 1.5 times as bright as the border, as chalk is): read as the photo alone reads it, not turned
     * dark on light as chalk is ({@link Photo#lightWriting}): the paper fills the middle, where chalk's strokes leave most of
     * the ground dark. Turned, 17 of these 30 read as the photo reads them; of 200 seeded photos of such sheets (paper
     * 70-127, desk 10-50, the sheet 60-90 % of the photo's width) 17 read right and 134 wrong and sure, against 124 and 63.
     */
    @Test
    void aDimSheetOnADarkDeskIsNotTakenForChalk() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        int same = 0, n = 30;
        for (int i = 0; i < n; i++) {
            int[] pic = scene(images[i], grey(30), grey(100 + i % 25), grey(30), 380, 300, Math.toRadians(5 * (i % 2)), 0.7);
            assertTrue(Photo.lightOnDark(pic, W, H), "dim enough to pass for a dark ground");
            same += Photo.recognize(r, pic, W, H).digit() == Photo.read(r, pic, W, H).digit() ? 1 : 0;
        }
        assertEquals(n, same, "read as the photo reads them");
    }

    /**
     * MNIST's own look enlarged 4 times, white on pure black, for the digits whose strokes fill their middle (not
     * {@link Photo#lightOnDark}): of the first 600 test digits 65 are such, read right as photos 7 times, by read 64.
     */
    @Test
    void boldWhiteDigitsOnBlackAreReadAsDrawings() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        byte[] labels = MnistTestSet.labels();
        int s = 4, w = 28 * s, bold = 0, asPhotos = 0, read = 0;
        for (int i = 0; i < 600; i++) {
            int[] pic = new int[w * w];
            for (int y = 0; y < w; y++) {
                for (int x = 0; x < w; x++) {
                    pic[y * w + x] = grey(images[i][y / s * 28 + x / s] & 0xFF);
                }
            }
            if (Photo.lightOnDark(pic, w, w)) {
                continue;
            }
            bold++;
            asPhotos += Photo.recognize(r, pic, w, w).digit() == labels[i] ? 1 : 0;
            read += Photo.read(r, pic, w, w).digit() == labels[i] ? 1 : 0;
        }
        System.out.println("PhotoReadTest: bold white digits on black: " + read + " of " + bold + " read right (as photos: " + asPhotos + ")");
        assertTrue(bold >= 30, bold + " such digits");
        assertTrue(read >= 0.9 * bold, read + " of " + bold + " (as photos " + asPhotos + ")");
    }

    /**
     * A picture's digit near its edge is not cut off as a camera's may be: small pictures (MNIST's 28 px, dark on light) are
     * read as sure as before the camera's side rule (helper-86: 496 of 500 sure, 343 with the rule), none marked at the side.
     */
    @Test
    void aSmallPicturesDigitNearItsEdgeIsNoGuessForIt() throws Exception {
        Recognizer r = shipped();
        byte[][] images = MnistTestSet.images();
        byte[] labels = MnistTestSet.labels();
        int sure = 0, right = 0, n = 200;
        for (int i = 0; i < n; i++) {
            int[] pic = new int[28 * 28];
            for (int k = 0; k < pic.length; k++) {
                pic[k] = grey(255 - (images[i][k] & 0xFF));
            }
            Prediction p = Photo.read(r, pic, 28, 28);
            assertTrue(!p.atSide(), "picture " + i + " marked at the side");
            sure += p.hasDigit() && !p.isUnsure() ? 1 : 0;
            right += p.digit() == labels[i] ? 1 : 0;
        }
        System.out.println("PhotoReadTest: 28 px pictures: " + right + " of " + n + " right, " + sure + " sure");
        assertTrue(sure >= n * 95 / 100 && right >= n * 97 / 100, sure + " sure, " + right + " right of " + n);
    }

    private static Recognizer shipped() throws Exception {
        return new Recognizer(ModelFile.read(Files.readAllBytes(Path.of("../src-webapp/model/numera.nmod"))));
    }

    private static int grey(int v) {
        return v | v << 8 | v << 16 | 255 << 24;
    }

    /**
     * A W x H photo: a desk, a sheet (sw x sh px, centred, turned by {@code angle}) of paper, and on it the 28x28 digit
     * (bilinear) in ink, its box {@code digitShare} of the sheet's shorter side, with a camera's noise of 3 levels.
     */
    private static int[] scene(byte[] digit, int desk, int paper, int ink, double sw, double sh, double angle, double digitShare) {
        return scene(digit, desk, paper, ink, sw, sh, angle, digitShare, 3);
    }

    /** {@link #scene} with a camera's noise of {@code noiseLevels} (0: none, a program's picture). */
    private static int[] scene(byte[] digit, int desk, int paper, int ink, double sw, double sh, double angle, double digitShare, double noiseLevels) {
        int[] out = new int[W * H];
        java.util.Random noise = new java.util.Random(11);
        double c = Math.cos(angle), s = Math.sin(angle), box = Math.min(sw, sh) * digitShare;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double dx = x + 0.5 - W / 2.0, dy = y + 0.5 - H / 2.0, u = c * dx + s * dy, v = -s * dx + c * dy;   // sheet coordinates
                double level = desk & 0xFF;
                if (Math.abs(u) <= sw / 2 && Math.abs(v) <= sh / 2) {
                    double a = Math.min(1, sample(digit, (u / box + 0.5) * 28 - 0.5, (v / box + 0.5) * 28 - 0.5) / 255);
                    level = (paper & 0xFF) * (1 - a) + (ink & 0xFF) * a;
                }
                out[y * W + x] = grey((int) Math.max(0, Math.min(255, Math.round(level + noiseLevels * noise.nextGaussian()))));
            }
        }
        return out;
    }

    // the digit's level (0..255) at (x, y) in its pixels' centres' coordinates, bilinear, 0 outside
    private static double sample(byte[] d, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0, sum = 0;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 2; i++) {
                int xx = x0 + i, yy = y0 + j;
                if (xx >= 0 && yy >= 0 && xx < 28 && yy < 28) {
                    sum += (d[yy * 28 + xx] & 0xFF) * (i == 0 ? 1 - fx : fx) * (j == 0 ? 1 - fy : fy);
                }
            }
        }
        return sum;
    }
}
