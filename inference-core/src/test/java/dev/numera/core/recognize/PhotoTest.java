package dev.numera.core.recognize;

import dev.numera.core.image.AreaDownscale;
import dev.numera.core.image.Luminance;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A picture of any size read as the camera box holds it: the halving, the frame, the average down to the box,
 * each by hand on small pictures; and the whole on random pictures against {@link Old}, the byte[] code that
 * {@code numera predict} ran before the code moved here, which Photo must match bit for bit.
 */
class PhotoTest {
    static int px(int r, int g, int b, int a) {
        return r | g << 8 | b << 16 | a << 24;
    }

    /** Halving a 3x3: each output the alpha-weighted mean of its 2x2 (the odd last row and column alone), rounded half up. */
    /** A w x h picture of {@code ground}, with a rectangle of {@code sheet} at [x0, x1) x [y0, y1). */
    static Photo.Picture sheetOn(int w, int h, int ground, int sheet, int x0, int y0, int x1, int y1) {
        int[] p = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                p[y * w + x] = x >= x0 && x < x1 && y >= y0 && y < y1 ? sheet : ground;
            }
        }
        return new Photo.Picture(p, w, h);
    }

    /**
     * A sheet on a dark desk is read alone: the crop is the sheet less 2 % a side (here 300 x 200 px at (50, 40): 6 and 4 px),
     * a dark ink stroke across it notwithstanding. A picture that is all paper, or mostly dark (light ink on black), or
     * whose border is only a little darker than its middle, is read whole.
     */
    @Test
    void aSheetOnADarkDeskIsCroppedToTheSheet() {
        int desk = px(40, 35, 30, 255), paper = px(225, 222, 215, 255), ink = px(30, 30, 40, 255);
        Photo.Picture pic = sheetOn(400, 300, desk, paper, 50, 40, 350, 240);
        for (int x = 100; x < 300; x++) {
            for (int y = 130; y < 142; y++) pic.rgba[y * 400 + x] = ink;   // a stroke 200 px long, 12 thick
        }
        Photo.Picture sheet = Photo.onPaper(pic);
        assertEquals(300 - 2 * 6, sheet.width);
        assertEquals(200 - 2 * 4, sheet.height);
        assertEquals(paper, sheet.rgba[0], "its corner is paper");
        assertEquals(ink, sheet.rgba[(130 - 44) * sheet.width + (100 - 56)], "the stroke where it was");

        Photo.Picture allPaper = sheetOn(400, 300, paper, paper, 0, 0, 0, 0);
        assertSame(allPaper, Photo.onPaper(allPaper));
        Photo.Picture mnistLike = sheetOn(280, 280, px(0, 0, 0, 255), px(255, 255, 255, 255), 120, 60, 160, 220);   // a white 1 on black
        assertSame(mnistLike, Photo.onPaper(mnistLike));
        Photo.Picture shaded = sheetOn(400, 300, px(180, 180, 180, 255), paper, 20, 20, 380, 280);   // a border only 40 levels darker
        assertSame(shaded, Photo.onPaper(shaded));
    }

    /**
     * A small digit in a large picture: the square around it is 2.2 times its size, centred on it, and takes in a stroke
     * of its own beside it (a 4's or a 5's second stroke) but not a shadow along the picture's side nor a speck.
     */
    @Test
    void aSmallDigitsSquareIsFoundAroundItsInk() {
        int w = 2000, h = 1500;
        int[] rgba = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - 1400, y - 500);
                boolean ring = Math.abs(d - 90) < 14;                                   // a 0, 208 px across
                boolean bar = x >= 1500 && x < 1530 && y >= 380 && y < 470;              // a stroke of its own beside it
                boolean shadow = x < 60;                                                 // dark along the left side
                boolean speck = Math.hypot(x - 300, y - 1200) < 4;                       // a speck far off
                int g = ring || bar || shadow || speck ? 35 : 220;
                rgba[y * w + x] = px(g, g, g, 255);
            }
        }
        Photo.Picture around = Photo.aroundInk(new Photo.Picture(rgba, w, h));
        // the ring and the bar: x 1310..1530, y 410..590 (the ring's outer edge 104 px from its centre): 220 wide, 180 high
        int side = (int) Math.ceil(2.2 * 222);
        assertEquals(side, around.width, 40.0);   // the search picture's pixels are 3.6 of these: a pixel of blur each side is 16
        assertEquals(side, around.height, 40.0);
        int cx = 1420, cy = 500;   // the box's centre
        assertEquals(35, around.rgba[(cy - 500 + around.height / 2) * around.width + (1400 + 104 - 6 - cx + around.width / 2)] & 0xFF,
                "the ring's right side is in it, where it was");
        assertEquals(null, Photo.aroundInk(new Photo.Picture(new int[400 * 300], 400, 300)), "nothing on it: no square");

        // blank paper, photographed: grain (sigma 4 levels) and light falling off to one side; no digit is made of it
        java.util.Random grain = new java.util.Random(5);
        int[] blank = new int[w * h];
        for (int i = 0; i < blank.length; i++) {
            int g = (int) Math.round(225 - 40.0 * (i % w) / w + grain.nextGaussian() * 4);
            blank[i] = px(g, g, g, 255);
        }
        Prediction p = Photo.recognize(RecognizerTest.templateRecognizer(), blank, w, h);
        assertFalse(p.hasDigit(), () -> "blank paper read as " + p.digit());
        // and with a speck on it, which the square around ink is found for: read there, a speck is still no digit
        for (int y = 740; y < 760; y++) {   // 20 px: 5.6 of the search picture's, a piece of ~30 pixels
            for (int x = 1190; x < 1210; x++) blank[y * w + x] = px(30, 30, 30, 255);
        }
        Photo.Picture speck = new Photo.Picture(blank, w, h);
        assertTrue(Photo.aroundInk(speck) != null && Photo.aroundInk(speck).width == 56, "a square of 2/5 of the box around the speck");
        Prediction q = Photo.recognize(RecognizerTest.templateRecognizer(), blank, w, h);
        assertFalse(q.hasDigit() && !q.isUnsure(), () -> "a speck read as " + q.digit());
    }

    /**
     * The square is found on the search picture's own scale however often a large picture is halved first: an 8000x6000
     * picture is halved twice, and the search then ran at 140 px instead of 560 and found nothing (a 300 px ring).
     */
    @Test
    void aSmallDigitIsFoundInAPictureHalvedFirst() {
        for (int[] size : new int[][] {{6000, 4500}, {8000, 6000}}) {
            int w = size[0], h = size[1], r = w / 40;   // a ring 1/20 of the width across
            int[] rgba = new int[w * h];
            int paper = px(220, 220, 220, 255), ink = px(35, 35, 35, 255);
            java.util.Arrays.fill(rgba, paper);
            for (int y = h / 2 - r - r / 6; y <= h / 2 + r + r / 6; y++) {
                for (int x = w / 2 - r - r / 6; x <= w / 2 + r + r / 6; x++) {
                    if (Math.abs(Math.hypot(x - w / 2, y - h / 2) - r) < r / 6.0) rgba[y * w + x] = ink;
                }
            }
            Photo.Picture around = Photo.aroundInk(new Photo.Picture(rgba, w, h));
            assertTrue(around != null, w + "x" + h + ": a square found");
            assertEquals(2.2 * (2 * r + r / 3.0), around.width, 0.15 * around.width, w + "x" + h);
        }
    }

    /** Light ink on a dark ground: a dark border and a dark middle, both; a bold black digit cropped close, or a sheet on a desk, is not. */
    @Test
    void lightOnDarkNeedsADarkBorderAndADarkMiddle() {
        int black = px(0, 0, 0, 255), white = px(255, 255, 255, 255);
        Photo.Picture mnistLike = sheetOn(28, 28, black, white, 12, 4, 16, 24);
        assertTrue(Photo.lightOnDark(mnistLike.rgba, 28, 28));
        Photo.Picture boldOne = sheetOn(120, 200, white, black, 40, 20, 80, 180);   // its middle is all ink
        assertEquals(0, Photo.middleLuma(boldOne.rgba, 120, 200));
        assertFalse(Photo.lightOnDark(boldOne.rgba, 120, 200));
        Photo.Picture desk = sheetOn(400, 300, px(40, 35, 30, 255), px(225, 222, 215, 255), 50, 40, 350, 240);
        assertFalse(Photo.lightOnDark(desk.rgba, 400, 300));
        Photo.Picture clear = sheetOn(28, 28, px(0, 0, 0, 0), white, 12, 4, 16, 24);   // transparent: paper, as the box reads it
        assertFalse(Photo.lightOnDark(clear.rgba, 28, 28));
    }

    /**
     * lightOnDark counts where it sorted: on random pictures of 1..9 px a side and a few larger ones (each around a level of its own near 128,
     * transparent pixels among them), the same answer as the medians it is defined by ({@link Photo#borderMedian},
     * {@link Photo#middleLuma}).
     */
    @Test
    void lightOnDarkIsTheMediansAnswer() {
        Random r = new Random(12);
        int yes = 0;
        for (int t = 0; t < 4000; t++) {
            int w = t < 3600 ? 1 + r.nextInt(9) : 10 + r.nextInt(60), h = t < 3600 ? 1 + r.nextInt(9) : 10 + r.nextInt(60);
            int[] rgba = new int[w * h];
            int c = 104 + r.nextInt(48);   // each picture's levels around its own c, so that its medians fall on either side of 128
            for (int i = 0; i < rgba.length; i++) {
                rgba[i] = px(c - 24 + r.nextInt(48), c - 24 + r.nextInt(48), c - 24 + r.nextInt(48), r.nextInt(8) == 0 ? r.nextInt(256) : 255);
            }
            int[] border = Photo.borderMedian(rgba, w, h);
            boolean medians = border[3] >= 128 && Math.max(border[0], Math.max(border[1], border[2])) < 128 && Photo.middleLuma(rgba, w, h) < 128;
            assertEquals(medians, Photo.lightOnDark(rgba, w, h), w + "x" + h + " picture " + t);
            yes += medians ? 1 : 0;
        }
        assertTrue(yes > 200 && yes < 3800, yes + " of 4000 light on dark: both answers tried");
    }

    /** The middle's median luma, transparent pixels over white: hand-counted cases. */
    @Test
    void theMiddlesMedianLumaCountsTransparentAsWhite() {
        int[] five = {px(0, 0, 0, 255), px(0, 0, 0, 255), px(100, 100, 100, 255), px(0, 0, 0, 0), px(255, 255, 255, 255)};
        assertEquals(100, Photo.middleLuma(five, 5, 1));   // under 4 px high: all of it, sorted 0, 0, 100, 255, 255
        assertEquals(255, Photo.middleLuma(new int[] {px(0, 0, 0, 0)}, 1, 1));
        assertEquals(76, Photo.middleLuma(new int[] {px(255, 0, 0, 255)}, 1, 1));   // 0.299 * 255
        assertEquals(127, Photo.middleLuma(new int[] {px(0, 0, 0, 128)}, 1, 1));    // black at half over white: (255 * 127 + 127) / 255
        // 8x8: a white 4x4 middle in black, then a black middle in white
        Photo.Picture white = sheetOn(8, 8, px(0, 0, 0, 255), px(255, 255, 255, 255), 2, 2, 6, 6);
        assertEquals(255, Photo.middleLuma(white.rgba, 8, 8));
        Photo.Picture black = sheetOn(8, 8, px(255, 255, 255, 255), px(0, 0, 0, 255), 2, 2, 6, 6);
        assertEquals(0, Photo.middleLuma(black.rgba, 8, 8));
    }

    @Test
    void halvingAnOddPictureWeighsColoursByAlpha() {
        int[] rgba = {
                px(10, 20, 30, 255), px(20, 40, 60, 255), px(200, 100, 50, 128),
                px(30, 60, 90, 255), px(40, 80, 120, 51), px(0, 0, 0, 0),
                px(255, 255, 255, 255), px(0, 0, 0, 255), px(99, 99, 99, 1)};
        Photo.Picture half = Photo.halve(new Photo.Picture(rgba, 3, 3));
        assertEquals(2, half.width);
        assertEquals(2, half.height);
        assertArrayEquals(new int[] {
                // alpha 3 * 255 + 51 = 816: red (10 + 20 + 30) * 255 + 40 * 51 = 17340, / 816 = 21.25; green 42.5 (up to 43);
                // blue 63.75; alpha 816 / 4 = 204
                px(21, 43, 64, 204),
                // the last column alone, a transparent pixel colouring nothing: alpha (128 + 0) / 2
                px(200, 100, 50, 64),
                // the last row: white and black, 127.5 up to 128
                px(128, 128, 128, 255),
                // the corner, one pixel as it was
                px(99, 99, 99, 1)}, half.rgba);
    }

    /** A picture of one colour, opaque or not, averages down to that colour in every pixel. */
    @Test
    void aUniformPictureStaysUniform() {
        for (int colour : new int[] {px(37, 140, 211, 255), px(37, 140, 211, 100), px(255, 0, 1, 3)}) {
            int w = 301, h = 157;
            int[] rgba = new int[w * h];
            java.util.Arrays.fill(rgba, colour);
            int[] small = Photo.shrink(rgba, w, h, 140, 73);
            for (int i = 0; i < small.length; i++) {
                assertEquals(Integer.toHexString(colour), Integer.toHexString(small[i]), "pixel " + i);
            }
            Photo.Picture box = Photo.asCameraBox(new Photo.Picture(rgba, w, h), true);   // its frame the same colour
            assertEquals(140, box.width);
            assertEquals(86, box.height);   // framed 375x231 (a frame of 37), 231 * 140 / 375 = 86.2
            for (int v : box.rgba) {
                assertEquals(Integer.toHexString(colour), Integer.toHexString(v));
            }
        }
    }

    /** The paper is each channel's median over the border alone; the ink inside does not count. */
    @Test
    void theBordersMedianIsTheOutermostPixelsMedian() {
        // 4x3: the border holds 10 of the 12 pixels; the two inside are black and would pull every median down
        int[] rgba = {
                px(200, 10, 0, 255), px(201, 20, 1, 255), px(202, 30, 2, 255), px(203, 40, 3, 0),
                px(204, 50, 4, 255), px(0, 0, 0, 255), px(0, 0, 0, 255), px(205, 60, 5, 255),
                px(206, 70, 6, 255), px(207, 80, 7, 9), px(208, 90, 8, 255), px(209, 100, 9, 255)};
        // sorted, the 10 values' sixth (index 5, the upper middle): red 200..209 without the inside -> 205, and so on;
        // alpha: 0, 9 and eight 255s -> 255
        assertArrayEquals(new int[] {205, 60, 5, 255}, Photo.borderMedian(rgba, 4, 3));
        // a picture one pixel high is all border; a longer array's rest is not part of it
        assertArrayEquals(new int[] {3, 2, 1, 255}, Photo.borderMedian(new int[] {px(1, 1, 1, 255), px(3, 2, 1, 255), px(9, 9, 9, 255), -1, -1}, 3, 1));
        assertArrayEquals(new int[] {7, 8, 9, 10}, Photo.borderMedian(new int[] {px(7, 8, 9, 10)}, 1, 1));
    }

    /** The frame is an eighth of the longest side, at least 2 px, of the border's median colour. */
    @Test
    void theFramedBoxIsAnEighthOfTheLongestSideWider() {
        assertEquals(2, Photo.frame(1, 1));
        assertEquals(2, Photo.frame(23, 5));
        assertEquals(3, Photo.frame(24, 3));
        assertEquals(12, Photo.frame(40, 100));
        assertEquals(125, Photo.frame(1000, 500));
        assertEquals((long) (1000 + 250) * (500 + 250), Photo.framedPixels(1000, 500));

        int[] rgba = new int[30 * 10];
        java.util.Arrays.fill(rgba, px(220, 210, 200, 255));
        rgba[5 * 30 + 15] = px(0, 0, 0, 255);   // ink inside
        Photo.Picture small = Photo.asCameraBox(new Photo.Picture(rgba, 30, 10), true);
        assertEquals(30 + 2 * 3, small.width);   // under the box: framed, not averaged
        assertEquals(10 + 2 * 3, small.height);
        assertEquals(px(220, 210, 200, 255), small.rgba[0]);
        assertEquals(px(0, 0, 0, 255), small.rgba[(5 + 3) * 36 + 15 + 3]);
        Photo.Picture unframed = new Photo.Picture(rgba, 30, 10);
        assertSame(unframed, Photo.asCameraBox(unframed, false));

        Photo.Picture large = Photo.asCameraBox(new Photo.Picture(new int[1000 * 500], 1000, 500), true);
        assertEquals(140, large.width);    // framed 1250x750, averaged to 140 on its longest side
        assertEquals(84, large.height);    // 750 * 140 / 1250 = 84
    }

    /** A picture whose frame would pass the recogniser's 8 M pixels is halved first, and is read. */
    @Test
    void aPictureOverThePixelLimitIsHalvedAndRead() {
        int w = 4000, h = 3000;
        assertTrue(Photo.framedPixels(w, h) > Photo.DOWNSCALE_PIXELS);
        assertTrue(Photo.framedPixels(w / 2, h / 2) <= Photo.DOWNSCALE_PIXELS);
        int[] rgba = new int[w * h];
        // a ring drawn dark on paper, the digit half the picture's height
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x - w / 2.0, (y - h / 2.0) * 1.3);
                int g = Math.abs(d - 600) < 90 ? 30 : 215;
                rgba[y * w + x] = px(g, g, g, 255);
            }
        }
        Photo.Picture box = Photo.asCameraBox(new Photo.Picture(rgba, w, h), true);
        assertEquals(140, box.width);      // halved to 2000x1500, framed 2500x2000
        assertEquals(112, box.height);
        Recognizer r = RecognizerTest.templateRecognizer();
        Prediction p = Photo.recognize(r, rgba, w, h);
        assertTrue(p.hasDigit(), String.valueOf(p));
        assertEquals(0, p.digit(), "the ring: " + p);
        assertEquals(140, p.thresholdedWidth());   // read unframed: its ink is far from the edge
        assertEquals(105, p.thresholdedHeight());
    }

    @Test
    void badArgumentsAreRefusedWithAReason() {
        Recognizer r = RecognizerTest.templateRecognizer();
        int[] rgba = new int[100];
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, 10, 0));
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, -1, -100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, 11, 10));
        assertTrue(e.getMessage().contains("110"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, null, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(null, rgba, 10, 10));
        e = assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, Photo.MAX_PIXELS + 1, 1));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Photo.recognize(r, rgba, 1 << 16, 1 << 16));   // w * h overflows int
        assertThrows(IllegalArgumentException.class, () -> Photo.borderMedian(new int[3], 2, 2));
        // a longer array: its first width*height are the picture
        assertNotNull(Photo.recognize(r, new int[10 * 10 + 5], 10, 10));
    }

    /**
     * Random pictures of odd sizes, some with transparent pixels: the box, framed and not, is the old byte[]
     * code's to the bit, and so is the two-pass read. 2600x2100 is halved first (framed, 8.9 M pixels).
     */
    @Test
    void theBoxIsTheOldCodesBoxToTheBit() {
        Random rnd = new Random(20261125);
        int[][] sizes = {{301, 157}, {1503, 999}, {2600, 2100}, {97, 203}, {1, 3}, {5, 1}};
        for (int[] s : sizes) {
            int w = s[0], h = s[1];
            byte[] bytes = new byte[4 * w * h];
            rnd.nextBytes(bytes);
            for (int i = 3; i < bytes.length; i += 4) {
                int k = rnd.nextInt(4);   // opaque mostly, else transparent or anything in between
                bytes[i] = k < 2 ? (byte) 255 : k == 2 ? 0 : bytes[i];
            }
            int[] packed = packed(bytes, w * h + 3);   // longer than the picture: the rest must not count
            java.util.Arrays.fill(packed, w * h, packed.length, px(1, 2, 3, 4));
            for (boolean framed : new boolean[] {false, true}) {
                Old.Picture expected = Old.asCameraBox(new Old.Picture(bytes, w, h), framed);
                Photo.Picture box = Photo.asCameraBox(new Photo.Picture(packed, w, h), framed);
                assertEquals(expected.width, box.width, w + "x" + h);
                assertEquals(expected.height, box.height, w + "x" + h);
                assertArrayEquals(packed(expected.rgba, expected.width * expected.height),
                        java.util.Arrays.copyOf(box.rgba, box.width * box.height), w + "x" + h + (framed ? " framed" : ""));
            }
            int[] median = Photo.borderMedian(packed, w, h);
            byte[] old = Old.borderMedian(bytes, w, h);
            for (int c = 0; c < 4; c++) {
                assertEquals(old[c] & 0xFF, median[c]);
            }
            Old.Picture half = Old.halve(new Old.Picture(bytes, w, h));
            assertArrayEquals(packed(half.rgba, half.width * half.height), Photo.halve(new Photo.Picture(packed, w, h)).rgba);
        }
    }

    /** The two-pass read, against the old code's on bytes: a shape in the middle (read as it is) and one cut by the edges (framed). */
    @Test
    void theReadIsTheOldCodesRead() {
        Recognizer now = RecognizerTest.templateRecognizer();
        Recognizer before = RecognizerTest.templateRecognizer();
        Recognizer probe = RecognizerTest.templateRecognizer();   // its own: a recogniser's last guesses weigh on its next answer
        int framedReads = 0;
        for (int k = 0; k < 10; k++) {
            int size = 301;
            // even k: the shape well inside; odd k: scaled up past the picture's edges, as a picture cropped to the digit
            float[] ink = k % 2 == 0 ? RecognizerTest.draw(k, size, 0.6f, 60, 60) : RecognizerTest.draw(k, size, 1.4f, -60, -60);
            byte[] bytes = RecognizerTest.paper(ink, size);
            Prediction old = Old.recognize(before, bytes, size, size);
            String expected = old.toString();
            float[] probabilities = old.probabilities().clone();
            float[] input = old.input().clone();
            int thresholdedWidth = old.thresholdedWidth();
            Prediction p = Photo.recognize(now, packed(bytes, size * size), size, size);
            assertEquals(expected, p.toString(), "shape " + k);
            assertArrayEquals(probabilities, p.probabilities(), 0f);
            assertArrayEquals(input, p.input(), 0f);
            assertEquals(thresholdedWidth, p.thresholdedWidth());
            framedReads += Old.inkOnEdge(probe.recognizeRgba(Old.asCameraBox(new Old.Picture(bytes, size, size), false).rgba, 140, 140,
                    InputKind.CAMERA)) ? 1 : 0;
        }
        assertTrue(framedReads > 0, "some pictures must take the framed pass");
    }

    static int[] packed(byte[] rgba, int length) {
        int[] out = new int[length];
        for (int i = 0; i < rgba.length / 4; i++) {
            out[i] = Luminance.pack(rgba, 4 * i);
        }
        return out;
    }

    /** The reference: numera predict's camera-mode code on RGBA bytes as it was before it moved to Photo, copied as it stood. */
    static final class Old {
        static final int CAMERA_BOX = 140;
        static final long MAX_PIXELS = 8_000_000;

        static final class Picture {
            final byte[] rgba;
            final int width, height;

            Picture(byte[] rgba, int width, int height) {
                this.rgba = rgba;
                this.width = width;
                this.height = height;
            }
        }

        static Prediction recognize(Recognizer recognizer, byte[] rgba, int w, int h) {
            Picture pic = new Picture(rgba, w, h);
            Picture box = asCameraBox(pic, false);
            Prediction result = recognizer.recognizeRgba(box.rgba, box.width, box.height, InputKind.CAMERA);
            if (!inkOnEdge(result)) {
                return result;
            }
            box = asCameraBox(pic, true);
            return recognizer.recognizeRgba(box.rgba, box.width, box.height, InputKind.CAMERA);
        }

        static boolean inkOnEdge(Prediction p) {
            float[] t = p.thresholded();
            int w = p.thresholdedWidth(), h = p.thresholdedHeight();
            if (t == null) {
                return false;
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if ((y == 0 || y == h - 1 || x == 0 || x == w - 1) && t[y * w + x] > 0.5f) {
                        return true;
                    }
                }
            }
            return false;
        }

        static Picture asCameraBox(Picture pic, boolean framed) {
            while (framedPixels(pic.width, pic.height) > MAX_PIXELS) {
                pic = halve(pic);
            }
            int w = pic.width, h = pic.height;
            int m = framed ? frame(w, h) : 0;
            int fw = w + 2 * m, fh = h + 2 * m;
            byte[] in = m == 0 ? pic.rgba : inFrame(pic, m);
            int side = Math.max(fw, fh);
            if (side <= CAMERA_BOX) {
                return new Picture(in, fw, fh);
            }
            int sw = Math.max(1, (fw * CAMERA_BOX + side / 2) / side), sh = Math.max(1, (fh * CAMERA_BOX + side / 2) / side);
            return new Picture(shrink(in, fw, fh, sw, sh), sw, sh);
        }

        private static byte[] inFrame(Picture pic, int m) {
            int w = pic.width, h = pic.height, fw = w + 2 * m, fh = h + 2 * m;
            byte[] paper = borderMedian(pic.rgba, w, h);
            byte[] out = new byte[4 * fw * fh];
            for (int i = 0; i < fw * fh; i++) {
                System.arraycopy(paper, 0, out, 4 * i, 4);
            }
            for (int y = 0; y < h; y++) {
                System.arraycopy(pic.rgba, 4 * y * w, out, 4 * ((y + m) * fw + m), 4 * w);
            }
            return out;
        }

        static int frame(int w, int h) {
            return Math.max(2, Math.max(w, h) / 8);
        }

        static long framedPixels(int w, int h) {
            int m = frame(w, h);
            return (long) (w + 2 * m) * (h + 2 * m);
        }

        static Picture halve(Picture pic) {
            int w = pic.width, h = pic.height, hw = (w + 1) / 2, hh = (h + 1) / 2;
            byte[] src = pic.rgba;
            byte[] out = new byte[4 * hw * hh];
            for (int y = 0; y < hh; y++) {
                for (int x = 0; x < hw; x++) {
                    long r = 0, g = 0, b = 0, a = 0;
                    int n = 0;
                    for (int sy = 2 * y; sy < Math.min(2 * y + 2, h); sy++) {
                        for (int sx = 2 * x; sx < Math.min(2 * x + 2, w); sx++, n++) {
                            int i = 4 * (sy * w + sx), alpha = src[i + 3] & 0xFF;
                            r += (src[i] & 0xFF) * alpha;
                            g += (src[i + 1] & 0xFF) * alpha;
                            b += (src[i + 2] & 0xFF) * alpha;
                            a += alpha;
                        }
                    }
                    int o = 4 * (y * hw + x);
                    out[o] = (byte) (a > 0 ? (2 * r + a) / (2 * a) : 0);
                    out[o + 1] = (byte) (a > 0 ? (2 * g + a) / (2 * a) : 0);
                    out[o + 2] = (byte) (a > 0 ? (2 * b + a) / (2 * a) : 0);
                    out[o + 3] = (byte) ((2 * a + n) / (2 * n));
                }
            }
            return new Picture(out, hw, hh);
        }

        static byte[] borderMedian(byte[] rgba, int w, int h) {
            int[] ring = new int[w * h];
            int n = 0;
            for (int y = 0; y < h; y++) {
                if (y == 0 || y == h - 1) {
                    for (int x = 0; x < w; x++) {
                        ring[n++] = y * w + x;
                    }
                } else {
                    ring[n++] = y * w;
                    if (w > 1) {
                        ring[n++] = y * w + w - 1;
                    }
                }
            }
            byte[] out = new byte[4];
            int[] values = new int[n];
            for (int c = 0; c < 4; c++) {
                for (int k = 0; k < n; k++) {
                    values[k] = rgba[4 * ring[k] + c] & 0xFF;
                }
                java.util.Arrays.sort(values);
                out[c] = (byte) values[n / 2];
            }
            return out;
        }

        static byte[] shrink(byte[] rgba, int w, int h, int dw, int dh) {
            int n = w * h;
            float[][] planes = new float[4][n];
            for (int i = 0; i < n; i++) {
                float a = (rgba[4 * i + 3] & 0xFF) / 255f;
                for (int c = 0; c < 3; c++) {
                    planes[c][i] = (rgba[4 * i + c] & 0xFF) * a;
                }
                planes[3][i] = a;
            }
            AreaDownscale down = new AreaDownscale(w, h, dw, dh);
            float[][] small = new float[4][dw * dh];
            for (int c = 0; c < 4; c++) {
                down.apply(planes[c], small[c]);
            }
            byte[] out = new byte[4 * dw * dh];
            for (int i = 0; i < dw * dh; i++) {
                float a = small[3][i];
                for (int c = 0; c < 3; c++) {
                    out[4 * i + c] = (byte) (a > 0 ? Math.min(255, Math.round(small[c][i] / a)) : 0);
                }
                out[4 * i + 3] = (byte) Math.min(255, Math.round(a * 255));
            }
            return out;
        }
    }
}
