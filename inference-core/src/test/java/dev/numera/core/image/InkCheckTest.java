package dev.numera.core.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class InkCheckTest {
    static void assertVerdict(InkCheck.Result r, boolean present, String reason, String what) {
        assertEquals(present, r.present(), what + ": " + r);
        assertSame(reason, r.reason(), what + ": " + r);
    }

    /** Threshold a camera-like RGBA image the way the camera pipeline does. */
    static float[] thresholded(byte[] rgba, int w, int h) {
        float[] grey = new float[w * h];
        Luminance.cameraGrey(rgba, w, h, 255f, grey);
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

    /**
     * Components, largest component and box against an independent labelling (breadth-first over
     * (x, y) with explicit bounds) on random images: specks, bars and blobs that touch each other and
     * the edges, thin and tiny images included. The same check object runs every image of a size, so
     * labels left from one call must not leak into the next.
     */
    @Test
    void componentsMatchANaiveLabelling() {
        Images.Lcg rng = new Images.Lcg(11);
        int[][] sizes = {{1, 9}, {9, 1}, {2, 2}, {13, 9}, {28, 28}, {37, 61}, {140, 140}};
        int labelled = 0, several = 0;
        for (int[] size : sizes) {
            int w = size[0], h = size[1];
            InkCheck check = new InkCheck(w, h);
            for (int trial = 0; trial < 30; trial++) {
                float[] ink = new float[w * h];
                int specks = rng.nextInt(w * h / 8 + 2);
                for (int k = 0; k < specks; k++) ink[rng.nextInt(w * h)] = 1f;
                for (int k = rng.nextInt(4); k > 0; k--) {       // bars and blocks
                    int x0 = rng.nextInt(w), y0 = rng.nextInt(h), bw = 1 + rng.nextInt(w), bh = 1 + rng.nextInt(Math.max(1, h / 3));
                    for (int y = y0; y < Math.min(h, y0 + bh); y++) {
                        for (int x = x0; x < Math.min(w, x0 + bw); x++) ink[y * w + x] = 0.5f + rng.nextFloat() / 2;
                    }
                }
                if (trial % 5 == 0) ink[rng.nextInt(w * h)] = Float.NaN;   // not ink
                String what = w + "x" + h + " trial " + trial;
                InkCheck.Result r = check.check(ink);
                int[] want = naiveComponents(ink, w, h);   // count, largest, then the significant box
                assertEquals(want[0], r.inkPixels(), what);
                if (r.reason() == InkCheck.NO_INK || r.reason() == InkCheck.TOO_MUCH_INK || r.inkPixels() < InkCheck.MIN_INK_PIXELS) {
                    continue;   // stopped before the components were weighed
                }
                labelled++;
                assertEquals(want[1], r.components(), what);
                assertEquals(want[2], r.largestComponent(), what);
                if (r.reason() != InkCheck.SCATTERED) {
                    assertArrayEquals(new int[]{want[3], want[4], want[5], want[6]},
                            new int[]{r.boxMinX(), r.boxMinY(), r.boxMaxX(), r.boxMaxY()}, what);
                }
                if (r.reason() == InkCheck.SEVERAL || r.reason() == InkCheck.PRESENT) {
                    assertEquals(want[7] == 1, r.reason() == InkCheck.SEVERAL, what + ": " + r);
                    several += want[7];
                }
            }
        }
        assertTrue(labelled > 60, "most images must reach the labelling, got " + labelled);
        assertTrue(several >= 5, "some images must be several digits side by side, got " + several);
    }

    /**
     * {ink pixels, components, largest, box of the components with >= 10 % of the largest: minX, minY, maxX, maxY, and 1
     * when those components are several digits side by side (InkCheck.SEVERAL), else 0}.
     */
    private static int[] naiveComponents(float[] ink, int w, int h) {
        boolean[][] on = new boolean[h][w];
        int pixels = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                on[y][x] = ink[y * w + x] >= InkCheck.INK_LEVEL;
                if (on[y][x]) pixels++;
            }
        }
        boolean[][] seen = new boolean[h][w];
        java.util.List<int[]> comps = new java.util.ArrayList<>();   // size, minX, minY, maxX, maxY
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!on[y][x] || seen[y][x]) continue;
                int[] c = {0, x, y, x, y};
                java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
                queue.add(new int[]{x, y});
                seen[y][x] = true;
                while (!queue.isEmpty()) {
                    int[] p = queue.poll();
                    c[0]++;
                    c[1] = Math.min(c[1], p[0]);
                    c[2] = Math.min(c[2], p[1]);
                    c[3] = Math.max(c[3], p[0]);
                    c[4] = Math.max(c[4], p[1]);
                    for (int dy = -1; dy <= 1; dy++) {
                        for (int dx = -1; dx <= 1; dx++) {
                            int nx = p[0] + dx, ny = p[1] + dy;
                            if (nx >= 0 && nx < w && ny >= 0 && ny < h && on[ny][nx] && !seen[ny][nx]) {
                                seen[ny][nx] = true;
                                queue.add(new int[]{nx, ny});
                            }
                        }
                    }
                }
                comps.add(c);
            }
        }
        int largest = 0;
        for (int[] c : comps) largest = Math.max(largest, c[0]);
        int[] box = {w, h, -1, -1};
        java.util.List<int[]> significant = new java.util.ArrayList<>();
        for (int[] c : comps) {
            if (c[0] >= InkCheck.SIGNIFICANT_COMPONENT * largest) {
                box[0] = Math.min(box[0], c[1]);
                box[1] = Math.min(box[1], c[2]);
                box[2] = Math.max(box[2], c[3]);
                box[3] = Math.max(box[3], c[4]);
                significant.add(c);
            }
        }
        // several: groups of components sharing columns (transitively), each {minX, maxX, height}
        significant.sort(java.util.Comparator.comparingInt(c -> c[1]));
        java.util.List<int[]> groups = new java.util.ArrayList<>();   // minX, minY, maxX, maxY
        for (int[] c : significant) {
            int[] last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && c[1] <= last[2]) {
                last[1] = Math.min(last[1], c[2]);
                last[2] = Math.max(last[2], c[3]);
                last[3] = Math.max(last[3], c[4]);
            } else {
                groups.add(new int[] {c[1], c[2], c[3], c[4]});
            }
        }
        int tallest = 0;
        for (int[] g : groups) tallest = Math.max(tallest, g[3] - g[1] + 1);
        int several = 0;
        int[] previous = null;
        for (int[] g : groups) {
            if (g[3] - g[1] + 1 < SeveralDigits.SEVERAL_HEIGHT * tallest) continue;
            if (previous != null && g[0] - previous[2] - 1 >= SeveralDigits.SEVERAL_GAP * tallest) several = 1;
            previous = g;
        }
        return new int[]{pixels, comps.size(), largest, box[0], box[1], box[2], box[3], several};
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

    /**
     * A blob on squared paper: the grid's lines touch every side and the blob, and cross each other. Walked in from the
     * sides, they are cut across each other's crossings up to the blob, and the blob alone is kept (a walk stopped at the
     * first crossing used to leave the grid joined to it, and all of it went: "the ink touches two sides").
     */
    @Test
    void aBlobWithAGridThroughItIsKeptAsTheBlob() {
        int w = 140;
        float[] blob = new float[w * w];
        Images.fillRect(blob, w, 50, 45, 40, 50, 1f);
        float[] img = blob.clone();
        for (int k = 10; k + 20 < w; k += 25) {
            Images.fillRect(img, w, 0, k, w, 2, 1f);
            Images.fillRect(img, w, k + 20, 0, 2, w, 1f);   // k + 20 = 30, 55 (through the blob), ..., 130
        }
        Images.fillRect(img, w, 0, 135, w, 2, 1f);
        InkCheck check = new InkCheck(w, w);
        InkCheck.Result r = check.check(img, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a blob with a grid through it");
        assertArrayEquals(new int[] {50, 45, 89, 94}, new int[] {r.boxMinX(), r.boxMinY(), r.boxMaxX(), r.boxMaxY()});
        check.keepDigit(img);
        assertArrayEquals(blob, img, 0f);
    }

    /** In a camera box few pixels are too little ink (blank paper, a speck); anywhere else, too small. */
    @Test
    void fewPixelsAreTooLittleInkInACameraBoxAndTooSmallElsewhere() {
        InkCheck check = new InkCheck(140, 140);
        float[] img = new float[140 * 140];
        Images.fillRect(img, 140, 50, 50, 5, 5, 1f); // 25 px < 0.35 % of 19600 = 68.6
        assertVerdict(check.check(img, true), false, InkCheck.TOO_LITTLE_INK, "a 5x5 dot in a camera box");
        assertVerdict(check.check(img), false, InkCheck.TOO_SMALL, "a 5x5 dot elsewhere: 5 px across (< 14)");
        InkCheck small = new InkCheck(28, 28);
        float[] three = new float[784];
        three[100] = three[101] = three[102] = 1f; // 3 px < 4
        assertVerdict(small.check(three, true), false, InkCheck.TOO_LITTLE_INK, "3 pixels in a camera box");
        assertVerdict(small.check(three), false, InkCheck.TOO_SMALL, "3 pixels elsewhere (3 px across would pass the extent check at 28)");
    }


    /**
     * A drawing's brush scales with it, so a short stroke has little ink however plainly it shows: its
     * extent, not its ink against the pad's area, says whether it is too small. A 50 px "1" was refused
     * as too little ink (blank paper?); a tap is too small, not blank paper.
     */
    @Test
    void aDrawingIsJudgedByItsExtentNotItsInk() {
        InkCheck check = new InkCheck(280, 280);
        for (int length : new int[] {25, 33, 40}) {   // ink 112..264 px, under 0.35 % of the pad (274)
            InkCheck.Result r = check.check(Images.pad(140, 140 - length / 2f, 140, 140 + length / 2f));
            System.out.println("a " + length + " px line on the pad: " + r);
            assertVerdict(r, true, InkCheck.PRESENT, "a " + length + " px line on the pad");
            assertTrue(r.inkPixels() < InkCheck.MIN_INK_FRACTION * 280 * 280, "less ink than the camera box's fraction: " + r);
        }
        assertVerdict(check.check(Images.pad(140, 130, 140, 150)), false, InkCheck.TOO_SMALL, "a 20 px line: 24 px across (< 28)");
        InkCheck.Result tap = check.check(Images.pad(140.3f, 140.6f));
        System.out.println("a tap on the pad: " + tap);
        assertVerdict(tap, false, InkCheck.TOO_SMALL, "a tap");
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

    /**
     * A camera box: what touches two sides runs across it (the paper's edge, a shadow's edge, a line)
     * and is left out; the same ink drawn on the pad is a stroke (a "1" from top to bottom).
     */
    @Test
    void piecesRunningAcrossACameraBoxAreLeftOut() {
        InkCheck check = new InkCheck(140, 140);
        float[] edge = new float[140 * 140];
        Images.fillRect(edge, 140, 8, 0, 5, 140, 1f);          // the table's side of the paper's edge, top to bottom
        assertVerdict(check.check(edge, true), false, InkCheck.ACROSS, "paper edge in a camera box");
        assertEquals(5 * 140, check.result().acrossPixels());
        assertVerdict(check.check(edge, false), true, InkCheck.PRESENT, "the same on the pad: a 1");
        assertEquals(0, check.result().acrossPixels());

        float[] line = new float[140 * 140];
        Images.fillRect(line, 140, 0, 90, 140, 2, 1f);          // a line, or a shadow's edge, side to side
        assertVerdict(check.check(line, true), false, InkCheck.ACROSS, "line across");
        float[] corner = Images.polyline(140, 140, 3, 0, 40, 40, 0);   // a corner of the paper
        assertVerdict(check.check(corner, true), false, InkCheck.ACROSS, "corner");
        float[] oneSide = Images.polyline(140, 140, 3, 70, 0, 70, 100); // a stroke cut by one side: kept
        assertVerdict(check.check(oneSide, true), true, InkCheck.PRESENT, "touching one side");

        float[] seven = PaperSceneTest.seven();
        float[] both = seven.clone();
        Images.fillRect(both, 140, 0, 0, 5, 140, 1f);
        InkCheck.Result r = check.check(both, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a 7 beside the paper's edge");
        int[] own = Images.box(seven, 140, 140, InkCheck.INK_LEVEL);
        assertArrayEquals(own, new int[] {r.boxMinX(), r.boxMinY(), r.boxMaxX(), r.boxMaxY()}, "the box is the 7's");
        assertEquals(5 * 140, r.acrossPixels());
        assertEquals(check.check(seven, true).largestComponent(), check.check(both, true).largestComponent());
        assertTrue(check.hasStrays(both));
        check.keepDigit(both);
        assertArrayEquals(seven, both, "the edge is cleared, the 7 untouched");
    }

    /**
     * A line through the digit that the threshold broke beside it: a piece at each side, thin and long, left out so
     * the box is the digit's; a piece too short (19 px) or too thick (13 px) to be a line's stays. A "1" touching the
     * top is a thin piece at a side too, but nothing else would be left: it stays.
     */
    /**
     * A straight piece at one side running at least LINE_OVER_BOX (105 px of 140) over the box is a line, even alone; a
     * shorter one is a "1", and so is a long piece that is not straight.
     */
    @Test
    void aLoneStraightPieceOverMostOfTheBoxIsALine() {
        InkCheck check = new InkCheck(140, 140);
        assertVerdict(check.check(Images.polyline(140, 140, 3, 40, 0, 42, 107), true), false, InkCheck.ACROSS, "down 107 px");
        assertVerdict(check.check(Images.polyline(140, 140, 3, 40, 0, 42, 103), true), true, InkCheck.PRESENT, "down 103 px");
        assertVerdict(check.check(Images.polyline(140, 140, 3, 139, 30, 50, 110), true), false, InkCheck.ACROSS, "slanted, 120 px");
        assertVerdict(check.check(Images.polyline(140, 140, 3, 0, 80, 108, 78), true), false, InkCheck.ACROSS, "across 108 px");
        assertVerdict(check.check(Images.polyline(140, 140, 4, 70, 0, 72, 90), true), true, InkCheck.PRESENT, "a long 1");
        assertVerdict(check.check(Images.polyline(140, 140, 3, 40, 0, 45, 60, 100, 110), true), true, InkCheck.PRESENT,
                "bent: not a line");
    }

    @Test
    void aLinesPiecesAtTheSidesAreLeftOutWhenADigitRemains() {
        InkCheck check = new InkCheck(140, 140);
        float[] seven = PaperSceneTest.seven();
        int[] own = Images.box(seven, 140, 140, InkCheck.INK_LEVEL);
        float[] cut = seven.clone();
        Images.fillRect(cut, 140, 0, 70, own[0] - 6, 2, 1f);                 // from the left side to 6 px short of the 7
        Images.fillRect(cut, 140, own[2] + 6, 70, 140 - own[2] - 6, 2, 1f);  // from 6 px past it to the right side
        InkCheck.Result r = check.check(cut, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a 7 with a line's pieces");
        assertArrayEquals(own, new int[] {r.boxMinX(), r.boxMinY(), r.boxMaxX(), r.boxMaxY()}, "the box is the 7's");
        assertEquals(2 * (own[0] - 6) + 2 * (140 - own[2] - 6), r.acrossPixels());
        check.keepDigit(cut);
        assertArrayEquals(seven, cut, "the pieces are cleared, the 7 untouched");

        float[] shortPiece = seven.clone();
        Images.fillRect(shortPiece, 140, 0, 70, 19, 2, 1f);
        assertEquals(0, check.check(shortPiece, true).acrossPixels(), "19 px: not a line's piece");
        float[] thickPiece = seven.clone();
        Images.fillRect(thickPiece, 140, 0, 70, 30, 13, 1f);
        assertEquals(0, check.check(thickPiece, true).acrossPixels(), "13 px thick: not a line's piece");
        float[] thinPiece = seven.clone();
        Images.fillRect(thinPiece, 140, 0, 70, 20, 12, 1f);
        assertEquals(20 * 12, check.check(thinPiece, true).acrossPixels(), "12 px thick, 20 long: a line's piece");
        assertEquals(0, check.check(thinPiece, false).acrossPixels(), "on the pad nothing is left out");

        float[] one = Images.polyline(140, 140, 4, 70, 0, 72, 90);           // a "1" cut by the top side
        assertVerdict(check.check(one, true), true, InkCheck.PRESENT, "a lone 1 at the top");
        assertEquals(0, check.result().acrossPixels());
    }

    /**
     * Blank ruled paper in a camera box: the threshold breaks a faint line into pieces that touch no side, and a lone piece
     * read as "1". Pieces thin and long across the box, alone, one above the other or slanted a little, are no digit
     * ({@link InkCheck#LINES}); on the pad a stroke across is left to the network. A digit with such a piece of its own
     * (a 5's flag, a 7's bar apart from the stem) or written between two lines is a digit.
     */
    @Test
    void flatLinesAloneAreNoDigitInACameraBox() {
        InkCheck check = new InkCheck(140, 140);
        float[] one = Images.polyline(140, 140, 2, 30, 70, 110, 72);
        float[] ruled = Images.polyline(140, 140, 2, 10, 40, 120, 44);
        max(ruled, Images.polyline(140, 140, 2, 20, 80, 130, 84));
        float[] thick = new float[140 * 140];
        Images.fillRect(thick, 140, 40, 60, 60, 12, 1f);   // 12 px high: a line as thick as one may be
        float[] seven = Images.polyline(140, 140, 8, 50, 30, 100, 30);   // the bar...
        max(seven, Images.polyline(140, 140, 8, 96, 40, 70, 110));       // ...apart from the stem
        float[] between = Images.polyline(140, 140, 8, 60, 40, 80, 40, 80, 100);   // a 7 between two line pieces
        max(between, Images.polyline(140, 140, 2, 20, 20, 120, 20));
        max(between, Images.polyline(140, 140, 2, 20, 115, 120, 115));
        assertVerdict(check.check(one, true), false, InkCheck.LINES, "a piece of a line");
        assertVerdict(check.check(ruled, true), false, InkCheck.LINES, "two pieces one above the other");
        assertVerdict(check.check(thick, true), false, InkCheck.LINES, "a piece 12 px thick");
        float[] bits = Images.polyline(140, 140, 2, 30, 60, 110, 61);
        max(bits, Images.polyline(140, 140, 2, 8, 20, 20, 20));   // a bit broken off another line: 13 px, not a line's length
        assertVerdict(check.check(bits, true), false, InkCheck.LINES, "a piece with a short bit of another");
        float[] dash = Images.polyline(140, 140, 6, 62, 70, 72, 70);
        assertVerdict(check.check(dash, true), true, InkCheck.PRESENT, "a dash shorter than a line's piece (the network reads it)");
        assertVerdict(check.check(one, false), true, InkCheck.PRESENT, "a stroke across on the pad");
        assertVerdict(check.check(seven, true), true, InkCheck.PRESENT, "a 7 with its bar apart");
        assertVerdict(check.check(between, true), true, InkCheck.PRESENT, "a 7 between two pieces of lines");
        Images.fillRect(thick, 140, 40, 59, 60, 1, 1f);   // 13 px high: thicker than a line
        assertVerdict(check.check(thick, true), true, InkCheck.PRESENT, "a bar 13 px thick");
    }

    /**
     * Several digits side by side are no digit: two bars 4 columns apart (5 % of their 80 px height) are two 1s, 3 apart
     * one stroke broken; a bar 48 px tall (60 %) beside one 80 px tall is a digit, 47 px is not. A digit's own pieces
     * overlap in columns and stay one digit: a 4 whose stem is broken at the bar, a 5 whose flag does not meet it or lies
     * beyond it, a 0 whose arcs almost meet; and so do pieces one above the other ("=", an 8 whose loops do not meet).
     * The same on the pad and in a camera box (none of it touches a side).
     */
    @Test
    void severalDigitsSideBySideAreNoDigit() {
        InkCheck check = new InkCheck(140, 140);
        float[] eleven = new float[140 * 140];
        Images.fillRect(eleven, 140, 30, 30, 10, 80, 1f);
        Images.fillRect(eleven, 140, 44, 30, 10, 80, 1f);       // columns 40..43 empty
        float[] broken = new float[140 * 140];
        Images.fillRect(broken, 140, 30, 30, 10, 80, 1f);
        Images.fillRect(broken, 140, 43, 30, 10, 80, 1f);       // columns 40..42
        float[] tallEnough = new float[140 * 140];
        Images.fillRect(tallEnough, 140, 30, 30, 10, 80, 1f);
        Images.fillRect(tallEnough, 140, 70, 50, 10, 48, 1f);
        float[] tooShort = new float[140 * 140];
        Images.fillRect(tooShort, 140, 30, 30, 10, 80, 1f);
        Images.fillRect(tooShort, 140, 70, 50, 10, 47, 1f);
        float[] zeroOne = Images.ring(140, 140, 45, 70, 25, 8);   // "01"
        max(zeroOne, Images.polyline(140, 140, 8, 104, 40, 98, 100));
        float[] four = Images.polyline(140, 140, 8, 55, 25, 30, 80, 105, 80);   // the bar runs through the stem's column
        max(four, Images.polyline(140, 140, 8, 88, 25, 88, 68));
        max(four, Images.polyline(140, 140, 8, 88, 92, 88, 125));
        float[] five = Images.polyline(140, 140, 8, 48, 38, 44, 70, 70, 64, 88, 80, 86, 102, 68, 116, 42, 110);
        max(five, Images.polyline(140, 140, 8, 62, 24, 100, 24));       // the flag, apart from the stem, over the bowl
        float[] fiveFlagBeyond = Images.polyline(140, 140, 8, 48, 38, 44, 70, 70, 64, 88, 80, 86, 102, 68, 116, 42, 110);
        max(fiveFlagBeyond, Images.polyline(140, 140, 8, 100, 30, 125, 26));   // beyond the bowl: too short to be a digit
        float[] zero = Images.ring(140, 140, 70, 70, 40, 8);
        for (int y = 0; y < 140; y++) {
            for (int x = 69; x <= 71; x++) zero[y * 140 + x] = 0f;    // cut at top and bottom: arcs 3 columns apart
        }
        float[] equals = new float[140 * 140];
        Images.fillRect(equals, 140, 30, 50, 80, 10, 1f);
        Images.fillRect(equals, 140, 30, 80, 80, 10, 1f);
        float[] eight = Images.ring(140, 140, 70, 42, 20, 8);
        max(eight, Images.ring(140, 140, 70, 98, 24, 8));
        for (boolean camera : new boolean[] {false, true}) {
            String where = camera ? " in a camera box" : " on the pad";
            assertVerdict(check.check(eleven, camera), false, InkCheck.SEVERAL, "two bars 4 columns apart" + where);
            assertVerdict(check.check(zeroOne, camera), false, InkCheck.SEVERAL, "a 0 and a 1" + where);
            assertVerdict(check.check(tallEnough, camera), false, InkCheck.SEVERAL, "a bar 60 % as tall beside another" + where);
            assertVerdict(check.check(broken, camera), true, InkCheck.PRESENT, "two bars 3 columns apart" + where);
            assertVerdict(check.check(tooShort, camera), true, InkCheck.PRESENT, "a bar 59 % as tall beside another" + where);
            assertVerdict(check.check(four, camera), true, InkCheck.PRESENT, "a 4 with its stem broken at the bar" + where);
            assertEquals(3, check.result().components());
            assertVerdict(check.check(five, camera), true, InkCheck.PRESENT, "a 5 with its flag apart" + where);
            assertEquals(2, check.result().components());
            assertVerdict(check.check(fiveFlagBeyond, camera), true, InkCheck.PRESENT, "a 5 with its flag beyond the bowl" + where);
            assertVerdict(check.check(zero, camera), true, InkCheck.PRESENT, "a 0 in two arcs" + where);
            assertEquals(2, check.result().components());
            // in a camera box two bars and nothing else are pieces of ruled lines (flatLinesAloneAreNoDigitInACameraBox)
            assertVerdict(check.check(equals, camera), !camera, camera ? InkCheck.LINES : InkCheck.PRESENT, "= (one above the other)" + where);
            assertVerdict(check.check(eight, camera), true, InkCheck.PRESENT, "an 8 whose loops do not meet" + where);
            assertEquals(2, check.result().components());
        }
        // the box is still the ink's: a caller may show where the digits are
        InkCheck.Result r = check.check(eleven);
        assertArrayEquals(new int[] {30, 30, 53, 109}, new int[] {r.boxMinX(), r.boxMinY(), r.boxMaxX(), r.boxMaxY()});
        assertThrows(IllegalStateException.class, () -> check.keepDigit(eleven), "no digit, no digit to keep");
    }

    private static void max(float[] into, float[] other) {
        for (int i = 0; i < into.length; i++) into[i] = Math.max(into[i], other[i]);
    }

    /**
     * A line across the box that touches the digit made one component with it, touching two sides, and the digit went
     * with the line. The line is followed in from each side while it stays thin and cut away up to the digit; the rest
     * is the digit when it touches no side and is not itself a line's piece. A bar too thick for a line (13 px) is not
     * cut; components that do not touch two sides are as they were.
     */
    @Test
    void aLineTouchingTheDigitIsCutAwayFromIt() {
        InkCheck check = new InkCheck(140, 140);
        float[] seven = PaperSceneTest.seven();
        int[] own = Images.box(seven, 140, 140, InkCheck.INK_LEVEL);
        float[] onLine = seven.clone();
        Images.fillRect(onLine, 140, 0, own[3] + 1, 140, 3, 1f);   // written on a 3 px line: the 7's foot stands on it
        InkCheck.Result r = check.check(onLine, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a 7 on a line");
        assertArrayEquals(new int[] {own[0], own[1], own[2]}, new int[] {r.boxMinX(), r.boxMinY(), r.boxMaxX()}, "the box is the 7's");
        assertTrue(r.boxMaxY() <= own[3] + 3, "and the line under its foot: " + r.boxMaxY());
        check.keepDigit(onLine);
        int lineLeft = 0;
        for (int i = 0; i < onLine.length; i++) {
            if (seven[i] > 0) {
                assertEquals(seven[i], onLine[i], "the 7 is untouched");
            } else if (onLine[i] > 0) {
                lineLeft++;
            }
        }
        assertTrue(lineLeft <= 3 * 12, "the line is cut up to the 7's foot, " + lineLeft + " px left under it");

        float[] onBar = seven.clone();
        Images.fillRect(onBar, 140, 0, own[3] + 1, 140, 13, 1f);   // thicker than LINE_THICKNESS: not a line
        assertVerdict(check.check(onBar, true), false, InkCheck.ACROSS, "a 7 on a 13 px bar");

        // a line that does not touch the 7 and a 7 touching the top: left out and kept whole, as before the cut existed
        float[] apart = new float[140 * 140];
        for (int i = 0; i < apart.length; i++) {
            apart[i] = i + own[1] * 140 < apart.length ? seven[i + own[1] * 140] : 0f;   // moved up onto the top side
        }
        float[] atTop = apart.clone();
        Images.fillRect(apart, 140, 0, 130, 140, 3, 1f);
        r = check.check(apart, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a 7 at the top, a line below it");
        assertEquals(3 * 140, r.acrossPixels());
        check.keepDigit(apart);
        assertArrayEquals(atTop, apart, "the line is cleared, the 7 untouched");

        // what is left after the cut touches a side: a digit held too close, or running off the box; left out as before
        float[] atTopOnLine = atTop.clone();
        Images.fillRect(atTopOnLine, 140, 0, own[3] - own[1] + 1, 140, 3, 1f);
        assertVerdict(check.check(atTopOnLine, true), false, InkCheck.ACROSS, "a 7 at the top on a line");

        // a bit of the line's ragged side that no walk takes (above a gap, touching the line by its corners only) is
        // too little ink for a digit: it goes with the line, though it lies within the 7's box
        float[] ragged = seven.clone();
        Images.fillRect(ragged, 140, 0, own[3] + 3, 140, 3, 1f);   // a line 2 px under the 7's foot
        ragged[(own[3] + 3) * 140 + own[0] + 5] = 0f;
        ragged[(own[3] + 2) * 140 + own[0] + 5] = 1f;
        assertVerdict(check.check(ragged, true), true, InkCheck.PRESENT, "a 7 above a ragged line");
        check.keepDigit(ragged);
        assertArrayEquals(seven, ragged, "the line and its bit are cleared, the 7 untouched");

        // on a camera box's blank paper, lines crossing each other leave no digit: the crossings and the stretch of the
        // vertical line between the two lines across are what no walk reaches
        float[] grid = new float[140 * 140];
        Images.fillRect(grid, 140, 0, 40, 140, 3, 1f);
        Images.fillRect(grid, 140, 0, 90, 140, 3, 1f);
        Images.fillRect(grid, 140, 70, 0, 3, 140, 1f);
        assertVerdict(check.check(grid, true), false, InkCheck.ACROSS, "lines crossing");
    }

    /**
     * A blob on a line is cut free; the same blob between two thin bars side by side is not: a stroke wider than the
     * threshold's window comes out hollow, as two outlines, and a digit held too close meets the sides with them.
     */
    @Test
    void twoThinOutlinesSideBySideAreNotALine() {
        InkCheck check = new InkCheck(140, 140);
        float[] blob = Images.polyline(140, 140, 30, 70, 70, 70, 70);          // a disc, 30 px across
        int[] own = Images.box(blob, 140, 140, InkCheck.INK_LEVEL);
        float[] onLine = blob.clone();
        Images.fillRect(onLine, 140, 66, 0, 6, 140, 1f);                      // a 6 px line from top to bottom through it
        InkCheck.Result r = check.check(onLine, true);
        assertVerdict(r, true, InkCheck.PRESENT, "a disc on a line");
        assertArrayEquals(new int[] {own[0], own[2]}, new int[] {r.boxMinX(), r.boxMaxX()}, "the box is the disc's");
        // where the line meets the disc's round top and bottom, the first rows of the disc are no wider than the line and
        // LineCut.LINE_SLACK (3 px): they go with the line
        assertTrue(r.boxMinY() >= own[1] && r.boxMinY() <= own[1] + 3 && r.boxMaxY() <= own[3] && r.boxMaxY() >= own[3] - 3,
                "the box is the disc's: " + r.boxMinY() + ".." + r.boxMaxY() + " against " + own[1] + ".." + own[3]);

        float[] between = blob.clone();
        Images.fillRect(between, 140, 58, 0, 6, 140, 1f);                     // two 6 px bars, 8 px apart
        Images.fillRect(between, 140, 72, 0, 6, 140, 1f);
        assertVerdict(check.check(between, true), false, InkCheck.ACROSS, "a disc between two bars side by side");
    }

    /** A speck far from the digit is not the digit: keepDigit clears it, and everything else outside the box. */
    @Test
    void keepDigitClearsWhatLiesOutsideTheBox() {
        InkCheck check = new InkCheck(140, 140);
        float[] seven = PaperSceneTest.seven();
        assertTrue(check.check(seven).present());
        assertFalse(check.hasStrays(seven), "a clean digit has nothing to clear");
        float[] dusty = seven.clone();
        Images.fillRect(dusty, 140, 3, 3, 3, 3, 1f);    // dust: a 3x3 speck in the corner
        dusty[139 * 140 + 139] = 0.3f;                 // and a faint pixel, below INK_LEVEL, in the opposite one
        InkCheck.Result r = check.check(dusty);
        assertTrue(r.present(), r.toString());
        assertEquals(2, r.components());
        assertTrue(check.hasStrays(dusty));
        check.keepDigit(dusty);
        assertArrayEquals(seven, dusty);

        // a soft edge (below INK_LEVEL) right beside the box is the stroke's and stays
        float[] soft = seven.clone();
        int[] box = Images.box(seven, 140, 140, InkCheck.INK_LEVEL);
        soft[(box[1] + 5) * 140 + box[0] - InkCheck.BOX_MARGIN] = 0.2f;
        assertTrue(check.check(soft).present());
        assertFalse(check.hasStrays(soft));
        float[] kept = soft.clone();
        check.keepDigit(kept);
        assertArrayEquals(soft, kept);

        float[] empty = new float[140 * 140];
        check.check(empty);
        assertThrows(IllegalStateException.class, () -> check.keepDigit(empty), "no digit, no box to keep");
        assertThrows(IllegalStateException.class, () -> check.hasStrays(empty));
    }

    /**
     * A stray is any pixel above 0 outside the widened box, not only ink (>= INK_LEVEL): one above the
     * normaliser's INK_EPSILON (0.05) would stretch its crop, and the class promises a clean digit.
     */
    @Test
    void faintStraysAloneAreStraysToo() {
        InkCheck check = new InkCheck(140, 140);
        float[] seven = PaperSceneTest.seven();
        for (float faint : new float[] {0.3f, 0.06f, 0.01f}) {
            float[] dusty = seven.clone();
            dusty[135 * 140 + 4] = faint;   // far from the 7, below INK_LEVEL: the check sees no ink there
            assertTrue(check.check(dusty).present());
            assertEquals(1, check.result().components(), "faint " + faint);
            assertTrue(check.hasStrays(dusty), "faint " + faint);
            check.keepDigit(dusty);
            assertArrayEquals(seven, dusty, "faint " + faint);
        }
    }

    /** Too much ink is more than half of the pixels: exactly half is a (bold) digit still, one pixel more is not. */
    @Test
    void tooMuchInkIsMoreThanHalfThePixels() {
        InkCheck check = new InkCheck(28, 28);
        float[] half = new float[28 * 28];
        Images.fillRect(half, 28, 0, 0, 28, 14, 1f);   // 392 of 784 pixels
        InkCheck.Result r = check.check(half);
        assertEquals(392, r.inkPixels());
        assertVerdict(r, true, InkCheck.PRESENT, "exactly half");
        half[14 * 28] = 1f;
        assertVerdict(check.check(half), false, InkCheck.TOO_MUCH_INK, "half and one pixel");
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
        s.fitBrushToDrawing(10f, 280, 280);
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

    /**
     * A U at the bottom side, 24 px wide and 60 tall, in 5 px strokes of grey 40 on paper 220, as the threshold marks a thumb's
     * outline. Filled grey 120 inside (a thumb) or 165 (0.75 of the paper, under DARK_LEVEL) it is the outline of a dark thing;
     * filled 187 (0.85) or paper inside, writing. Without the grey levels the check is as before.
     */
    @Test
    void theOutlineOfADarkThingAtASideIsNotWriting() {
        AdaptiveThreshold threshold = new AdaptiveThreshold(140, 140);
        InkCheck check = new InkCheck(140, 140);
        float[] ink = new float[140 * 140];
        for (int inside : new int[] {120, 165, 187, 220}) {
            // the U's box: x 58..81, y 80 to the bottom; its strokes 5 px
            boxOf((x, y) -> y < 80 || x < 58 || x >= 82 ? 220 : x < 63 || x >= 77 || y < 85 ? 40 : inside, threshold, ink);
            boolean dark = inside < DarkShapes.DARK_LEVEL * 220;
            assertVerdict(check.check(ink, threshold), !dark, dark ? InkCheck.DARK : InkCheck.PRESENT, "a U filled " + inside);
            assertVerdict(check.check(ink, true), true, InkCheck.PRESENT, "a U filled " + inside + ", no grey levels");
        }
        assertThrows(IllegalArgumentException.class, () -> check.check(ink, new AdaptiveThreshold(28, 28)));
    }

    /**
     * A disc 40 and 80 px wide, a 50 px square and an 80x40 rectangle, grey 60 on paper 220, in the middle of the box: the
     * threshold marks a ring (a solid dot under ~30 px), and the dark pixels hold a square half the shape's longer side: a
     * filled shape. An 80x39 rectangle holds one of 39, short of 40: no. The same disc drawn as a pen's ring 6 px thick (a
     * written 0) holds paper inside, a bar 14 px wide and 90 tall (a bold 1) a square of 14, and an L 90 px a side in 14 px
     * strokes one of 14, against 45: writing. Without the grey levels the check is as before.
     */
    @Test
    void aFilledShapeInsideTheBoxIsNotWriting() {
        AdaptiveThreshold threshold = new AdaptiveThreshold(140, 140);
        InkCheck check = new InkCheck(140, 140);
        float[] ink = new float[140 * 140];
        // each shape dark at (dx, dy) from the box's centre, and whether it is writing
        record Shape(String name, boolean writing, java.util.function.BiPredicate<Double, Double> dark) { }
        List<Shape> shapes = List.of(
                new Shape("disc 40", false, (dx, dy) -> Math.hypot(dx, dy) < 20),
                new Shape("disc 80", false, (dx, dy) -> Math.hypot(dx, dy) < 40),
                new Shape("square 50", false, (dx, dy) -> Math.abs(dx) < 25 && Math.abs(dy) < 25),
                new Shape("rect 80x40", false, (dx, dy) -> Math.abs(dx) < 40 && Math.abs(dy) < 20),
                new Shape("rect 80x39", true, (dx, dy) -> Math.abs(dx) < 40 && dy >= -20 && dy < 19),
                new Shape("ring 80", true, (dx, dy) -> Math.hypot(dx, dy) < 40 && Math.hypot(dx, dy) >= 34),
                new Shape("bar 14x90", true, (dx, dy) -> Math.abs(dx) < 7 && Math.abs(dy) < 45),
                new Shape("L 90 in 14 px strokes", true, (dx, dy) -> Math.abs(dx) < 45 && Math.abs(dy) < 45 && (dx < -31 || dy >= 31)));
        for (Shape shape : shapes) {
            boxOf((x, y) -> shape.dark().test(x + 0.5 - 70, y + 0.5 - 70) ? 60 : 220, threshold, ink);
            assertVerdict(check.check(ink, threshold), shape.writing(), shape.writing() ? InkCheck.PRESENT : InkCheck.BLOT, shape.name());
            assertVerdict(check.check(ink, true), true, InkCheck.PRESENT, shape.name() + ", no grey levels");
        }
    }

    /** A 140x140 camera box of grey levels greyAt(x, y), thresholded into ink as the camera path does. */
    static void boxOf(java.util.function.IntBinaryOperator greyAt, AdaptiveThreshold threshold, float[] ink) {
        byte[] rgba = new byte[4 * 140 * 140];
        for (int k = 0; k < 140 * 140; k++) {
            rgba[4 * k] = rgba[4 * k + 1] = rgba[4 * k + 2] = (byte) greyAt.applyAsInt(k % 140, k / 140);
            rgba[4 * k + 3] = (byte) 255;
        }
        threshold.applyRgba(pixels(rgba), 255f, ink);
    }

    static int[] pixels(byte[] rgba) {
        int[] px = new int[rgba.length / 4];
        for (int i = 0; i < px.length; i++) px[i] = Luminance.pack(rgba, 4 * i);
        return px;
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
            Luminance.cameraGrey(rgba, w, w, 255f, grey);
            threshold.apply(grey, ink);
            InkCheck.Result r = check.check(ink, true);   // as the camera checks: nothing of a digit runs across the box
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

    /**
     * A sheet held up in front of something dark ({@link PaperOnDark}): a note inside the box is found and read alone, its
     * outline on the dark ground left out, so that the digit's box is the digit's; one in a corner is found but not read alone
     * (its outline runs from side to side, and goes as the paper's edge does). Paper filling the box, with a digit, a hard
     * shadow over its lower part or the desk over its left part, and light strokes on a dark ground (chalk) hold no sheet.
     */
    @Test
    void aSheetHeldUpInFrontOfSomethingDarkIsReadAloneAndOrdinaryBoxesHoldNone() {
        int n = 140 * 140;
        float[] seven = Images.polyline(140, 140, 5, 45, 45, 95, 45, 65, 95);
        float[] note = new float[n], corner = new float[n], paper = new float[n], shadow = new float[n], desk = new float[n], chalk = new float[n];
        float[] ring = Images.ring(140, 140, 70, 70, 35, 10);
        for (int k = 0; k < n; k++) {
            int x = k % 140, y = k / 140;
            float onPaper = 220 - seven[k] * 180;
            note[k] = x >= 30 && x < 110 && y >= 30 && y < 110 ? onPaper : 40;
            corner[k] = x < 100 && y < 100 ? onPaper : 40;
            paper[k] = onPaper;
            shadow[k] = y < 60 ? onPaper : onPaper * 0.3f;
            desk[k] = x < 84 ? 40 : 220;
            chalk[k] = 40 + Math.max(ring[k], seven[k]) * 180;
        }
        InkCheck check = new InkCheck(140, 140);
        AdaptiveThreshold threshold = new AdaptiveThreshold(140, 140);
        float[] ink = new float[n];
        java.util.Random r = new java.util.Random(3);
        threshold.applyRgba(CameraBoxTest.packed(CameraBoxTest.noisy(note, 2, r)), 255f, ink);
        assertTrue(check.holdsSheet(threshold), "a note inside the box");
        InkCheck.Result res = check.check(ink, threshold);
        assertVerdict(res, true, InkCheck.PRESENT, "a note inside the box");
        int[] box = Images.box(seven, 140, 140, 0.5f);
        assertTrue(res.boxMinX() >= box[0] - 3 && res.boxMinY() >= box[1] - 3 && res.boxMaxX() <= box[2] + 3 && res.boxMaxY() <= box[3] + 3,
                "the digit's box is the digit's: " + res.boxMinX() + "," + res.boxMinY() + ".." + res.boxMaxX() + "," + res.boxMaxY());
        check.keepDigit(ink);
        for (int k = 0; k < n; k++) {
            int x = k % 140, y = k / 140;
            assertFalse(ink[k] > 0 && (x < 30 || x >= 110 || y < 30 || y >= 110), "ink kept off the note at " + x + "," + y);
        }
        threshold.applyRgba(CameraBoxTest.packed(CameraBoxTest.noisy(corner, 2, r)), 255f, ink);
        assertTrue(check.holdsSheet(threshold), "a note in the corner");
        assertVerdict(check.check(ink, threshold), true, InkCheck.PRESENT, "a note in the corner");
        String[] names = {"paper with a digit", "a hard shadow over the lower part", "the desk over the left part", "chalk"};
        float[][] none = {paper, shadow, desk, chalk};
        for (int i = 0; i < none.length; i++) {
            threshold.levelsRgba(CameraBoxTest.packed(CameraBoxTest.noisy(none[i], 2, r)), 255f);
            assertFalse(check.holdsSheet(threshold), names[i] + " holds no sheet");
        }
    }
}
