package dev.numera.core.image;

/**
 * Decides whether an ink-high image holds something worth recognising, and says why not, so the UI
 * can show "no digit found: ink is scattered specks" instead of a confident guess on noise.
 *
 * <p>A pixel counts as ink when {@code value >= INK_LEVEL} (0.5; thresholded images are 0/1 anyway).
 * Checks, in order, each with a reason constant:
 * <ol>
 * <li>{@link #NO_INK}: not one ink pixel (blank canvas, uniformly shaded paper after thresholding).</li>
 * <li>{@link #TOO_LITTLE_INK}, for a camera box: fewer than {@code max(4, 0.35 %)} of the pixels (blank
 *     paper with a speck or two; a speck under 14 px across is {@link #TOO_SMALL} anyway). A "1" ~25 px tall in
 *     the 140 px box, 2-3 px wide, has ~70-95 ink pixels: at 0.5 % (98) 70 of 234 such MNIST test 1s were "blank
 *     paper?", at 0.35 % none (CameraBoxTest), while one more of 400 blank scenes with an edge and a line, and 2
 *     more of 1,000 of blank ruled paper, read as a digit. Other input ({@code cameraBox} false: a drawing, a small
 *     digit image): fewer than {@link #MIN_INK_PIXELS} is {@link #TOO_SMALL} instead (a tap on the pad), and the fraction
 *     is not checked. A drawing's brush is fitted to the drawing ({@link StrokeRasterizer#fitBrushToDrawing},
 *     about its longest side / 9), so a short stroke has little ink however plainly it shows: a 50 px "1"
 *     on the 280 px pad has 332 ink pixels, under 0.5 % of the pad (392, the fraction then): counted against the pad's area it
 *     was "blank paper?". Its extent (the fifth check) is what says whether it is too small. The thinnest
 *     MNIST test digit, a "1", has 19 of its 28x28 pixels (2.4 %) at >= 0.5; 0.35 % of 784 is under 4 anyway.</li>
 * <li>{@link #TOO_MUCH_INK}: more than 50 % of the pixels (a wrong polarity, a dark frame, the camera
 *     looking at a black sheet). The boldest MNIST test digit has 33 %.</li>
 * <li>{@link #SCATTERED}: the largest 8-connected component holds less than 25 % of the ink. A
 *     handwritten digit is one or a few strokes; salt-and-pepper noise is hundreds of specks, each a
 *     tiny fraction (2 % noise: largest piece 11 % of the ink at 28x28, 1 % at 140x140). Over all
 *     10,000 MNIST test digits the largest piece holds at least 35 % (at most 8 pieces), and at least
 *     33 % when they are upscaled to 140, printed on paper and thresholded.</li>
 * <li>{@link #LINES}, for a camera box: every significant component (at least 10 % of the largest one's pixels) lies
 *     flat across the box, at most {@link #LINE_THICKNESS} high and at least 3 times as wide, and the largest is at least
 *     {@link #LINE_LENGTH} wide: blank ruled paper, whose faint lines the threshold breaks into pieces that touch no side
 *     (a lone piece read as "1", a few one above the other as 8), with the short bits broken off them. Of 1,000 seeded
 *     blank ruled papers (CameraBoxTest) 29 read as a digit before, none after (14 when every piece had to be
 *     LINE_LENGTH wide); of 400 blank scenes with the paper's edge and a line 28 and 17; every digit on ruled paper read
 *     as before. A digit has a part that is not flat. A slanted piece counts as flat too when it lies at least as much
 *     across as down, is straight and no thicker than a printed line ({@link #THIN_LINE}): of 400 seeded scenes of blank
 *     paper with lines slanted by 10-60 degrees, half with the paper's corner, 100 read as a digit before, 64 after, 58
 *     since {@link #straight} measures across a piece, not from its box's diagonal (steeper lines' pieces stand up as a
 *     "1" does); MNIST 1s turned by up to 50 degrees read as before.</li>
 * <li>{@link #TOO_SMALL}: the box around the significant components (those with at least 10 % of the
 *     largest one's pixels, so specks do not stretch it) has a longest side below 10 % of the image's
 *     longest side, or below 3 px. MNIST digits span 20/28 = 71 %.</li>
 * <li>{@link #SEVERAL}: the significant components are several digits side by side ("42" on the pad, a year on a sheet
 *     held to the camera), which the network would read as one digit, confidently. The components are grouped where
 *     their columns overlap, as a digit's own pieces do (a 4's two strokes, a 5's flag, a 7's bar); a group at least
 *     {@link #SEVERAL_HEIGHT} (60 %) as tall as the tallest is a digit (a detached flag or a dot is not), and two such
 *     groups with at least {@link #SEVERAL_GAP} (5 %) of the tallest one's height of empty columns between them are
 *     two digits. Groups one above the other are one group: a stacked pair is not found, and an 8 whose loops do not
 *     meet is not taken for two. Measured on MNIST digits bilinearly upscaled into the 280 px pad (100..230 px tall)
 *     and printed on paper and thresholded in the 140 px box (60 px, and 40..130 px): of the 10,000 test digits 4
 *     drawn and 3 held to the camera (3 at either size; 3 of the 28x28 images as they are) are taken for several, two
 *     4s whose bar stops short of the stem and three digits with a stray stroke beside them (test digits 1274, 4929,
 *     5676, 8020, 8112); of the 60,000 training digits 5 drawn and 7 held; of 60,000 renders of each of the training's
 *     imitations, 14 drawn and 25 held, mostly 4s and 0s a thin pen broke in two. Two test digits side by side,
 *     0.1..0.5 of a digit's width apart (sizes 0.85..1.15, 10 % up or down): 97.9 % of 3,000 pairs found drawn, 97.6 %
 *     held; three in a row 99.9 % of 1,000. Digits whose boxes touch or overlap are one group and not found
 *     (0.3..0.5 % are). What each threshold trades: at 50 % tall 15 of the training digits held are taken for several,
 *     at 70 % 95 % of the pairs are found; with any empty column as a gap 7 test digits are taken for several, with
 *     8 % 91..93 % of the pairs are found. A 0 broken in two arcs 5 % of its height apart at top and bottom is two
 *     digits too.</li>
 * </ol>
 * For a camera box ({@link #check(float[], boolean)} with {@code cameraBox} true) a component that touches
 * two or more sides of the image is not a stroke but something running across the box: the paper's
 * edge with the table beside it, the edge of a hard shadow, a line (the threshold marks the dark side of
 * every sharp step in brightness). Such components are left out after the first and third checks (which
 * count all ink) and before the others; when too little ink is left the reason is {@link #ACROSS}. A digit
 * held so close to the camera that it touches two sides of the box goes with them, and the reason asks
 * for the digit inside the box (a picture cropped to the digit needs a frame of paper first, as
 * {@code numera predict} gives it).
 *
 * <p>A line, the paper's edge or a shadow's edge that touches the digit (a digit written on a printed line,
 * up to the paper's edge) makes one component with it that touches two sides. Before such a component is left
 * out, the lines running into it from the sides are cut away ({@link LineCut}: each thin run of its ink on a side is
 * followed inward until the line ends or a stroke joins it, and a walk of {@link #LINE_LENGTH} or more is cut; a thin
 * line crossing it, as on squared paper, is walked across). What is left of the component is labelled again; a piece of it is
 * the digit, and kept, when it touches no side, holds enough ink for a digit (at least the camera box's
 * {@code max(4, 0.35 %)}: not a bit of an edge's ragged side) and is not itself thin and long like a line of
 * the direction cut (between two lines across, the stretch of a line crossing them, which no walk reaches).
 * Everything else goes with the component, as before; components that do not touch two sides are not changed
 * (with the grey levels, see below, those touching one side may be). Measured on 500 MNIST digits (~60 px) in the box, read right before and after: on a 2 px line of
 * grey 120 (paper 235) 4 and 494, grey 160 352 and 472; the paper's edge at the digit 342 and 475, 3 px from it
 * and slanted 344 and 435; a hard shadow's edge across it 437 and 465; digits touching one side or none, and
 * edges, shadows and lines on blank paper, unchanged (every read identical); digits held too close (a 240 px
 * frame) 173 and 176 right, 76 and 78 wrong. With the box's grey levels (the camera path) a walk also ends at ink much
 * darker than the line ({@link LineCut#STROKE_ON_LINE}), since a small digit's strokes are as thin as the line;
 * components touching one side are walked too (a light line the threshold lost near the digit reaches only one side), cut
 * only where the walk ended at such ink; and a piece that holds such an end is the digit even when it touches one side. Of 300 MNIST
 * digits (CameraBoxTest), read right before and after: ~30 px on a 2 px line of grey 120 258 and 289, grey 160 246 and
 * 295; ~60 px at the left side on a line of grey 160 207 and 284, at the top 187 and 281; blank scenes unchanged. Of 1,000
 * seeded scenes on ruled paper (lines of grey 110..200, 1-3 px, slanted up to 4 degrees; pens and pencils; digits 28-77 px
 * and off-centre), 250 of each kind: on a line 212 and 224, between lines 232 and 237, a line through the middle 210 and
 * 223 (clean 246); blank ruled paper read as a digit 27 and 27. Walking across crossing lines, of 300 digits on squared
 * paper (2 px lines every 25 px, paper 245) read right: grid of grey 160 76 and 296, of grey 120 0 and 282, grey 160 with one line down
 * 197 and 297; one grey-120 line down through the digit 287 and 285; blank grids still no digit.
 *
 * <p>A faint printed line (a light grey, 1-2 px) comes out of the threshold in short pieces, a staircase where it is slanted,
 * and the walks from the sides stop where the pieces break: what is left above or below the digit, or inside its loop, touches
 * no side, and every piece over a tenth of the digit's ink stretched the digit's box to it. With the grey levels such a piece
 * is left out when it lies like a line ({@link #flatLine}) and its darkest pixel is much lighter than the largest
 * component's, by the test that ends a walk at a pen stroke ({@link LineCut#STROKE_ON_LINE}, {@link LineCut#STROKE_STEP});
 * nothing is left out when the largest component is itself such a piece (lines only). A digit's own flat stroke broken off
 * it (a 5's bar, a 2's base) is as dark as the rest and stays. On the 1,000 ruled-paper scenes above, read right before
 * and after: on a line 224 and 229, between lines 237 and 243, a line through the middle 226 and 233 (18 better, none
 * worse); of 4,200 other seeded scenes (digits plain, on lines, with shadows, tables, thumbs and edges, ruled paper and
 * grids, turned, in pairs, drawn, with specks) 19 read better and none worse, all on ruled paper and beside thumbs; every
 * blank scene and every guard of centred, side, small and lone-1 digits unchanged.
 *
 * <p>A line or a shadow's edge that runs through the digit usually reaches
 * the check in two pieces, one at each side, because next to the dark digit the threshold's window is
 * darker and the line's grey no longer counts as ink: a component that touches one side and runs away
 * from it thin ({@link #LINE_THICKNESS}) and long ({@link #LINE_LENGTH}) is left out as well, unless too
 * little ink would be left for a digit. Thin is measured across the piece, so a slanted one counts when it is straight
 * ({@link #straight}): the paper's edge slanted 30 px over the box beside a digit left its band in two such pieces, which
 * had to be upright to go, and of 300 MNIST digits there 273 read right, 39 of them guesses "at the box's side"; now 299,
 * none at the side. A lone "1" touching the top is such a piece, so one is kept alone, unless it is
 * straight (its runs within LINE_THICKNESS across, along a diagonal of its box, at any slant) and runs at least
 * {@link #LINE_OVER_BOX} (0.75) of the box's side: a line or the paper's edge that the sensor's noise broke off where
 * it meets another, or an edge's band cut short by a corner of the paper. A "1" touching a side runs ~0.45 of the box
 * at ~60 px. Of 200 seeded scenes of blank paper (grey 200..245, noise sd 2..3) each, read as a digit before and after:
 * the paper's edge and a level or upright line 48 and 16, the paper's corner 41 and 15, the edge and 1-3 lines at any
 * slant 75 and 49, a hard shadow's edge 26 and 5; 500 MNIST digits touching a side or not, lone 1s (~60 and ~90 px)
 * at the top or bottom, read right: unchanged, but a ~100 px 1 at the top 495 and 494.
 *
 * <p>A thumb or a finger holding the sheet, entering the box from a side, is wider than the threshold's window, which fits
 * inside it: only its outline is marked, a hollow U at the side that the network reads 0, 7 or 9. With the box's grey levels
 * ({@link #check(float[], AdaptiveThreshold)}, the camera path) a component touching one side is left out as such an outline
 * ({@link #DARK}) when its box is dark inside: the ink-free pixels below {@link #DARK_LEVEL} (0.8) of the paper around it (the
 * darkest of the four strips {@link #DARK_RING} px wide along its box, so that a shadow across the box is not dark) fill at
 * least {@link #DARK_FILL} (0.25) of its box and {@link #DARK_SHARE} (0.7) of its ink-free pixels. A digit's box holds paper,
 * and what is darker there is its strokes' soft fringe: at most 0.27 of the box (a digit at a side) and then under 0.7 of its
 * paper; a thumb's at least 0.32 and 0.7 (nearly all over 0.8). Of 200 seeded thumbs (20-30 px wide, 40-70 long, grey 90-150 on paper 200-245,
 * noise sd 2-3, soft edges, 50 from each side) 200 read as a digit before, 1 after;
 * a thumb stopping 3-8 px short of a 60 px digit joined its box, 107 of 200 read right before, 200 after (clean 200). A thumb
 * slanted by 5-30 degrees has paper in the corners of its box: its dark pixels are also counted inside its outline only
 * (between the outline's first and last pixel along each line across it), against the area the outline spans (its pixels
 * and those inside), and it is dark inside when either count says so; of 200 such thumbs 168 read as a digit with the box's
 * count alone, 22 with the inside's measured against the box, 7 against the outline's own area; of 200 MNIST digits with such
 * a thumb 3-8 px beside them, 184 and 197 read right (clean 200). Every read of 500 MNIST digits centred, touching each side,
 * small, in red pen, pencil or a hard shadow's edge, and of lone 1s at the top or bottom, is unchanged, but for one bold
 * ~90 px 1 at the top (its stroke wider than the threshold's window, hollow and dark inside, as a thumb is), and of 1,500
 * digits in a marker ~20 px wide, centred or at a side, one. Without the grey levels ({@link #check(float[], boolean)})
 * nothing changes.
 *
 * <p>A filled dark shape inside the box, touching no side (a blot, a coin, a sticker), is such an outline too, or solid when
 * under ~30 px: a ring or a dot, which the network reads "0, 100 %". It is left out ({@link #BLOT}) when its pixels darker
 * than {@link #DARK_LEVEL} of the paper around it hold a square half its box's longer side a side ({@link #BLOT_SQUARE}):
 * a pen's strokes, however bold, are narrow beside the digit's size (only the pixels between the component's first and last
 * ink on each row count, so a coin in a 7's open corner is not the 7's). Of 300 seeded shapes (discs, ellipses of aspect
 * 0.6-1.4, squares and bumpy blobs, 16-115 px wide, grey 20-120 on paper 190-245, soft edges, noise) 262 read as a digit
 * before and 32 after, 17 of those under 30 px. MNIST test digits (300 each) 40, 60, 90 and 120 px tall read right as often as
 * before with their strokes grown by up to 2 px; grown by 4 px (~15 px strokes) the 90 and 120 px ones as before, the 60 and
 * 40 px ones 279 and 241 times against 280 and 250 (a 40 px digit in 15 px strokes is nearly a blot itself). Every
 * verdict of 1,800 seeded scenes (centred, small, lined, shadowed, on a table, with a thumb or the paper's edge, ruled and
 * squared paper, turned, two digits, specks, and drawings) is unchanged.
 *
 * <p>The box is also what the digit is: {@link #keepDigit} clears everything outside it (widened by
 * {@link #BOX_MARGIN}, for the soft edge of drawn strokes) and the components left out, so that a speck
 * of dust or a pen tick far from the digit does not stretch the normaliser's crop and shrink the digit.
 * A separate stroke of less than a tenth of the largest piece's ink that lies outside the box goes too
 * (a drawn 5's short flag, say: the digit read did not change in the cases tried).
 * The components are labelled on runs ({@link InkComponents}). Buffers are allocated once for (width, height);
 * {@link #check} returns the same {@link Result} object every call.
 */
