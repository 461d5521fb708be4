package dev.numera.core.image;

/**
 * Cuts, in a camera box, the lines that run into its components from the sides: a printed line, the paper's edge or a
 * shadow's edge that touches the digit makes one component with it (docs/ink-check.md has what the cut changed,
 * measured).
 *
 * <p>The walk: from each side, each run of marked ink on the side that is thin ({@link InkCheck#LINE_THICKNESS}) and alone
 * (no other marked ink within LINE_THICKNESS along the side: a stroke too wide for the threshold's window comes out hollow,
 * two thin outlines side by side, which is how a digit held too close meets the sides) is followed inward slice by slice
 * (columns from the left and right sides, rows from the top and bottom), along the run nearest the middle of the last,
 * until the line ends or its run grows more than {@link #LINE_SLACK} over its thickness at the side (a stroke joins it
 * there), unless what grew is no wider along the walk than that thickness + 1 and the line goes on thin past it: another
 * line crossing it (squared paper), walked across at the line's place. A walk of {@link InkCheck#LINE_LENGTH} or more is
 * cut. With the box's grey levels (the camera path) a walk also ends at ink much darker than the line
 * ({@link #STROKE_ON_LINE}), since a small digit's strokes are as thin as the line (and a walk ending where a stroke joins
 * the line has ended at such ink when the stroke is that dark a few slices on, {@link #STROKE_AHEAD}: its soft edge is
 * not); and components touching one side are walked too (a light line the threshold lost near the digit reaches only one
 * side), cut only where the walk ended at such ink ({@link #endsAt}).
 *
 * <p>Protocol, per box: {@link #clear}, then {@link #cut} on the labelled {@link InkComponents}; when it cut anything
 * the components are cut into runs again without the cut pixels ({@link #marks}, {@link #CUT}) and labelled again, and
 * {@link #ranAcross}, {@link #cutAcross}, {@link #cutDown} and {@link #endsAt} describe what was cut.
 */
final class LineCut {
    /**
     * A line followed in from a side may grow this fraction of the box's longest side (3 px of 140) over its thickness at
     * the side, for the threshold's ragged edge along it; where it grows more, a stroke joins it. A 60 px digit's strokes
     * come out of the threshold 6-9 px thick, the grey line's 2-4 px.
     */
    static final float LINE_SLACK = 0.022f;
    /**
     * With the box's grey levels, a line followed in from a side also ends where its run holds a pixel darker than this
     * fraction of the line's own darkest grey so far: a pen stroke joins it there, lying along it or crossing it. A small
     * digit's strokes are as thin as the line (a 30 px digit's 3-4 px, within {@link #LINE_SLACK}), so by thickness alone
     * the walk went on through a 2's base or a 6's bottom, cutting them away; ink is darker than a printed line (a pencil
     * may not be: then only thickness decides, as without the grey levels).
     */
    static final float STROKE_ON_LINE = 0.75f;
    /**
     * ...and at least this many grey levels (0..255) darker than the line: along the paper's edge the walk follows the dark
     * table (40..120), where a shade a little darker (the wood's grain; in the tests a line printed on across the table,
     * 25 levels) is no pen stroke. Without it, 5 more of CameraBoxTest's 400 blank scenes with an edge read as a digit.
     */
    static final int STROKE_STEP = 32;
    /**
     * Slices past where a stroke joins a walked line (its run grows thicker than the line) in which the stroke's darker
     * core is looked for ({@link #STROKE_ON_LINE}): the stroke's soft edge, where the walk stops, is often no darker than
     * the line. Of 300 digits (~60 px) at the box's left side on a line of grey 160 (CameraBoxTest), 284 read right before,
     * 295 after; at the top 279 and 283; with a line through the middle of 250 on ruled paper 224 and 226; blank scenes
     * unchanged.
     */
    static final int STROKE_AHEAD = 3;

