package dev.numera.core.image;

/**
 * The 8-connected components of an ink-high image ({@code value >= InkCheck.INK_LEVEL} is ink), found on runs, not
 * pixels: each row's ink is cut into runs (maximal horizontal stretches), a run joins every run of the row above that it
 * touches, sideways or diagonally (the spans, each widened by one, overlap), and union-find merges them. A written digit
 * of a few thousand ink pixels is a few hundred runs, so the labelling touches each ink pixel once, when the runs are cut,
 * instead of looking at its eight neighbours (a flood fill did: 2-3x slower in Wasm GC).
 *
 * <p>The arrays are for {@link InkCheck}, {@link LineCut} and the check's rules ({@link LinePieces}, {@link DarkShapes},
 * {@link SeveralDigits}) to read; {@link #leaveOut} changes {@link #size}: a component left out has size 0. They are
 * allocated once for (width, height) and refilled by each {@link #runs} and {@link #label}. Outside the package only
 * {@link #digitBox} is open.
 */
public final class InkComponents {
    final int width;
    final int height;
    /** Runs of ink, row by row: run i covers columns runX0[i]..runX1[i] of row runY[i]; at most ceil(width/2) per row. */
    final int[] runX0;
    final int[] runX1;
    final int[] runY;
    /** (height+1) index of each row's first run; rowStart[height] = number of runs */
    final int[] rowStart;
    /** the component a run belongs to, once labelled */
    final int[] compOf;
    /** union-find over the runs: parent[i] = i for a root, which is always its component's first run */
    private final int[] parent;
    /** per component: pixel count (0 for one left out) and box, inclusive. At most ceil(w/2)*ceil(h/2) components exist. */
    final int[] size;
    final int[] minX;
    final int[] minY;
    final int[] maxX;
    final int[] maxY;

    InkComponents(int width, int height) {
        this.width = width;
        this.height = height;
        int maxRuns = ((width + 1) / 2) * height;
        runX0 = new int[maxRuns];
        runX1 = new int[maxRuns];
        runY = new int[maxRuns];
        parent = new int[maxRuns];
        compOf = new int[maxRuns];
        rowStart = new int[height + 1];
        int maxComponents = ((width + 1) / 2) * ((height + 1) / 2);
        size = new int[maxComponents];
        minX = new int[maxComponents];
        minY = new int[maxComponents];
        maxX = new int[maxComponents];
        maxY = new int[maxComponents];
    }

    /** Set by {@link #within}: per row, the columns {@link #runs} looks at (null: all). */
    private int[] spanFrom, spanTo;

    /**
     * From now on {@link #runs} takes the ink of row y only in columns from[y]..to[y] (none where from[y] > to[y]): the paper
     * held up in front of something dark ({@link PaperOnDark}); null, null for every column.
     */
    void within(int[] from, int[] to) {
        spanFrom = from;
        spanTo = to;
    }

