package dev.numera.core.image;

/**
 * Decides whether an ink-high image holds something worth recognising, and says why not, so the UI can show "no digit
 * found: ink is scattered specks" instead of a confident guess on noise. The figures that chose each rule and constant are
 * in docs/ink-check.md.
 *
 * <p>A pixel is ink when {@code value >= INK_LEVEL} (0.5; thresholded images are 0/1 anyway). The rules weigh the ink's
 * 8-connected components ({@link InkComponents}). A camera box ({@link #check(float[], boolean)} with {@code cameraBox}
 * true, or {@link #check(float[], AdaptiveThreshold)} with the threshold's grey levels) holds more than writing, and what
 * is not is left out first (below); a drawing's brush is fitted to the drawing, so its extent, not its ink, says whether it
 * is too small. The reasons, in the order the check decides them:
 * <ol>
 * <li>{@link #NO_INK}: not one ink pixel (a blank canvas, evenly shaded paper after the threshold).</li>
 * <li>{@link #TOO_MUCH_INK}: more than {@link #MAX_INK_FRACTION} of the pixels: a wrong polarity, a dark frame, the camera
 *     looking at a black sheet. The boldest MNIST test digit has 33 %.</li>
 * <li>A camera box with less ink left than {@code max(MIN_INK_PIXELS, MIN_INK_FRACTION)} of it (0.35 %: a "1" ~25 px tall
 *     has ~70 px) says what was left out: {@link #DARK} (a finger), {@link #BLOT} (a filled shape), {@link #ACROSS}
 *     (anything else), or {@link #TOO_LITTLE_INK} when nothing was (blank paper with a speck).</li>
 * <li>{@link #TOO_SMALL}, other input: fewer than {@link #MIN_INK_PIXELS} ink pixels (a tap on the pad).</li>
 * <li>{@link #SCATTERED}: the largest component holds less than {@link #MIN_LARGEST_COMPONENT} of the ink. A digit is one
 *     or a few strokes (every MNIST test digit's largest piece holds at least 35 %), salt-and-pepper noise hundreds of
 *     specks.</li>
 * <li>{@link #LINES}, a camera box: every significant component is a flat piece of a printed line
 *     ({@link LinePieces#onlyFlatLines}): blank ruled paper, whose faint lines the threshold breaks into pieces read as
 *     "1", or 8 one above the other. A digit has a part that is not flat.</li>
 * <li>{@link #TOO_SMALL}: the box around the significant components (at least {@link #SIGNIFICANT_COMPONENT} of the
 *     largest's pixels, so specks do not stretch it) has a longest side under {@link #MIN_BOX_FRACTION} of the image's, or
 *     under {@link #MIN_BOX_PIXELS}. MNIST digits span 71 %.</li>
 * <li>{@link #SEVERAL}: the significant components are several digits side by side ({@link SeveralDigits}), which the
 *     network would read as one, confidently.</li>
 * </ol>
 * Else {@link #PRESENT}.
 *
 * <p>A camera box with the grey levels first reads only what is on a sheet held up in front of something dark, when it holds
 * one (a sticky note before a dark sweater: {@link PaperOnDark}): the ink outside the sheet's span of each row is no ink, the
 * sheet's outline and the ground's texture (not counted in {@link Result#inkPixels}). It leaves out, in this order, what is
 * not writing (its pixels are {@link Result#acrossPixels}):
 * <ul>
 * <li>what runs across the box, a component touching two or more sides: the paper's edge, a shadow's edge, a line (the
 *     threshold marks the dark side of every sharp step in brightness); a digit held so close that it touches two sides
 *     goes too. The lines running into it from the sides are cut first ({@link LineCut}: a digit written on a line, up to
 *     the paper's edge, is one component with it), and a piece of what is left is the digit, and kept, when it looks like
 *     one ({@link #digitInRemains}).</li>
 * <li>a line's pieces at a side: next to the dark digit the threshold loses a line's grey, so a line through it comes as a
 *     thin long piece at each side ({@link LinePieces#lineAtSide}), left out unless too little ink would be left (a lone
 *     "1" at the top is such a piece); a straight one over most of the box ({@link LinePieces#lineOverBox}) always.</li>
 * <li>with the grey levels: a finger holding the sheet, wider than the threshold's window, which marks only its outline,
 *     a hollow U at a side read 0, 7 or 9 ({@link DarkShapes#darkInside}), or what is left of that outline where the
 *     threshold broke it or stopped it short of the sides, each piece lying along the edge of a dark thing that comes in
 *     from a side or a corner (a pale finger, a finger at a corner: {@link DarkShapes#fingerEdge}); a filled shape touching
 *     no side, a blot or a coin, its outline a ring read "0, 100 %" ({@link DarkShapes#holdsDarkSquare}); and a faint
 *     printed line's pieces beside the digit, much lighter than it ({@link LinePieces#lightLinePieces}).</li>
 * </ul>
 *
 * <p>The {@link Result} of a check: the verdict and its reason, the ink pixels, the components and the largest one's
 * pixels, the pixels left out, and the box around the significant components. The box is what the digit is:
 * {@link #keepDigit} clears everything outside it (widened by {@link #BOX_MARGIN}) and the components left out, so that a
 * speck of dust or a pen tick far from the digit does not stretch the normaliser's crop and shrink the digit.
 *
 * <p>Buffers are allocated once for (width, height) ({@link LineCut}'s marks on the first camera box with something
 * running across it); {@link #check} returns the same {@link Result} object every call and allocates nothing. The check
 * and its rules take no Math.sqrt, floor or ceil, return no float from a function and do no long arithmetic: TeaVM's
 * JavaScript and Wasm GC builds allocate for each (docs/benchmarks.md, "Allocation").
 */
