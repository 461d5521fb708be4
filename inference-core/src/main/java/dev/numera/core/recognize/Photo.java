package dev.numera.core.recognize;

import dev.numera.core.image.AdaptiveThreshold;
import dev.numera.core.image.AreaDownscale;
import dev.numera.core.image.InkCheck;
import dev.numera.core.image.InkComponents;


/**
 * A picture of any size (a photo, a scan, a crop of one) read as the page's camera box would hold it: as it
 * is first, and framed with paper of its border's median colour only when the ink read touches its edge;
 * halved while, framed, it would exceed the recogniser's pixel limit; then area-averaged down to {@link #BOX}
 * px on its longest side. A sheet lying on a dark desk is read alone ({@link #onPaper}); a digit small in a large
 * picture, read as no digit, is read again around its ink ({@link #aroundInk}). The one code behind
 * {@code numera predict}'s camera mode and the page's "Open a picture", so that both read a picture alike.
 *
 * <p>Pixels are packed one per int, row-major, {@code R | G << 8 | B << 16 | A << 24} (unsigned bytes, not
 * premultiplied), as {@link Recognizer#recognizeRgba(int[], int, int, InputKind)} takes them and a
 * little-endian Int32Array over getImageData's bytes reads them. An array may be longer than width*height:
 * the first width*height are the picture.
 *
 * <p>Each call allocates (a picture's frame, its halvings, the planes of its average); a picture is read
 * once, not every frame.
 */
public final class Photo {
    /** The page's camera box side (the web app's Camera.BOX): a larger picture is averaged down to it. */
    public static final int BOX = 140;

    /**
     * The largest picture read, in pixels and on no side: a phone's photo of 12 to 50 MP (8160x6120) ends as a
     * {@link #BOX} px box anyway. As packed pixels that is 200 MB, so a caller in a small heap may want less.
     */
    public static final int MAX_PIXELS = 50_000_000;

    /** The recogniser's (and its downscale's) limit in pixels, inference-core's Check.MAX_PIXELS: a framed picture over it is halved. */
    static final long DOWNSCALE_PIXELS = 8_000_000;

    private Photo() {
    }

    /** Packed pixels (at least width*height, the first width*height used) and their size. */
    public static final class Picture {
        public final int[] rgba;
        public final int width, height;

        public Picture(int[] rgba, int width, int height) {
            check(rgba, width, height);
            this.rgba = rgba;
            this.width = width;
            this.height = height;
        }
    }

    /**
     * Reads a picture as the camera box would hold it ({@link #asCameraBox}): as it is first, and framed with
     * paper only when the ink read touches its edge. A picture cropped to the digit has ink on its edges, and
     * in the camera box ink that touches two sides is taken for the paper's edge or a shadow (InkCheck); the
     * page asks for the digit inside the box, with paper around it. A frame on every picture cost the others:
     * one colour, it meets a page lit from one side in a step at the darker end, which the threshold took for
     * ink beside the digit (the training module's PredictCommandTest, 40 such photos: 9 read right framed, 40
     * unframed).
     *
     * @param rgba packed pixels, at least width*height; width*height at most {@link #MAX_PIXELS}
     * @return the recogniser's own prediction (overwritten by its next call), of {@link InputKind#CAMERA}
     * @throws IllegalArgumentException for no recogniser, no pixels, a size under 1 or over the limit, or too short an array
     */
    public static Prediction recognize(Recognizer recognizer, int[] rgba, int width, int height) {
        if (recognizer == null) {
            throw new IllegalArgumentException("recognizer is null");
        }
        return readSheet(recognizer, onPaper(new Picture(rgba, width, height)));
    }

    /** {@link #recognize}'s read of a picture already cut to its sheet ({@link #onPaper}; the picture itself when none). */
    private static Prediction readSheet(Recognizer recognizer, Picture pic) {
        // halved once here, not in each read below (asCameraBox halves a picture until it fits, and one that fits is left
        // as it is): an 8000x6000 photo was halved up to four times, once per read and once for the search
        Picture fit = halvedToFit(pic);
        Prediction result = readBox(recognizer, fit);
        String reason = result.noDigitReason();
        if (reason == null || !(InkCheck.TOO_SMALL.equals(reason) || InkCheck.TOO_LITTLE_INK.equals(reason))
                || Math.max(pic.width, pic.height) < 2 * BOX) {
            return result;
        }
        // a digit small in a large picture (a phone's photo of a page) is a few pixels in the box: read around its ink.
        // Only a sure read counts: a guess there was mostly a mark that is no digit (a dot read "4, 38 %", ruled lines "7, 56 %")
        Picture around = aroundInk(pic, fit);
        if (around == null) {
            return result;
        }
        Prediction zoomed = readBox(recognizer, around);
        // the recogniser hands out one Prediction, which the zoomed read overwrote: the picture's own verdict is read again
        return zoomed.hasDigit() && !zoomed.isUnsure() ? zoomed : readBox(recognizer, fit);
    }