public final class InkCheck {
    public static final float INK_LEVEL = 0.5f;
    public static final int MIN_INK_PIXELS = 4;
    public static final float MIN_INK_FRACTION = 0.0035f;
    public static final float MAX_INK_FRACTION = 0.5f;
    public static final float MIN_LARGEST_COMPONENT = 0.25f;
    public static final float SIGNIFICANT_COMPONENT = 0.1f;
    public static final float MIN_BOX_FRACTION = 0.1f;
    public static final int MIN_BOX_PIXELS = 3;
    /** A camera box's line piece ({@link #check(float[], boolean)}): at most this fraction of the box's longest side across (12 px of 140)... */
    public static final float LINE_THICKNESS = 0.086f;
    /** ...and at least this fraction along (20 px of 140). */
    public static final float LINE_LENGTH = 0.143f;
    /**
     * A slanted piece of a printed line is at most this fraction of the box's longest side thick on average (3 px of 140; its
     * pixels over its length), {@link #LINES}: a printed line's piece comes out of the threshold about as thick as the line,
     * a pen's "1" at the sizes a camera box holds thicker (MNIST 1s turned by 30-50 degrees read as before, CameraBoxTest).
     */
    public static final float THIN_LINE = 0.0215f;
    /**
     * A camera box's straight line touching one side is a line, never a digit, when it runs at least this fraction of the
     * box's longest side ({@link #check(float[], boolean)}) over it; a "1" touching a side runs ~0.45 of it at ~60 px, ~0.65 at ~90 px.
     */
    public static final float LINE_OVER_BOX = 0.75f;
    /**
     * A camera box's component touching one side is the outline of a wide dark thing (a finger holding the sheet), not
     * writing, when in its box the ink-free pixels darker than {@link #DARK_LEVEL} of the paper around it fill at least this
     * fraction of the box (or, for a slanted thumb, whose box holds paper in its corners, those inside its outline fill this
     * fraction of the area the outline spans: {@link #darkInside})...
     */
    public static final float DARK_FILL = 0.25f;
    /** ...and are at least this fraction of the box's (the inside's) ink-free pixels (a thin "1"'s box is mostly its strokes' soft fringe). */
    public static final float DARK_SHARE = 0.7f;
    /** A pixel is dark below this fraction of the paper's grey level: a finger 90..150 on paper 200..245 is under 0.75. */
    public static final float DARK_LEVEL = 0.8f;
    /** {@link #DARK_LEVEL} in fifths, for the level in whole numbers. */
    private static final int DARK_FIFTHS = 4;
    /** The paper around a component is read in strips this many pixels wide along its box. */
    public static final int DARK_RING = 4;
    /** {@link #keepDigit} keeps this many pixels around the box: a drawn stroke's soft edge (below INK_LEVEL) is ~1 px. */
    public static final int BOX_MARGIN = 2;