public final class InkCheck {
    public static final float INK_LEVEL = 0.5f;
    /** Fewer ink pixels are no digit: {@link #TOO_SMALL}, or in a camera box {@link #TOO_LITTLE_INK}. */
    public static final int MIN_INK_PIXELS = 4;
    /** A camera box with less of its pixels as ink holds no digit (0.35 %: at 0.5 % 70 of 234 MNIST test 1s ~25 px tall did not). */
    public static final float MIN_INK_FRACTION = 0.0035f;
    /** More of the pixels as ink is no writing (the boldest MNIST test digit has 33 %). */
    public static final float MAX_INK_FRACTION = 0.5f;
    /** The largest component holds at least this fraction of the ink (every MNIST test digit's at least 35 %; 2 % noise 11 %). */
    public static final float MIN_LARGEST_COMPONENT = 0.25f;
    /** A component with at least this fraction of the largest one's pixels is significant: it counts for the digit's box. */
    public static final float SIGNIFICANT_COMPONENT = 0.1f;
    /** The digit's box spans at least this fraction of the image's longest side (MNIST digits 71 %)... */
    public static final float MIN_BOX_FRACTION = 0.1f;
    /** ...and at least this many pixels. */
    public static final int MIN_BOX_PIXELS = 3;
    /** A camera box's line piece is at most this fraction of the box's longest side across (12 px of 140)... */
    public static final float LINE_THICKNESS = 0.086f;
    /** ...and at least this fraction along (20 px of 140). */
    public static final float LINE_LENGTH = 0.143f;
    /** {@link #keepDigit} keeps this many pixels around the box: a drawn stroke's soft edge (below INK_LEVEL) is ~1 px. */
    public static final int BOX_MARGIN = 2;

    public static final String PRESENT = "digit present";
    public static final String NO_INK = "no ink";
    public static final String TOO_LITTLE_INK = "too little ink (blank paper?)";
    public static final String TOO_MUCH_INK = "ink covers almost everything";
    public static final String SCATTERED = "ink is scattered specks (noise), not strokes";
    public static final String TOO_SMALL = "ink too small to read";
    public static final String ACROSS = "the ink touches two sides of the box (the paper's edge, a shadow, or a digit too big)";

