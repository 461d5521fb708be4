package dev.numera.core.image;

/**
 * Local adaptive (mean) thresholding of a grey image into ink 1 / paper 0.
 *
 * <p>A pixel is ink when it is darker than the mean of its (2r+1)x(2r+1) neighbourhood by more than
 * {@code offset} grey levels <em>and</em> by more than the fraction {@code minContrast} of that mean:
 * {@code mean - q > max(offset, minContrast * mean)}. Comparing with the local mean instead of one
 * global level is what makes a soft shadow across the paper disappear: inside a window a smooth shadow
 * is nearly linear, so its mean equals the centre pixel and nothing stands out; a pen stroke, narrower
 * than the window, does. Defaults: radius 7 (15x15), offset 8, minContrast 0.1, for a 140x140 box of
 * camera pixels fed by {@link Luminance#cameraGrey}.
 *
 * <p>Why the relative term: a shadow scales everything, so an absolute offset that is right in full
 * light is too strict in shadow and too loose on bright paper. Faint marks that are not ink (what is
 * left of ruled lines after {@link Luminance#cameraGrey}, a line that lifts above grey paper and makes
 * its neighbours look dark, paper texture) stay within a few percent of the local mean wherever the
 * light falls; pen and pencil strokes are 20..60 % under it. In the ruled-paper-with-shadow test scene
 * (measured with a 9x9 window) 0.08 already removed every false pixel and 0 let hundreds through;
 * 0.1 leaves margin. The offset still matters in dark regions (mean below 80), where 10 % of the
 * mean is within camera noise. {@code minContrast = 0} gives the
 * plain offset rule.
 *
 * <p>Why 15x15 and not 9x9: strokes wider than about the window come out hollow (the window fits inside
 * the stroke and its mean is the stroke itself), and hollow outlines break into pieces. A digit
 * written MNIST-like (stroke ~1/10 of its height) filling a 140 box has 10..15 px strokes. Measured on
 * the 10,000 MNIST test digits upscaled to 140, printed dark on paper and thresholded: a 9x9 window
 * left 14 % of them in fragments (largest piece under 30 % of the ink, which {@link InkCheck} calls
 * "scattered"); on every 10th digit 11x11 failed 1 of 1,000, 13x13 to 21x21 none. The ruled-paper test scene stays free of false ink up to 19x19
 * (21x21 lets 2 pixels through) and its strokes fill better with a bigger window; 15x15 sits in the
 * middle. The cost per pixel does not depend on the radius.
 *
 * <p>Why the offset grows with the noise: a webcam in dim light has sensor noise of 5-10 levels (standard deviation),
 * and at 8 levels under the mean one paper pixel in six was ink: hundreds of specks, beside which a thin pen's digit
 * was under a quarter of the ink, so {@link InkCheck} called the box noise (helper-84: MNIST digits of 35-70 px with a
 * thin pen, noise 8: 111 of 400 reads "scattered specks", 282 right). The noise is measured on each image, robustly:
 * {@code sigma = median |q(x+1, y) - q(x, y)| / 0.954} (for Gaussian noise the difference of two neighbours has
 * standard deviation sigma x sqrt 2, whose median absolute value is 0.954 sigma; strokes and edges are few pixels and
 * move the median little), and the offset used is {@code max(offset, NOISE_SIGMAS x sigma)}: 2.5 sigma keeps one paper
 * pixel in 160 above it. The same digits at noise 8 now read 359 times in 400 (none wrong and sure), at noise 5 397
 * (390 before), at 2 400 as before; with the noise measured on every row, 2 sigma read as well, 3 sigma a little
 * worse, 4 sigma broke thin strokes (313 of 400 at noise 8). Under ~4 levels of noise (a camera in good light, the training's renders: their median difference is at
 * most 3 levels) nothing changes.
 *
 * <p>Grey levels are first quantised to integers 0..255 ({@link #level}), so the window sums live in
 * an int integral image (exact, no drift) and each pixel costs O(1) whatever the radius. Windows are
 * clipped at the border: the mean is over the pixels that exist.
 *
 * <p>{@link #applyRgba} is the camera path in one pass over the pixels: RGBA straight to integer
 * levels (the same levels {@link Luminance#cameraGrey} + {@link #level} give), with no float grey
 * image in between.
 *
 * <p>Built for one (width, height); the level and integral buffers are allocated once and reused
 * every frame.
 */
public final class AdaptiveThreshold {
    public static final int DEFAULT_RADIUS = 7;
    public static final float DEFAULT_OFFSET = 8f;
    public static final float DEFAULT_MIN_CONTRAST = 0.1f;
    /** The offset used is at least this many standard deviations of the image's noise (see the class comment). */
    public static final float NOISE_SIGMAS = 2.5f;
    /** The noise is measured on every this-many-th row (0, 2, 4, ...): 70 rows of a camera box, 9,730 differences, are plenty for a median. */
    static final int NOISE_ROWS = 2;

