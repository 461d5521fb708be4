package dev.numera.core.image;

/**
 * A small sheet held up to the camera in front of something dark (a sticky note before a dark sweater, in a dark room): the
 * camera box holds the light paper with the digit on it and, on two to four sides, a dark ground, often textured or unevenly
 * lit. The threshold marks the dark side of the paper's whole outline and the ground's texture; the outline, a frame around
 * the digit, was read with it (a "0"), and the box, a light middle inside a dark border, was taken for chalk and turned. A
 * person reads only what is on the paper; so does the check: when the box's grey levels ({@link AdaptiveThreshold#levelAt})
 * hold such a sheet reaching at most one side of the box ({@link #clips}), each row's ink outside the sheet's span of that
 * row is not ink ({@link InkCheck}: the components are cut from inside the spans only, {@link InkComponents#within}). A
 * sheet reaching two sides at a corner is found too (no chalk, {@link InkCheck#holdsSheet}), but its outline runs across the
 * box from side to side and goes as the paper's edge does, with the lines {@link LineCut} cuts from it: clipped, their pieces
 * touch no side and read as a "1".
 *
 * <p>The sheet: the grey levels are split in two by Otsu's rule (the level that best parts them into a dark and a light
 * class; every other pixel each way counted); the dark class's mean must be at most {@link #DARK_MEAN} of the light one's.
 * Each row's span runs from the first to the last light run of {@link #RUN} px or more (the ground's lighter specks are
 * shorter). The sheet is there when its spans reach at most two sides of the box, and two only where they meet at a corner
 * (paper filling the box reaches all four; with the table, a shadow or the desk over part of it, three or two opposite
 * ones), span at least {@link #MIN_SIDE} of the box each way, hold light pixels over at least {@link #MIN_FILL} of their
 * area, and fill at least {@link #MIN_RECT} of a rectangle around them, as a quadrilateral does (light strokes on a dark
 * ground, chalk's or MNIST's, do neither). The figures that chose each constant are in docs/ink-check.md.
 *
 * <p>Whole numbers, and doubles inside expressions only (no float or double returned, no long: TeaVM's JavaScript allocates
 * for each); buffers made once.
 */
final class PaperOnDark {
    /** The dark class's mean grey is at most this fraction of the light class's: a sheet of 190-250 before a ground of 10-80. */
    static final float DARK_MEAN = 0.5f;
    /** A row's span starts and ends at a light run of at least this many px. */
    static final int RUN = 3;
    /** The sheet spans at least this fraction of the box's side, across and down (a note held up is 40-90 % of it). */
    static final float MIN_SIDE = 0.3f;
    /** Its light pixels fill at least this fraction of its spans (a digit's ink is at most ~25 % of a note's). */
    static final float MIN_FILL = 0.6f;
    /**
     * Its spans fill at least this fraction of the smallest rectangle around them turned by up to 15 degrees either way
     * ({@link #TURNS}): a note turned 0-10 degrees 0.86-1, a light digit on a dark ground (chalk, MNIST's white on black)
     * whose light pixels fill 0.6 of its spans at most 0.82.
     */
    static final float MIN_RECT = 0.84f;
    /** The turns of the rectangle tried for {@link #MIN_RECT}: -15..15 degrees in steps of 2.5 (a note is held turned 0-10). */
    private static final int TURNS = 13;
    private static final double[] TURN_COS = new double[TURNS], TURN_SIN = new double[TURNS];

    static {
        for (int k = 0; k < TURNS; k++) {
            double a = Math.toRadians(2.5 * (k - TURNS / 2));
            TURN_COS[k] = Math.cos(a);
            TURN_SIN[k] = Math.sin(a);
        }
    }

    private final int width, height;
    private final int[] histogram = new int[256];
    /** Per row, the sheet's span from[y]..to[y], inclusive; from > to where the row holds none. Valid while {@link #clips}. */
    final int[] from, to;
    /** {@link #chains}: the outline's points, its left chain then its right one. */
    private final int[] chainX, chainY;
    private boolean clips;