    /**
     * A finger or another wide dark thing at a side of a camera box, its outline left out ({@link DarkShapes#darkInside}, and
     * the pieces of it {@link DarkShapes#fingerEdge} finds).
     */
    public static final String DARK = "a dark thing at the side of the box (a finger?), not writing";

    /** A filled dark shape inside a camera box (a blot, a coin), its outline left out ({@link DarkShapes#holdsDarkSquare}). */
    public static final String BLOT = "a filled dark shape (a blot? a coin?), not writing";

    /** Ruled paper held to the camera with nothing written on it: only pieces of its lines ({@link LinePieces#onlyFlatLines}). */
    public static final String LINES = "only pieces of printed lines (ruled paper?)";

    /** "42" on the pad, a year on a sheet held to the camera: the network reads one digit at a time ({@link SeveralDigits}). */
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

        /** Pixels with value >= INK_LEVEL (in a camera box holding a sheet held up in front of something dark, those on it). */
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
         * Pixels left out as not writing (camera boxes only): the components touching two sides (the lines cut from them and
         * what is left of them but the digit), a line's pieces, a finger's outline, a blot.
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
    /** The image's 8-connected components ({@link InkComponents#leaveOut}: size 0 for one left out), labelled by each check. */
    private final InkComponents cc;
    /** Camera boxes: the lines running into components from the sides, cut before they are left out. */
    private final LineCut lineCut;
    /** Camera boxes: pieces of printed lines, the paper's edge and a shadow's edge. */
    private final LinePieces lines;
    /** Camera boxes with the grey levels: a finger's outline at a side, a blot inside. */
    private final DarkShapes darkShapes;
    private final SeveralDigits severalDigits;
    /** Camera boxes with the grey levels: a sheet held up in front of something dark, outside which nothing is ink. */
    private final PaperOnDark paper;
    /** Whether the last check read only the ink on such a sheet ({@link PaperOnDark#clips}, its spans). */
    private boolean onSheet;
    private final Result result = new Result();

