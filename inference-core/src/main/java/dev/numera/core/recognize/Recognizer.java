package dev.numera.core.recognize;

import dev.numera.core.image.AdaptiveThreshold;
import dev.numera.core.image.Luminance;
import dev.numera.core.kernels.Softmax;
import dev.numera.core.kernels.Standardize;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.Sequential;

/**
 * The one pipeline every front end uses (browser canvas, browser camera, {@code numera predict},
 * the tests):
 * <pre>
 *   CAMERA  rgba box → light writing on a dark ground (chalk; not a sheet held up in front of something dark) turned dark on light → grey (brightest channel, held near min(R, G)) → adaptive threshold (ink 1, paper 0) → ink check (only the ink on a sheet held up
 *           in front of something dark; pieces touching two sides, and a finger's outline at one (the threshold's grey levels), left out; too little ink for the box) → digit only → thin strokes made bold → area downscale to 28 (140→112→56→28) → MNIST
 *           normalise (20 px box, centre of mass at 14,14) → network
 *   DRAWN   rgba canvas (light on dark) or rasterised strokes → ink check (too small by its extent alone) → digit only
 *           → area downscale → normalise → network
 *           (both: a digit under 14 px at 28 is normalised from the coarsest finer image of the chain, MultiStepNormalizer)
 *   RAW     small digit image of any size (light on dark) → ink check → digit only → normalise → network
 * </pre>
 * "Digit only": what lies outside the ink check's box around the digit's pieces (specks, a pen tick) is cleared.
 * Everything from the ink check on is {@link DigitInput}'s, which the training's imitations of these paths share.
 * When there is nothing to read (empty canvas, blank or shaded paper, noise), or several digits side by side
 * (the network reads one), the prediction says "no digit" with the reason instead of guessing.
 *
 * <p>Allocation happens only for a source size that is not one of the last two; a stream of same-sized
 * frames (the camera loop), or two sizes in turn (the camera's box and the drawing pad, while the camera
 * runs and someone draws), makes no garbage. Not thread-safe: one recognizer per thread.
 */
public final class Recognizer {
    /** The reason of a prediction whose network output was NaN: the model, not the ink, is at fault. */
    public static final String NOT_A_NUMBER = "the network's output is not a number (the model is damaged)";

    private final Sequential net;
    private final float mean, std;
    private final Prediction prediction;
    // the buffers of the two most recent source sizes, current first
    private Stages stages, previous;
    // Per stream (an InputKind's ordinal; infer's is last), the digit its last answer guessed, else NO_DIGIT: a guess
    // needs SURE_AGAIN to turn sure in its own stream only, so the camera's frames and a drawing read in between (the
    // camera running while the pad holds ink) do not decide each other's guesses. Set by each public entry point.
    private final int[] guessed = new int[InputKind.values().length + 1];
    private int stream;
    private boolean sideRule = true;   // a camera's digit at the box's side is a guess (off for a picture's box, see recognizePictureBox)

    /** Buffers and stage objects for one source size. */
    private static final class Stages {
        final int width, height;
        final int[] pixels;
        final float[] ink;
        final AdaptiveThreshold threshold;
        final DigitInput digit;

        Stages(int width, int height) {
            this.width = width;
            this.height = height;
            threshold = new AdaptiveThreshold(width, height);   // first: it refuses a size the image steps cannot take
            pixels = new int[width * height];
            ink = new float[width * height];
            digit = new DigitInput(width, height);
        }
    }

    /**
     * A recognizer for the network in a model file (input normalisation and temperature from its
     * metadata). The network is its own and inference only, so it is frozen.
     */
    public Recognizer(ModelFile model) {
        this(model.toNetwork(1), model.floatMeta(ModelFile.META_INPUT_MEAN, 0f), model.floatMeta(ModelFile.META_INPUT_STD, 1f));
        net.freeze();
    }

    /**
     * @param net  a network taking [1, 28, 28] and giving 10 classes
     * @param mean the network sees (x - mean) / std for the 0..1 image x
     */
    public Recognizer(Sequential net, float mean, float std) {
        int[] in = net.inputShape();
        if (in[0] != 1 || in[1] != 28 || in[2] != 28 || net.classes() != 10) {
            throw new IllegalArgumentException("the recognizer needs a network from [1, 28, 28] to 10 classes");
        }
        // the network sees (x - mean) * (1 / std): each must be finite, or every input is NaN, infinite or 0
        if (!(Math.abs(mean) <= Float.MAX_VALUE)) throw new IllegalArgumentException("input mean must be finite, got " + mean);
        if (!(std > 0 && std <= Float.MAX_VALUE)) throw new IllegalArgumentException("input std must be positive and finite, got " + std);
        if (!(1f / std <= Float.MAX_VALUE)) throw new IllegalArgumentException("input std " + std + " is so small that 1 / std is infinite in float32");
        this.net = net;
        this.mean = mean;
        this.std = std;
        this.prediction = new Prediction(net);
        java.util.Arrays.fill(guessed, Prediction.NO_DIGIT);
    }