    /**
     * Any picture a person opens, read as {@code numera predict} (its default mode) and the page's "Open a picture" both
     * read it: dark ink on light paper as the camera box holds it ({@link #recognize}); light ink on a dark ground as a
     * drawing (MNIST's white on black) or, in a photo, turned dark on light (chalk).
     * <ul>
     * <li>A picture whose camera box shows a sheet held up in front of something dark ({@link #heldSheet}: a sticky note before a
     *     dark sweater, a dark middle inside a dark border when the note is small or off the middle) is read as a photo below,
     *     the box's check reading only what is on the sheet: of 300 seeded photos of such notes (StickyNoteTest's, at 140 and
     *     420 px) 129 and 133 read right before, most of the others read as drawings or as chalk, 58 and 61 of them wrong and
     *     sure; 298 and 299 now, 1 and 0.</li>
     * <li>A photo of light writing on a dark ground ({@link #lightWriting}, its border not flat) is turned dark on light and read
     *     as such, as the camera reads it; asked of any picture, not only one {@link #lightOnDark}: a blackboard photographed
     *     with the wall or a window along two sides has a border mostly light.</li>
     * <li>Otherwise a dark middle inside a dark border ({@link #lightOnDark}) is read as a drawing; when that finds no digit, a sure
     *     read as a photo counts: a dim photo of paper, its paper under half brightness (helper-83: grey paper of 110-127
     *     levels read "no ink" 100 times in 100).</li>
     * <li>A dark border around a light middle is a sheet on a dark desk, or bold light strokes on black whose middle is
     *     mostly stroke. On a flat ground ({@link #flatBorder}: a program's, MNIST's, not a photo's) it is read as a
     *     drawing first, unless it is a page on a dark screen ({@link #pageOnScreen}); otherwise as a photo, and when that
     *     is no sure read and no sheet is found ({@link #lightAround}), as a drawing. A drawing's read counts when it is
     *     sure; else the photo's. MNIST's first 2,000 test digits white on black at 28, 112 and 280 px: 1,986-1,988 read
     *     right (1,849-1,868 with those of a light middle read as photos, the page's way before; of the 162 with a light
     *     middle, 159 right). The light part's shape did not tell a tilted sheet from strokes: a rule of strokes filling
     *     under 80 % of their box read a sheet tilted 10 degrees as "0" 88 times in 100 (helper-83), and the light share
     *     of the sheet onPaper finds is 50-80 % for bold digits on a sheet tilted 20 degrees, 40-90 % for MNIST's bold
     *     digits. On the reviewer's 100-digit scenes with a camera's noise (3 levels) sheets on a desk upright, tilted 5,
     *     10 and 20 degrees, lit from one side, small, with bold digits, on a black desk as a flash leaves it, read as
     *     the photo alone reads them but for 1 of 100 tilted 20 degrees; a white digit on a navy logo 97 right against
     *     37. A photo whose desk the camera crushed to a flat black is read as a drawing first: not met in these scenes
     *     (their noise, clipped at 0, left the ring uneven).</li>
     * <li>A picture transparent around that reads as blank paper is read again as a drawing (a drawing saved with a
     *     transparent background, in white ink).</li>
     * </ul>
     *
     * @return the recogniser's own prediction (overwritten by its next call)
     * @throws IllegalArgumentException as {@link #recognize} does
     */
    public static Prediction read(Recognizer recognizer, int[] rgba, int width, int height) {
        check(rgba, width, height);
        if (recognizer == null) {
            throw new IllegalArgumentException("recognizer is null");
        }
        // a photo of chalk on a blackboard, a white pen on black paper: read as the camera reads it, turned dark on light; as a
        // drawing its ground, not black, stays under the digit. 800 seeded chalk scenes (CameraBoxTest's): 540 right and 151
        // wrong and sure as a drawing, 790 and 4 turned. A flat ground is a program's (MNIST's). Asked first, not only of a
        // picture lightOnDark: a board photographed with the wall or a window along two sides has a light border
        boolean chalk = width <= DOWNSCALE_PIXELS / height && lightWriting(rgba, width, height)
                && !flatBorder(rgba, width, height, borderMedian(rgba, width, height));
        boolean dark = lightOnDark(rgba, width, height);
        // neither chalk nor a drawing: a sheet held up in front of something dark, read as a photo below
        if ((chalk || dark) && !heldSheet(recognizer, new Picture(rgba, width, height))) {
            if (chalk) {
                int[] turned = new int[width * height];
                turn(rgba, turned, turned.length);
                return read(recognizer, turned, width, height);
            }
            Prediction drawn = recognizer.recognizeRgba(rgba, width, height, InputKind.DRAWN);
            if (drawn.hasDigit()) {
                return drawn;
            }
            Prediction photo = recognize(recognizer, rgba, width, height);
            return sure(photo) ? photo : recognizer.recognizeRgba(rgba, width, height, InputKind.DRAWN);
        }
        Picture whole = new Picture(rgba, width, height);
        Picture paper = onPaper(whole);   // once: the photo's reads and the sheet's tests below take it
        int[] border = borderMedian(rgba, width, height);
        Prediction p = readSheet(recognizer, paper);
        if (border[3] < 128) {
            return p.hasDigit() ? p : recognizer.recognizeRgba(rgba, width, height, InputKind.DRAWN);
        }
        int ground = Math.max(border[0], Math.max(border[1], border[2]));
        if (ground >= 128) {
            return p;
        }
        Picture sheet = paper == whole ? null : paper;
        // a flat dark ground is a digital picture's (MNIST's, a drawing app's): a drawing first, whatever the photo read says
        boolean drawing = flatBorder(rgba, width, height, border) && !pageOnScreen(sheet);
        if (!drawing && (sure(p) || lightAround(sheet))) {
            return p;
        }
        Prediction drawn = recognizer.recognizeRgba(rgba, width, height, InputKind.DRAWN);
        // the recogniser hands out one Prediction: a drawing's read that is not sure gives way to the photo's, read again
        return sure(drawn) ? drawn : readSheet(recognizer, paper);
    }

