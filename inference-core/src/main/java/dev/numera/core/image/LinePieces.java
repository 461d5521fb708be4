package dev.numera.core.image;

/**
 * Pieces of printed lines, the paper's edge and a shadow's edge in a camera box, as the threshold leaves them: thin,
 * long and straight, lying across the box or running away from a side. {@link InkCheck} asks these of its components:
 * whether one is a line's piece at a side ({@link #lineAtSide}, {@link #lineOverBox}), whether every significant one is a
 * flat piece of a ruled line ({@link #onlyFlatLines}: {@link InkCheck#LINES}), and it leaves out the faint pieces beside
 * the digit ({@link #lightLinePieces}). The figures behind each rule are in docs/ink-check.md.
 *
 * <p>A piece is measured on its box and its runs ({@link InkComponents}). Lengths are compared squared, in double (exact for
 * integer coordinates, and no Math.sqrt per camera frame: an import from JavaScript in the Wasm GC build, which boxes its
 * argument); no float is returned.
 */
final class LinePieces {
    /**
     * A slanted piece of a printed line is at most this fraction of the box's longest side thick on average (3 px of 140; its
     * pixels over its length): a printed line's piece comes out of the threshold about as thick as the line, a pen's "1" at
     * the sizes a camera box holds thicker (MNIST 1s turned by 30-50 degrees read as before, CameraBoxTest).
     */
    static final float THIN_LINE = 0.0215f;
    /**
     * A straight piece touching one side is a line, never a digit, when it runs at least this fraction of the box's longest
     * side over it; a "1" touching a side runs ~0.45 of it at ~60 px, ~0.65 at ~90 px.
     */
    static final float LINE_OVER_BOX = 0.75f;

    private final InkComponents cc;
    private final int width, height;
    /** {@link InkCheck#LINE_THICKNESS} and {@link InkCheck#LINE_LENGTH} in pixels of this image */
    private final int lineThickness, lineLength;
    /** {@link #THIN_LINE} in pixels of this image */
    private final float thinLine;

    LinePieces(InkComponents cc) {
        this.cc = cc;
        width = cc.width;
        height = cc.height;
        int longest = Math.max(width, height);
        lineThickness = (int) (InkCheck.LINE_THICKNESS * longest);
        lineLength = (int) (InkCheck.LINE_LENGTH * longest);
        thinLine = THIN_LINE * longest;
    }

    /** Component c's box is a line's lying across: at most {@link InkCheck#LINE_THICKNESS} high, {@link InkCheck#LINE_LENGTH} wide. */
    boolean across(int c) {
        return cc.boxHeight(c) <= lineThickness && cc.boxWidth(c) >= lineLength;
    }

    /** Component c's box is a line's running down: at most {@link InkCheck#LINE_THICKNESS} wide, {@link InkCheck#LINE_LENGTH} high. */
    boolean down(int c) {
        return cc.boxWidth(c) <= lineThickness && cc.boxHeight(c) >= lineLength;
    }

    /**
     * Component c touches one side (those touching two are left out already) and runs away from it as a line does: thin
     * across, long along; or slanted (the paper's edge at an angle): straight, running away from its side, long, and thin on
     * average ({@link #slantedLine}).
     */
    boolean lineAtSide(int c) {
        if (cc.atLeftOrRight(c) && across(c) || cc.atTopOrBottom(c) && down(c)) {
            return true;
        }
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        boolean away = cc.atTopOrBottom(c) ? h >= w : w >= h;
        return cc.sides(c) == 1 && away && slantedLine(c, lineThickness);
    }

    /**
     * Component c touches one side and is a straight line ({@link #straight}) running most of the way over the box
     * ({@link #LINE_OVER_BOX}): its box's diagonal is at least LINE_OVER_BOX of the box's longest side.
     */
    boolean lineOverBox(int c) {
        float dx = cc.maxX[c] - cc.minX[c], dy = cc.maxY[c] - cc.minY[c];
        float over = LINE_OVER_BOX * Math.max(width, height);
        return dx * dx + dy * dy >= over * over && straight(c);
    }