    public Sequential network() {
        return net;
    }

    /**
     * @param rgba   [4 * width * height] unsigned RGBA bytes, row-major, as canvas getImageData gives
     * @param kind   CAMERA: dark ink on paper; DRAWN and RAW: light ink on dark (transparent = dark)
     */
    public Prediction recognizeRgba(byte[] rgba, int width, int height, InputKind kind) {
        Stages s = stages(width, height);
        if (rgba == null || rgba.length < 4 * width * height) {
            throw new IllegalArgumentException("rgba needs " + 4 * width * height + " bytes for " + width + "x" + height);
        }
        for (int i = 0; i < s.pixels.length; i++) {
            s.pixels[i] = Luminance.pack(rgba, 4 * i);
        }
        return recognizeRgba(s.pixels, width, height, kind);
    }

    /**
     * As {@link #recognizeRgba(byte[], int, int, InputKind)}, on packed pixels
     * {@code R | G << 8 | B << 16 | A << 24}: what a little-endian Int32Array over getImageData's bytes
     * reads, and what the browser's camera loop hands over (one bulk copy per frame into a reused array).
     *
     * @param rgba [width * height] packed pixels, row-major (longer arrays: the first width*height)
     */
    public Prediction recognizeRgba(int[] rgba, int width, int height, InputKind kind) {
        Stages s = stages(width, height);
        stream = java.util.Objects.requireNonNull(kind, "kind").ordinal();
        if (rgba == null || rgba.length < width * height) {
            throw new IllegalArgumentException("rgba needs " + width * height + " pixels for " + width + "x" + height);
        }
        int[] px = rgba;
        if (rgba.length != width * height) { // the image classes take exact lengths
            System.arraycopy(rgba, 0, s.pixels, 0, width * height);
            px = s.pixels;
        }
        // a sheet held up in front of something dark has chalk's dark border and light middle, and its paper between the
        // digit and its edge reads as light lines: it is read as it is (StickyNoteTest)
        prediction.turned = kind == InputKind.CAMERA && Photo.lightWriting(px, width, height) && !holdsSheet(px, width, height);
        if (prediction.turned) {   // chalk on a blackboard, a white pen on black paper: read as dark ink on paper, turned in the stage's copy
            Photo.turn(px, s.pixels, width * height);
            px = s.pixels;
        }
        if (kind == InputKind.CAMERA) {
            // coloured ruled lines vanish in the camera grey, red pens stay; its grey levels go straight into the threshold
            s.threshold.applyRgba(px, 255f, s.ink);
            prediction.thresholded = s.ink;
            prediction.thresholdedWidth = width;
            prediction.thresholdedHeight = height;
            return finish(s, s.ink, kind, s.threshold);
        }
        Luminance.inkLight(px, width, height, 0f, s.ink);   // 0..1: recognizeInk's check would be a pass for nothing
        prediction.thresholded = null;
        return finish(s, s.ink, kind, null);
    }

    /**
     * @param ink [width * height] ink-high image 0..1 (light on dark), e.g. rasterised strokes
     *            (longer arrays: the first width*height); kind CAMERA means already thresholded, and is read with the
     *            camera box's checks but without the two steps that come with {@link #recognizeRgba}'s threshold (a
     *            finger's outline told by its grey levels, a thin pen's strokes thickened): a camera's pixels go there
     * @throws IllegalArgumentException for a value outside 0..1 (NaN included), as {@link #infer} for one not finite
     */
    public Prediction recognizeInk(float[] ink, int width, int height, InputKind kind) {
        Stages s = stages(width, height);
        stream = java.util.Objects.requireNonNull(kind, "kind").ordinal();
        if (ink == null || ink.length < width * height) {
            throw new IllegalArgumentException("ink needs " + width * height + " values for " + width + "x" + height);
        }
        // the ink check counts NaN as no ink, and a NaN or an infinity would make the normaliser's centre of
        // mass NaN; ink scaled 0..255 would pass the ink check's levels as if they were 0..1
        for (int i = 0, n = width * height; i < n; i++) {
            float v = ink[i];
            if (!(v >= 0f && v <= 1f)) throw new IllegalArgumentException("ink needs values in 0..1; value " + i + " is " + v);
        }
        if (ink.length != width * height) { // the image classes take exact lengths
            System.arraycopy(ink, 0, s.ink, 0, width * height);
            ink = s.ink;
        }
        prediction.thresholded = null;
        prediction.turned = false;
        return finish(s, ink, kind, null);
    }

    /** @param threshold the threshold that made ink from a camera box (its grey levels tell a finger's outline from writing), else null */
    private Prediction finish(Stages s, float[] ink, InputKind kind, AdaptiveThreshold threshold) {
        String reason = s.digit.toInput(ink, s.ink, kind, threshold, prediction.input);
        if (reason != null) {
            return noDigit(reason);
        }
        Prediction p = run();
        prediction.atSide = sideRule && s.digit.atSide() && p.hasDigit();
        if (prediction.atSide && !p.isUnsure()) {
            // a digit that reaches the box's side may be cut off, and what is in the box then reads confidently as another
            // digit (helper-84: 9 cut at the bottom "0, 99.5 %", 2 at the side "7, 99.7 %"): a guess, whatever the network says
            prediction.unsure = true;
            guessed[stream] = prediction.digit;
        }
        return p;
    }