    /**
     * Whether the picture, as the camera box holds it ({@link #asCameraBox}), shows a sheet held up in front of something dark
     * (a sticky note before a dark sweater: {@link Recognizer#holdsSheet}), which the box's check reads only inside of. Such
     * a picture is a dark middle inside a dark border when the note is small or off the middle ({@link #lightOnDark}), and
     * was read as a drawing or as chalk ({@link #read}). A picture smaller than the box is no camera's photo, and the sheet's
     * rules are made for the box's pixels: of MNIST's first 2,000 test digits white on black at 28 px one (test digit 527)
     * was taken for a sheet, at 56 to 140 px none.
     */
    static boolean heldSheet(Recognizer recognizer, Picture pic) {
        if (recognizer == null) {
            throw new IllegalArgumentException("recognizer is null");
        }
        if (Math.max(pic.width, pic.height) < BOX) {
            return false;
        }
        Picture box = asCameraBox(pic, false);
        return recognizer.holdsSheet(box.rgba, box.width, box.height);
    }

    /**
     * Whether a sheet found ({@link #onPaper}, null: none) is paper on something dark: its own border is light. Bold light
     * strokes on black, which onPaper crops to the strokes' middle, have a dark border there.
     */
    static boolean lightAround(Picture sheet) {
        if (sheet == null) {
            return false;
        }
        int[] b = borderMedian(sheet.rgba, sheet.width, sheet.height);
        return Math.max(b[0], Math.max(b[1], b[2])) >= 128;
    }

    /**
     * Whether nearly all of the picture's outermost pixels (95 %) are within 2 levels of their median ({@link #borderMedian})
     * in every channel: a ground made by a program (MNIST's 0, a drawing app's canvas, a screenshot), not a photo's, whose
     * sensor noise and compression leave no border that flat.
     */
    static boolean flatBorder(int[] rgba, int width, int height, int[] median) {
        int[] ring = ring(width, height);
        int flat = 0;
        for (int i : ring) {
            boolean near = true;
            for (int c = 0; c < 4; c++) {
                near &= Math.abs((rgba[i] >>> 8 * c & 0xFF) - median[c]) <= 2;
            }
            flat += near ? 1 : 0;
        }
        return flat * 20L >= ring.length * 19L;
    }

    /**
     * Whether a sheet found ({@link #onPaper}, null: none) is a page shown on a dark screen (a screenshot of a document in a
     * dark viewer): at least 95 % of it is lighter than mid-grey. MNIST's bold digits, which onPaper crops to their
     * middle, are 40-90 % light there.
     */
    static boolean pageOnScreen(Picture sheet) {
        if (sheet == null) {
            return false;
        }
        int light = 0, n = sheet.width * sheet.height;
        for (int i = 0; i < n; i++) {
            light += luma(sheet.rgba[i]) > 128 ? 1 : 0;
        }
        return light * 20L >= n * 19L;
    }

    private static boolean sure(Prediction p) {
        return p.hasDigit() && !p.isUnsure();
    }

    /** The two-pass read: as it is, then framed with paper when the ink read touches the box's edge. */
    private static Prediction readBox(Recognizer recognizer, Picture pic) {
        Picture box = asCameraBox(pic, false);
        Prediction result = recognizer.recognizePictureBox(box.rgba, box.width, box.height);
        if (!inkOnEdge(result)) {
            return result;
        }
        box = asCameraBox(pic, true);
        return recognizer.recognizePictureBox(box.rgba, box.width, box.height);
    }

    /** The side of the picture {@link #aroundInk} looks for ink in: 4 boxes, so that a digit a tenth of the picture is 56 px there. */
    static final int SEARCH = 4 * BOX;

    /**
     * The square around the picture's digit, when the digit is small in it: the picture averaged to {@link #SEARCH} px,
     * thresholded as the camera box is, the digit's box found in its ink ({@link InkComponents#digitBox}); the square is
     * 2.2 times its longer side (a digit in the camera box fills about that share), centred on it, kept inside the
     * picture. Null when no piece of at least 12 pixels is found. A 150 px digit in a 4000x3000 photo was 5 px in the box
     * and read as no digit (helper-79: none of five from 150 to 450 px; from 600 px on, all).
     */
    static Picture aroundInk(Picture pic) {
        return aroundInk(pic, halvedToFit(pic));
    }

    /** {@link #aroundInk(Picture)} with the picture already halved to fit ({@link #halvedToFit}): {@code fit}. */
    private static Picture aroundInk(Picture pic, Picture fit) {
        int w = pic.width, h = pic.height;
        Picture small = Math.max(w, h) > SEARCH ? averagedTo(fit, SEARCH) : pic;
        int sw = small.width, sh = small.height, n = sw * sh;   // n: the search picture's pixels
        float[] ink = new float[n];
        new AdaptiveThreshold(sw, sh).applyRgba(small.rgba, 255f, ink);
        int[] box = InkComponents.digitBox(ink, sw, sh, 12);
        if (box == null) {
            return null;
        }
        int bx0 = box[0], by0 = box[1], bx1 = box[2], by1 = box[3];
        // back to the picture's pixels: the search picture is (sw x sh) over (w x h)
        double sx = (double) w / sw, sy = (double) h / sh;
        double cx = (bx0 + bx1 + 1) / 2.0 * sx, cy = (by0 + by1 + 1) / 2.0 * sy;
        // at least 2/5 of the box (56 px): a speck's square (24 px around a 9 px dot) is no digit's
        int squareSide = (int) Math.min(Math.max(w, h), Math.max(2 * BOX / 5, Math.ceil(2.2 * Math.max((bx1 - bx0 + 1) * sx, (by1 - by0 + 1) * sy))));
        int cw = Math.min(w, squareSide), ch = Math.min(h, squareSide);
        int left = (int) Math.max(0, Math.min(w - cw, Math.round(cx - cw / 2.0)));
        int upper = (int) Math.max(0, Math.min(h - ch, Math.round(cy - ch / 2.0)));
        if (cw == w && ch == h) {
            return null;   // the whole picture again: nothing to gain
        }
        return crop(pic, left, upper, cw, ch);
    }