    PaperOnDark(int width, int height) {
        this.width = width;
        this.height = height;
        from = new int[height];
        to = new int[height];
        chainX = new int[4 * height];
        chainY = new int[4 * height];
    }

    /**
     * Whether the last {@link #find} found a sheet reaching at most one side of the box, outside whose spans ({@link #from},
     * {@link #to}) nothing is ink (class comment).
     */
    boolean clips() {
        return clips;
    }

    /**
     * Whether the box whose grey levels the threshold holds shows a sheet held up in front of something dark (class comment);
     * its spans are filled, and {@link #clips} says whether it is read alone.
     */
    boolean find(AdaptiveThreshold grey) {
        clips = false;
        int w = width, h = height, n = 0;
        int[] hist = histogram;
        for (int v = 0; v < 256; v++) hist[v] = 0;
        for (int y = 0; y < h; y += 2) {   // every other pixel each way: a quarter of the time, the same split
            for (int k = y * w, end = k + w; k < end; k += 2, n++) hist[grey.levelAt(k)]++;
        }
        // Otsu: the split t (dark <= t < light) with the largest n0 n1 (m0 - m1)^2
        double total = 0;
        for (int v = 0; v < 256; v++) total += (double) v * hist[v];
        double best = -1, sum0 = 0, bestSum0 = 0;
        int n0 = 0, split = -1, bestN0 = 0;
        for (int t = 0; t < 255; t++) {
            n0 += hist[t];
            sum0 += (double) t * hist[t];
            int n1 = n - n0;
            if (n0 == 0 || n1 == 0) continue;
            double d = sum0 * n1 - (total - sum0) * n0;   // (m0 - m1) n0 n1
            double between = d * d / ((double) n0 * n1);
            if (between > best) {
                best = between;
                split = t;
                bestSum0 = sum0;
                bestN0 = n0;
            }
        }
        // m0 <= DARK_MEAN m1, multiplied out
        if (split < 0 || bestSum0 * (n - bestN0) > DARK_MEAN * (total - bestSum0) * bestN0) {
            return false;
        }
        int light = split + 1;
        // the two rows at the top and the bottom first: paper filling the box reaches both (most frames end here)
        boolean top = span(grey, 0, light) || span(grey, 1, light), bottom = span(grey, h - 1, light) || span(grey, h - 2, light);
        if (top && bottom) {
            return false;
        }
        boolean left = false, right = false;
        int y0 = -1, y1 = -1, wide = 0;
        for (int y = 0; y < h; y++) {
            if (span(grey, y, light)) {
                y0 = y0 < 0 ? y : y0;
                y1 = y;
                left |= from[y] <= 1;
                right |= to[y] >= w - 2;
                wide = Math.max(wide, to[y] - from[y] + 1);
            }
        }
        if (left && right || y0 < 0 || y1 - y0 + 1 < MIN_SIDE * h || wide < MIN_SIDE * w) {
            return false;
        }
        int area = 0, lit = 0, sampled = 0;
        for (int y = y0; y <= y1; y++) {
            area += Math.max(0, to[y] - from[y] + 1);
            if ((y & 1) == 0) {   // the light pixels of every other row
                for (int k = y * w + from[y], end = y * w + to[y]; k <= end; k++) lit += grey.levelAt(k) >= light ? 1 : 0;
                sampled += Math.max(0, to[y] - from[y] + 1);
            }
        }
        if (!(lit >= MIN_FILL * sampled && fillsBox(y0, y1, area))) {
            return false;
        }
        clips = (left ? 1 : 0) + (right ? 1 : 0) + (top ? 1 : 0) + (y1 >= h - 2 ? 1 : 0) <= 1;
        return true;
    }