    /** {@link #SEVERAL}: a group of significant components is a digit of its own when at least this fraction of the tallest group's height... */
    public static final float SEVERAL_HEIGHT = 0.6f;
    /** ...and two such groups next to each other are two digits when at least this fraction of that height of empty columns lies between them. */
    public static final float SEVERAL_GAP = 0.05f;

    public static final String PRESENT = "digit present";
    public static final String NO_INK = "no ink";
    public static final String TOO_LITTLE_INK = "too little ink (blank paper?)";
    public static final String TOO_MUCH_INK = "ink covers almost everything";
    public static final String SCATTERED = "ink is scattered specks (noise), not strokes";
    public static final String TOO_SMALL = "ink too small to read";
    public static final String ACROSS = "the ink touches two sides of the box (the paper's edge, a shadow, or a digit too big)";

    /** A finger or another wide dark thing at a side of a camera box, its outline left out ({@link #DARK_FILL}). */
    public static final String DARK = "a dark thing at the side of the box (a finger?), not writing";

    /** A filled dark shape inside a camera box (a blot, a coin), its outline left out ({@link #BLOT_SQUARE}). */
    public static final String BLOT = "a filled dark shape (a blot? a coin?), not writing";

    /**
     * A component touching no side is a filled shape, not writing, when its pixels darker than {@link #DARK_LEVEL} of the
     * paper hold a square half its box's longer side a side, and at least this many px: a disc's is 0.71 of its width,
     * a bold digit's 0.3-0.45 of its height, its strokes however thick being narrow beside its size.
     */
    public static final int BLOT_SQUARE = 16;