    /**
     * Cuts each row's ink into runs; returns the number of ink pixels. NaN is not ink.
     *
     * @param ink    (width*height) ink-high image
     * @param mark   (width*height) or null: pixels where it holds notInk are not ink (the lines a {@link LineCut} cut)
     * @param notInk the mark of such pixels
     */
    int runs(float[] ink, byte[] mark, byte notInk) {
        int w = width, h = height;
        int[] x0s = runX0, x1s = runX1, ys = runY, rows = rowStart;
        int n = 0, count = 0;
        for (int y = 0; y < h; y++) {
            rows[y] = n;
            int src = y * w;
            int end = spanTo == null ? w : Math.min(w, spanTo[y] + 1);   // the row's columns from..end-1
            for (int x = spanFrom == null ? 0 : Math.max(0, spanFrom[y]); x < end; x++) {
                if (!(ink[src + x] >= InkCheck.INK_LEVEL) || mark != null && mark[src + x] == notInk) {
                    continue;
                }
                int x0 = x;
                while (x + 1 < end && ink[src + x + 1] >= InkCheck.INK_LEVEL && (mark == null || mark[src + x + 1] != notInk)) {
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
     * The box of the digit in an ink-high image of a picture in which it is small (a phone's photo of a page, averaged
     * down): the largest component that touches no side (a sheet's edge, a shadow do) and has at least {@code minSize}
     * pixels, joined by every component touching no side whose box meets its box grown by half its size on each axis (a
     * 4's or a 5's other stroke). Allocates its components: called once per picture, not per frame.
     *
     * @param ink (width*height) ink-high image, e.g. an {@link AdaptiveThreshold}'s output
     * @return {x0, y0, x1, y1}, inclusive; null when no component qualifies
     */
    public static int[] digitBox(float[] ink, int width, int height, int minSize) {
        Check.floats(ink, width * height, "ink");
        InkComponents c = new InkComponents(width, height);
        c.runs(ink, null, (byte) 0);
        int comps = c.label();
        int best = -1;
        for (int k = 0; k < comps; k++) {
            if (!c.touchesSide(k) && c.size[k] >= minSize && (best < 0 || c.size[k] > c.size[best])) {
                best = k;
            }
        }
        if (best < 0) {
            return null;
        }
        int gx = c.boxWidth(best) / 2, gy = (c.maxY[best] - c.minY[best] + 1) / 2;
        int[] box = {c.minX[best], c.minY[best], c.maxX[best], c.maxY[best]};
        for (int k = 0; k < comps; k++) {
            if (k != best && !c.touchesSide(k) && c.maxX[k] >= c.minX[best] - gx && c.minX[k] <= c.maxX[best] + gx
                    && c.maxY[k] >= c.minY[best] - gy && c.minY[k] <= c.maxY[best] + gy) {
                box[0] = Math.min(box[0], c.minX[k]);
                box[1] = Math.min(box[1], c.minY[k]);
                box[2] = Math.max(box[2], c.maxX[k]);
                box[3] = Math.max(box[3], c.maxY[k]);
            }
        }
        return box;
    }

    private boolean touchesSide(int c) {
        return minX[c] == 0 || minY[c] == 0 || maxX[c] == width - 1 || maxY[c] == height - 1;
    }

    /** The number of runs the last {@link #runs} cut. */
    int runCount() {
        return rowStart[height];
    }

    /**
     * Labels the 8-connected components of the runs {@link #runs} cut; fills {@link #compOf}, {@link #size} and the boxes
     * in the order of each component's first ink pixel (raster order); returns the count.
     */
    int label() {
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
                size[c] = 0;
                minX[c] = w;
                minY[c] = h;
                maxX[c] = -1;
                maxY[c] = -1;
            } else {
                c = compOf[root];
            }
            compOf[i] = c;
            size[c] += x1s[i] - x0s[i] + 1;
            if (x0s[i] < minX[c]) {
                minX[c] = x0s[i];
            }
            if (x1s[i] > maxX[c]) {
                maxX[c] = x1s[i];
            }
            if (ys[i] < minY[c]) {
                minY[c] = ys[i];
            }
            if (ys[i] > maxY[c]) {
                maxY[c] = ys[i];
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

    /** Component c's box, across. */
    int boxWidth(int c) {
        return maxX[c] - minX[c] + 1;
    }

    /** Component c's box, down. */
    int boxHeight(int c) {
        return maxY[c] - minY[c] + 1;
    }

    /** How many sides of the image component c touches. */
    int sides(int c) {
        return (minX[c] == 0 ? 1 : 0) + (maxX[c] == width - 1 ? 1 : 0) + (minY[c] == 0 ? 1 : 0) + (maxY[c] == height - 1 ? 1 : 0);
    }

    /** Whether component c touches the left or the right side. */
    boolean atLeftOrRight(int c) {
        return minX[c] == 0 || maxX[c] == width - 1;
    }

    /** Whether component c touches the top or the bottom. */
    boolean atTopOrBottom(int c) {
        return minY[c] == 0 || maxY[c] == height - 1;
    }

    /**
     * Leaves component c out (it is not writing: {@link InkCheck}'s camera box rules): its size becomes 0, so it is no
     * longer the largest and never significant. Returns its pixels.
     */
    int leaveOut(int c) {
        int pixels = size[c];
        size[c] = 0;
        return pixels;
    }

    /** The largest of the first comps components left in (the first of equals), -1 when every one is left out. */
    int largest(int comps) {
        int largest = -1;
        for (int c = 0; c < comps; c++) {
            if (size[c] > 0 && (largest < 0 || size[c] > size[largest])) {
                largest = c;
            }
        }
        return largest;
    }

    /**
     * Whether component c is significant beside the largest one's pixels: left in, with at least
     * {@link InkCheck#SIGNIFICANT_COMPONENT} of them (smaller specks do not stretch the digit's box).
     */
    boolean significant(int c, int largest) {
        return size[c] > 0 && size[c] >= InkCheck.SIGNIFICANT_COMPONENT * largest;
    }

    /** Whether pixel (x, y) is ink of component c. */
    boolean holds(int c, int x, int y) {
        for (int i = rowStart[y]; i < rowStart[y + 1]; i++) {
            if (compOf[i] == c && runX0[i] <= x && x <= runX1[i]) {
                return true;
            }
        }
        return false;
    }
}