    private final int width;
    private final int height;
    private final int radius;
    private final float offset;
    private final float minContrast;
    private final float noiseSigmas;
    /** (height+1) x (width+1): integral[(y+1)*(width+1) + (x+1)] = sum of levels over [0..y]x[0..x]. */
    private final int[] integral;
    /** (width*height) grey level 0..255 of each pixel, as {@link #level} gives. */
    private final int[] levels;
    /** grey level of an opaque pixel by its camera grey (0..255, see {@link #applyRgba}), for {@link #tableBackground}. */
    private final int[] opaqueLevel = new int[256];
    private float tableBackground = Float.NaN;
    /**
     * One float: a grey value goes through it before {@link #level}, so it is rounded to float32 as
     * cameraGrey's float[] store rounds it (TeaVM's JavaScript computes float expressions in double).
     */
    private final float[] greyScratch = new float[1];
    /** Neighbours' level differences 0..255 counted, for the noise's median; and the offset used for the last image. */
    private final int[] differences = new int[4 * 256];
    private float offsetUsed;

    /** 15x15 window, offset 8 or {@link #NOISE_SIGMAS} times the image's noise, min contrast 10 %: the camera's. */
    public AdaptiveThreshold(int width, int height) {
        this(width, height, DEFAULT_RADIUS, DEFAULT_OFFSET, DEFAULT_MIN_CONTRAST, NOISE_SIGMAS);
    }

    /** Given radius and offset, min contrast 10 %, the offset fixed. */
    public AdaptiveThreshold(int width, int height, int radius, float offset) {
        this(width, height, radius, offset, DEFAULT_MIN_CONTRAST);
    }

    /** Given radius, offset and min contrast, the offset fixed. */
    public AdaptiveThreshold(int width, int height, int radius, float offset, float minContrast) {
        this(width, height, radius, offset, minContrast, 0f);
    }

    /**
     * @param radius      window half-size r >= 0: the window is (2r+1)x(2r+1), clipped to the image; a radius
     *                    beyond max(width, height) is that radius (the window is the whole image either way, and
     *                    x + r must not overflow)
     * @param offset      grey levels (of 255) a pixel must be below its local mean to count as ink
     * @param minContrast fraction 0..1 of the local mean a pixel must also be below it (0 = off)
     * @param noiseSigmas the offset used is at least this many times the image's noise ({@link #noiseSigma}; 0 = off)
     */
    public AdaptiveThreshold(int width, int height, int radius, float offset, float minContrast, float noiseSigmas) {
        Check.pixels(width, height);
        if (radius < 0) {
            throw new IllegalArgumentException("radius must be >= 0, got " + radius);
        }
        if (!(offset > -256f && offset < 256f)) {
            throw new IllegalArgumentException("offset must be a grey-level difference in (-256, 256), got " + offset);
        }
        if (!(minContrast >= 0f && minContrast <= 1f)) {
            throw new IllegalArgumentException("minContrast must be a fraction in 0..1, got " + minContrast);
        }
        if (!(noiseSigmas >= 0f && noiseSigmas <= 100f)) {
            throw new IllegalArgumentException("noiseSigmas must be in 0..100, got " + noiseSigmas);
        }
        this.width = width;
        this.height = height;
        this.radius = Math.min(radius, Math.max(width, height));
        this.offset = offset;
        this.minContrast = minContrast;
        this.noiseSigmas = noiseSigmas;
        // 255 * MAX_PIXELS < 2^31, so every window sum fits an int
        this.integral = new int[(width + 1) * (height + 1)];
        this.levels = new int[width * height];
    }

    /**
     * Integer grey level used for the window sums: grey rounded half up, clamped to 0..255 (NaN to 0).
     */
    public static int level(float grey) {
        float v = grey + 0.5f;
        if (v >= 255f) {
            return 255;
        }
        if (v >= 0f) {
            return (int) v;
        }
        return 0;
    }

    /**
     * @param grey (width*height) grey levels 0..255, paper-bright (as {@link Luminance#cameraGrey} gives)
     * @param ink  (width*height) output, 1f = ink, 0f = paper; may not be {@code grey}
     * @return number of ink pixels
     */
    public int apply(float[] grey, float[] ink) {
        int n = width * height;
        Check.floats(grey, n, "grey");
        Check.floats(ink, n, "ink");
        if (grey == ink) {
            throw new IllegalArgumentException("grey and ink must be different arrays (the window reads neighbours)");
        }
        int[] levels = this.levels;
        for (int i = 0; i < n; i++) {
            levels[i] = level(grey[i]);
        }
        return threshold(ink);
    }