    /** {@link #mark}'s values: a pixel of a component touching two or more sides, one of those cut as a line, one of a component touching one side. */
    static final byte ACROSS = 1, CUT = 2, SIDE = 3;
    private static final int MAX_STROKE_STOPS = 16;

    private final InkComponents components;
    private final int width, height;
    /** {@link InkCheck#LINE_THICKNESS}, {@link InkCheck#LINE_LENGTH} and {@link #LINE_SLACK} in pixels of this image */
    private final int lineThickness, lineLength, lineSlack;
    /**
     * (width*height): {@link #ACROSS} on the pixels of the components touching two or more sides, {@link #SIDE} on those
     * touching one (with the grey levels only), {@link #CUT} on those of them cut as lines, else 0; all 0 when
     * {@link #marked} is false. Made the first time a camera box has something running across it: a drawing's check never
     * needs it (the pad's would be 78 KB more on the page's start).
     */
    private byte[] mark;
    private boolean marked;
    /** Whether the last cut took lines walked in from the left or right side (running across), from the top or bottom (down). */
    private boolean cutAcross, cutDown;
    /** Where the lines cut ended at a pen stroke ({@link #STROKE_ON_LINE}): a pixel of the stroke's run in the slice the walk stopped at. */
    private final int[] strokeStops = new int[MAX_STROKE_STOPS];
    private int strokeStopCount;
    /** One walk in from a side ({@link #walk}): the line's run lo..hi in each slice, by steps from the side. */
    private final int[] walkLo, walkHi;
    /** {@link #runNear}'s answer: the run it found, lo..hi across the slice. */
    private int nearLo, nearHi;

    LineCut(InkComponents components) {
        this.components = components;
        width = components.width;
        height = components.height;
        int longest = Math.max(width, height);
        lineThickness = (int) (InkCheck.LINE_THICKNESS * longest);
        lineLength = (int) (InkCheck.LINE_LENGTH * longest);
        lineSlack = (int) (LINE_SLACK * longest);
        walkLo = new int[longest];
        walkHi = new int[longest];
    }

    /** Forgets the last box's cut: nothing is marked. */
    void clear() {
        if (marked) {
            java.util.Arrays.fill(mark, (byte) 0);
            marked = false;
        }
    }

    /** The marks, whose {@link #CUT} pixels are no longer ink ({@link InkComponents#runs}); null when nothing is marked. */
    byte[] marks() {
        return marked ? mark : null;
    }

