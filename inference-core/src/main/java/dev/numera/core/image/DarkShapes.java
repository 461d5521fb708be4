package dev.numera.core.image;

/**
 * Wide dark things in a camera box that the threshold marks only the outline of, its window fitting inside them: a finger
 * holding the sheet, entering from a side (a hollow U, read 0, 7 or 9: {@link #darkInside}, {@link InkCheck#DARK}), or what
 * is left of its outline where the threshold broke it or stopped it short of the sides (a pale finger, one entering at a
 * corner: {@link #fingerEdge}), and a filled shape touching no side, a blot or a coin (a ring, or a dot when small, read
 * "0, 100 %": {@link #holdsDarkSquare}, {@link InkCheck#BLOT}). They are told from writing by the box's grey levels
 * ({@link AdaptiveThreshold#levelAt}): inside them it is dark, where a digit's box holds paper and its strokes are narrow.
 * The figures behind each constant are in docs/ink-check.md.
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
    /**
     * {@link #fingerEdge}: a pixel of a component lies on the edge of a wide dark thing when, this many px from it across
     * the edge (4 along a diagonal), one side is paper and the other dark...
     */
    static final int EDGE_NEAR = 6;
    /**
     * ...and still dark this many px from it (6 along a diagonal): wider than a pen's stroke, whose far fringe a pixel on
     * its near edge sees EDGE_NEAR px across it (300 MNIST digits at ~60 px: up to 0.6 of a digit's pixels on an edge by
     * EDGE_NEAR alone, at most 0.4 with this, nearly all under 0.2), as wide as a finger (18-32 px, its outline a few px
     * inside its edge).
     */
    static final int EDGE_FAR = 9;
    /**
     * A component is a piece of a finger's outline when at least this fraction of its pixels lie on such an edge. Of the
     * pieces that read as a digit (CameraBoxTest's scenes, before this rule), those of fingers at a corner 131 of 135 and of
     * pale thumbs 194 of 200 have at least 0.8, most at least 0.9; 300 MNIST digits (~60 px, centred or at a side, small) at
     * most 0.4, in pencil 0.5, bold ones (strokes grown by 4 px) under 0.8; digits in a ~20 px marker, their strokes hollow
     * as a finger is, up to 1, 10 of 300 at a side at least 0.8.
     */
    static final float EDGE_SHARE = 0.8f;
    /** {@link #EDGE_SHARE} in fifths, for the count in whole numbers. */
    private static final int EDGE_FIFTHS = 4;
    /** The four directions across an edge that {@link #fingerEdge} looks along: right, down, down-right, up-right. */
    private static final int[] EDGE_DX = {1, 0, 1, 1}, EDGE_DY = {0, 1, 1, -1};

    private final InkComponents cc;
    private final int width, height;
    /** {@link #spans}: along each line across a component, its first and last ink pixel. */
    private final int[] insideLo, insideHi;
    /** {@link #holdsDarkSquare}'s scratch: per column, the run of dark pixels ending at the row. */
    private final int[] darkRun;
    /**
     * {@link #fingerEdge}'s floods in this camera box: the pixels reached, in the order reached ({@link #floodCount} of them),
     * and on each pixel 0, or {@link #REACHED} with the sides its flood reached (left 1, right 2, top 4, bottom 8), so that
     * the other pieces of the same outline (a pale finger's, in tens of pieces) take its answer instead of flooding it again
     * (430 us a check on the JVM, 35 us with the answer kept). Allocated on the first camera box asked (the pad's check, as
     * large as the pad, never is); cleared by {@link #clearFloods}.
     */
    private int[] flood;
    private byte[] floodSides;
    private int floodCount;
    private static final byte REACHED = 16;

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
     * Component c is a piece of a finger's outline, not writing: where the threshold broke the outline (a pale finger, 0.7-0.8
     * of the paper, barely darker than the threshold asks) or stopped it short of the box's sides (a finger entering at a
     * corner, where the window, clipped by the box, is mostly finger), what is left touches no side or holds paper in its box,
     * and {@link #darkInside} does not see it. Told by the grey levels around it instead:
     * <ul>
     * <li>it lies along the edge of a wide dark thing: at least {@link #EDGE_SHARE} of its pixels have, across some direction,
     *     paper {@link #EDGE_NEAR} px on one side, and on the other ink-free pixels below {@link #DARK_LEVEL} of that paper
     *     {@link #EDGE_NEAR} and {@link #EDGE_FAR} px away (a pen's stroke is narrower: across it, both sides are paper, along
     *     it the stroke is ink; a hollow marker stroke is as wide, and a marker digit touching a side can be taken for one);</li>
     * <li>and that dark thing comes into the box from outside, as a finger does: the pixels below {@link #DARK_LEVEL} of the
     *     paper's mean level, joined (4-connected) to the dark sides of its edge, reach one side of the box, or two at a
     *     corner, not two opposite ones (the table beside the paper's edge, a shadow over the box).</li>
     * </ul>
     * The paper compared with is the pixel across the edge, not {@link #darkBelow}'s strips, which lie on the finger around a
     * piece of its outline. Stops when too many of c's pixels are not on an edge (a digit, every frame, after about a fifth of
     * its pixels); the flood runs only for a piece that is.
     */
    boolean fingerEdge(int c, float[] ink, AdaptiveThreshold grey) {
        int w = width, h = height, size = cc.size[c];
        if (flood == null) {
            flood = new int[w * h];
            floodSides = new byte[w * h];
        }
        int[] flood = this.flood;
        byte[] floodSides = this.floodSides;
        int start = floodCount, sides = 0;   // the sides the dark thing reaches: left 1, right 2, top 4, bottom 8
        int notOnEdge = 0, onEdge = 0, paperSum = 0;   // paperSum: at most 255 x 8e6 px (Check's largest image), an int
        // on an edge at least EDGE_SHARE (EDGE_FIFTHS / 5) of its pixels: at most (5 - EDGE_FIFTHS) / 5 not
        for (int i = 0, n = cc.runCount(); i < n && 5 * notOnEdge <= (5 - EDGE_FIFTHS) * size; i++) {
            if (cc.compOf[i] != c) {
                continue;
            }
            int y = cc.runY[i];
            for (int x = cc.runX0[i]; x <= cc.runX1[i] && 5 * notOnEdge <= (5 - EDGE_FIFTHS) * size; x++) {
                int seed = -1;
                for (int d = 0; d < 4 && seed < 0; d++) {
                    int near = d < 2 ? EDGE_NEAR : EDGE_NEAR * 2 / 3, far = d < 2 ? EDGE_FAR : EDGE_FAR * 2 / 3;
                    int dx = EDGE_DX[d], dy = EDGE_DY[d];
                    int ax = x + near * dx, ay = y + near * dy, bx = x - near * dx, by = y - near * dy;
                    if (!inside(ax, ay) || !inside(bx, by)) {
                        continue;
                    }
                    int a = ay * w + ax, b = by * w + bx;
                    if (ink[a] >= InkCheck.INK_LEVEL || ink[b] >= InkCheck.INK_LEVEL) {
                        continue;   // along a stroke (the common case first: every frame asks this of its digit)
                    }
                    int la = grey.levelAt(a), lb = grey.levelAt(b), s = la < lb ? 1 : -1;
                    int dark = s > 0 ? a : b, darkLevel = s > 0 ? la : lb, paperLevel = s > 0 ? lb : la;
                    int fx = x + s * far * dx, fy = y + s * far * dy;
                    // below DARK_LEVEL (DARK_FIFTHS / 5) of the paper, in whole numbers, near and far
                    if (5 * darkLevel >= DARK_FIFTHS * paperLevel || !inside(fx, fy)) {
                        continue;
                    }
                    int farDark = fy * w + fx;
                    if (!(ink[farDark] >= InkCheck.INK_LEVEL) && 5 * grey.levelAt(farDark) < DARK_FIFTHS * paperLevel) {
                        seed = dark;
                        paperSum += paperLevel;
                    }
                }
                if (seed < 0) {
                    notOnEdge++;
                } else {
                    onEdge++;
                    if (floodSides[seed] == 0) {
                        floodSides[seed] = REACHED;
                        flood[floodCount++] = seed;
                    }
                    sides |= floodSides[seed] & 15;   // another piece's flood reached it: its sides
                }
            }
        }
        if (5 * notOnEdge > (5 - EDGE_FIFTHS) * size || onEdge == 0) {
            for (int q = start; q < floodCount; q++) {
                floodSides[flood[q]] = 0;   // not a piece of an outline: its seeds are no flood's
            }
            floodCount = start;
            return false;
        }
        // on from the seeds through the pixels below DARK_LEVEL of the paper's mean level, 4-connected, until the pixels
        // reached run across the box
        int paperMean = paperSum / onEdge;
        for (int head = start; head < floodCount && (sides & 3) != 3 && (sides & 12) != 12; head++) {
            int k = flood[head], x = k % w, y = k / w;
            if (x == 0 || x == w - 1 || y == 0 || y == h - 1) {
                sides |= (x == 0 ? 1 : 0) | (x == w - 1 ? 2 : 0) | (y == 0 ? 4 : 0) | (y == h - 1 ? 8 : 0);
                continue;   // its neighbours along the side are reached from inside
            }
            for (int d = 0; d < 4; d++) {
                int m = d == 0 ? k - 1 : d == 1 ? k + 1 : d == 2 ? k - w : k + w;
                if (floodSides[m] != 0) {
                    sides |= floodSides[m] & 15;   // reached already: by this flood (nothing yet) or another piece's
                } else if (5 * grey.levelAt(m) < DARK_FIFTHS * paperMean) {
                    floodSides[m] = REACHED;
                    flood[floodCount++] = m;
                }
            }
        }
        for (int q = start; q < floodCount; q++) {
            floodSides[flood[q]] = (byte) (REACHED | sides);
        }
        // one side, or two meeting at a corner: a finger comes into the box from outside; not two opposite ones
        return sides != 0 && (sides & 3) != 3 && (sides & 12) != 12;
    }

    /** Forgets the last camera box's floods ({@link #fingerEdge}): called before the first piece of a box is asked. */
    void clearFloods() {
        for (int q = 0; q < floodCount; q++) {
            floodSides[flood[q]] = 0;
        }
        floodCount = 0;
    }

    private boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
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