    public InkCheck(int width, int height) {
        Check.pixels(width, height);
        this.width = width;
        this.height = height;
        cc = new InkComponents(width, height);
        lineCut = new LineCut(cc);
        lines = new LinePieces(cc);
        darkShapes = new DarkShapes(cc);
        severalDigits = new SeveralDigits(cc);
        paper = new PaperOnDark(width, height);
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
     * @param cameraBox true for a camera box, which changes two checks (see the class comment): what is not writing is
     *                  left out, and too small a fraction of the box being ink is {@link #TOO_LITTLE_INK}; false for
     *                  anything else (a drawing, whose brush scales with it, a small digit image), where only the digit's
     *                  extent decides whether it is too small
     * @return the reused result object
     */
    public Result check(float[] ink, boolean cameraBox) {
        return check(ink, cameraBox, null);
    }

    /**
     * A camera box that grey thresholded ({@link #check(float[], boolean)} with cameraBox true), and also: a finger's
     * outline at a side, a blot inside, and a faint line's pieces beside the digit, told by their grey levels, are left out
     * (class comment).
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
        // a sheet held up in front of something dark: only what is on it is ink
        onSheet = grey != null && paper.find(grey) && paper.clips();
        cc.within(onSheet ? paper.from : null, onSheet ? paper.to : null);
        res.inkPixels = cc.runs(ink, null, LineCut.CUT);
        if (res.inkPixels == 0) {
            res.reason = NO_INK;
            return res;
        }
        if (res.inkPixels > MAX_INK_FRACTION * n) {
            res.reason = TOO_MUCH_INK;
            return res;
        }
        int comps = res.components = cc.label();
        if (cameraBox) {
            comps = leaveOutWhatRunsAcross(ink, comps, grey);
            leaveOutLinesAtSides(comps);
            String darkShape = null;   // DARK or BLOT when a dark thing's outline was left out
            if (grey != null) {
                darkShape = leaveOutDarkShapes(ink, comps, grey);
                res.acrossPixels += lines.lightLinePieces(comps, grey);
            }
            if (!enoughInk(kept())) {
                res.reason = darkShape != null ? darkShape : res.acrossPixels > 0 ? ACROSS : TOO_LITTLE_INK;
                return res;
            }
        }
        int count = kept();
        if (count < MIN_INK_PIXELS) {
            res.reason = TOO_SMALL;   // a tap on the pad: "blank paper?" would mean nothing there
            return res;
        }
        int largest = res.largestComponent = cc.size[cc.largest(comps)];   // count >= MIN_INK_PIXELS: one is left in
        if (largest < MIN_LARGEST_COMPONENT * count) {
            res.reason = SCATTERED;
            return res;
        }
        if (cameraBox && lines.onlyFlatLines(comps, largest)) {
            res.reason = LINES;
            return res;
        }
        int minX = width, minY = height, maxX = -1, maxY = -1;
        for (int c = 0; c < comps; c++) {
            if (cc.significant(c, largest)) {
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
        if (severalDigits.several(comps, largest)) {
            res.reason = SEVERAL;
            return res;
        }
        res.present = true;
        res.reason = PRESENT;
        return res;
    }

    /**
     * Camera boxes: leaves out the components touching two or more sides, once the lines running into them from the sides
     * are cut ({@link LineCut}). When anything was cut the image is labelled again without it: what is left of the
     * components that ran across is in pieces, every other component is as it was, and a piece is kept when it is the
     * digit ({@link #digitInRemains}). Returns the components, as labelled last.
     */
    private int leaveOutWhatRunsAcross(float[] ink, int comps, AdaptiveThreshold grey) {
        int cut = lineCut.cut(comps, grey);
        if (cut > 0) {
            cc.runs(ink, lineCut.marks(), LineCut.CUT);
            comps = result.components = cc.label();
            result.acrossPixels += cut;
            for (int i = 0, n = cc.runCount(); i < n; i++) {
                int c = cc.compOf[i];
                if (cc.size[c] > 0 && lineCut.ranAcross(i) && !digitInRemains(c)) {
                    leaveOut(c);
                }
            }
        }
        for (int c = 0; c < comps; c++) {
            if (cc.sides(c) >= 2) {
                leaveOut(c);
            }
        }
        return comps;
    }

    /**
     * Whether c, a piece of what ran across the box left once its lines are cut, is the digit: it touches no side
     * (a digit held too close meets the sides itself), or one side and holds a pen stroke at which a line cut ended
     * ({@link LineCut#endsAt}: a digit at a side of the box written on a line), holds enough ink for a digit (not a bit of
     * an edge's ragged side), and is not itself a piece of a line of the direction cut, thin and long like a line at a side
     * (the stretch of a vertical line between two lines across, which no walk reaches).
     */
    private boolean digitInRemains(int c) {
        boolean notAcross = cc.sides(c) == 0 || cc.sides(c) == 1 && lineCut.endsAt(c);
        return notAcross && enoughInk(cc.size[c]) && !(lineCut.cutAcross() && lines.across(c)) && !(lineCut.cutDown() && lines.down(c));
    }

    /**
     * Camera boxes: a line or a shadow's edge through the digit comes in pieces, one at each side: near the dark digit the
     * threshold's window is darker and loses the line's grey. They are left out too ({@link LinePieces#lineAtSide}), unless
     * too little ink would be left for a digit (a lone "1" touching the top is a thin piece at a side as well). A straight
     * piece running most of the way over the box is a line even then ({@link LinePieces#lineOverBox}: on blank paper, a
     * line the noise broke off an edge).
     */
    private void leaveOutLinesAtSides(int comps) {
        int pieces = 0;
        for (int c = 0; c < comps; c++) {
            if (cc.size[c] > 0 && cc.sides(c) == 1) {
                if (lines.lineOverBox(c)) {
                    leaveOut(c);
                } else if (lines.lineAtSide(c)) {
                    pieces += cc.size[c];
                }
            }
        }
        if (pieces > 0 && enoughInk(kept() - pieces)) {
            for (int c = 0; c < comps; c++) {
                if (cc.size[c] > 0 && lines.lineAtSide(c)) {
                    leaveOut(c);
                }
            }
        }
    }

    /**
     * Camera boxes with the grey levels: leaves out the outlines of wide dark things ({@link DarkShapes}), a finger at a side
     * and a blot or a coin touching no side, and then what is left of a finger's outline among the other components touching
     * at most one side. Returns the reason to give when too little ink is left: {@link #DARK} when a finger was left out, else
     * {@link #BLOT} when a blot was, else null.
     */
    private String leaveOutDarkShapes(float[] ink, int comps, AdaptiveThreshold grey) {
        boolean finger = false, blot = false;
        darkShapes.clearFloods();
        for (int c = 0; c < comps; c++) {
            int sides = cc.sides(c);
            if (cc.size[c] > 0 && (sides == 1 ? darkShapes.darkInside(c, ink, grey) : sides == 0 && darkShapes.holdsDarkSquare(c, ink, grey))) {
                leaveOut(c);
                finger |= sides == 1;
                blot |= sides == 0;
            } else if (cc.size[c] > 0 && sides <= 1 && darkShapes.fingerEdge(c, ink, grey)) {   // what is left of a finger's outline
                leaveOut(c);
                finger = true;
            }
        }
        return finger ? DARK : blot ? BLOT : null;
    }

    /**
     * Whether the grey levels the threshold holds (of its last image, thresholded or only read:
     * {@link AdaptiveThreshold#levelsRgba}) show a sheet held up in front of something dark ({@link PaperOnDark}), reaching at
     * most two sides of the box, and two only at a corner. Its dark border and light middle pass for chalk's
     * ({@link dev.numera.core.recognize.Photo#lightWriting}), which the camera turns dark on light: the camera asks this
     * first. Asked between a {@link #check} and its {@link #keepDigit}, it would move the sheet that keepDigit clears around.
     */
    public boolean holdsSheet(AdaptiveThreshold grey) {
        if (grey.width() != width || grey.height() != height) {
            throw new IllegalArgumentException("the threshold is " + grey.width() + "x" + grey.height() + ", the check " + width + "x" + height);
        }
        return paper.find(grey);
    }

    /** Component c is left out (camera boxes: it is not writing), its pixels counted in {@link Result#acrossPixels}. */
    private void leaveOut(int c) {
        result.acrossPixels += cc.leaveOut(c);
    }

    /** The ink pixels in components left in. */
    private int kept() {
        return result.inkPixels - result.acrossPixels;
    }

    /** Whether a camera box with this many ink pixels has enough for a digit ({@link #TOO_LITTLE_INK} otherwise). */
    private boolean enoughInk(int pixels) {
        return pixels >= MIN_INK_PIXELS && pixels >= MIN_INK_FRACTION * (width * height);
    }

    /**
     * Whether {@link #keepDigit} would change ink, the image the last {@link #check} found a digit in:
     * a pixel above 0 outside the box widened by {@link #BOX_MARGIN}, a component left out, or a sheet held up read alone.
     * Reads only, so a caller's image is copied only when it has something to clear.
     */
    public boolean hasStrays(float[] ink) {
        Result r = requirePresent(ink);
        if (r.acrossPixels > 0 || onSheet) {
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
     * that is not the digit: pixels outside the box widened by {@link #BOX_MARGIN}, the ink pixels of
     * the components left out as running across the box, and what lies outside a sheet held up.
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
        if (onSheet) {
            paper.clearOutside(ink);   // nor what lies outside the sheet held up
        }
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

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
