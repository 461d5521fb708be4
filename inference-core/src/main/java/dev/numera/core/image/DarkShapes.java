package dev.numera.core.image;

/**
 * Wide dark things in a camera box that the threshold marks only the outline of, its window fitting inside them: a finger
 * holding the sheet, entering from a side (a hollow U, read 0, 7 or 9: {@link #darkInside}, {@link InkCheck#DARK}), and a
 * filled shape touching no side, a blot or a coin (a ring, or a dot when small, read "0, 100 %": {@link #holdsDarkSquare},
 * {@link InkCheck#BLOT}). Both are told from writing by the box's grey levels ({@link AdaptiveThreshold#levelAt}): inside
 * them it is dark, where a digit's box holds paper and its strokes are narrow. The figures behind each constant are in
 * docs/ink-check.md.
 *
 * <p>Dark is below {@link #DARK_LEVEL} of the paper around the component ({@link #darkBelow}), in whole grey levels: the
 * same level on the JVM and in TeaVM's JavaScript (which computes floats as doubles), and no float returned, which that
 * JavaScript makes a heap number per call (every camera frame asks this of its digit). Scratch is allocated once.
 */
final class DarkShapes {
    /**
     * A component touching one side is the outline of a wide dark thing, not writing, when in its box the ink-free pixels
     * darker than {@link #DARK_LEVEL} of the paper around it fill at least this fraction of the box (or, for a slanted thumb,
     * whose box holds paper in its corners, those inside its outline fill this fraction of the area the outline spans): a
     * digit's box at most 0.27 (a digit at a side), a thumb's at least 0.32...
     */
    static final float DARK_FILL = 0.25f;
    /** ...and are at least this fraction of the box's (the inside's) ink-free pixels (a thin "1"'s box is mostly its strokes' soft fringe). */
    static final float DARK_SHARE = 0.7f;
    /** A pixel is dark below this fraction of the paper's grey level: a finger 90..150 on paper 200..245 is under 0.75. */
    static final float DARK_LEVEL = 0.8f;
    /** {@link #DARK_LEVEL} in fifths, for the level in whole numbers. */
    private static final int DARK_FIFTHS = 4;
    /** The paper around a component is read in strips this many pixels wide along its box. */
    static final int DARK_RING = 4;
    /**
     * A component touching no side is a filled shape, not writing, when its pixels darker than {@link #DARK_LEVEL} of the
     * paper hold a square half its box's longer side a side, and at least this many px: a disc's is 0.71 of its width,
     * a bold digit's 0.3-0.45 of its height, its strokes however thick being narrow beside its size.
     */
    static final int BLOT_SQUARE = 16;

    private final InkComponents cc;
    private final int width, height;
    /** {@link #spans}: along each line across a component, its first and last ink pixel. */
    private final int[] insideLo, insideHi;
    /** {@link #holdsDarkSquare}'s scratch: per column, the run of dark pixels ending at the row. */
    private final int[] darkRun;

    DarkShapes(InkComponents cc) {
        this.cc = cc;
        width = cc.width;
        height = cc.height;
        int longest = Math.max(width, height);
        insideLo = new int[longest];
        insideHi = new int[longest];
        darkRun = new int[width];
    }

    /**
     * Component c, touching one side, is the outline of a wide dark thing, not writing ({@link #DARK_FILL},
     * {@link #DARK_SHARE}): its box, or inside it the area its outline spans, is dark ({@link #darkBelow}).
     */
    boolean darkInside(int c, float[] ink, AdaptiveThreshold grey) {
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
                if (!(ink[k] >= InkCheck.INK_LEVEL)) {
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
    boolean holdsDarkSquare(int c, float[] ink, AdaptiveThreshold grey) {
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
     * The grey level under which a pixel near component c is dark: {@link #DARK_LEVEL} of the paper's level around it, the
     * darkest of the mean grey levels of the non-ink pixels in the four strips {@link #DARK_RING} wide along its box (those
     * inside the image), so that a shadow over the digit and below it does not count as dark inside; -1 when no strip says
     * (all outside the image or nearly all ink).
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
                    if (!(ink[k] >= InkCheck.INK_LEVEL)) {
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
}