    /**
     * Ruled paper held to the camera with nothing written on it: the threshold breaks a faint line into pieces that touch no
     * side, and a lone piece read as "1" (several, one above the other, as 8). A camera box whose significant components are
     * all such pieces ({@link #flatLine}), the largest one long, holds no digit. A digit has a part that is not (the body
     * beside a 5's flag or a 7's bar).
     */
    public static final String LINES = "only pieces of printed lines (ruled paper?)";

    /** "42" on the pad, a year on a sheet held to the camera: the network reads one digit at a time ({@link #SEVERAL_HEIGHT}). */
    public static final String SEVERAL = "several digits side by side (one at a time, please)";

    /** The verdict of the last {@link InkCheck#check}; one instance per InkCheck, overwritten each call. */
    public static final class Result {
        private boolean present;
        private String reason = NO_INK;
        private int inkPixels;
        private int components;
        private int largestComponent;
        private int acrossPixels;
        private int boxMinX = -1;
        private int boxMinY = -1;
        private int boxMaxX = -1;
        private int boxMaxY = -1;

        private Result() {
        }

        /** true when a digit seems present. */
        public boolean present() {
            return present;
        }

        /** {@link #PRESENT} or one of the "no digit" reason constants, for the UI. */
        public String reason() {
            return reason;
        }

        /** Pixels with value >= INK_LEVEL. */
        public int inkPixels() {
            return inkPixels;
        }

        /** 8-connected ink components (0 when the check stopped before labelling). */
        public int components() {
            return components;
        }

        /** Pixels in the largest component. */
        public int largestComponent() {
            return largestComponent;
        }

        /**
         * Pixels left out as running across the box (camera boxes only): the components touching two sides (the lines
         * cut from them and what is left of them but the digit) and a line's pieces at a side.
         */
        public int acrossPixels() {
            return acrossPixels;
        }

        /** Largest component / ink pixels of the components kept, 0 when none are. */
        public float largestFraction() {
            return inkPixels > acrossPixels ? (float) largestComponent / (inkPixels - acrossPixels) : 0f;
        }

        /** Box around the significant components, inclusive; -1 when not computed. */
        public int boxMinX() {
            return boxMinX;
        }

        public int boxMinY() {
            return boxMinY;
        }

        public int boxMaxX() {
            return boxMaxX;
        }

        public int boxMaxY() {
            return boxMaxY;
        }

        @Override
        public String toString() {
            return (present ? "present" : "no digit: " + reason) + " (ink " + inkPixels + " px, " + components
                    + " components, largest " + largestComponent + ")";
        }
    }

    private final int width;
    private final int height;
    /** The image's 8-connected components (cc.size[c] 0 for one left out), labelled by each check. */
    private final InkComponents cc;
    /** Camera boxes: the lines running into components from the sides, cut before they are left out. */
    private final LineCut lineCut;
    /**
     * {@link #SEVERAL}'s scratch: the significant components in order of their left column, and the groups they form. Each
     * significant component holds at least 10 % of the largest, which holds at least 25 % of the ink (else SCATTERED):
     * at most 40 of them.
     */
    private static final int MAX_SIGNIFICANT = (int) (1 / (SIGNIFICANT_COMPONENT * MIN_LARGEST_COMPONENT)) + 2;
    private final int[] byLeft = new int[MAX_SIGNIFICANT];
    private final int[] groupMinX = new int[MAX_SIGNIFICANT];
    private final int[] groupMaxX = new int[MAX_SIGNIFICANT];
    private final int[] groupHeight = new int[MAX_SIGNIFICANT];
    private final Result result = new Result();
    /** {@link #LINE_THICKNESS} and {@link #LINE_LENGTH} in pixels of this image */
    private final int lineThickness, lineLength;
    /** {@link #THIN_LINE} in pixels of this image */
    private final float thinLine;
    /** {@link #spans}: along each line across a component, its first and last ink pixel (darkInside's, holdsDarkSquare's). */
    private final int[] insideLo, insideHi;
    /** {@link #holdsDarkSquare}'s scratch: per column, the run of dark pixels ending at the row. */
    private final int[] darkRun;

    public InkCheck(int width, int height) {
        Check.pixels(width, height);
        this.width = width;
        this.height = height;
        int longest = Math.max(width, height);
        lineThickness = (int) (LINE_THICKNESS * longest);
        lineLength = (int) (LINE_LENGTH * longest);
        thinLine = THIN_LINE * longest;
        cc = new InkComponents(width, height);
        lineCut = new LineCut(cc);
        insideLo = new int[longest];
        insideHi = new int[longest];
        darkRun = new int[width];
    }

    /**
     * {@link #check(float[], boolean)} of anything but a camera box.
     *
     * @param ink (width*height) ink-high image (0 background, 1 ink), e.g. a rasterised drawing, a 28x28
     *            digit, or a threshold's output
     * @return the reused result object
     */
    public Result check(float[] ink) {
        return check(ink, false);
    }

    /**
     * @param ink       as {@link #check(float[])}
     * @param cameraBox true for a camera box, which changes two checks (see the class comment): components
     *                  touching two or more sides are left out, and too small a fraction of the box being ink
     *                  is {@link #TOO_LITTLE_INK}; false for anything else (a drawing, whose brush scales with
     *                  it, a small digit image), where only the digit's extent decides whether it is too small
     * @return the reused result object
     */
    public Result check(float[] ink, boolean cameraBox) {
        return check(ink, cameraBox, null);
    }

    /**
     * A camera box that grey thresholded ({@link #check(float[], boolean)} with cameraBox true), and also: a component
     * touching one side whose box is dark inside is the outline of a wide dark thing (a finger holding the sheet), left
     * out (class comment).
     *
     * @param grey the threshold that made ink, holding the box's grey levels ({@link AdaptiveThreshold#levelAt})
     */
    public Result check(float[] ink, AdaptiveThreshold grey) {
        if (grey.width() != width || grey.height() != height) {
            throw new IllegalArgumentException("the threshold is " + grey.width() + "x" + grey.height() + ", the check " + width + "x" + height);
        }
        return check(ink, true, grey);
    }