    /**
     * Marks the components touching two or more sides {@link #ACROSS} and cuts the lines that run into them from the sides
     * (class comment); returns the pixels cut, 0 when there is nothing to label again. With the grey levels (else null),
     * the components touching one side are marked {@link #SIDE} and walked too: near a dark digit the threshold loses a
     * light line, so a line on which a digit is written may reach only one side, and its piece from that side, joined to
     * the digit, stretched the digit's box to the side. Such a piece is cut only where the walk ends at ink much darker
     * than it ({@link #STROKE_ON_LINE}): a digit's own stroke touching a side (a 7's bar) is as dark as the rest of it.
     *
     * @param comps the components {@link InkComponents#label} found
     */
    int cut(int comps, AdaptiveThreshold grey) {
        InkComponents k = components;
        boolean any = false;
        for (int c = 0; c < comps && !any; c++) {
            any = k.sides(c) >= 2 || grey != null && k.sides(c) == 1;
        }
        if (!any) {
            return 0;
        }
        if (mark == null) {
            mark = new byte[width * height];
        }
        marked = true;
        for (int i = 0, n = k.runCount(); i < n; i++) {
            int sides = k.sides(k.compOf[i]);
            if (sides >= 2 || grey != null && sides == 1) {
                int row = k.runY[i] * width;
                java.util.Arrays.fill(mark, row + k.runX0[i], row + k.runX1[i] + 1, sides >= 2 ? ACROSS : SIDE);
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
     * Walks in from one side ({@link #walk}) from every run of marked ink on it that is thin ({@link InkCheck#LINE_THICKNESS})
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
     * {@link #LINE_SLACK} over its thickness at the side (or past {@link InkCheck#LINE_THICKNESS}): a stroke joins it there,
     * crossing it or lying along it; but not where a line as thin as this one crosses it ({@link #crossed}). With the
     * grey levels (else null) it also ends where its run holds ink much darker than the line ({@link #STROKE_ON_LINE}).
     * A walk of {@link InkCheck#LINE_LENGTH} or more is a line: its pixels are marked {@link #CUT}; from a component
     * touching one side ({@link #SIDE}) only when it ended at such darker ink. Returns the pixels cut.
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
                if (strokeOnLine(level, lineLevel)) {
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
        if (a < lineLength || mark[start + walkLo[0] * across] == SIDE && !atStroke) {
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
                if (m == ACROSS || m == SIDE) {
                    mark[slice + b * across] = CUT;
                    cut++;
                }
            }
        }
        return cut;
    }

    /**
     * Whether the stroke a walk ran into at slice a (its run thicker there than the line lo..hi before it) is much darker
     * than the line ({@link #STROKE_ON_LINE}) within {@link #STROKE_AHEAD} slices, at the line's place (lo..hi, widened by
     * one) and along the marked ink running on from there across the slice: a pen stroke's edge is soft, its first slices
     * no darker than the line, and a stroke whose soft tip rests on the line has its dark core away from the line's place
     * (looked for at the line's place only, such a line stayed joined to the digit: of 4,200 seeded camera scenes of every
     * kind InkCheck's comment lists, 3 read better with the run, none worse; every CameraBoxTest figure unchanged).
     */
    private boolean darkerAhead(AdaptiveThreshold grey, int start, int along, int across, int steps, int span, int a, int lo,
                                int hi, int lineLevel) {
        for (int k = a; k < steps && k <= a + STROKE_AHEAD; k++) {
            int slice = start + k * along;
            int from = Math.max(0, lo - 1), to = Math.min(span - 1, hi + 1);
            while (from > 0 && mark[slice + from * across] != 0) {
                from--;
            }
            while (to < span - 1 && mark[slice + to * across] != 0) {
                to++;
            }
            for (int b = from; b <= to; b++) {
                if (mark[slice + b * across] != 0 && strokeOnLine(grey.levelAt(slice + b * across), lineLevel)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether ink of grey level {@code level} on a line whose darkest grey level is {@code lineLevel} is a pen stroke: much
     * darker than the line ({@link #STROKE_ON_LINE}, and {@link #STROKE_STEP} levels).
     */
    static boolean strokeOnLine(int level, int lineLevel) {
        return level < Math.min(STROKE_ON_LINE * lineLevel, lineLevel - STROKE_STEP);
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

    /** Whether run i of the components labelled after the cut is part of what ran across the box (marked {@link #ACROSS}). */
    boolean ranAcross(int i) {
        return mark[components.runY[i] * width + components.runX0[i]] == ACROSS;
    }

    /** Whether the last cut took lines walked in from the left or the right side. */
    boolean cutAcross() {
        return cutAcross;
    }

    /** Whether the last cut took lines walked in from the top or the bottom. */
    boolean cutDown() {
        return cutDown;
    }

    /** Whether component c (labelled after the cut) holds a pen stroke at which a line cut ended ({@link #STROKE_ON_LINE}). */
    boolean endsAt(int c) {
        for (int s = 0; s < strokeStopCount; s++) {
            if (components.holds(c, strokeStops[s] % width, strokeStops[s] / width)) {
                return true;
            }
        }
        return false;
    }

    /** Clears, in ink (width*height), the pixels cut as lines: no run holds them. */
    void clearCut(float[] ink) {
        if (marked) {
            for (int i = 0; i < mark.length; i++) {
                if (mark[i] == CUT) {
                    ink[i] = 0f;
                }
            }
        }
    }
}