    /**
     * Whether a camera box shows a sheet held up in front of something dark ({@link DigitInput#holdsSheet}: in its grey
     * levels, read alone, no ink made), which the camera's check reads only inside of. Allocates only as {@link #recognizeRgba}
     * does, for a new size.
     *
     * @param rgba [width * height] packed pixels, as {@link #recognizeRgba(int[], int, int, InputKind)} takes them (longer
     *             arrays: the first width*height, as the page's pictures come)
     */
    boolean holdsSheet(int[] rgba, int width, int height) {
        Stages s = stages(width, height);
        if (rgba == null || rgba.length < width * height) {
            throw new IllegalArgumentException("rgba needs " + width * height + " pixels for " + width + "x" + height);
        }
        if (rgba.length != width * height) {   // the image classes take exact lengths
            System.arraycopy(rgba, 0, s.pixels, 0, width * height);
            rgba = s.pixels;
        }
        s.threshold.levelsRgba(rgba, 255f);
        return s.digit.holdsSheet(s.threshold);
    }

    /**
     * A picture's camera box ({@link Photo}): read as {@link #recognizeRgba} reads a camera's, but a digit at the box's side
     * is no guess for that: a picture is framed with paper when its ink reaches the edge, and a small or tightly cropped
     * one, not scaled up to the box, has its digit within a few pixels of the side without being cut (helper-86: 28 px
     * MNIST pictures, 496 of 500 sure, 343 with the side rule).
     */
    Prediction recognizePictureBox(int[] rgba, int width, int height) {
        sideRule = false;
        try {
            return recognizeRgba(rgba, width, height, InputKind.CAMERA);
        } finally {
            sideRule = true;
        }
    }

    /** @param input [784] an already normalised 28x28 digit, ink-high 0..1 */
    public Prediction infer(float[] input) {
        if (input == null || input.length < 784) throw new IllegalArgumentException("infer needs 784 values (a 28x28 image)");
        for (int i = 0; i < 784; i++) {
            if (!(Math.abs(input[i]) <= Float.MAX_VALUE)) throw new IllegalArgumentException("infer needs finite values; value " + i + " is " + input[i]);
        }
        if (input != prediction.input) System.arraycopy(input, 0, prediction.input, 0, 784);
        prediction.thresholded = null;
        prediction.turned = false;
        stream = guessed.length - 1;
        return run();
    }

    private Prediction run() {
        float[] x = net.inputBuffer();
        float[] in = prediction.input;
        Standardize.forward(x, in, 0, 784, mean, std);
        net.forward(x, 1, false);
        float[] p = net.probabilities();
        for (int k = 0; k < 10; k++) {     // a loop, not arraycopy: TeaVM's JavaScript makes a subarray per arraycopy
            // the input is finite, so a NaN here is the model's (weights large enough to overflow): every
            // comparison below would be false and the top 3 would be 0, 1, 2, a confident wrong answer
            if (p[k] != p[k]) return noDigit(NOT_A_NUMBER);
            prediction.probabilities[k] = p[k];
        }
        int[] top = prediction.top3;
        Softmax.top(p, 0, 10, top);
        // the same digit read as a guess last time in this stream needs SURE_AGAIN to be sure: no flip per frame at the boundary
        prediction.unsure = p[top[0]] < (guessed[stream] == top[0] ? Prediction.SURE_AGAIN : Prediction.SURE);
        guessed[stream] = prediction.unsure ? top[0] : Prediction.NO_DIGIT;
        prediction.digit = top[0];
        prediction.reason = null;
        prediction.networkRan = true;
        prediction.atSide = false;
        return prediction;
    }

    private Prediction noDigit(String reason) {
        prediction.digit = Prediction.NO_DIGIT;
        prediction.unsure = false;
        guessed[stream] = Prediction.NO_DIGIT;
        prediction.reason = reason;
        prediction.networkRan = false;
        prediction.atSide = false;
        java.util.Arrays.fill(prediction.probabilities, 0f);
        java.util.Arrays.fill(prediction.input, 0f);
        prediction.top3[0] = prediction.top3[1] = prediction.top3[2] = -1;
        return prediction;
    }

    /** Sides of 1..4096; the image steps also refuse more than 8,000,000 pixels in all (e.g. 4096x4096), with their own message. */
    private Stages stages(int width, int height) {
        if (width < 1 || height < 1 || width > 4096 || height > 4096) {
            throw new IllegalArgumentException("image size " + width + "x" + height + ": each side must be 1..4096");
        }
        if (stages == null || stages.width != width || stages.height != height) {
            Stages s = previous != null && previous.width == width && previous.height == height ? previous : new Stages(width, height);
            previous = stages;
            stages = s;
        }
        return stages;
    }
}