    /** The picture halved (each a 2x2 average) until, framed, it is within the downscale's pixels ({@link #asCameraBox}). */
    private static Picture halvedToFit(Picture pic) {
        while (framedPixels(pic.width, pic.height) > DOWNSCALE_PIXELS) {
            pic = halve(pic);
        }
        return pic;
    }

    /** The picture area-averaged to {@code side} px on its longest side (its own size measured, after any halving). */
    private static Picture averagedTo(Picture pic, int side) {
        int longest = Math.max(pic.width, pic.height);
        int sw = Math.max(1, (pic.width * side + longest / 2) / longest), sh = Math.max(1, (pic.height * side + longest / 2) / longest);
        return new Picture(shrink(pic.rgba, pic.width, pic.height, sw, sh), sw, sh);
    }

    /** The cw x ch pixels of the picture from (left, top). */
    private static Picture crop(Picture pic, int left, int top, int cw, int ch) {
        int[] out = new int[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(pic.rgba, (top + y) * pic.width + left, out, y * cw, cw);
        }
        return new Picture(out, cw, ch);
    }

    /**
     * The sheet in a picture of one lying on something dark (a desk): the rows and columns with at least half as many
     * pixels brighter than midway between the border's and the middle's median levels ({@link #middleLuma}) as the
     * brightest row or column, less 2 % on each side (the sheet's shaded edge). The picture itself when its border is
     * not darker than its middle by a quarter of the range (64 of 255 levels), when its middle is dark (light ink on a
     * dark ground: no sheet), or when no such region spans a quarter of each side. Read whole, the dark surround was read as the ink of a 0: five digits of five, on a sheet with
     * the desk showing on all four sides, read "0, 99.6-99.8 %".
     */
    public static Picture onPaper(Picture pic) {
        int w = pic.width, h = pic.height;
        int[] b = borderMedian(pic.rgba, w, h);
        int border = luma(b[0] | b[1] << 8 | b[2] << 16 | b[3] << 24);
        int median = middleLuma(pic.rgba, w, h);
        if (median < 128 || border > median - 64) {
            return pic;
        }
        int level = (border + median) / 2;
        int[] rows = new int[h], cols = new int[w];   // bright pixels per row and per column
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (luma(pic.rgba[y * w + x]) > level) {
                    rows[y]++;
                    cols[x]++;
                }
            }
        }
        int y0 = firstAtLeastHalf(rows, 1), y1 = firstAtLeastHalf(rows, -1);
        int x0 = firstAtLeastHalf(cols, 1), x1 = firstAtLeastHalf(cols, -1);
        if (y0 < 0 || x0 < 0) {
            return pic;
        }
        int insetY = Math.max(1, (y1 - y0 + 1) / 50), insetX = Math.max(1, (x1 - x0 + 1) / 50);
        y0 += insetY;
        y1 -= insetY;
        x0 += insetX;
        x1 -= insetX;
        int cw = x1 - x0 + 1, ch = y1 - y0 + 1;
        if (cw < w / 4 || ch < h / 4 || cw < 8 || ch < 8 || (cw == w && ch == h)) {
            return pic;   // (a 4x4 "sheet" was cropped to 1x1)
        }
        return crop(pic, x0, y0, cw, ch);
    }

    /** The index of the first (step 1) or last (step -1) count that is at least half the largest, or -1 when all are 0. */
    private static int firstAtLeastHalf(int[] counts, int step) {
        int full = 0;
        for (int c : counts) {
            full = Math.max(full, c);
        }
        if (full == 0) {
            return -1;
        }
        for (int i = step > 0 ? 0 : counts.length - 1; i >= 0 && i < counts.length; i += step) {
            if (2 * counts[i] >= full) {
                return i;
            }
        }
        return -1;
    }

    /** A packed pixel's luma, 0..255, over white paper where it is transparent (as the camera box composites it). */
    static int luma(int p) {
        int r = p & 0xFF, g = p >>> 8 & 0xFF, b = p >>> 16 & 0xFF, a = p >>> 24;
        int y = (299 * r + 587 * g + 114 * b + 500) / 1000;
        return (y * a + 255 * (255 - a) + 127) / 255;
    }

    /**
     * Light ink on a dark ground (MNIST's white on black, chalk on a blackboard), which the camera box's reading is not made
     * for: the border opaque and dark (its brightest channel under half), and the middle dark too ({@link #middleLuma}
     * under 128). A bold black digit cropped close has a dark middle but a white border; a sheet on a desk a dark border
     * but a light middle. The medians are counted, not sorted (a median is under 128 when more than half the values are),
     * so that the camera can ask it of every frame ({@link #lightWriting}) and make no garbage.
     */
    public static boolean lightOnDark(int[] rgba, int width, int height) {
        check(rgba, width, height);
        int n = 0, clear = 0, darkR = 0, darkG = 0, darkB = 0;   // the border's pixels, and those transparent or dark in each colour
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x = nextOnBorder(x, y, width, height)) {
                int p = rgba[y * width + x];
                n++;
                clear += p >>> 24 < 128 ? 1 : 0;
                darkR += (p & 0xFF) < 128 ? 1 : 0;
                darkG += (p >>> 8 & 0xFF) < 128 ? 1 : 0;
                darkB += (p >>> 16 & 0xFF) < 128 ? 1 : 0;
            }
        }
        int middle = middleSide(width) * middleSide(height);
        return 2 * clear <= n && 2 * darkR > n && 2 * darkG > n && 2 * darkB > n && 2 * middleBelow(rgba, width, height, 128) > middle;
    }

    /**
     * Whether a picture {@link #lightOnDark} has a dark ground or a dark surround, not only dim paper. As the camera box holds
     * it ({@link #asCameraBox}, unframed): its thin lines are light ones more than dark ones over all of it ({@link
     * #lightLines}: light ink on a dark ground, MNIST's white on black, chalk), or its border is a dark surround ({@link
     * #darkSurround}: a sheet on a dark desk). A dim photo of dark ink on paper (the paper under poor light, darker still at its
     * edges) is lightOnDark too, and has neither: its ink's lines are dark ones, and its paper grows darker towards the edges
     * smoothly, with no step. Predict's "dark border" hint is given when this is true (PredictCommandTest): of 60 dim photos
     * of paper (60-110, the corners 0.3-0.8 as bright as the middle) all 60 had it before, none now; of 40 dim sheets on a dark
     * desk, upright or tilted up to 20 degrees, all 40, before and now.
     */
    public static boolean darkGround(Picture pic) {
        Picture box = asCameraBox(pic, false);
        return lightLines(box.rgba, box.width, box.height, 0, 0, box.width, box.height, 0) || darkSurround(box);
    }

    /**
     * Whether the picture's border is a dark surround (a desk around a sheet): the median luma of its rings (the pixels t px in
     * from its edge, t from 0 to the middle's edge) rises within two rings by a quarter of the middle's median luma ({@link
     * #middleLuma}) or more, and by 8 levels or more, at the sheet's edge: by 30-87 % of it at the edge of a dim sheet on a
     * dark desk, upright or tilted up to 20 degrees (PredictCommandTest's scenes). Paper darker at its edges (a dim lamp, the
     * lens's vignetting) grows lighter ring by ring, a little each: by 1-4 % of the middle over two rings in the 140 px box,
     * with the corners 0.3-0.8 as bright as the middle.
     */
    static boolean darkSurround(Picture pic) {
        int w = pic.width, h = pic.height, rings = Math.min(w, h) / 4 + 1;
        int[] medians = new int[rings], histogram = new int[256];
        for (int t = 0; t < rings; t++) {
            java.util.Arrays.fill(histogram, 0);
            int n = 0;
            for (int y = t; y < h - t; y++) {   // ring t: rows t and h-1-t whole, and columns t and w-1-t between them
                for (int x = t; x < w - t; x = y == t || y == h - 1 - t || x == w - 1 - t ? x + 1 : w - 1 - t) {
                    histogram[luma(pic.rgba[y * w + x])]++;
                    n++;
                }
            }
            medians[t] = median(histogram, n);
        }
        int middle = middleLuma(pic.rgba, w, h);
        for (int t = 0; t + 2 < rings; t++) {
            if (4 * (medians[t + 2] - medians[t]) >= Math.max(middle, 32)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a camera box holds light writing on a dark ground (chalk on a blackboard, a white pen on black paper), which the
     * camera's reading turns dark on light ({@link #turn}: each colour c to 255 - c) before it reads it (Recognizer, for every
     * CAMERA box). Such a box
     * <ul>
     * <li>has a dark ground at its border: at least two of its four sides are dark (more than half of their outermost pixels
     *     opaque and under 128 in each colour). Not all four: a photo of a blackboard from a few steps away shows the wall,
     *     the board's light frame or a window along one or two sides, which made the border as a whole light, or its mean
     *     bright enough to hide the chalk. Of 200 seeded such photos (a strip of 5-25 % along one or two sides, 200-1200 px;
     *     PhotoReadTest) 120 read right before as pictures and 125 as the camera reads them, 199 and 199 now, as the same
     *     photos without the strip (200); of CameraBoxTest's 800 chalk boxes with such a strip 229 were turned and 534 read
     *     right, now 800 and 790, as without it;</li>
     * <li>and a dark middle (more than half of the pixels of the middle, {@link #middleLuma}'s, under 128), whose edge facing a
     *     side that is not dark is at least a quarter dark: the dark ground holds the middle, which lit paper reaching into it
     *     from that side does not (a sheet's corner along two sides with a digit on it, the desk over the rest: 43 of 400 such
     *     seeded boxes were turned on two dark sides alone, none now; CameraBoxTest). Not every edge: a big chalk digit's
     *     strokes lie along them (of 500 chalk digits whose 28 px image is 126 or 140 px in the box, 466 and 438 are turned,
     *     as before; 447 and 395 asking it of every edge);</li>
     * <li>at least 1 % of its middle is 1.5 times as bright as the dark sides' dark pixels on average, and 8 levels more (noise
     *     on a black ground): dark ink on paper too dim for the camera is dark too, but holds nothing that bright, a lamp's
     *     bright spot on it included; and at most 2/3 of the middle is that bright: a dim sheet on a dark desk fills the
     *     middle with its paper (70-100 % of it in 200 seeded photos: turned, 17 of them read right and 134 wrong and sure,
     *     against 124 and 63 read as photos; PhotoReadTest), chalk's strokes 0-60 % (bolder chalk, filling more than half of
     *     the middle, leaves it no dark middle);</li>
     * <li>and the thin lines of its middle are light ones, of that brightness ({@link #lightLines}): lit paper beside a
     *     shadow or the desk, or under a lamp's strong spot, passed the tests before it and was turned (CameraBoxTest: 301 of
     *     400 such scenes, 174 read right against 385 unturned).</li>
     * </ul>
     * Of 800 seeded chalk scenes (CameraBoxTest) 493 read right unturned, 198 wrong and sure; read as a drawing, as
     * {@link #read} read such a picture, 540 and 151 (its ground, not black, stays under the digit); turned, 790 and 4, as the
     * same digits in ink on paper. Of 600 scenes of dim paper none is turned. Allocates nothing: the camera asks it of every
     * frame. A box of at most 8,000,000 pixels (int sums).
     */
    public static boolean lightWriting(int[] rgba, int width, int height) {
        check(rgba, width, height);
        if (width > (int) DOWNSCALE_PIXELS / height) {   // in int: a long is a BigInt in TeaVM's JavaScript, ~80 B per chalk frame
            throw new IllegalArgumentException("a camera box is at most " + DOWNSCALE_PIXELS + " pixels, got " + width + "x" + height);
        }
        int sides = 0, darkSides = 0, n = 0, sum = 0;   // how many sides are dark and which (bit 1 << side), their dark pixels, those pixels' lumas' sum
        for (int side = 0; side < 4; side++) {
            int dark = darkOnEdge(rgba, width, 0, 0, width, height, side, false);
            if (2 * dark > (side < 2 ? width : height)) {
                sides++;
                darkSides |= 1 << side;
                n += dark;
                sum += darkOnEdge(rgba, width, 0, 0, width, height, side, true);
            }
        }
        int mw = middleSide(width), mh = middleSide(height), x0 = (width - mw) / 2, y0 = (height - mh) / 2, middle = mw * mh;
        if (sides < 2 || 2 * middleBelow(rgba, width, height, 128) <= middle) {
            return false;
        }
        for (int side = 0; side < 4; side++) {   // the middle's edge facing a side that is not dark
            if ((darkSides & 1 << side) == 0 && 4 * darkOnEdge(rgba, width, x0, y0, mw, mh, side, false) <= (side < 2 ? mw : mh)) {
                return false;
            }
        }
        int level = 3 * (sum / n) / 2 + 8, bright = middle - middleBelow(rgba, width, height, level);   // of the middle
        return 100 * bright >= middle && 3 * bright <= 2 * middle && lightLines(rgba, width, height, x0, y0, mw, mh, level);
    }

    /**
     * Of the outermost pixels of one side (0 the top row, 1 the bottom row, 2 the left column, 3 the right one) of the w x h
     * rectangle at (x0, y0) in a picture {@code width} px wide, those dark (opaque, under 128 in each colour): how many, or,
     * when {@code sum}, the sum of their lumas.
     */
    private static int darkOnEdge(int[] rgba, int width, int x0, int y0, int w, int h, int side, boolean sum) {
        int length = side < 2 ? w : h, step = side < 2 ? 1 : width, out = 0;
        for (int k = 0, i = (side == 1 ? y0 + h - 1 : y0) * width + (side == 3 ? x0 + w - 1 : x0); k < length; k++, i += step) {
            int p = rgba[i];
            if (p >>> 24 >= 128 && (p & 0xFF) < 128 && (p >>> 8 & 0xFF) < 128 && (p >>> 16 & 0xFF) < 128) {
                out += sum ? luma(p) : 1;
            }
        }
        return out;
    }

    /**
     * Whether the thin lines in the w x h rectangle at (x0, y0) of the picture are light ones (chalk's strokes) more than dark
     * ones (ink's): a pixel is on a light line when it is 20 levels lighter than both pixels d px away across it or both d px
     * away down it (d a sixteenth of the picture's shorter side, 8 px in the camera box, at least 3), and at least
     * {@code level} (0: any); on a dark line when 20 levels darker. Lit paper beside something dark is as bright against the
     * border as chalk, and its ink's strokes are dark lines on it: a hard shadow over the lower half of the box, the desk
     * over its left half with the digit on the paper at the right, dim paper under a lamp's strong bright spot or dark at the
     * corners (vignetting); turned, they read wrong (CameraBoxTest). Of the middle's line pixels, chalk's (CameraBoxTest's 800
     * scenes, digits 90-120 px tall too) are 60-100 % light, those scenes' 0-48 %. A step (a shadow's or the desk's edge) and
     * a smooth fall of light are no line. Paper between two of the ink's strokes is a light line too, but no brighter than the
     * paper: {@link #lightWriting} counts only light lines as bright as chalk (so counted, chalk's share stays 60-100 %, the
     * lit paper's is 0-40 %; in a first form of CameraBoxTest's scenes of lit paper beside a light strip, 1 box of 2,000, dim
     * paper under a lamp's spot, was turned without it). Every other pixel each way is asked (chalk's share stays 60-100 %):
     * on the JVM a chalk box's lightWriting takes 57-61 µs against 36-37 µs without this test (119 µs asking every pixel), in
     * a frame of 590-640 µs; a box of ink on paper does not come this far.
     */
    private static boolean lightLines(int[] rgba, int width, int height, int x0, int y0, int w, int h, int level) {
        int d = Math.max(3, Math.min(width, height) / 16), light = 0, dark = 0;
        for (int y = y0; y < y0 + h; y += 2) {   // every other pixel each way: a quarter of the time (chalk's frames pay it), the same share
            int up = Math.max(0, y - d) * width, down = Math.min(height - 1, y + d) * width;
            for (int x = x0; x < x0 + w; x += 2) {
                int p = luma(rgba[y * width + x]), left = luma(rgba[y * width + Math.max(0, x - d)]), right = luma(rgba[y * width + Math.min(width - 1, x + d)]);
                int above = luma(rgba[up + x]), below = luma(rgba[down + x]);
                if (p >= level && (p - 20 > Math.max(left, right) || p - 20 > Math.max(above, below))) {
                    light++;
                } else if (p + 20 < Math.min(left, right) || p + 20 < Math.min(above, below)) {
                    dark++;
                }
            }
        }
        return light > dark;
    }

    /** Writes the first n packed pixels of rgba to out, each colour c as 255 - c (alpha kept): light writing turned dark on light. out may be rgba. */
    public static void turn(int[] rgba, int[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = rgba[i] ^ 0xFFFFFF;
        }
    }

    /** The next x of row y on the border of a width x height picture ({@link #ring}'s pixels): every x of the top and bottom rows, the first and last of the others. */
    private static int nextOnBorder(int x, int y, int width, int height) {
        return y == 0 || y == height - 1 || x == width - 1 ? x + 1 : width - 1;
    }

    /** The side of a picture's middle ({@link #middleLuma}) along a side of {@code side} px: half of it, centred; all under 4 px. */
    private static int middleSide(int side) {
        return side < 4 ? side : side - 2 * (side / 4);
    }

    /** How many of the pixels of the picture's middle ({@link #middleLuma}) have a luma under {@code level}. */
    private static int middleBelow(int[] rgba, int width, int height, int level) {
        int mw = middleSide(width), mh = middleSide(height), x0 = (width - mw) / 2, y0 = (height - mh) / 2, below = 0;
        for (int y = y0; y < y0 + mh; y++) {
            for (int x = x0; x < x0 + mw; x++) {
                below += luma(rgba[y * width + x]) < level ? 1 : 0;
            }
        }
        return below;
    }

    /**
     * The median luma (0..255, transparent pixels over white) of the picture's middle, the half of its width and height
     * around its centre (all of it under 4 px a side): where a photo's subject is. Under 128 that is light ink on a dark
     * ground (MNIST's look, a blackboard), which the camera box's reading is not made for; a sheet on a dark desk is light
     * there, however much desk shows around it (its median over the whole picture was dark with the desk at half of it).
     */
    public static int middleLuma(int[] rgba, int width, int height) {
        check(rgba, width, height);
        int mw = middleSide(width), mh = middleSide(height), x0 = (width - mw) / 2, y0 = (height - mh) / 2;
        int[] histogram = new int[256];
        for (int y = y0; y < y0 + mh; y++) {
            for (int x = x0; x < x0 + mw; x++) {
                histogram[luma(rgba[y * width + x])]++;
            }
        }
        return median(histogram, mw * mh);
    }

    /** The median level of n values counted in histogram [256]: the first level at which more than half are counted. */
    private static int median(int[] histogram, int n) {
        for (int v = 0, seen = 0; v < 256; v++) {
            seen += histogram[v];
            if (2 * seen > n) {
                return v;
            }
        }
        return 255;
    }

    /** Whether the camera box's thresholded ink (the digit's, when one was found) reaches the box's outermost pixels. */
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

    /**
     * A picture as the camera box would hold it: when {@code framed}, in a frame of paper (the median colour of
     * the picture's border, {@link #borderMedian}) {@link #frame} px wide (see {@link #recognize}). Then, when
     * larger than the box, averaged down to {@link #BOX} px on its longest side: the page reads its box at
     * 140x140 from the video, and the threshold's 15x15 window is made for that scale (at 560 px it hollowed
     * strokes: 3 of 10 digits read).
     *
     * @return a new picture; or {@code pic} itself, when it is unframed and no larger than the box
     */
    public static Picture asCameraBox(Picture pic, boolean framed) {
        // framed, a picture from about 2263x2263 px on took more than the downscale's 8 M pixels, and a 3000x2000
        // one was refused. Such a picture is halved first, as often as needed: one that fits is framed and averaged
        // exactly as before, and a halving is itself an average, so a larger one ends in nearly the same box
        pic = halvedToFit(pic);
        int m = framed ? frame(pic.width, pic.height) : 0;
        Picture in = m == 0 ? pic : new Picture(inFrame(pic, m), pic.width + 2 * m, pic.height + 2 * m);
        return Math.max(in.width, in.height) <= BOX ? in : averagedTo(in, BOX);
    }

    /** The picture's pixels, (w + 2m) x (h + 2m), in a frame {@code m} px wide of its border's median colour. */
    private static int[] inFrame(Picture pic, int m) {
        int w = pic.width, h = pic.height, fw = w + 2 * m, fh = h + 2 * m;
        int[] median = borderMedian(pic.rgba, w, h);
        int paper = median[0] | median[1] << 8 | median[2] << 16 | median[3] << 24;
        int[] out = new int[fw * fh];
        for (int i = 0; i < fw * fh; i++) {
            out[i] = paper;
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(pic.rgba, y * w, out, (y + m) * fw + m, w);
        }
        return out;
    }

    /** The width of the paper frame around a w x h picture: an eighth of its longest side, at least 2. */
    static int frame(int w, int h) {
        return Math.max(2, Math.max(w, h) / 8);
    }

    /** The pixels of a w x h picture in its frame. */
    static long framedPixels(int w, int h) {
        int m = frame(w, h);
        return (long) (w + 2 * m) * (h + 2 * m);
    }

    /**
     * The picture at half its size ((n + 1) / 2 a side), each pixel the mean of the 2x2 it covers, colours
     * weighted by their alpha as {@link #shrink} weighs them, rounded to the nearest level (a half up). An odd
     * last row or column is averaged on its own: half a source pixel of shift at one edge, nothing at the 140 px
     * the picture ends at (only pictures over 2000 px are halved).
     */
    public static Picture halve(Picture pic) {
        int w = pic.width, h = pic.height, hw = (w + 1) / 2, hh = (h + 1) / 2;
        int[] src = pic.rgba;
        int[] out = new int[hw * hh];
        for (int y = 0; y < hh; y++) {
            for (int x = 0; x < hw; x++) {
                long r = 0, g = 0, b = 0, a = 0;
                int n = 0;
                for (int sy = 2 * y; sy < Math.min(2 * y + 2, h); sy++) {
                    for (int sx = 2 * x; sx < Math.min(2 * x + 2, w); sx++, n++) {
                        int px = src[sy * w + sx], alpha = px >>> 24;
                        r += (px & 0xFF) * alpha;
                        g += (px >>> 8 & 0xFF) * alpha;
                        b += (px >>> 16 & 0xFF) * alpha;
                        a += alpha;
                    }
                }
                // each level at most 255 (a weighted mean), so the & 0xFF only says where it goes
                int ro = (int) (a > 0 ? (2 * r + a) / (2 * a) : 0) & 0xFF;
                int go = (int) (a > 0 ? (2 * g + a) / (2 * a) : 0) & 0xFF;
                int bo = (int) (a > 0 ? (2 * b + a) / (2 * a) : 0) & 0xFF;
                int ao = (int) ((2 * a + n) / (2 * n)) & 0xFF;
                out[y * hw + x] = ro | go << 8 | bo << 16 | ao << 24;
            }
        }
        return new Picture(out, hw, hh);
    }

    /**
     * Per channel, the median of the picture's outermost pixels (every pixel of a picture 1 or 2 px wide or
     * tall): the paper's colour, whatever ink lies inside or crosses the edge in a few places.
     *
     * @param rgba packed pixels, at least width*height
     * @return a new [4]: R, G, B, A, each 0..255 (the upper of the two middle values for an even count)
     */
    public static int[] borderMedian(int[] rgba, int width, int height) {
        check(rgba, width, height);
        int[] ring = ring(width, height);
        int n = ring.length;
        int[] out = new int[4];
        int[] values = new int[n];
        for (int c = 0; c < 4; c++) {
            for (int k = 0; k < n; k++) {
                values[k] = rgba[ring[k]] >>> 8 * c & 0xFF;
            }
            java.util.Arrays.sort(values);
            out[c] = values[n / 2];
        }
        return out;
    }

    /** The indices of a w x h picture's outermost pixels, row by row: 2 (w + h) - 4 of them, or all for one 1 or 2 px wide or tall. */
    private static int[] ring(int w, int h) {
        int[] ring = new int[(int) Math.min((long) w * h, 2L * (w + h))];
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
        return n == ring.length ? ring : java.util.Arrays.copyOf(ring, n);
    }

    /**
     * Packed pixels averaged down from w x h to dw x dh, as a canvas drawImage with smoothing does: each
     * output pixel the mean of the area it covers, colours weighted by their alpha (premultiplied), by
     * {@link AreaDownscale} per channel; then each level rounded ({@code Math.round}).
     *
     * @param rgba at least w*h packed pixels; w*h at most the downscale's 8 M
     */
    static int[] shrink(int[] rgba, int w, int h, int dw, int dh) {
        int n = w * h;
        // premultiplied R, G, B and alpha 0..1, one float plane each
        float[][] planes = new float[4][n];
        for (int i = 0; i < n; i++) {
            int px = rgba[i];
            float a = (px >>> 24) / 255f;
            for (int c = 0; c < 3; c++) {
                planes[c][i] = (px >>> 8 * c & 0xFF) * a;
            }
            planes[3][i] = a;
        }
        AreaDownscale down = new AreaDownscale(w, h, dw, dh);
        float[][] small = new float[4][dw * dh];
        for (int c = 0; c < 4; c++) {
            down.apply(planes[c], small[c]);
        }
        int[] out = new int[dw * dh];
        for (int i = 0; i < dw * dh; i++) {
            float a = small[3][i];
            int px = (Math.min(255, Math.round(a * 255)) & 0xFF) << 24;
            for (int c = 0; c < 3; c++) {
                px |= ((a > 0 ? Math.min(255, Math.round(small[c][i] / a)) : 0) & 0xFF) << 8 * c;
            }
            out[i] = px;
        }
        return out;
    }

    // An out-of-bounds access is a trap in Wasm GC that no catch stops: every size is checked here, with a message the page can show
    private static void check(int[] rgba, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("picture size must be positive, got " + width + "x" + height);
        }
        if (width > MAX_PIXELS / height) {   // width * height > MAX_PIXELS, with no long: an object in TeaVM's JavaScript (lightWriting runs per frame)
            throw new IllegalArgumentException("picture too large: " + width + "x" + height + " = " + (long) width * height
                    + " pixels, more than " + MAX_PIXELS + " (crop it to the digit or scale it down)");
        }
        if (rgba == null) {
            throw new IllegalArgumentException("rgba is null");
        }
        if (rgba.length < width * height) {
            throw new IllegalArgumentException("rgba needs " + width * height + " pixels for " + width + "x" + height
                    + ", got " + rgba.length);
        }
    }
}
