package dev.numera.core.image;

/**
 * Decides whether an ink-high image holds something worth recognising, and says why not, so the UI
 * can show "no digit found: ink is scattered specks" instead of a confident guess on noise.
 *
 * <p>A pixel counts as ink when {@code value >= INK_LEVEL} (0.5; thresholded images are 0/1 anyway).
 * Checks, in order, each with a reason constant:
 * <ol>
 * <li>{@link #NO_INK}: not one ink pixel (blank canvas, uniformly shaded paper after thresholding).</li>
 * <li>{@link #TOO_LITTLE_INK}: fewer than {@code max(4, 0.5 %)} of the pixels. MNIST's thinnest "1"
 *     still has about 4 % of its 28x28 pixels at >= 0.5.</li>
 * <li>{@link #TOO_MUCH_INK}: more than 50 % of the pixels (a wrong polarity, a dark frame, the camera
 *     looking at a black sheet). The boldest MNIST test digit has 33 %.</li>
 * <li>{@link #SCATTERED}: the largest 8-connected component holds less than 25 % of the ink. A
 *     handwritten digit is one or a few strokes; salt-and-pepper noise is hundreds of specks, each a
 *     tiny fraction (2 % noise: largest piece 11 % of the ink at 28x28, 1 % at 140x140). Over all
 *     10,000 MNIST test digits the largest piece holds at least 35 % (at most 8 pieces), and at least
 *     33 % when they are upscaled to 140, printed on paper and thresholded.</li>
 * <li>{@link #TOO_SMALL}: the box around the significant components (those with at least 10 % of the
 *     largest one's pixels, so specks do not stretch it) has a longest side below 10 % of the image's
 *     longest side, or below 3 px. MNIST digits span 20/28 = 71 %.</li>
 * </ol>
 * Connected components are labelled by flood fill with an explicit stack: O(pixels), label and stack
 * buffers allocated once for (width, height). {@link #check} returns the same {@link Result} object
 * every call.
 */
public final class InkCheck {
    public static final float INK_LEVEL = 0.5f;
    public static final int MIN_INK_PIXELS = 4;
    public static final float MIN_INK_FRACTION = 0.005f;
    public static final float MAX_INK_FRACTION = 0.5f;
    public static final float MIN_LARGEST_COMPONENT = 0.25f;
    public static final float SIGNIFICANT_COMPONENT = 0.1f;
    public static final float MIN_BOX_FRACTION = 0.1f;
    public static final int MIN_BOX_PIXELS = 3;

    public static final String PRESENT = "digit present";
    public static final String NO_INK = "no ink";
    public static final String TOO_LITTLE_INK = "too little ink (blank paper?)";
    public static final String TOO_MUCH_INK = "ink covers almost everything";
    public static final String SCATTERED = "ink is scattered specks (noise), not strokes";
    public static final String TOO_SMALL = "ink too small to read";

    /** The verdict of the last {@link InkCheck#check}; one instance per InkCheck, overwritten each call. */
    public static final class Result {
        private boolean present;
        private String reason = NO_INK;
        private int inkPixels;
        private int components;
        private int largestComponent;
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

