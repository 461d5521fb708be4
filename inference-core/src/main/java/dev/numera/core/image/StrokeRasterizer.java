package dev.numera.core.image;

/**
 * Pen strokes (polylines in canvas pixel coordinates) to an ink-high image, with a round,
 * anti-aliased brush.
 *
 * <p>The brush paints the capsule around each segment: a pixel whose centre (x+0.5, y+0.5) lies at
 * distance d from the nearest segment gets coverage {@code clamp(r + 0.5 - d, 0, 1)}, capped at 2r
 * for brushes thinner than a pixel: 1 well inside, 0.5 on the brush edge, 0 beyond r + 0.5, a one
 * pixel linear ramp in between. The ramp integrates to exactly the diameter across the stroke, so
 * a stroke's ink mass per unit length equals its width. Segments are combined with max, so joints and
 * crossings never exceed 1.
 *
 * <p>Points live in growable arrays (amortised growth as the user draws; nothing is allocated while
 * rasterising). A single-point stroke is a dot.
 *
 * <p>Brush width: a fixed width makes small digits bold and large digits thin after normalisation
 * (longest side to 20 px). {@link #brushDiameterFor(float, float)} picks the width from the drawing's
 * size so that the normalised stroke is ~2 px wide, like MNIST. The UI may still show the user a
 * fixed pen; only the network's copy needs the fitted width.
 */
public final class StrokeRasterizer {
    /** Brush limits in canvas pixels for {@link #brushDiameterFor}. */
    public static final float MIN_BRUSH = 2f;
    public static final float MAX_BRUSH = 40f;
    /** Normalised stroke width to aim for, in 28x28 pixels (MNIST's median is 2.0). */
    public static final float TARGET_WIDTH = 2f;

    private float[] xs;
    private float[] ys;
    private int points;
    /** strokeStart[k] = index of stroke k's first point; stroke k ends where k+1 starts (or at points). */
    private int[] strokeStart;
    private int strokes;
    private boolean open;
    private float brushDiameter = 16f;

    public StrokeRasterizer() {
        this(1024, 32);
    }

    /** @param pointCapacity, strokeCapacity initial sizes; both grow by doubling when exceeded */
    public StrokeRasterizer(int pointCapacity, int strokeCapacity) {
        if (pointCapacity < 1 || strokeCapacity < 1) {
            throw new IllegalArgumentException("capacities must be >= 1, got " + pointCapacity + ", " + strokeCapacity);
        }
        xs = new float[pointCapacity];
        ys = new float[pointCapacity];
        strokeStart = new int[strokeCapacity];
    }

    /**
     * Diameter (canvas px) for a drawing whose point bounding box has this longest side L (canvas px).
     *
     * <p>Normalisation maps the ink box to 20 px. The ink box is the point box plus one diameter D (the
     * round caps), plus about one pixel of the image the normaliser receives, because it measures the
     * box in whole pixels and includes the anti-aliased fringe; call that pixel {@code cellSize} canvas
     * px: 10 when a 280 canvas is first downscaled to 28x28, 1 when the canvas itself is normalised.
     * The stroke then becomes
     * {@code D * 20 / (L + D + cellSize)} px wide; setting that to 2 gives
     * {@code D = (L + cellSize) / 9}, roughly longestSide / 9..10. Clamped to [MIN_BRUSH, MAX_BRUSH]:
     * a dot or a tiny scribble still gets a visible pen, a huge one does not turn into blobs.
     *
     * @param longestSide longest side of the point bounding box, canvas px
     * @param cellSize    canvas px per pixel of the image given to {@link MnistNormalizer}
     */
    public static float brushDiameterFor(float longestSide, float cellSize) {
        if (!(longestSide >= 0f && longestSide < 1e6f)) {
            throw new IllegalArgumentException("longestSide must be in [0, 1e6), got " + longestSide);
        }
        if (!(cellSize >= 0f && cellSize < 1e6f)) {
            throw new IllegalArgumentException("cellSize must be in [0, 1e6), got " + cellSize);
        }
        float d = (longestSide + cellSize) * TARGET_WIDTH / (MnistNormalizer.BOX - TARGET_WIDTH);
        if (d < MIN_BRUSH) {
            return MIN_BRUSH;
        }
        if (d > MAX_BRUSH) {
            return MAX_BRUSH;
        }
        return d;
    }