    private Result check(float[] ink, boolean cameraBox, AdaptiveThreshold grey) {
        int n = width * height;
        Check.floats(ink, n, "ink");
        Result res = result;
        res.present = false;
        res.components = 0;
        res.largestComponent = 0;
        res.acrossPixels = 0;
        res.boxMinX = res.boxMinY = res.boxMaxX = res.boxMaxY = -1;
        lineCut.clear();   // the last camera box's cut
        int count = cc.runs(ink, null, LineCut.CUT);
        res.inkPixels = count;
        if (count == 0) {
            res.reason = NO_INK;
            return res;
        }
        if (count > MAX_INK_FRACTION * n) {
            res.reason = TOO_MUCH_INK;
            return res;
        }
        int comps = cc.label();
        res.components = comps;
        boolean dark = false, blot = false;   // a dark thing's outline left out: at a side, or inside the box
        if (cameraBox) {
            int cut = lineCut.cut(comps, grey);
            if (cut > 0) {
                // labelled again without the lines cut: what is left of the components that ran across is in pieces,
                // every other component is as it was. A piece is the digit only if it looks like one (digitInRemains)
                cc.runs(ink, lineCut.marks(), LineCut.CUT);
                comps = cc.label();
                res.components = comps;
                res.acrossPixels = cut;
                count -= cut;
                for (int i = 0, n2 = cc.runCount(); i < n2; i++) {
                    int c = cc.compOf[i];
                    if (cc.size[c] > 0 && lineCut.ranAcross(i) && !digitInRemains(c)) {
                        count -= leaveOut(c);
                    }
                }
            }
            for (int c = 0; c < comps; c++) {
                if (cc.sides(c) >= 2) {
                    count -= leaveOut(c);
                }
            }
            // a line or a shadow's edge through the digit comes in pieces, one at each side: near the dark digit the
            // threshold's window is darker and loses the line's grey. Left out too, unless too little ink would be
            // left for a digit (a lone "1" touching the top is a thin piece at a side as well). A straight piece running
            // most of the way over the box is a line even then (on blank paper, a line the noise broke off an edge)
            int pieces = 0;
            for (int c = 0; c < comps; c++) {
                if (cc.size[c] > 0 && cc.sides(c) == 1) {
                    if (lineOverBox(c)) {
                        count -= leaveOut(c);
                    } else if (lineAtSide(c)) {
                        pieces += cc.size[c];
                    }
                }
            }
            if (pieces > 0 && enoughInk(count - pieces)) {
                for (int c = 0; c < comps; c++) {
                    if (cc.size[c] > 0 && lineAtSide(c)) {
                        leaveOut(c);
                    }
                }
                count -= pieces;
            }
            // a finger holding the sheet: the threshold marks only its outline (the window fits inside it), a hollow U at
            // a side that reads 0, 7 or 9; inside, the finger is dark, where a digit's box holds paper. A filled shape inside
            // the box (a blot, a coin) is such an outline too, or solid when small, and reads 0: its dark mass is wide
            if (grey != null) {
                for (int c = 0; c < comps; c++) {
                    int sides = cc.sides(c);
                    if (cc.size[c] > 0 && (sides == 1 ? darkInside(c, ink, grey) : sides == 0 && holdsDarkSquare(c, ink, grey))) {
                        count -= leaveOut(c);
                        dark |= sides == 1;
                        blot |= sides == 0;
                    }
                }
                count -= lightLinePieces(comps, grey);
            }
        }
        if (cameraBox && !enoughInk(count)) {
            res.reason = dark ? DARK : blot ? BLOT : res.acrossPixels > 0 ? ACROSS : TOO_LITTLE_INK;
            return res;
        }
        if (count < MIN_INK_PIXELS) {
            res.reason = TOO_SMALL;   // a tap on the pad: "blank paper?" would mean nothing there
            return res;
        }
        int largest = 0;
        for (int c = 0; c < comps; c++) {
            if (cc.size[c] > largest) {
                largest = cc.size[c];
            }
        }
        res.largestComponent = largest;
        if (largest < MIN_LARGEST_COMPONENT * count) {
            res.reason = SCATTERED;
            return res;
        }
        if (cameraBox && onlyFlatLines(comps, largest)) {
            res.reason = LINES;
            return res;
        }
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int c = 0; c < comps; c++) {
            if (cc.size[c] >= SIGNIFICANT_COMPONENT * largest) {
                minX = Math.min(minX, cc.minX[c]);
                minY = Math.min(minY, cc.minY[c]);
                maxX = Math.max(maxX, cc.maxX[c]);
                maxY = Math.max(maxY, cc.maxY[c]);
            }
        }
        res.boxMinX = minX;
        res.boxMinY = minY;
        res.boxMaxX = maxX;
        res.boxMaxY = maxY;
        int side = Math.max(maxX - minX + 1, maxY - minY + 1);
        if (side < MIN_BOX_PIXELS || side < MIN_BOX_FRACTION * Math.max(width, height)) {
            res.reason = TOO_SMALL;
            return res;
        }
        if (several(largest)) {
            res.reason = SEVERAL;
            return res;
        }
        res.present = true;
        res.reason = PRESENT;
        return res;
    }

    /**
     * Leaves out the pieces of printed lines beside the digit that no walk from a side reached: a faint line breaks, under
     * the threshold, into short flat pieces touching no side (above or below the digit, or inside its loop), and each piece
     * larger than a tenth of the digit stretched the digit's box to it, shrinking the digit and adding a stroke. A piece is a
     * component other than the largest that lies like a line ({@link #flatLine}) and whose darkest pixel is much lighter than
     * the largest component's ({@link LineCut#STROKE_ON_LINE}, {@link LineCut#STROKE_STEP}): the test that ends a walk along
     * a line at a pen stroke. A digit's own flat stroke that the threshold or the pen broke off (a 5's bar, a 2's base) is as
     * dark as the rest of the digit and stays; pencil as light as the lines leaves them too. Returns the pixels left out.
     */
    private int lightLinePieces(int comps, AdaptiveThreshold grey) {
        int largest = -1;
        for (int c = 0; c < comps; c++) {
            if (cc.size[c] > 0 && (largest < 0 || cc.size[c] > cc.size[largest])) {
                largest = c;
            }
        }
        if (largest < 0 || flatLine(largest)) {
            return 0;   // the largest is a line's piece itself: lines only, which LINES decides
        }
        int left = 0, digitLevel = -1;
        for (int c = 0; c < comps; c++) {
            if (c != largest && cc.size[c] > 0 && flatLine(c)) {
                if (digitLevel < 0) {
                    digitLevel = darkest(largest, grey);
                }
                int lineLevel = darkest(c, grey);
                if (digitLevel < Math.min(LineCut.STROKE_ON_LINE * lineLevel, lineLevel - LineCut.STROKE_STEP)) {
                    left += leaveOut(c);
                }
            }
        }
        return left;
    }

    /** The darkest grey level (0..255) among component c's pixels. */
    private int darkest(int c, AdaptiveThreshold grey) {
        int level = 255;
        for (int i = 0, n = cc.runCount(); i < n; i++) {
            if (cc.compOf[i] == c) {
                for (int k = cc.runY[i] * width + cc.runX0[i], end = cc.runY[i] * width + cc.runX1[i]; k <= end; k++) {
                    level = Math.min(level, grey.levelAt(k));
                }
            }
        }
        return level;
    }

    /**
     * Component c is left out (camera boxes: it runs across the box, is a line's piece or a finger's outline): counted in
     * {@link Result#acrossPixels}, and no longer the largest, never significant. Returns its pixels.
     */
    private int leaveOut(int c) {
        int size = cc.size[c];
        result.acrossPixels += size;
        cc.size[c] = 0;
        return size;
    }

    /** Whether a camera box with this many ink pixels has enough for a digit ({@link #TOO_LITTLE_INK} otherwise). */
    private boolean enoughInk(int pixels) {
        return pixels >= MIN_INK_PIXELS && pixels >= MIN_INK_FRACTION * (width * height);
    }

    /**
     * Whether c, a piece of what ran across the box left once its lines are cut, is the digit: it touches no side
     * (a digit held too close meets the sides itself), or one side and holds a pen stroke at which a line cut ended
     * ({@link LineCut#endsAt}: a digit at a side of the box written on a line), holds enough ink for a digit (not a bit of
     * an edge's ragged side), and is not itself a piece of a line of the direction cut, thin and long like {@link #lineAtSide} (the
     * stretch of a vertical line between two lines across, which no walk reaches).
     */
    private boolean digitInRemains(int c) {
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        boolean lineAcross = h <= lineThickness && w >= lineLength, lineDown = w <= lineThickness && h >= lineLength;
        boolean notAcross = cc.sides(c) == 0 || cc.sides(c) == 1 && lineCut.endsAt(c);
        return notAcross && enoughInk(cc.size[c]) && !(lineCut.cutAcross() && lineAcross) && !(lineCut.cutDown() && lineDown);
    }

    /**
     * The grey level under which a pixel near component c is dark: {@link #DARK_LEVEL} of the paper's level around it, the
     * darkest of the mean grey levels of the non-ink pixels in the four strips {@link #DARK_RING} wide along its box (those
     * inside the image), so that a shadow over the digit and below it does not count as dark inside; -1 when no strip says
     * (all outside the image or nearly all ink). In whole numbers: the same level on the JVM and in TeaVM's JavaScript (which
     * computes floats as doubles), and no float returned, which that JavaScript makes a heap number per call (every camera
     * frame asks this of its digit).
     */
    private int darkBelow(int c, float[] ink, AdaptiveThreshold grey) {
        int x0 = cc.minX[c], x1 = cc.maxX[c], y0 = cc.minY[c], y1 = cc.maxY[c];
        int rx0 = Math.max(0, x0 - DARK_RING), rx1 = Math.min(width - 1, x1 + DARK_RING);
        int ry0 = Math.max(0, y0 - DARK_RING), ry1 = Math.min(height - 1, y1 + DARK_RING);
        int paperSum = 0, paperN = 0;   // the darkest strip's level sum and pixel count
        for (int s = 0; s < 4; s++) {   // left and right strips (corners included), top and bottom strips
            int ax = s == 0 ? rx0 : s == 1 ? x1 + 1 : x0, bx = s == 0 ? x0 - 1 : s == 1 ? rx1 : x1;
            int ay = s == 3 ? y1 + 1 : ry0, by = s == 2 ? y0 - 1 : ry1;
            int sum = 0, n = 0;   // at most 255 x ~600, and sum x n under 1e8: ints (a long is an object in TeaVM's JavaScript)
            for (int y = ay; y <= by; y++) {
                for (int x = ax, k = y * width + ax; x <= bx; x++, k++) {
                    if (!(ink[k] >= INK_LEVEL)) {
                        sum += grey.levelAt(k);
                        n++;
                    }
                }
            }
            // a strip outside the image (at the side it touches), or nearly all ink, says nothing; sum / n < paperSum / paperN
            if (n >= DARK_RING && (paperN == 0 || sum * paperN < paperSum * n)) {
                paperSum = sum;
                paperN = n;
            }
        }
        // level < DARK_LEVEL x paperSum / paperN, for a whole level, is level < its ceiling (DARK_LEVEL = DARK_FIFTHS / 5)
        return paperN == 0 ? -1 : (DARK_FIFTHS * paperSum + 5 * paperN - 1) / (5 * paperN);
    }

    /** insideLo and insideHi along each line across c (its columns when across, else its rows): its first and last ink pixel there. */
    private void spans(int c, boolean across) {
        int first = across ? cc.minX[c] : cc.minY[c], last = across ? cc.maxX[c] : cc.maxY[c];
        for (int l = first; l <= last; l++) {
            insideLo[l] = Integer.MAX_VALUE;
            insideHi[l] = -1;
        }
        for (int i = 0, n = cc.runCount(); i < n; i++) {
            if (cc.compOf[i] == c) {
                int y = cc.runY[i];
                if (across) {
                    for (int x = cc.runX0[i]; x <= cc.runX1[i]; x++) {
                        insideLo[x] = Math.min(insideLo[x], y);
                        insideHi[x] = Math.max(insideHi[x], y);
                    }
                } else {
                    insideLo[y] = Math.min(insideLo[y], cc.runX0[i]);
                    insideHi[y] = Math.max(insideHi[y], cc.runX1[i]);
                }
            }
        }
    }

    /**
     * Component c, touching one side, is the outline of a wide dark thing, not writing ({@link #DARK_FILL}): inside it the
     * pixels are darker than {@link #DARK_LEVEL} of the paper around it ({@link #darkBelow}).
     */
    private boolean darkInside(int c, float[] ink, AdaptiveThreshold grey) {
        int x0 = cc.minX[c], x1 = cc.maxX[c], y0 = cc.minY[c], y1 = cc.maxY[c];
        int dark = darkBelow(c, ink, grey);
        if (dark < 0) {
            return false;
        }
        // inside the outline: along each line across the thing (columns for one from the left or right, rows for one from
        // the top or bottom), the pixels between the outline's first and last; a slanted thumb's box also holds the paper
        // beside it, which is not inside
        boolean across = cc.atLeftOrRight(c);
        int first = across ? x0 : y0, last = across ? x1 : y1;
        spans(c, across);
        // counted over the whole box and over the inside: dark enough either way (a straight thumb whose outline the noise
        // broke has little inside, a slanted one much paper in its box)
        int darkInBox = 0, paperInBox = 0, darkInside = 0, paperInside = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0, k = y * width + x0; x <= x1; x++, k++) {
                if (!(ink[k] >= INK_LEVEL)) {
                    int l = across ? x : y, m = across ? y : x;
                    boolean inside = insideLo[l] <= m && m <= insideHi[l], isDark = grey.levelAt(k) < dark;
                    paperInBox++;
                    darkInBox += isDark ? 1 : 0;
                    paperInside += inside ? 1 : 0;
                    darkInside += inside && isDark ? 1 : 0;
                }
            }
        }
        // the inside against the area the outline spans, not the box: a slanted thumb's box is half paper
        int spanned = 0;
        for (int l = first; l <= last; l++) {
            spanned += insideHi[l] >= insideLo[l] ? insideHi[l] - insideLo[l] + 1 : 0;
        }
        return darkInBox >= DARK_FILL * (x1 - x0 + 1) * (y1 - y0 + 1) && darkInBox >= DARK_SHARE * paperInBox
                || darkInside >= DARK_FILL * spanned && darkInside >= DARK_SHARE * paperInside;
    }

    /**
     * Whether the pixels of c darker than {@link #DARK_LEVEL} of the paper around it hold a square half its box's longer side
     * a side (at least {@link #BLOT_SQUARE} px): a filled shape (a blot, a coin), where a pen's strokes, however bold, are
     * narrow beside the digit's size. Only pixels between c's first and last ink on their row count: a coin lying in a 7's
     * open corner is not the 7's. Column by column the run of dark pixels ending at the row; a row with that many columns
     * side by side whose runs are that long holds one.
     */
    private boolean holdsDarkSquare(int c, float[] ink, AdaptiveThreshold grey) {
        int x0 = cc.minX[c], x1 = cc.maxX[c], y0 = cc.minY[c], y1 = cc.maxY[c];
        int square = Math.max(BLOT_SQUARE, (Math.max(x1 - x0 + 1, y1 - y0 + 1) + 1) / 2);
        if (Math.min(x1 - x0 + 1, y1 - y0 + 1) < square) {
            return false;   // too narrow to hold it (a 1, a speck): every frame has a digit to check, so no pass over it
        }
        int dark = darkBelow(c, ink, grey);
        if (dark < 0) {
            return false;
        }
        spans(c, false);
        for (int x = x0; x <= x1; x++) {
            darkRun[x] = 0;
        }
        for (int y = y0; y <= y1; y++) {
            int side = 0, lo = insideLo[y], hi = insideHi[y];
            for (int x = x0, k = y * width + x0; x <= x1; x++, k++) {
                darkRun[x] = lo <= x && x <= hi && grey.levelAt(k) < dark ? darkRun[x] + 1 : 0;
                side = darkRun[x] >= square ? side + 1 : 0;
                if (side >= square) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether every significant component (those left in) lies flat along the box's width ({@link #flatLine}) and the
     * largest is as long as a line's piece ({@link #LINE_LENGTH}): shorter bits broken off the same lines go with it.
     */
    private boolean onlyFlatLines(int comps, int largest) {
        boolean longEnough = false;
        for (int c = 0; c < comps; c++) {
            if (cc.size[c] > 0 && cc.size[c] >= SIGNIFICANT_COMPONENT * largest) {
                if (!flatLine(c)) {
                    return false;
                }
                longEnough |= cc.size[c] == largest && cc.boxWidth(c) >= lineLength;
            }
        }
        return longEnough;
    }

    /**
     * Component c is a piece of a printed line lying across the box: thin ({@link #LINE_THICKNESS}) and at least 3 times as
     * wide as high; or slanted, at least as wide as high, {@link #LINE_LENGTH} long, straight ({@link #straight}) and no
     * thicker than a printed line ({@link #THIN_LINE}: its pixels over its length). A "1" that thin (a small one) stands
     * more up than across.
     */
    private boolean flatLine(int c) {
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        if (h <= lineThickness && w >= 3 * h) {
            return true;
        }
        // length >= lineLength and size <= thinLine * length, squared: no Math.sqrt per camera frame (in the Wasm GC build an
        // import from JavaScript, which boxes its argument: 24 B a frame with a ruled line in the box). In double, so the
        // answer is the exact one: the float forms' rounding crossed the boundary in 2 of the 140 px box's cases (81x61, 301 px)
        double length2 = (double) (w - 1) * (w - 1) + (double) (h - 1) * (h - 1), size = cc.size[c];
        return w >= h && length2 >= (double) lineLength * lineLength && size * size <= (double) thinLine * thinLine * length2 && straight(c);
    }

    /**
     * Component c touches one side (those touching two are left out already) and runs away from it as a line does:
     * thin across, long along.
     */
    private boolean lineAtSide(int c) {
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        if (cc.atLeftOrRight(c) && h <= lineThickness && w >= lineLength || cc.atTopOrBottom(c) && w <= lineThickness && h >= lineLength) {
            return true;
        }
        // slanted, as the paper's edge at an angle: straight, running away from its side, long, and thin on average (its
        // pixels over its length; squared, in double, as in flatLine)
        double length2 = (double) (w - 1) * (w - 1) + (double) (h - 1) * (h - 1), size = cc.size[c];
        boolean away = cc.atTopOrBottom(c) ? h >= w : w >= h;
        return cc.sides(c) == 1 && away && length2 >= (double) lineLength * lineLength
                && size * size <= (double) lineThickness * lineThickness * length2 && straight(c);
    }

    /**
     * Component c touches one side and is a straight line ({@link #straight}) running most of the way over the box
     * ({@link #LINE_OVER_BOX}): its box's diagonal is at least LINE_OVER_BOX of the box's longest side.
     */
    private boolean lineOverBox(int c) {
        float dx = cc.maxX[c] - cc.minX[c], dy = cc.maxY[c] - cc.minY[c];
        float over = LINE_OVER_BOX * Math.max(width, height);
        return dx * dx + dy * dy >= over * over && straight(c);
    }

    /**
     * Component c is straight: along one of the diagonals of its box, which is where a straight line of any slant runs, its
     * runs' ends lie within {@link #LINE_THICKNESS} across. Measured across, not from the diagonal itself: a thick slanted
     * band's middle runs off its box's diagonal by half its width (the paper's edge slanted 30 px over the box, 7 px wide).
     */
    private boolean straight(int c) {
        float ax = cc.minX[c], ay = cc.minY[c], dx = cc.maxX[c] - ax, dy = cc.maxY[c] - ay;
        // a cross product over the diagonal's length is the signed distance from it: top-left to bottom-right (a),
        // bottom-left to top-right (b); the spread compared as spread <= lineThickness * length, squared (no Math.sqrt per
        // frame: see flatLine), in double: exact for these integer coordinates
        double limit2 = (double) lineThickness * lineThickness * ((double) dx * dx + (double) dy * dy);
        float aLo = 0, aHi = 0, bLo = 0, bHi = 0;
        boolean first = true;
        for (int i = 0, n = cc.runCount(); i < n; i++) {
            if (cc.compOf[i] == c) {
                float y = cc.runY[i] - ay, x0 = cc.runX0[i] - ax, x1 = cc.runX1[i] - ax;
                float a0 = x0 * dy - y * dx, a1 = x1 * dy - y * dx, b0 = x0 * dy - (dy - y) * dx, b1 = x1 * dy - (dy - y) * dx;
                if (first) {
                    aLo = aHi = a0;
                    bLo = bHi = b0;
                    first = false;
                }
                aLo = Math.min(aLo, Math.min(a0, a1));
                aHi = Math.max(aHi, Math.max(a0, a1));
                bLo = Math.min(bLo, Math.min(b0, b1));
                bHi = Math.max(bHi, Math.max(b0, b1));
            }
        }
        double spread = Math.min(aHi - aLo, bHi - bLo);
        return spread * spread <= limit2;
    }

    /**
     * Whether {@link #keepDigit} would change ink, the image the last {@link #check} found a digit in:
     * a pixel above 0 outside the box widened by {@link #BOX_MARGIN}, or a component left out.
     * Reads only, so a caller's image is copied only when it has something to clear.
     */
    public boolean hasStrays(float[] ink) {
        Result r = requirePresent(ink);
        if (r.acrossPixels > 0) {
            return true;
        }
        int x0 = Math.max(0, r.boxMinX - BOX_MARGIN), x1 = Math.min(width - 1, r.boxMaxX + BOX_MARGIN);
        int y0 = Math.max(0, r.boxMinY - BOX_MARGIN), y1 = Math.min(height - 1, r.boxMaxY + BOX_MARGIN);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            boolean inside = y >= y0 && y <= y1;
            for (int x = 0; x < width; x++) {
                if (inside && x == x0) {
                    x = x1;   // skip the box's span of this row
                } else if (ink[row + x] != 0) {   // NaN too: it is not the digit either
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Clears, in ink (the image the last {@link #check} found a digit in, or a copy of it), everything
     * that is not the digit: pixels outside the box widened by {@link #BOX_MARGIN}, and the ink pixels of
     * the components left out as running across the box.
     */
    public void keepDigit(float[] ink) {
        Result r = requirePresent(ink);
        int x0 = Math.max(0, r.boxMinX - BOX_MARGIN), x1 = Math.min(width - 1, r.boxMaxX + BOX_MARGIN);
        int y0 = Math.max(0, r.boxMinY - BOX_MARGIN), y1 = Math.min(height - 1, r.boxMaxY + BOX_MARGIN);
        for (int y = 0; y < height; y++) {
            int row = y * width;
            if (y < y0 || y > y1) {
                java.util.Arrays.fill(ink, row, row + width, 0f);
            } else {
                java.util.Arrays.fill(ink, row, row + x0, 0f);
                java.util.Arrays.fill(ink, row + x1 + 1, row + width, 0f);
            }
        }
        lineCut.clearCut(ink);   // no run holds the lines cut
        if (r.acrossPixels > 0) {
            for (int i = 0, n = cc.runCount(); i < n; i++) {
                if (cc.size[cc.compOf[i]] == 0) {
                    int row = cc.runY[i] * width;
                    java.util.Arrays.fill(ink, row + cc.runX0[i], row + cc.runX1[i] + 1, 0f);
                }
            }
        }
    }

    private Result requirePresent(float[] ink) {
        Check.floats(ink, width * height, "ink");
        if (!result.present) {
            throw new IllegalStateException("the last check found no digit: " + result.reason);
        }
        return result;
    }

    /** The result of the last {@link #check} (same object). */
    public Result result() {
        return result;
    }

    /**
     * Whether the significant components (at least 10 % of the largest's pixels) are several digits side by side. They are
     * grouped where their columns overlap: a digit's own pieces nearly always do (a 4's two strokes, a 5's flag, a 7's
     * bar, a broken 0's top and bottom). A group is a digit of its own when it is at least {@link #SEVERAL_HEIGHT} as tall
     * as the tallest group (a detached flag or dot is not); two such groups next to each other with at least
     * {@link #SEVERAL_GAP} of the tallest height of empty columns between them are two digits. Groups one above the other
     * are one group, so a stacked pair is not found, and neither is an 8 whose loops do not meet.
     */
    private boolean several(int largest) {
        int n = 0;
        for (int c = 0, comps = result.components; c < comps && n < MAX_SIGNIFICANT; c++) {
            if (cc.size[c] >= SIGNIFICANT_COMPONENT * largest) {   // as for the box: left-out pieces have size 0
                int k = n++;   // insertion by left column: a few components
                while (k > 0 && cc.minX[byLeft[k - 1]] > cc.minX[c]) {
                    byLeft[k] = byLeft[k - 1];
                    k--;
                }
                byLeft[k] = c;
            }
        }
        // merge the column spans left to right; each group's height is its components' rows from top to bottom
        int groups = 0, tallest = 0, minY = 0, maxY = 0;
        for (int k = 0; k < n; k++) {
            int c = byLeft[k];
            if (groups > 0 && cc.minX[c] <= groupMaxX[groups - 1]) {
                groupMaxX[groups - 1] = Math.max(groupMaxX[groups - 1], cc.maxX[c]);
                minY = Math.min(minY, cc.minY[c]);
                maxY = Math.max(maxY, cc.maxY[c]);
            } else {
                groupMinX[groups] = cc.minX[c];
                groupMaxX[groups] = cc.maxX[c];
                groups++;
                minY = cc.minY[c];
                maxY = cc.maxY[c];
            }
            groupHeight[groups - 1] = maxY - minY + 1;
            tallest = Math.max(tallest, maxY - minY + 1);
        }
        int lastRight = -1;   // the right column of the last group tall enough to be a digit
        for (int g = 0; g < groups; g++) {
            if (groupHeight[g] < SEVERAL_HEIGHT * tallest) {
                continue;
            }
            if (lastRight >= 0 && groupMinX[g] - lastRight - 1 >= SEVERAL_GAP * tallest) {
                return true;
            }
            lastRight = groupMaxX[g];
        }
        return false;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