    /**
     * The camera path fused: {@code Luminance.cameraGrey(rgba, width, height, background, grey)} then
     * {@code apply(grey, ink)}, with the same result, but without the float grey image. Per pixel:
     * {@code min(max(R, G, B), 2 min(R, G))} of the packed int in ints and, for opaque
     * pixels (every video frame), a table lookup.
     *
     * @param rgba       (width*height) packed pixels {@code R | G << 8 | B << 16 | A << 24}, row-major
     *                   (see {@link Luminance#pack})
     * @param background grey level 0..255 under transparent pixels (255 for paper)
     * @param ink        (width*height) output, 1f = ink, 0f = paper
     * @return number of ink pixels
     */
    public int applyRgba(int[] rgba, float background, float[] ink) {
        Check.floats(ink, width * height, "ink");
        levelsRgba(rgba, background);
        return threshold(ink);
    }

    /**
     * The first half of {@link #applyRgba}: only the grey levels of rgba, which {@link #levelAt} then reads (no ink). The
     * camera asks them of a box it may turn dark on light, before it does (a sheet held up in front of something dark is
     * no chalk: Recognizer).
     */
    public void levelsRgba(int[] rgba, float background) {
        int n = width * height;
        Check.ints(rgba, n, "rgba");
        Luminance.checkBackground(background);
        if (background != tableBackground) {
            for (int m = 0; m < 256; m++) {
                opaqueLevel[m] = blendedLevel(0xFF000000 | m | m << 8 | m << 16, background);
            }
            tableBackground = background;
        }
        int[] levels = this.levels;
        int[] opaque = opaqueLevel;
        for (int i = 0; i < n; i++) {
            int px = rgba[i];
            int r = px & 0xFF;
            int g = (px >>> 8) & 0xFF;
            int b = (px >>> 16) & 0xFF;
            int a = px >>> 24;
            // max(r, g, b) and min(r, g) without branches: on a camera's noisy pixels which channel is largest
            // is a coin toss per pixel, and TeaVM compiles a ternary to a branch (for these small ints the
            // mask (x - y) >> 31 is all ones exactly when x < y: x - ((x - y) & mask) is max(x, y),
            // y + ((x - y) & mask) is min(x, y))
            int m = r - ((r - g) & ((r - g) >> 31));
            m = m - ((m - b) & ((m - b) >> 31));
            int cap = (g + ((r - g) & ((r - g) >> 31))) << 1;
            m = cap + ((m - cap) & ((m - cap) >> 31));   // min(m, cap)
            levels[i] = a == 255 ? opaque[m] : blendedLevel(px, background); // not opaque: rare, canvases not video
        }
    }

    /** {@link #level} of {@link Luminance#cameraGrey}'s grey for one packed pixel. */
    private int blendedLevel(int px, float background) {
        greyScratch[0] = Luminance.cameraGrey(px, background);
        return level(greyScratch[0]);
    }

    /**
     * The image's noise, as a standard deviation in grey levels: the median absolute difference of horizontal
     * neighbours, in every {@link #NOISE_ROWS}-th row, over 0.954 (see the class comment); 0 for an image one pixel wide.
     */
    float noiseSigma() {
        int w = width, h = height;
        int[] levels = this.levels, counts = differences;
        for (int k = 0; k < counts.length; k++) counts[k] = 0;
        // four histograms, by x mod 4, summed after: one's increments of the same few counts wait on each other
        for (int y = 0; y < h; y += NOISE_ROWS) {
            int row = y * w;
            for (int x = 0; x + 1 < w; x++) {
                int d = levels[row + x + 1] - levels[row + x];
                counts[(x & 3) << 8 | (d ^ (d >> 31)) - (d >> 31)]++;
            }
        }
        int pairs = (w - 1) * ((h + NOISE_ROWS - 1) / NOISE_ROWS), seen = 0, median = 0;
        while (median < 255 && 2 * (seen + count(median)) <= pairs) {
            seen += count(median);
            median++;
        }
        return pairs == 0 ? 0f : median / 0.954f;
    }

    /** Differences of {@code d} levels in the four histograms of {@link #noiseSigma}. */
    private int count(int d) {
        int[] counts = differences;
        return counts[d] + counts[256 | d] + counts[512 | d] + counts[768 | d];
    }