    /**
     * Sets the brush from the current drawing ({@link #brushDiameterFor} of the box of its ink on the
     * width x height canvas) and returns it. Call before {@link #rasterise} each time the drawing changes.
     *
     * <p>Only what lands on the canvas counts: each segment is clipped to [0, width] x [0, height]
     * first (Liang-Barsky), and a dot off the canvas is left out. A stroke dragged off the pad (the
     * pointer stays captured) would otherwise size the brush for points the network never sees: a
     * 7 220 px wide with its bar pulled 300 px past the pad's edge got a 40 px pen instead of 25.6 px,
     * and reached the network half as bold again.
     *
     * @param cellSize      canvas px per pixel of the image given to {@link MnistNormalizer}
     * @param width, height the canvas {@link #rasterise} paints, canvas px
     */
    public float fitBrushToDrawing(float cellSize, int width, int height) {
        Check.pixels(width, height);
        if (strokeBox.length < 4 * strokes) {
            strokeBox = new float[4 * strokeStart.length];
            stray = new boolean[strokeStart.length];
        }
        float largest = 0f;
        for (int k = 0; k < strokes; k++) {
            boxMinX = Float.POSITIVE_INFINITY;
            boxMinY = Float.POSITIVE_INFINITY;
            boxMaxX = Float.NEGATIVE_INFINITY;
            boxMaxY = Float.NEGATIVE_INFINITY;
            int start = strokeStart[k];
            int end = k + 1 < strokes ? strokeStart[k + 1] : points;
            if (end - start == 1) {
                includeClipped(xs[start], ys[start], xs[start], ys[start], width, height);
            }
            for (int i = start + 1; i < end; i++) {
                includeClipped(xs[i - 1], ys[i - 1], xs[i], ys[i], width, height);
            }
            strokeBox[4 * k] = boxMinX;
            strokeBox[4 * k + 1] = boxMinY;
            strokeBox[4 * k + 2] = boxMaxX;
            strokeBox[4 * k + 3] = boxMaxY;
            largest = Math.max(largest, side(k));
        }
        // The box of the strokes that make the digit. A stray tap or tick far from a digit made the box, so the
        // brush, as large as both: a dot 130 px from a 63 px 0 became a 22 px disc, which the ink check kept
        // beside the digit, and the 0 read 6 (90 %). A stroke under a quarter of the largest one's size counts
        // only near the others (a 7's bar, a 5's flag): within a quarter of their box's size. One farther off is
        // a slip, left out of the brush and of what rasterise paints (a thin tick beside a small digit still
        // held a tenth of its ink, enough for the ink check to keep it).
        float mainMinX = Float.POSITIVE_INFINITY, mainMinY = Float.POSITIVE_INFINITY;
        float mainMaxX = Float.NEGATIVE_INFINITY, mainMaxY = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < strokes; k++) {
            if (strokeBox[4 * k] <= strokeBox[4 * k + 2] && side(k) >= SMALL_STROKE * largest) {
                mainMinX = Math.min(mainMinX, strokeBox[4 * k]);
                mainMinY = Math.min(mainMinY, strokeBox[4 * k + 1]);
                mainMaxX = Math.max(mainMaxX, strokeBox[4 * k + 2]);
                mainMaxY = Math.max(mainMaxY, strokeBox[4 * k + 3]);
            }
        }
        float near = SMALL_STROKE * Math.max(mainMaxX - mainMinX, mainMaxY - mainMinY);
        boxMinX = mainMinX;
        boxMinY = mainMinY;
        boxMaxX = mainMaxX;
        boxMaxY = mainMaxY;
        for (int k = 0; k < strokes; k++) {
            float x0 = strokeBox[4 * k], y0 = strokeBox[4 * k + 1], x1 = strokeBox[4 * k + 2], y1 = strokeBox[4 * k + 3];
            float gap = Math.max(Math.max(mainMinX - x1, x0 - mainMaxX), Math.max(mainMinY - y1, y0 - mainMaxY));   // <= 0: they overlap
            boolean small = x0 <= x1 && side(k) < SMALL_STROKE * largest;
            stray[k] = small && !(gap <= near);
            if (small && gap <= near) {
                includePoint(x0, y0);
                includePoint(x1, y1);
            }
        }
        fitted = true;
        float longest = boxMaxX >= boxMinX ? Math.max(boxMaxX - boxMinX, boxMaxY - boxMinY) : 0f;   // nothing on the canvas: 0
        brushDiameter = brushDiameterFor(longest, cellSize);
        return brushDiameter;
    }

    /** A stroke under this fraction of the largest stroke's size is small: it sizes the brush only near the others. */
    static final float SMALL_STROKE = 0.25f;

    // the longest side of stroke k's box of ink on the canvas (strokeBox), 0 when it has none there
    private float side(int k) {
        float w = strokeBox[4 * k + 2] - strokeBox[4 * k], h = strokeBox[4 * k + 3] - strokeBox[4 * k + 1];
        return w >= 0 ? Math.max(w, h) : 0f;
    }

    // per stroke, the box of its clipped segments: minX, minY, maxX, maxY (minX > maxX: none on the canvas); grows with the strokes
    private float[] strokeBox = new float[4 * 32];
    // per stroke, whether fitBrushToDrawing found it a slip far from the digit; read by rasterise while fitted
    private boolean[] stray = new boolean[32];
    // the strokes have not changed since fitBrushToDrawing set stray
    private boolean fitted;
    // the box of the clipped segments (includeClipped), and the part [t0, t1] of the segment being clipped
    private float boxMinX, boxMinY, boxMaxX, boxMaxY, t0, t1;

    // Grows the box by the part of segment a-b inside [0, w] x [0, h]; nothing when no part is inside. a == b: a dot.
    private void includeClipped(float ax, float ay, float bx, float by, int w, int h) {
        float dx = bx - ax, dy = by - ay;
        if (clip(ax, ay, dx, dy, 0f, w, h)) {
            includePoint(ax + t0 * dx, ay + t0 * dy);
            includePoint(ax + t1 * dx, ay + t1 * dy);
        }
    }

    // The part of segment a-(a + d) inside [-m, w + m] x [-m, h + m]: the points a + t d for t in [t0, t1]
    // once each edge has narrowed [0, 1] (Liang-Barsky); false when no part is inside.
    private boolean clip(float ax, float ay, float dx, float dy, float m, int w, int h) {
        t0 = 0f;
        t1 = 1f;
        return edge(-dx, ax + m) && edge(dx, w + m - ax) && edge(-dy, ay + m) && edge(dy, h + m - ay);
    }

    /**
     * Length (canvas px) of the strokes' path farther than {@code margin} outside the width x height
     * canvas. The pointer stays captured when a stroke leaves the pad, so its points keep coming; what
     * lies out there is drawn where the pad does not show it, and the network never sees it (see
     * {@link #fitBrushToDrawing}). With the visible pen's radius as the margin, this is the drawing
     * the user made and cannot see.
     */
    public float lengthOutside(float margin, int width, int height) {
        Check.pixels(width, height);
        if (!(margin >= 0f && margin < 1e6f)) {
            throw new IllegalArgumentException("margin must be in [0, 1e6), got " + margin);
        }
        float outside = 0f;
        for (int k = 0; k < strokes; k++) {
            int end = k + 1 < strokes ? strokeStart[k + 1] : points;
            for (int i = strokeStart[k] + 1; i < end; i++) {
                float dx = xs[i] - xs[i - 1], dy = ys[i] - ys[i - 1];
                float inside = clip(xs[i - 1], ys[i - 1], dx, dy, margin, width, height) ? t1 - t0 : 0f;
                outside += (1f - inside) * (float) Math.sqrt(dx * dx + dy * dy);
            }
        }
        return outside;
    }

    // One edge, inside where p t <= q: narrows [t0, t1] to it; false when nothing is left.
    private boolean edge(float p, float q) {
        if (p == 0f) {
            return q >= 0f;   // parallel to the edge: all inside or all outside
        }
        if (p < 0f) {
            t0 = Math.max(t0, q / p);   // entering
        } else {
            t1 = Math.min(t1, q / p);   // leaving
        }
        return t0 <= t1;
    }

    private void includePoint(float x, float y) {
        boxMinX = Math.min(boxMinX, x);
        boxMaxX = Math.max(boxMaxX, x);
        boxMinY = Math.min(boxMinY, y);
        boxMaxY = Math.max(boxMaxY, y);
    }

    public void setBrushDiameter(float diameter) {
        if (!(diameter > 0f && diameter < 10000f)) {
            throw new IllegalArgumentException("brush diameter must be in (0, 10000), got " + diameter);
        }
        brushDiameter = diameter;
    }

    public float brushDiameter() {
        return brushDiameter;
    }

    /** Starts a new stroke (ends an open one first). */
    public void beginStroke() {
        endStroke();
        if (strokes == strokeStart.length) {
            int[] grown = new int[strokeStart.length * 2];
            System.arraycopy(strokeStart, 0, grown, 0, strokes);
            strokeStart = grown;
        }
        strokeStart[strokes++] = points;
        open = true;
        fitted = false;
    }

    /** Appends a point (canvas pixels) to the open stroke. */
    public void addPoint(float x, float y) {
        if (!open) {
            throw new IllegalStateException("addPoint without beginStroke");
        }
        if (!(x > -1e6f && x < 1e6f && y > -1e6f && y < 1e6f)) {
            throw new IllegalArgumentException("point out of range: " + x + ", " + y);
        }
        if (points == xs.length) {
            float[] gx = new float[xs.length * 2];
            float[] gy = new float[ys.length * 2];
            System.arraycopy(xs, 0, gx, 0, points);
            System.arraycopy(ys, 0, gy, 0, points);
            xs = gx;
            ys = gy;
        }
        xs[points] = x;
        ys[points] = y;
        points++;
        fitted = false;
    }

    /** Closes the open stroke; a stroke that got no points is dropped. */
    public void endStroke() {
        if (open) {
            open = false;
            if (strokeStart[strokes - 1] == points) {
                strokes--;
            }
        }
    }

    /** Removes the most recent stroke (open or not); false when there is none. */
    public boolean undoLastStroke() {
        endStroke();
        if (strokes == 0) {
            return false;
        }
        strokes--;
        points = strokeStart[strokes];
        fitted = false;
        return true;
    }

    public void clear() {
        strokes = 0;
        points = 0;
        open = false;
        fitted = false;
    }

    /** Strokes with at least one point, including the open one. */
    public int strokeCount() {
        if (open && strokeStart[strokes - 1] == points) {
            return strokes - 1;
        }
        return strokes;
    }

    public int pointCount() {
        return points;
    }

    /**
     * Paints all strokes with the current brush, but those {@link #fitBrushToDrawing} found to be slips
     * far from the digit when it was called after the last change.
     *
     * @param out (width*height) ink-high output, overwritten; canvas pixel (x, y) -> out[y*width + x]
     */
    public void rasterise(float[] out, int width, int height) {
        int n = Check.pixels(width, height);
        Check.floats(out, n, "out");
        for (int i = 0; i < n; i++) {
            out[i] = 0f;
        }
        for (int k = 0; k < strokes; k++) {
            if (fitted && stray[k]) {
                continue;
            }
            int start = strokeStart[k];
            int end = k + 1 < strokes ? strokeStart[k + 1] : points;
            if (end - start == 1) {
                capsule(out, width, height, start, start);
            }
            for (int i = start + 1; i < end; i++) {
                capsule(out, width, height, i - 1, i);
            }
        }
    }

    /**
     * Max-combines the coverage of the brush's capsule (radius r) around the segment from point a to
     * point b. Runs for every segment of the drawing at every live recognition, so it allocates
     * nothing under TeaVM either: it takes the points' indices, not their coordinates (in TeaVM's
     * JavaScript a float argument of a call the engine does not inline is a new heap number: 3.2 MB
     * over a 300-move stroke), and finds its pixel box with casts, not Math.floor/ceil (imports from
     * JavaScript in Wasm GC that box their argument: 2.6 MB over a 600-move stroke).
     */
    private void capsule(float[] out, int width, int height, int a, int b) {
        float ax = xs[a], ay = ys[a], bx = xs[b], by = ys[b];
        float r = brushDiameter * 0.5f;
        float reach = r + 0.5f;
        int x0 = floor(Math.min(ax, bx) - reach);
        int x1 = ceil(Math.max(ax, bx) + reach);
        int y0 = floor(Math.min(ay, by) - reach);
        int y1 = ceil(Math.max(ay, by) + reach);
        if (x0 < 0) {
            x0 = 0;
        }
        if (y0 < 0) {
            y0 = 0;
        }
        if (x1 > width - 1) {
            x1 = width - 1;
        }
        if (y1 > height - 1) {
            y1 = height - 1;
        }
        float dx = bx - ax;
        float dy = by - ay;
        float len2 = dx * dx + dy * dy;
        float inv = len2 > 0f ? 1f / len2 : 0f;
        float peak = 2f * r < 1f ? 2f * r : 1f;
        for (int y = y0; y <= y1; y++) {
            float py = y + 0.5f - ay;
            int row = y * width;
            for (int x = x0; x <= x1; x++) {
                float px = x + 0.5f - ax;
                float t = (px * dx + py * dy) * inv;
                if (t < 0f) {
                    t = 0f;
                } else if (t > 1f) {
                    t = 1f;
                }
                float ex = px - t * dx;
                float ey = py - t * dy;
                float d = (float) Math.sqrt(ex * ex + ey * ey);
                float c = reach - d;
                if (c > peak) {
                    c = peak;
                }
                if (c > out[row + x]) {
                    out[row + x] = c;
                }
            }
        }
    }

    // floor and ceil by a cast (exact for the point range, |v| < 2^31): see capsule
    private static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    private static int ceil(float v) {
        int i = (int) v;
        return v > i ? i + 1 : i;
    }
}