        /** Largest component / ink pixels, 0 when there is no ink. */
        public float largestFraction() {
            return inkPixels > 0 ? (float) largestComponent / inkPixels : 0f;
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
    /** (width*height) component id + 1 per pixel, 0 = not ink or not yet visited. */
    private final int[] label;
    /** flood-fill stack of pixel indices and their rows; every pixel is pushed at most once per call. */
    private final int[] stack;
    private final int[] stackY;
    /** per component: pixel count and box. At most ceil(w/2)*ceil(h/2) 8-connected components exist. */
    private final int[] compSize;
    private final int[] compMinX;
    private final int[] compMinY;
    private final int[] compMaxX;
    private final int[] compMaxY;
    private final Result result = new Result();

    public InkCheck(int width, int height) {
        int n = Check.pixels(width, height);
        this.width = width;
        this.height = height;
        this.label = new int[n];
        this.stack = new int[n];
        this.stackY = new int[n];
        int maxComponents = ((width + 1) / 2) * ((height + 1) / 2);
        compSize = new int[maxComponents];
        compMinX = new int[maxComponents];
        compMinY = new int[maxComponents];
        compMaxX = new int[maxComponents];
        compMaxY = new int[maxComponents];
    }

    /**
     * @param ink (width*height) ink-high image (0 background, 1 ink), e.g. a threshold's output,
     *            a rasterised drawing, or a 28x28 digit
     * @return the reused result object
     */
    public Result check(float[] ink) {
        int n = width * height;
        Check.floats(ink, n, "ink");
        Result res = result;
        res.present = false;
        res.components = 0;
        res.largestComponent = 0;
        res.boxMinX = res.boxMinY = res.boxMaxX = res.boxMaxY = -1;
        int count = 0;
        int[] label = this.label;
        for (int i = 0; i < n; i++) {
            label[i] = 0; // cleared here for label(), one pass instead of two
            if (ink[i] >= INK_LEVEL) {
                count++;
            }
        }
        res.inkPixels = count;
        if (count == 0) {
            res.reason = NO_INK;
            return res;
        }
        float minInk = MIN_INK_FRACTION * n;
        if (count < MIN_INK_PIXELS || count < minInk) {
            res.reason = TOO_LITTLE_INK;
            return res;
        }
        if (count > MAX_INK_FRACTION * n) {
            res.reason = TOO_MUCH_INK;
            return res;
        }
        int comps = label(ink);
        int largest = 0;
        for (int c = 0; c < comps; c++) {
            if (compSize[c] > largest) {
                largest = compSize[c];
            }
        }
        res.components = comps;
        res.largestComponent = largest;
        if (largest < MIN_LARGEST_COMPONENT * count) {
            res.reason = SCATTERED;
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
        res.present = true;
        res.reason = PRESENT;
        return res;
    }

    /** The result of the last {@link #check} (same object). */
    public Result result() {
        return result;
    }

    /**
     * Labels 8-connected components of pixels >= INK_LEVEL (labels already cleared by check()); fills
     * the comp* arrays; returns the count. The stack holds each pixel's index and row, so no pixel's
     * coordinates cost a division.
     */
    private int label(float[] ink) {
        int w = width, h = height, n = w * h;
        int[] label = this.label, stack = this.stack, stackY = this.stackY;
        int comps = 0;
        for (int seed = 0; seed < n; seed++) {
            if (label[seed] != 0 || ink[seed] < INK_LEVEL) {
                continue;
            }
            int id = comps + 1;
            int size = 0;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            int top = 0;
            stack[top] = seed;
            stackY[top++] = seed / w;
            label[seed] = id;
            while (top > 0) {
                int p = stack[--top];
                int py = stackY[top];
                int px = p - py * w;
                size++;
                if (px < minX) {
                    minX = px;
                }
                if (px > maxX) {
                    maxX = px;
                }
                if (py < minY) {
                    minY = py;
                }
                if (py > maxY) {
                    maxY = py;
                }
                int ya = py > 0 ? py - 1 : 0;
                int yb = py < h - 1 ? py + 1 : h - 1;
                int xa = px > 0 ? px - 1 : 0;
                int xb = px < w - 1 ? px + 1 : w - 1;
                for (int y = ya; y <= yb; y++) {
                    for (int x = xa; x <= xb; x++) {
                        int q = y * w + x;
                        if (label[q] == 0 && ink[q] >= INK_LEVEL) {
                            label[q] = id;
                            stack[top] = q;
                            stackY[top++] = y;
                        }
                    }
                }
            }
            compSize[comps] = size;
            compMinX[comps] = minX;
            compMinY[comps] = minY;
            compMaxX[comps] = maxX;
            compMaxY[comps] = maxY;
            comps++;
        }
        return comps;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }
}