    /**
     * The offset for the image in {@link #levels}: {@code max(offset, noiseSigmas x noiseSigma())}. The noise can raise it
     * only when the median difference is over {@code offset x 0.954 / noiseSigmas} levels (3 for the camera's 8 and
     * 2.5): a count of the differences within that, without a memory access per pixel, settles the common, quiet image;
     * only a noisy one builds the histogram (its increments wait on each other). The JVM's threshold of the benchmarks'
     * camera box (noise of +-6 levels per channel: a noisy one) took 76 us before the noise rule, 125 us with one
     * histogram of every row, 115 with four, and 93 us with four of every other row (each the better of two JMH runs beside another job).
     */
    private float offsetFor() {
        if (noiseSigmas <= 0f || width < 2) {
            return offset;
        }
        int quiet = (int) (offset * 0.954f / noiseSigmas);
        int w = width, h = height, within = 0;
        int[] levels = this.levels;
        for (int y = 0; y < h; y += NOISE_ROWS) {
            int row = y * w;
            for (int x = 0; x + 1 < w; x++) {
                int d = levels[row + x + 1] - levels[row + x];
                int abs = (d ^ (d >> 31)) - (d >> 31);
                within += ((quiet - abs) >>> 31) ^ 1;   // 1 when abs <= quiet, without a branch
            }
        }
        if (2 * within > (w - 1) * ((h + NOISE_ROWS - 1) / NOISE_ROWS)) {
            return offset;   // the median is within quiet: noiseSigmas x sigma is at most the offset
        }
        float noiseOffset = noiseSigmas * noiseSigma();
        return noiseOffset > offset ? noiseOffset : offset;   // Math.max: TeaVM's Wasm GC calls out for floats
    }

    /** {@link #levels} → integral image → ink. */
    private int threshold(float[] ink) {
        int w = width, h = height, r = radius;
        offsetUsed = offsetFor();
        float off = offsetUsed, contrast = minContrast;
        int[] levels = this.levels, integral = this.integral;
        int w1 = w + 1;
        for (int y = 0; y < h; y++) {
            int rowSum = 0;
            int src = y * w;
            int dst = (y + 1) * w1;
            for (int x = 0; x < w; x++) {
                rowSum += levels[src + x];
                integral[dst + x + 1] = integral[dst - w1 + x + 1] + rowSum;
            }
        }
        int count = 0;
        // columns whose window lies inside the image: no clamping, one area per row
        int in0 = Math.min(r, w), in1 = Math.max(in0, w - r);
        for (int y = 0; y < h; y++) {
            int y0 = y - r < 0 ? 0 : y - r;
            int y1 = y + r >= h ? h - 1 : y + r;
            int top = y0 * w1;
            int bottom = (y1 + 1) * w1;
            int rows = y1 - y0 + 1;
            int row = y * w;
            count += clampedSpan(0, in0, row, top, bottom, rows, ink);
            int area = rows * (2 * r + 1);
            float offArea = off * area;
            for (int x = in0; x < in1; x++) {
                int sum = integral[bottom + x + r + 1] - integral[top + x + r + 1] - integral[bottom + x - r] + integral[top + x - r];
                float below = (float) (sum - levels[row + x] * area);
                boolean isInk = below > offArea && below > contrast * sum;
                ink[row + x] = isInk ? 1f : 0f;
                if (isInk) {
                    count++;
                }
            }
            count += clampedSpan(in1, w, row, top, bottom, rows, ink);
        }
        return count;
    }

    /**
     * The decision for columns [from, to) of one row, the window clamped to the image (the columns
     * near the left and right edges). A pixel is ink when its level q is below the window's mean by
     * more than the offset and by more than minContrast of the mean; both sides are multiplied by the
     * window's area, so the left side stays an exact integer. Returns the ink pixels written.
     */
    private int clampedSpan(int from, int to, int row, int top, int bottom, int rows, float[] ink) {
        int w = width, r = radius;
        int[] integral = this.integral, levels = this.levels;
        int count = 0;
        for (int x = from; x < to; x++) {
            int x0 = x - r < 0 ? 0 : x - r;
            int x1 = x + r >= w ? w - 1 : x + r;
            int sum = integral[bottom + x1 + 1] - integral[top + x1 + 1] - integral[bottom + x0] + integral[top + x0];
            int area = rows * (x1 - x0 + 1);
            float below = (float) (sum - levels[row + x] * area);
            boolean isInk = below > offsetUsed * area && below > minContrast * sum;
            ink[row + x] = isInk ? 1f : 0f;
            if (isInk) {
                count++;
            }
        }
        return count;
    }

    /**
     * The grey level 0..255 ({@link #level}) pixel i (row-major) had in the last image thresholded (or read, {@link #levelsRgba}): the ink check
     * reads it to tell the outline of a wide dark thing (a finger) from writing ({@link InkCheck#check(float[], AdaptiveThreshold)}).
     */
    public int levelAt(int i) {
        return levels[i];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int radius() {
        return radius;
    }

    public float offset() {
        return offset;
    }

    /** The offset the last image was thresholded with: {@link #offset}, or more for a noisy image. */
    public float offsetUsed() {
        return offsetUsed;
    }

    public float minContrast() {
        return minContrast;
    }
}
