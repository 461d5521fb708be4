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

    /**
     * Photos of a blackboard taken from a few steps away, with the wall, the board's light frame or a window in them along one
     * or two sides (adjacent or opposite): a light strip of 5-25 % of the photo's width or height each, and the board's
     * aluminium frame, 1-4 % of the photo, between it and the board ({@link #board}). The border, light along those sides,
     * was no dark border: the photo was read as ink on paper, or turned only when its box's border still was dark and its
     * mean (raised by the strip) left the chalk bright enough. Of these 80, 52 read right before and 27 wrong (52 right in
     * the camera's way, {@link Photo#recognize}); now 80 and 80, as the same photos without the strip. Of 200 such photos
     * (this builder, i up to 199) 120 and 125 read right before, 199 and 199 now (a 9 read "4"; without the strip 200).
     */
    @Test
    void aBlackboardWithALightStripAtItsSidesIsReadAsChalk() throws Exception {
        Recognizer r = shipped();
        byte[] labels = MnistTestSet.labels();
        int n = 80, right = 0, wrong = 0, camera = 0, alone = 0;
        for (int i = 0; i < n; i++) {
            Photo.Picture pic = board(i, true);
            Prediction p = Photo.read(r, pic.rgba, pic.width, pic.height);
            right += p.digit() == labels[i] ? 1 : 0;
            wrong += p.hasDigit() && p.digit() != labels[i] ? 1 : 0;
            camera += Photo.recognize(r, pic.rgba, pic.width, pic.height).digit() == labels[i] ? 1 : 0;
            Photo.Picture board = board(i, false);
            alone += Photo.read(r, board.rgba, board.width, board.height).digit() == labels[i] ? 1 : 0;
        }
        System.out.println("PhotoReadTest: blackboards with a light strip at their sides: " + right + " of " + n + " read right, " + wrong
                + " wrong (the camera's way " + camera + " right; without the strip " + alone + ")");
        assertEquals(n, alone, "the boards alone");
        assertTrue(right >= n - 2 && camera >= n - 2, right + " and " + camera + " of " + n + " read right");
    }

    /**
     * A photo of MNIST test digit i in chalk (170-240) on a blackboard, 200-1200 px on its longer side, 0.6-1 as wide as tall or
     * the other way: the board dark green, grey (30-89) or black (15-39), the digit's 28 px box 0.35-0.8 of the board's
     * shorter side, near its middle; chalk dust and an eraser's smears (three soft blobs 5-20 levels lighter), a third of
     * them lit from a side (0.6-0.9 of the light at the far side), a camera's noise of 2-3 levels. With {@code strip}, a light
     * strip along one side (i % 4 of 0 and 3), two adjacent ones (1) or two opposite ones (2), each 5-25 % of the photo's
     * width or height: a wall (170-235, cream), a light frame (170-229, grey or wood) or a window (230-255); with the board's
     * aluminium frame (150-209) 1-4 % of the photo's longer side wide between them. Without, the board fills the photo.
     */
    static Photo.Picture board(int i, boolean strip) throws Exception {
        java.util.Random r = new java.util.Random(40_000 + i);
        int longer = 200 + r.nextInt(1001), shorter = (int) Math.round(longer * (0.6 + 0.4 * r.nextDouble()));
        boolean wide = r.nextBoolean();
        int w = wide ? longer : shorter, h = wide ? shorter : longer;
        int kind = i % 3, g = kind == 2 ? 15 + r.nextInt(25) : 30 + r.nextInt(60), chalk = 170 + r.nextInt(71);
        int[] ground = kind == 0 ? new int[] {g * 2 / 3, g, g * 3 / 4} : new int[] {g, g, g};
        double sd = 2 + r.nextDouble();
        int layout = i % 4, first = r.nextInt(4);
        double[] m = new double[4];   // the strip along the left, top, right and bottom: a share of the photo's width or height
        m[first] = 0.05 + 0.2 * r.nextDouble();
        if (layout == 1 || layout == 2) {
            m[(first + layout) % 4] = 0.05 + 0.2 * r.nextDouble();
        }
        int look = r.nextInt(3), v = look == 0 ? 170 + r.nextInt(66) : look == 1 ? 170 + r.nextInt(60) : 230 + r.nextInt(26);
        int[] light = look == 0 ? new int[] {v, v * 97 / 100, v * 90 / 100}
                : look == 1 && r.nextBoolean() ? new int[] {v, v * 80 / 100, v * 55 / 100} : new int[] {v, v, v};
        if (!strip) {
            m = new double[4];
        }
        int bx0 = (int) Math.round(m[0] * w), by0 = (int) Math.round(m[1] * h), bx1 = w - (int) Math.round(m[2] * w), by1 = h - (int) Math.round(m[3] * h);
        int bw = bx1 - bx0, bh = by1 - by0;
        double box = Math.min(bw, bh) * (0.35 + 0.45 * r.nextDouble());
        double ox = bx0 + (bw - box) / 2 + (r.nextDouble() - 0.5) * 0.1 * bw, oy = by0 + (bh - box) / 2 + (r.nextDouble() - 0.5) * 0.1 * bh;
        boolean fromASide = r.nextInt(3) == 0;
        double angle = 2 * Math.PI * r.nextDouble(), far = 0.6 + 0.3 * r.nextDouble();
        double frame = (0.01 + 0.03 * r.nextDouble()) * Math.max(w, h);
        int metal = 150 + r.nextInt(60);
        double[][] smears = new double[3][];   // x, y, radius, levels
        for (int k = 0; k < smears.length; k++) {
            smears[k] = new double[] {r.nextDouble() * w, r.nextDouble() * h, (0.1 + 0.2 * r.nextDouble()) * Math.max(w, h), 5 + 15 * r.nextDouble()};
        }
        byte[] digit = MnistTestSet.images()[i];
        java.util.Random noise = new java.util.Random(i);
        int[] px = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean onBoard = x >= bx0 && x < bx1 && y >= by0 && y < by1;
                boolean onFrame = !onBoard && x >= bx0 - frame && x < bx1 + frame && y >= by0 - frame && y < by1 + frame;
                double dust = 0;
                for (double[] b : smears) {
                    double dx = x - b[0], dy = y - b[1];
                    dust += b[3] * Math.exp(-(dx * dx + dy * dy) / (2 * b[2] * b[2]));
                }
                double t = 0.5 + ((x - w / 2.0) * Math.cos(angle) + (y - h / 2.0) * Math.sin(angle)) / Math.max(w, h);
                double lit = fromASide ? far + (1 - far) * Math.max(0, Math.min(1, t)) : 1, n = noise.nextGaussian() * sd;
                double ink = onBoard ? Math.min(1, sample(digit, (x + 0.5 - ox) / box * 28 - 0.5, (y + 0.5 - oy) / box * 28 - 0.5) / 255) : 0;
                int p = 255 << 24;
                for (int c = 0; c < 3; c++) {
                    double level = onBoard ? (ground[c] + dust + ink * (chalk - ground[c] - dust)) * lit + n : (onFrame ? metal : light[c]) * lit + n;
                    p |= (int) Math.max(0, Math.min(255, Math.round(level))) << 8 * c;
                }
                px[y * w + x] = p;
            }
        }
        return new Photo.Picture(px, w, h);
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
