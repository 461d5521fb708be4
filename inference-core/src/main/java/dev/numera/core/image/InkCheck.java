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
 *     paper with lines slanted by 10-60 degrees, half with the paper's corner, 100 read as a digit before, 64 after
 *     (steeper lines' pieces stand up as a "1" does); MNIST 1s turned by up to 50 degrees read as before.</li>
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
 * out, the lines running into it from the sides are cut away: from each side, each run of its ink on the side
 * that is thin ({@link #LINE_THICKNESS}) and alone (no other of its ink within LINE_THICKNESS along the side:
 * a stroke too wide for the threshold's window comes out hollow, two thin outlines side by side, which is how a
 * digit held too close meets the sides) is followed inward slice by slice (columns from the left and right
 * sides, rows from the top and bottom), along the run nearest the middle of the last, until the line ends or
 * its run grows more than {@link #LINE_SLACK} over its thickness at the side (a stroke joins it there), unless what
 * grew is no wider along the walk than that thickness + 1 and the line goes on thin past it: another line crossing
 * it (squared paper), walked across at the line's place. A walk
 * of {@link #LINE_LENGTH} or more is cut. What is left of the component is labelled again; a piece of it is
 * the digit, and kept, when it touches no side, holds enough ink for a digit (at least the camera box's
 * {@code max(4, 0.35 %)}: not a bit of an edge's ragged side) and is not itself thin and long like a line of
 * the direction cut (between two lines across, the stretch of a line crossing them, which no walk reaches).
 * Everything else goes with the component, as before; components that do not touch two sides are not changed
 * (with the grey levels, see below, those touching one side may be). Measured on 500 MNIST digits (~60 px) in the box, read right before and after: on a 2 px line of
 * grey 120 (paper 235) 4 and 494, grey 160 352 and 472; the paper's edge at the digit 342 and 475, 3 px from it
 * and slanted 344 and 435; a hard shadow's edge across it 437 and 465; digits touching one side or none, and
 * edges, shadows and lines on blank paper, unchanged (every read identical); digits held too close (a 240 px
 * frame) 173 and 176 right, 76 and 78 wrong. With the box's grey levels (the camera path) a walk also ends at ink much
 * darker than the line ({@link #STROKE_ON_LINE}), since a small digit's strokes are as thin as the line (and a walk
 * ending where a stroke joins the line has ended at such ink when the stroke is that dark a few slices on,
 * {@link #STROKE_AHEAD}: its soft edge is not); components
 * touching one side are walked too (a light line the threshold lost near the digit reaches only one side), cut only where
 * the walk ended at such ink; and a piece that holds such an end is the digit even when it touches one side. Of 300 MNIST
 * digits (CameraBoxTest), read right before and after: ~30 px on a 2 px line of grey 120 258 and 289, grey 160 246 and
 * 295; ~60 px at the left side on a line of grey 160 207 and 284, at the top 187 and 281; blank scenes unchanged. Of 1,000
 * seeded scenes on ruled paper (lines of grey 110..200, 1-3 px, slanted up to 4 degrees; pens and pencils; digits 28-77 px
 * and off-centre), 250 of each kind: on a line 212 and 224, between lines 232 and 237, a line through the middle 210 and
 * 223 (clean 246); blank ruled paper read as a digit 27 and 27. Walking across crossing lines, of 300 digits on squared
 * paper (2 px lines every 25 px, paper 245) read right: grid of grey 160 76 and 296, of grey 120 0 and 282, grey 160 with one line down
 * 197 and 297; one grey-120 line down through the digit 287 and 285; blank grids still no digit.
 *
 * <p>A line or a shadow's edge that runs through the digit usually reaches
 * the check in two pieces, one at each side, because next to the dark digit the threshold's window is
 * darker and the line's grey no longer counts as ink: a component that touches one side and runs away
 * from it thin ({@link #LINE_THICKNESS}) and long ({@link #LINE_LENGTH}) is left out as well, unless too
 * little ink would be left for a digit. A lone "1" touching the top is such a piece, so one is kept alone, unless it is
 * straight (every run within half of LINE_THICKNESS of a diagonal of its box, at any slant) and runs at least
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
 * (between the outline's first and last pixel along each line across it), and it is dark inside when either count says
 * so; of 200 such thumbs 168 read as a digit with the box's count alone, 22 with both. Every
 * read of 500 MNIST digits centred, touching each side, small, in red pen, pencil or a hard shadow's edge, and of lone 1s at
 * the top or bottom, is unchanged. Without the grey levels ({@link #check(float[], boolean)}) nothing changes.
 *
 * <p>The box is also what the digit is: {@link #keepDigit} clears everything outside it (widened by
 * {@link #BOX_MARGIN}, for the soft edge of drawn strokes) and the components left out, so that a speck
 * of dust or a pen tick far from the digit does not stretch the normaliser's crop and shrink the digit.
 * A separate stroke of less than a tenth of the largest piece's ink that lies outside the box goes too
 * (a drawn 5's short flag, say: the digit read did not change in the cases tried).
 * Connected components are found on runs, not pixels: each row's ink is cut into runs (maximal
 * horizontal stretches), a run joins every run of the row above that it touches, sideways or
 * diagonally (8-connectivity: the spans, each widened by one, overlap), and union-find merges them.
 * A written digit of a few thousand ink pixels is a few hundred runs, so the labelling touches each
 * ink pixel once, when the runs are cut, instead of looking at its eight neighbours (a flood fill did:
 * 2-3x slower in Wasm GC). Buffers are allocated once for (width, height); {@link #check} returns the
 * same {@link Result} object every call.
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
     * A line followed in from a side ({@link #check(float[], boolean)}) may grow this fraction of the box's longest side
     * (3 px of 140) over its thickness at the side, for the threshold's ragged edge along it; where it grows more, a
     * stroke joins it. A 60 px digit's strokes come out of the threshold 6-9 px thick, the grey line's 2-4 px.
     */
    public static final float LINE_SLACK = 0.022f;
    /**
     * With the box's grey levels ({@link #check(float[], AdaptiveThreshold)}), a line followed in from a side also ends
     * where its run holds a pixel darker than this fraction of the line's own darkest grey so far: a pen stroke joins it
     * there, lying along it or crossing it. A small digit's strokes are as thin as the line (a 30 px digit's 3-4 px, within
     * {@link #LINE_SLACK}), so by thickness alone the walk went on through a 2's base or a 6's bottom, cutting them away; ink
     * is darker than a printed line (a pencil may not be: then only thickness decides, as without the grey levels).
     */
    public static final float STROKE_ON_LINE = 0.75f;
    /**
     * ...and at least this many grey levels (0..255) darker than the line: along the paper's edge the walk follows the dark
     * table (40..120), where a shade a little darker (the wood's grain; in the tests a line printed on across the table,
     * 25 levels) is no pen stroke. Without it, 5 more of CameraBoxTest's 400 blank scenes with an edge read as a digit.
     */
    public static final int STROKE_STEP = 32;
    /**
     * Slices past where a stroke joins a walked line (its run grows thicker than the line) in which the stroke's darker
     * core is looked for ({@link #STROKE_ON_LINE}): the stroke's soft edge, where the walk stops, is often no darker than
     * the line. Of 300 digits (~60 px) at the box's left side on a line of grey 160 (CameraBoxTest), 284 read right before,
     * 295 after; at the top 279 and 283; with a line through the middle of 250 on ruled paper 224 and 226; blank scenes
     * unchanged.
     */
    public static final int STROKE_AHEAD = 3;
    /**
     * A camera box's component touching one side is the outline of a wide dark thing (a finger holding the sheet), not
     * writing, when in its box (or only inside its outline, for a slanted thumb: {@link #darkInside}) the ink-free pixels
     * darker than {@link #DARK_LEVEL} of the paper around it fill at least this fraction of the box...
     */
    public static final float DARK_FILL = 0.25f;
    /** ...and are at least this fraction of the box's ink-free pixels (a thin "1"'s box is mostly its strokes' soft fringe). */
    public static final float DARK_SHARE = 0.7f;
    /** A pixel is dark below this fraction of the paper's grey level: a finger 90..150 on paper 200..245 is under 0.75. */
    public static final float DARK_LEVEL = 0.8f;
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
    /** Runs of ink, row by row: run i covers columns runX0[i]..runX1[i] of row runY[i]; at most ceil(width/2) per row. */
    private final int[] runX0;
    private final int[] runX1;
    private final int[] runY;
    /** union-find over the runs: parent[i] = i for a root, which is always its component's first run */
    private final int[] parent;
    /** the component a run belongs to, once numbered */
    private final int[] compOf;
    /** (height+1) index of each row's first run; rowStart[height] = number of runs */
    private final int[] rowStart;
    /** per component: pixel count (0 for one left out as running across) and box. At most ceil(w/2)*ceil(h/2) 8-connected components exist. */
    private final int[] compSize;
    private final int[] compMinX;
    private final int[] compMinY;
    private final int[] compMaxX;
    private final int[] compMaxY;
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
    /** {@link #LINE_THICKNESS}, {@link #LINE_LENGTH} and {@link #LINE_SLACK} in pixels of this image */
    private final int lineThickness, lineLength, lineSlack;
    /** {@link #THIN_LINE} in pixels of this image */
    private final float thinLine;
    /**
     * (width*height), camera boxes only: {@link #MARK_ACROSS} on the pixels of the components touching two or more
     * sides, {@link #MARK_SIDE} on those touching one (with the grey levels only), {@link #MARK_CUT} on those of them cut
     * as lines, else 0; all 0 when {@link #marked} is false.
     * {@link #runs} skips MARK_CUT pixels. Made the first time a camera box has something running across it: a
     * drawing's check never needs it (the pad's would be 78 KB more on the page's start).
     */
    private byte[] mark;
    private static final byte MARK_ACROSS = 1, MARK_CUT = 2, MARK_SIDE = 3;
    private boolean marked;
    /** Whether the last check cut lines walked in from the left or right side (running across), from the top or bottom (down). */
    private boolean cutAcross, cutDown;
    /** Where the lines cut ended at a pen stroke ({@link #STROKE_ON_LINE}): a pixel of the stroke's run in the slice the walk stopped at. */
    private final int[] strokeStops = new int[MAX_STROKE_STOPS];
    private int strokeStopCount;
    private static final int MAX_STROKE_STOPS = 16;
    /** One walk in from a side ({@link #walk}): the line's run lo..hi in each slice, by steps from the side. */
    private final int[] walkLo, walkHi;
    /** {@link #runNear}'s answer: the run it found, lo..hi across the slice. */
    private int nearLo, nearHi;

    public InkCheck(int width, int height) {
        int n = Check.pixels(width, height);
        this.width = width;
        this.height = height;
        int longest = Math.max(width, height);
        lineThickness = (int) (LINE_THICKNESS * longest);
        lineLength = (int) (LINE_LENGTH * longest);
        lineSlack = (int) (LINE_SLACK * longest);
        thinLine = THIN_LINE * longest;
        int maxRuns = ((width + 1) / 2) * height;
        runX0 = new int[maxRuns];
        runX1 = new int[maxRuns];
        runY = new int[maxRuns];
        parent = new int[maxRuns];
        compOf = new int[maxRuns];
        rowStart = new int[height + 1];
        int maxComponents = ((width + 1) / 2) * ((height + 1) / 2);
        compSize = new int[maxComponents];
        compMinX = new int[maxComponents];
        compMinY = new int[maxComponents];
        compMaxX = new int[maxComponents];
        compMaxY = new int[maxComponents];
        walkLo = new int[longest];
        walkHi = new int[longest];
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
        if (marked) {
            java.util.Arrays.fill(mark, (byte) 0);   // the last camera box's marks: runs() skips MARK_CUT pixels
            marked = false;
        }
        int count = runs(ink);
        res.inkPixels = count;
        if (count == 0) {
            res.reason = NO_INK;
            return res;
        }
        if (count > MAX_INK_FRACTION * n) {
            res.reason = TOO_MUCH_INK;
            return res;
        }
        int comps = label();
        res.components = comps;
        boolean dark = false;   // a dark thing's outline left out
        if (cameraBox) {
            int cut = cutLines(comps, grey);
            if (cut > 0) {
                // labelled again without the lines cut: what is left of the components that ran across is in pieces,
                // every other component is as it was. A piece is the digit only if it looks like one (digitInRemains)
                runs(ink);
                comps = label();
                res.components = comps;
                res.acrossPixels = cut;
                count -= cut;
                for (int i = 0, n2 = rowStart[height]; i < n2; i++) {
                    int c = compOf[i];
                    if (compSize[c] > 0 && mark[runY[i] * width + runX0[i]] == MARK_ACROSS && !digitInRemains(c)) {
                        count -= leaveOut(c);
                    }
                }
            }
            for (int c = 0; c < comps; c++) {
                if (sides(c) >= 2) {
                    count -= leaveOut(c);
                }
            }
            // a line or a shadow's edge through the digit comes in pieces, one at each side: near the dark digit the
            // threshold's window is darker and loses the line's grey. Left out too, unless too little ink would be
            // left for a digit (a lone "1" touching the top is a thin piece at a side as well). A straight piece running
            // most of the way over the box is a line even then (on blank paper, a line the noise broke off an edge)
            int pieces = 0;
            for (int c = 0; c < comps; c++) {
                if (compSize[c] > 0 && sides(c) == 1) {
                    if (lineOverBox(c)) {
                        count -= leaveOut(c);
                    } else if (lineAtSide(c)) {
                        pieces += compSize[c];
                    }
                }
            }
            if (pieces > 0 && enoughInk(count - pieces)) {
                for (int c = 0; c < comps; c++) {
                    if (compSize[c] > 0 && lineAtSide(c)) {
                        leaveOut(c);
                    }
                }
                count -= pieces;
            }
            // a finger holding the sheet: the threshold marks only its outline (the window fits inside it), a hollow U at
            // a side that reads 0, 7 or 9; inside, the finger is dark, where a digit's box holds paper
            if (grey != null) {
                for (int c = 0; c < comps; c++) {
                    if (compSize[c] > 0 && sides(c) == 1 && darkInside(c, ink, grey)) {
                        count -= leaveOut(c);
                        dark = true;
                    }
                }
            }
        }
        if (cameraBox && !enoughInk(count)) {
            res.reason = dark ? DARK : res.acrossPixels > 0 ? ACROSS : TOO_LITTLE_INK;
            return res;
        }
        if (count < MIN_INK_PIXELS) {
            res.reason = TOO_SMALL;   // a tap on the pad: "blank paper?" would mean nothing there
            return res;
        }
        int largest = 0;
        for (int c = 0; c < comps; c++) {
            if (compSize[c] > largest) {
                largest = compSize[c];
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
            if (compSize[c] >= SIGNIFICANT_COMPONENT * largest) {
                minX = Math.min(minX, compMinX[c]);
                minY = Math.min(minY, compMinY[c]);
                maxX = Math.max(maxX, compMaxX[c]);
                maxY = Math.max(maxY, compMaxY[c]);
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
     * Component c is left out (camera boxes: it runs across the box, is a line's piece or a finger's outline): counted in
     * {@link Result#acrossPixels}, and no longer the largest, never significant. Returns its pixels.
     */
    private int leaveOut(int c) {
        int size = compSize[c];
        result.acrossPixels += size;
        compSize[c] = 0;
        return size;
    }

    /** Whether a camera box with this many ink pixels has enough for a digit ({@link #TOO_LITTLE_INK} otherwise). */
    private boolean enoughInk(int pixels) {
        return pixels >= MIN_INK_PIXELS && pixels >= MIN_INK_FRACTION * (width * height);
    }

    /** How many sides of the image component c touches. */
    private int sides(int c) {
        return (compMinX[c] == 0 ? 1 : 0) + (compMaxX[c] == width - 1 ? 1 : 0)
                + (compMinY[c] == 0 ? 1 : 0) + (compMaxY[c] == height - 1 ? 1 : 0);
    }

    /**
     * Marks the components touching two or more sides {@link #MARK_ACROSS} and cuts the lines that run into them from the
     * sides (class comment); returns the pixels cut, 0 when there is nothing to label again. With the grey levels, the
     * components touching one side are marked {@link #MARK_SIDE} and walked too: near a dark digit the threshold loses a
     * light line, so a line on which a digit is written may reach only one side, and its piece from that side, joined to
     * the digit, stretched the digit's box to the side. Such a piece is cut only where the walk ends at ink much darker
     * than it ({@link #STROKE_ON_LINE}): a digit's own stroke touching a side (a 7's bar) is as dark as the rest of it.
     */
    private int cutLines(int comps, AdaptiveThreshold grey) {
        boolean any = false;
        for (int c = 0; c < comps && !any; c++) {
            any = sides(c) >= 2 || grey != null && sides(c) == 1;
        }
        if (!any) {
            return 0;
        }
        if (mark == null) {
            mark = new byte[width * height];
        }
        marked = true;
        for (int i = 0, n = rowStart[height]; i < n; i++) {
            int sides = sides(compOf[i]);
            if (sides >= 2 || grey != null && sides == 1) {
                int row = runY[i] * width;
                java.util.Arrays.fill(mark, row + runX0[i], row + runX1[i] + 1, sides >= 2 ? MARK_ACROSS : MARK_SIDE);
            }
        }
        // pixel (a, b) of a walk, a steps in from the side and b along it, is mark[start + a * along + b * across]
        int w = width, h = height;
        strokeStopCount = 0;
        int fromLeftOrRight = walkSide(0, 1, w, w, h, grey) + walkSide(w - 1, -1, w, w, h, grey);
        int fromTopOrBottom = walkSide(0, w, 1, h, w, grey) + walkSide((h - 1) * w, -w, 1, h, w, grey);
        cutAcross = fromLeftOrRight > 0;
        cutDown = fromTopOrBottom > 0;
        return fromLeftOrRight + fromTopOrBottom;
    }

    /**
     * Walks in from one side ({@link #walk}) from every run of marked ink on it that is thin ({@link #LINE_THICKNESS})
     * and alone: no other marked ink within LINE_THICKNESS along the side. A stroke wider than the threshold's window
     * comes out hollow, two thin outlines side by side, and a digit held too close meets the sides with them; a line,
     * an edge or a shadow's edge meets a side once. Returns the pixels cut.
     */
    private int walkSide(int start, int along, int across, int steps, int span, AdaptiveThreshold grey) {
        int cut = 0, lastHi = -span;   // where the previous run along the side ended
        for (int b = 0; b < span; b++) {
            if (mark[start + b * across] == 0) {
                continue;
            }
            int lo = b;
            while (b + 1 < span && mark[start + (b + 1) * across] != 0) {
                b++;
            }
            int next = b + 1;
            while (next < span && mark[start + next * across] == 0) {
                next++;
            }
            boolean alone = lo - lastHi > lineThickness && (next == span || next - b > lineThickness);
            if (alone && b - lo + 1 <= lineThickness) {
                cut += walk(start, along, across, steps, span, lo, b, grey);
            }
            lastHi = b;
        }
        return cut;
    }

    /**
     * Follows a line in from a side, from its run lo..hi on the side, one slice (column or row) at a time: the line's run
     * in the next slice is the marked run nearest the middle of the last (a slanted line moves by one; a run beside it,
     * another line or a speck, is not the line). The walk ends where the line does, or where its run grows more than
     * {@link #LINE_SLACK} over its thickness at the side (or past {@link #LINE_THICKNESS}): a stroke joins it there,
     * crossing it or lying along it; but not where a line as thin as this one crosses it ({@link #crossed}). With the
     * grey levels (else null) it also ends where its run holds ink much darker than the line ({@link #STROKE_ON_LINE}).
     * A walk of {@link #LINE_LENGTH} or more is a line: its pixels are marked {@link #MARK_CUT}; from a component touching
     * one side ({@link #MARK_SIDE}) only when it ended at such darker ink. Returns the pixels cut.
     */
    private int walk(int start, int along, int across, int steps, int span, int lo, int hi, AdaptiveThreshold grey) {
        int limit = Math.min(lineThickness, hi - lo + 1 + lineSlack);
        int lineLevel = grey == null ? 0 : darkest(grey, start, across, lo, hi);
        boolean atStroke = false;   // the walk ended at ink much darker than the line
        walkLo[0] = lo;
        walkHi[0] = hi;
        int a = 0;
        while (++a < steps) {
            int slice = start + a * along;
            if (!runNear(slice, across, span, lo, hi, limit)) {
                break;   // the line ends
            }
            if (grey != null) {
                int level = darkest(grey, slice, across, nearLo, nearHi);
                if (level < Math.min(STROKE_ON_LINE * lineLevel, lineLevel - STROKE_STEP)) {
                    atStroke = true;
                    break;   // a pen stroke on the line, however thin
                }
                lineLevel = Math.min(lineLevel, level);   // the line darkens slowly under a shadow or uneven light
            }
            if (nearHi - nearLo >= limit) {
                // thicker than the line: a stroke joins it, unless a thin line crosses it (squared paper), the line going on
                // past it at its run's place
                int past = crossed(start, along, across, steps, span, a, lo, hi, limit, walkHi[0] - walkLo[0] + 2);
                if (past < 0) {
                    // the stroke's soft edge is no darker than the line: its core, a few slices on, may be
                    atStroke = grey != null && darkerAhead(grey, start, along, across, steps, span, a, lo, hi, lineLevel);
                    break;
                }
                for (; a < past; a++) {
                    walkLo[a] = lo;
                    walkHi[a] = hi;
                }
                a--;   // the walk goes on from the slice past the crossing line
                continue;
            }
            walkLo[a] = lo = nearLo;
            walkHi[a] = hi = nearHi;
        }
        if (a < lineLength || mark[start + walkLo[0] * across] == MARK_SIDE && !atStroke) {
            return 0;
        }
        if (atStroke && strokeStopCount < MAX_STROKE_STOPS) {
            strokeStops[strokeStopCount++] = start + a * along + nearLo * across;
        }
        int cut = 0;
        for (int k = 0; k < a; k++) {
            int slice = start + k * along;
            for (int b = walkLo[k]; b <= walkHi[k]; b++) {
                byte m = mark[slice + b * across];
                if (m == MARK_ACROSS || m == MARK_SIDE) {
                    mark[slice + b * across] = MARK_CUT;
                    cut++;
                }
            }
        }
        return cut;
    }

    /**
     * Whether the stroke a walk ran into at slice a (its run thicker there than the line lo..hi before it) is much darker
     * than the line ({@link #STROKE_ON_LINE}) within {@link #STROKE_AHEAD} slices, at the line's place (lo..hi, widened by
     * one): a pen stroke's edge is soft, its first slices no darker than the line.
     */
    private boolean darkerAhead(AdaptiveThreshold grey, int start, int along, int across, int steps, int span, int a, int lo,
                                int hi, int lineLevel) {
        int from = Math.max(0, lo - 1), to = Math.min(span - 1, hi + 1);
        for (int k = a; k < steps && k <= a + STROKE_AHEAD; k++) {
            int slice = start + k * along;
            for (int b = from; b <= to; b++) {
                if (mark[slice + b * across] != 0
                        && grey.levelAt(slice + b * across) < Math.min(STROKE_ON_LINE * lineLevel, lineLevel - STROKE_STEP)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The darkest grey level of the run lo..hi across one slice of a walk. */
    private static int darkest(AdaptiveThreshold grey, int slice, int across, int lo, int hi) {
        int level = Integer.MAX_VALUE;
        for (int b = lo; b <= hi; b++) {
            level = Math.min(level, grey.levelAt(slice + b * across));
        }
        return level;
    }

    /**
     * The walk ({@link #walk}) met, in slice a, a run thicker than its line (run lo..hi in slice a - 1): returns the first slice
     * past it where the line goes on, within one of lo..hi and thin again (under limit), when at most thin (the line's
     * thickness at the side + 1) slices are crossed (what crossed is as thin as the line: a line of squared paper, not a
     * stroke), else -1. Allocates nothing.
     */
    private int crossed(int start, int along, int across, int steps, int span, int a, int lo, int hi, int limit, int thin) {
        for (int k = a + 1; k < steps && k - a <= thin; k++) {
            if (!runNear(start + k * along, across, span, lo, hi, limit)) {
                return -1;   // the line ends at what crossed it
            }
            if (nearHi - nearLo < limit) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The line's run in one slice of a walk: the marked pixel nearest the middle of the last run lo..hi, within one of it
     * (8-connected to it), and the marked run through it, measured no further than limit, into {@link #nearLo}..{@link #nearHi}.
     * False when no marked pixel is there.
     */
    private boolean runNear(int slice, int across, int span, int lo, int hi, int limit) {
        int first = Math.max(0, lo - 1), last = Math.min(span - 1, hi + 1), mid = (lo + hi) >>> 1, b = -1;
        for (int d = 0; b < 0 && (mid - d >= first || mid + d <= last); d++) {
            if (mid - d >= first && mark[slice + (mid - d) * across] != 0) {
                b = mid - d;
            } else if (mid + d <= last && mark[slice + (mid + d) * across] != 0) {
                b = mid + d;
            }
        }
        if (b < 0) {
            return false;
        }
        int bLo = b, bHi = b;
        while (bLo > 0 && mark[slice + (bLo - 1) * across] != 0 && bHi - bLo < limit) {
            bLo--;
        }
        while (bHi < span - 1 && mark[slice + (bHi + 1) * across] != 0 && bHi - bLo < limit) {
            bHi++;
        }
        nearLo = bLo;
        nearHi = bHi;
        return true;
    }

    /**
     * Whether c, a piece of what ran across the box left once its lines are cut, is the digit: it touches no side
     * (a digit held too close meets the sides itself), or one side and holds a pen stroke at which a line cut ended
     * ({@link #lineEndsAt}: a digit at a side of the box written on a line), holds enough ink for a digit (not a bit of
     * an edge's ragged side), and is not itself a piece of a line of the direction cut, thin and long like {@link #lineAtSide} (the
     * stretch of a vertical line between two lines across, which no walk reaches).
     */
    private boolean digitInRemains(int c) {
        int w = compMaxX[c] - compMinX[c] + 1, h = compMaxY[c] - compMinY[c] + 1;
        boolean lineAcross = h <= lineThickness && w >= lineLength, lineDown = w <= lineThickness && h >= lineLength;
        boolean notAcross = sides(c) == 0 || sides(c) == 1 && lineEndsAt(c);
        return notAcross && enoughInk(compSize[c]) && !(cutAcross && lineAcross) && !(cutDown && lineDown);
    }

    /** Whether component c (labelled after the cut) holds a pen stroke at which a line cut ended ({@link #strokeStops}). */
    private boolean lineEndsAt(int c) {
        for (int s = 0; s < strokeStopCount; s++) {
            int y = strokeStops[s] / width, x = strokeStops[s] % width;
            for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
                if (compOf[i] == c && runX0[i] <= x && x <= runX1[i]) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Component c touches one side and is the outline of a wide dark thing, not writing ({@link #DARK_FILL}): the paper
     * level is the darkest of the mean grey levels of the non-ink pixels in the four strips {@link #DARK_RING} wide along
     * its box (those inside the image), so that a shadow over the digit and below it does not count as dark inside.
     */
    private boolean darkInside(int c, float[] ink, AdaptiveThreshold grey) {
        int x0 = compMinX[c], x1 = compMaxX[c], y0 = compMinY[c], y1 = compMaxY[c];
        int rx0 = Math.max(0, x0 - DARK_RING), rx1 = Math.min(width - 1, x1 + DARK_RING);
        int ry0 = Math.max(0, y0 - DARK_RING), ry1 = Math.min(height - 1, y1 + DARK_RING);
        float paper = Float.MAX_VALUE;
        for (int s = 0; s < 4; s++) {   // left and right strips (corners included), top and bottom strips
            int ax = s == 0 ? rx0 : s == 1 ? x1 + 1 : x0, bx = s == 0 ? x0 - 1 : s == 1 ? rx1 : x1;
            int ay = s == 3 ? y1 + 1 : ry0, by = s == 2 ? y0 - 1 : ry1;
            long sum = 0;
            int n = 0;
            for (int y = ay; y <= by; y++) {
                for (int x = ax, k = y * width + ax; x <= bx; x++, k++) {
                    if (!(ink[k] >= INK_LEVEL)) {
                        sum += grey.levelAt(k);
                        n++;
                    }
                }
            }
            if (n >= DARK_RING) {   // a strip outside the image (at the side it touches), or nearly all ink, says nothing
                paper = Math.min(paper, (float) sum / n);
            }
        }
        if (paper == Float.MAX_VALUE) {
            return false;
        }
        // inside the outline: along each line across the thing (columns for one from the left or right, rows for one from
        // the top or bottom), the pixels between the outline's first and last; a slanted thumb's box also holds the paper
        // beside it, which is not inside. walkLo/walkHi (one per line) are free outside cutLines
        boolean across = compMinX[c] == 0 || compMaxX[c] == width - 1;
        int first = across ? x0 : y0, last = across ? x1 : y1;
        for (int l = first; l <= last; l++) {
            walkLo[l] = Integer.MAX_VALUE;
            walkHi[l] = -1;
        }
        for (int i = 0, n = rowStart[height]; i < n; i++) {
            if (compOf[i] == c) {
                int y = runY[i];
                if (across) {
                    for (int x = runX0[i]; x <= runX1[i]; x++) {
                        walkLo[x] = Math.min(walkLo[x], y);
                        walkHi[x] = Math.max(walkHi[x], y);
                    }
                } else {
                    walkLo[y] = Math.min(walkLo[y], runX0[i]);
                    walkHi[y] = Math.max(walkHi[y], runX1[i]);
                }
            }
        }
        // counted over the whole box and over the inside: dark enough either way (a straight thumb whose outline the noise
        // broke has little inside, a slanted one much paper in its box)
        float dark = DARK_LEVEL * paper;
        int darkInBox = 0, paperInBox = 0, darkInside = 0, paperInside = 0;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0, k = y * width + x0; x <= x1; x++, k++) {
                if (!(ink[k] >= INK_LEVEL)) {
                    int l = across ? x : y, m = across ? y : x;
                    boolean inside = walkLo[l] <= m && m <= walkHi[l], isDark = grey.levelAt(k) < dark;
                    paperInBox++;
                    darkInBox += isDark ? 1 : 0;
                    paperInside += inside ? 1 : 0;
                    darkInside += inside && isDark ? 1 : 0;
                }
            }
        }
        float fill = DARK_FILL * (x1 - x0 + 1) * (y1 - y0 + 1);
        return darkInBox >= fill && darkInBox >= DARK_SHARE * paperInBox
                || darkInside >= fill && darkInside >= DARK_SHARE * paperInside;
    }

    /**
     * Whether every significant component (those left in) lies flat along the box's width ({@link #flatLine}) and the
     * largest is as long as a line's piece ({@link #LINE_LENGTH}): shorter bits broken off the same lines go with it.
     */
    private boolean onlyFlatLines(int comps, int largest) {
        boolean longEnough = false;
        for (int c = 0; c < comps; c++) {
            if (compSize[c] > 0 && compSize[c] >= SIGNIFICANT_COMPONENT * largest) {
                if (!flatLine(c)) {
                    return false;
                }
                longEnough |= compSize[c] == largest && compMaxX[c] - compMinX[c] + 1 >= lineLength;
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
        int w = compMaxX[c] - compMinX[c] + 1, h = compMaxY[c] - compMinY[c] + 1;
        if (h <= lineThickness && w >= 3 * h) {
            return true;
        }
        float length = (float) Math.sqrt((w - 1f) * (w - 1f) + (h - 1f) * (h - 1f));
        return w >= h && length >= lineLength && compSize[c] <= thinLine * length && straight(c);
    }

    /**
     * Component c touches one side (those touching two are left out already) and runs away from it as a line does:
     * thin across, long along.
     */
    private boolean lineAtSide(int c) {
        int w = compMaxX[c] - compMinX[c] + 1, h = compMaxY[c] - compMinY[c] + 1;
        boolean leftOrRight = compMinX[c] == 0 || compMaxX[c] == width - 1;
        boolean topOrBottom = compMinY[c] == 0 || compMaxY[c] == height - 1;
        return leftOrRight && h <= lineThickness && w >= lineLength || topOrBottom && w <= lineThickness && h >= lineLength;
    }

    /**
     * Component c touches one side and is a straight line ({@link #straight}) running most of the way over the box
     * ({@link #LINE_OVER_BOX}): its box's diagonal is at least LINE_OVER_BOX of the box's longest side.
     */
    private boolean lineOverBox(int c) {
        float dx = compMaxX[c] - compMinX[c], dy = compMaxY[c] - compMinY[c];
        float over = LINE_OVER_BOX * Math.max(width, height);
        return dx * dx + dy * dy >= over * over && straight(c);
    }

    /**
     * Component c is straight: every run's ends lie within half of {@link #LINE_THICKNESS} of one of the diagonals of its box,
     * which is where a straight line of any slant lies.
     */
    private boolean straight(int c) {
        float ax = compMinX[c], ay = compMinY[c], dx = compMaxX[c] - ax, dy = compMaxY[c] - ay;
        // |cross product| / length is the distance from a diagonal: top-left to bottom-right (a), bottom-left to top-right (b)
        float limit = lineThickness / 2f * (float) Math.sqrt(dx * dx + dy * dy), a = 0, b = 0;
        for (int i = 0, n = rowStart[height]; i < n && Math.min(a, b) <= limit; i++) {
            if (compOf[i] == c) {
                float y = runY[i] - ay, x0 = runX0[i] - ax, x1 = runX1[i] - ax;
                a = Math.max(a, Math.max(Math.abs(x0 * dy - y * dx), Math.abs(x1 * dy - y * dx)));
                b = Math.max(b, Math.max(Math.abs(x0 * dy - (dy - y) * dx), Math.abs(x1 * dy - (dy - y) * dx)));
            }
        }
        return Math.min(a, b) <= limit;
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
        if (marked) {   // the lines cut: no run holds them
            for (int i = 0; i < mark.length; i++) {
                if (mark[i] == MARK_CUT) {
                    ink[i] = 0f;
                }
            }
        }
        if (r.acrossPixels > 0) {
            for (int i = 0, n = rowStart[height]; i < n; i++) {
                if (compSize[compOf[i]] == 0) {
                    int row = runY[i] * width;
                    java.util.Arrays.fill(ink, row + runX0[i], row + runX1[i] + 1, 0f);
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
            if (compSize[c] >= SIGNIFICANT_COMPONENT * largest) {   // as for the box: left-out pieces have size 0
                int k = n++;   // insertion by left column: a few components
                while (k > 0 && compMinX[byLeft[k - 1]] > compMinX[c]) {
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
            if (groups > 0 && compMinX[c] <= groupMaxX[groups - 1]) {
                groupMaxX[groups - 1] = Math.max(groupMaxX[groups - 1], compMaxX[c]);
                minY = Math.min(minY, compMinY[c]);
                maxY = Math.max(maxY, compMaxY[c]);
            } else {
                groupMinX[groups] = compMinX[c];
                groupMaxX[groups] = compMaxX[c];
                groups++;
                minY = compMinY[c];
                maxY = compMaxY[c];
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

    /** Cuts each row's ink into runs ({@link #runX0} ...); returns the number of ink pixels. */
    private int runs(float[] ink) {
        int w = width, h = height;
        int[] x0s = runX0, x1s = runX1, ys = runY, rows = rowStart;
        byte[] cut = marked ? mark : null;   // the lines cut from a camera box, no longer ink
        int n = 0, count = 0;
        for (int y = 0; y < h; y++) {
            rows[y] = n;
            int src = y * w;
            for (int x = 0; x < w; x++) {
                if (!(ink[src + x] >= INK_LEVEL) || cut != null && cut[src + x] == MARK_CUT) {   // NaN is not ink
                    continue;
                }
                int x0 = x;
                while (x + 1 < w && ink[src + x + 1] >= INK_LEVEL && (cut == null || cut[src + x + 1] != MARK_CUT)) {
                    x++;
                }
                x0s[n] = x0;
                x1s[n] = x;
                ys[n] = y;
                n++;
                count += x - x0 + 1;
            }
        }
        rows[h] = n;
        return count;
    }

    /**
     * Labels the 8-connected components of the runs {@link #runs} cut; fills the comp* arrays in the
     * order of each component's first ink pixel (raster order); returns the count.
     */
    private int label() {
        int h = height, w = width;
        int[] x0s = runX0, x1s = runX1, ys = runY, rows = rowStart, parent = this.parent, compOf = this.compOf;
        int n = rows[h];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int y = 1; y < h; y++) {
            // runs a of row y-1 and b of row y, both left to right: they touch when their spans widened by one overlap;
            // the run that ends first cannot touch any later run of the other row (runs of a row are >= 2 apart)
            int a = rows[y - 1], aEnd = rows[y], b = rows[y], bEnd = rows[y + 1];
            while (a < aEnd && b < bEnd) {
                if (x1s[a] + 1 < x0s[b]) {
                    a++;
                } else if (x1s[b] + 1 < x0s[a]) {
                    b++;
                } else {
                    union(parent, a, b);
                    if (x1s[a] < x1s[b]) {
                        a++;
                    } else {
                        b++;
                    }
                }
            }
        }
        int comps = 0;
        for (int i = 0; i < n; i++) {
            int root = find(parent, i);   // the component's first run: numbered before any other of its runs
            int c;
            if (root == i) {
                c = comps++;
                compSize[c] = 0;
                compMinX[c] = w;
                compMinY[c] = h;
                compMaxX[c] = -1;
                compMaxY[c] = -1;
            } else {
                c = compOf[root];
            }
            compOf[i] = c;
            compSize[c] += x1s[i] - x0s[i] + 1;
            if (x0s[i] < compMinX[c]) {
                compMinX[c] = x0s[i];
            }
            if (x1s[i] > compMaxX[c]) {
                compMaxX[c] = x1s[i];
            }
            if (ys[i] < compMinY[c]) {
                compMinY[c] = ys[i];
            }
            if (ys[i] > compMaxY[c]) {
                compMaxY[c] = ys[i];
            }
        }
        return comps;
    }

    // the root of run i, halving the path on the way
    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    // joins the components of runs a and b; the root is the smaller index, the component's first run
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a), rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