    /**
     * Component c is a piece of a printed line lying across the box: thin ({@link InkCheck#LINE_THICKNESS}) and at least 3
     * times as wide as high; or slanted, at least as wide as high and a line ({@link #slantedLine}) no thicker than a printed
     * one ({@link #THIN_LINE}). A "1" that thin (a small one) stands more up than across.
     */
    boolean flatLine(int c) {
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        if (h <= lineThickness && w >= 3 * h) {
            return true;
        }
        return w >= h && slantedLine(c, thinLine);
    }

    /**
     * Whether every significant component (those left in) lies flat along the box's width ({@link #flatLine}) and the
     * largest is as long as a line's piece ({@link InkCheck#LINE_LENGTH}): shorter bits broken off the same lines go with it.
     *
     * @param largest the largest component's pixels (at least 1)
     */
    boolean onlyFlatLines(int comps, int largest) {
        boolean longEnough = false;
        for (int c = 0; c < comps; c++) {
            if (cc.significant(c, largest)) {
                if (!flatLine(c)) {
                    return false;
                }
                longEnough |= cc.size[c] == largest && cc.boxWidth(c) >= lineLength;
            }
        }
        return longEnough;
    }

    /**
     * Leaves out the pieces of printed lines beside the digit that no walk from a side reached: a faint line breaks, under
     * the threshold, into short flat pieces touching no side (above or below the digit, or inside its loop), and each piece
     * larger than a tenth of the digit stretched the digit's box to it, shrinking the digit and adding a stroke. A piece is a
     * component other than the largest that lies like a line ({@link #flatLine}) and whose darkest pixel is much lighter than
     * the largest component's ({@link LineCut#strokeOnLine}): the test that ends a walk along a line at a pen stroke. A
     * digit's own flat stroke that the threshold or the pen broke off (a 5's bar, a 2's base) is as dark as the rest of the
     * digit and stays; pencil as light as the lines leaves them too. Returns the pixels left out.
     */
    int lightLinePieces(int comps, AdaptiveThreshold grey) {
        int digit = cc.largest(comps);
        if (digit < 0 || flatLine(digit)) {
            return 0;   // the largest is a line's piece itself: lines only, which LINES decides
        }
        int left = 0, digitLevel = -1;
        for (int c = 0; c < comps; c++) {
            if (c != digit && cc.size[c] > 0 && flatLine(c)) {
                if (digitLevel < 0) {
                    digitLevel = darkest(digit, grey);
                }
                if (LineCut.strokeOnLine(digitLevel, darkest(c, grey))) {
                    left += cc.leaveOut(c);
                }
            }
        }
        return left;
    }

    /**
     * Component c is a slanted line: at least {@link InkCheck#LINE_LENGTH} long (its box's diagonal), at most thickness px
     * thick on average (its pixels over that length), and straight ({@link #straight}). Squared and in double, so the answer
     * is the exact one: the float forms' rounding crossed the boundary in 2 of the 140 px box's cases (81x61, 301 px).
     */
    private boolean slantedLine(int c, double thickness) {
        int w = cc.boxWidth(c), h = cc.boxHeight(c);
        double length2 = (double) (w - 1) * (w - 1) + (double) (h - 1) * (h - 1), size = cc.size[c];
        return length2 >= (double) lineLength * lineLength && size * size <= thickness * thickness * length2 && straight(c);
    }

    /**
     * Component c is straight: along one of the diagonals of its box, which is where a straight line of any slant runs, its
     * runs' ends lie within {@link InkCheck#LINE_THICKNESS} across. Measured across, not from the diagonal itself: a thick
     * slanted band's middle runs off its box's diagonal by half its width (the paper's edge slanted 30 px over the box, 7 px
     * wide).
     */
    boolean straight(int c) {
        float ax = cc.minX[c], ay = cc.minY[c], dx = cc.maxX[c] - ax, dy = cc.maxY[c] - ay;
        // a cross product over the diagonal's length is the signed distance from it: top-left to bottom-right (a),
        // bottom-left to top-right (b); the spread compared as spread <= lineThickness * length, squared, in double: exact
        // for these integer coordinates
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
}
