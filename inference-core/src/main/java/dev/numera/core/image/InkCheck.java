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
 * buffers allocated once for (width, height). The label image has a one-pixel frame that is never
 * ink, so a pixel's eight neighbours are eight fixed offsets with no bounds to clamp. {@link #check}
 * returns the same {@link Result} object every call.
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
    /**
     * ((width+2)*(height+2)) the image with a one-pixel frame: -1 = not ink (the frame always), 0 = ink
     * not yet labelled, id = component id + 1.
     */
    private final int[] label;
    /** index offsets of the eight neighbours in {@link #label}, and their row offsets */
    private final int[] neighbour;
    private static final int[] NEIGHBOUR_ROW = {-1, -1, -1, 0, 0, 1, 1, 1};
    /** flood-fill stack of label indices and their rows; every pixel is pushed at most once per call. */
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
        int w2 = width + 2;
        this.label = new int[w2 * (height + 2)];
        java.util.Arrays.fill(label, -1);
        this.neighbour = new int[]{-w2 - 1, -w2, -w2 + 1, -1, 1, w2 - 1, w2, w2 + 1};
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
        int w = width, w2 = w + 2;
        for (int y = 0; y < height; y++) {   // the labels are set here for label(): one pass instead of two
            int src = y * w, dst = (y + 1) * w2 + 1;
            for (int x = 0; x < w; x++) {
                boolean isInk = ink[src + x] >= INK_LEVEL;   // NaN is not ink
                label[dst + x] = isInk ? 0 : -1;
                if (isInk) {
                    count++;
                }
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
        int comps = label();
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
     * Labels the 8-connected components of the ink check() marked (0 in {@link #label}); fills the
     * comp* arrays; returns the count. The stack holds each pixel's label index and row, so no pixel's
     * coordinates cost a division.
     */
    private int label() {
        int w = width, h = height, w2 = w + 2;
        int[] label = this.label, stack = this.stack, stackY = this.stackY, neighbour = this.neighbour;
        int comps = 0;
        for (int sy = 0; sy < h; sy++) {
            for (int seed = (sy + 1) * w2 + 1, end = seed + w; seed < end; seed++) {
                if (label[seed] != 0) {
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
                stackY[top++] = sy;
                label[seed] = id;
                while (top > 0) {
                    int p = stack[--top];
                    int py = stackY[top];
                    int px = p - (py + 1) * w2 - 1;
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
                    for (int k = 0; k < 8; k++) {
                        int q = p + neighbour[k];
                        if (label[q] == 0) {
                            label[q] = id;
                            stack[top] = q;
                            stackY[top++] = py + NEIGHBOUR_ROW[k];
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