    /**
     * Whether the spans of rows y0..y1 (area px) fill at least {@link #MIN_RECT} of the smallest rectangle around them
     * turned by one of the {@link #TURNS}, as a quadrilateral does. The rectangles are fitted to the outline's convex chains
     * ({@link #chains}), which hold every point a rectangle touches (the 4 corners of every row's span: 15 us a note on the
     * JVM, 6 us the chains).
     */
    private boolean fillsBox(int y0, int y1, int area) {
        int n = chains(y0, y1);
        double smallest = Double.MAX_VALUE;
        for (int k = 0; k < TURNS; k++) {
            double c = TURN_COS[k], s = TURN_SIN[k], u0 = Double.MAX_VALUE, u1 = -Double.MAX_VALUE, v0 = Double.MAX_VALUE, v1 = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                double u = chainX[i] * c + chainY[i] * s, v = chainY[i] * c - chainX[i] * s;
                u0 = u < u0 ? u : u0;
                u1 = u > u1 ? u : u1;
                v0 = v < v0 ? v : v0;
                v1 = v > v1 ? v : v1;
            }
            double box = (u1 - u0) * (v1 - v0);
            smallest = box < smallest ? box : smallest;
        }
        return area >= MIN_RECT * smallest;
    }

    /**
     * The outline of the spans of rows y0..y1 (the outer corners of each span's end pixels) as two convex chains, its left
     * side and its right side walked down, in {@link #chainX} and {@link #chainY}; returns their points. A point where the
     * outline turns inward is dropped (Andrew's monotone chain), so a note's straight edges leave their ends only.
     */
    private int chains(int y0, int y1) {
        int n = 0;
        for (int side = 0; side < 2; side++) {
            int first = n;
            for (int y = y0; y <= y1; y++) {
                if (from[y] > to[y]) {
                    continue;
                }
                for (int dy = 0; dy < 2; dy++) {
                    int x = side == 0 ? from[y] : to[y] + 1, py = y + dy;
                    // the turn at the last point: left of the way down on the left side, right of it on the right side, or dropped
                    while (n - first >= 2) {
                        int ox = chainX[n - 2], oy = chainY[n - 2];
                        int cross = (chainX[n - 1] - ox) * (py - oy) - (chainY[n - 1] - oy) * (x - ox);
                        if (side == 0 ? cross < 0 : cross > 0) {
                            break;
                        }
                        n--;
                    }
                    chainX[n] = x;
                    chainY[n] = py;
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Row y's span: from its first light run of {@link #RUN} px to its last; false (and from > to) when it has none. Every
     * RUN-th pixel is looked at first: a run of RUN holds one of them (a row of ground, most of a small note's box, in a
     * third of the time).
     */
    private boolean span(AdaptiveThreshold grey, int y, int light) {
        int w = width, row = y * w;
        from[y] = w;
        to[y] = -1;
        for (int x = RUN - 1; x < w && from[y] == w; x += RUN) {
            if (grey.levelAt(row + x) >= light) {
                int lo = x, hi = x;   // the light run through x, as far as RUN px of it
                while (lo > 0 && x - lo < RUN - 1 && grey.levelAt(row + lo - 1) >= light) lo--;
                while (hi + 1 < w && hi - lo < RUN - 1 && grey.levelAt(row + hi + 1) >= light) hi++;
                from[y] = hi - lo + 1 >= RUN ? lo : w;
                x = hi;   // a run after this one starts past hi + 1: the next look, RUN on, falls in it
            }
        }
        for (int x = w - RUN; x >= 0 && to[y] < 0; x -= RUN) {   // the same from the right
            if (grey.levelAt(row + x) >= light) {
                int lo = x, hi = x;
                while (hi + 1 < w && hi - x < RUN - 1 && grey.levelAt(row + hi + 1) >= light) hi++;
                while (lo > 0 && hi - lo < RUN - 1 && grey.levelAt(row + lo - 1) >= light) lo--;
                to[y] = hi - lo + 1 >= RUN ? hi : -1;
                x = lo;
            }
        }
        return from[y] <= to[y];
    }

    /** Clears, in ink (width x height), every pixel outside the sheet's spans; the last {@link #find} must have {@link #clips}. */
    void clearOutside(float[] ink) {
        int w = width;
        for (int y = 0; y < height; y++) {
            int row = y * w, lo = Math.min(w, Math.max(0, from[y])), hi = Math.max(lo - 1, to[y]);
            java.util.Arrays.fill(ink, row, row + lo, 0f);
            java.util.Arrays.fill(ink, row + hi + 1, row + w, 0f);
        }
    }
}
