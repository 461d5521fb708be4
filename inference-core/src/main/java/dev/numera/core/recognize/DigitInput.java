package dev.numera.core.recognize;

import dev.numera.core.image.AdaptiveThreshold;
import dev.numera.core.image.InkCheck;
import dev.numera.core.image.MultiStepNormalizer;
import dev.numera.core.image.StrokeWidth;

/**
 * From an ink image to the network's 28x28 input: the ink check, the digit alone (strays outside its box cleared), a thin
 * pen's strokes made bold (camera only), the MNIST-style normalisation. One code for the {@link Recognizer} and the
 * training's imitations of its paths (CameraImitation, DrawnImitation), so that a network trains on what the app gives
 * it: the camera imitation's own copy of these steps lost the thickening and the threshold's grey levels when they came
 * to the Recognizer, and 41 of MNIST's first 2,000 test digits imitated then gave another 28x28 than the app's.
 * Not thread-safe; allocation only in the constructor.
 */
public final class DigitInput {
    private final InkCheck check;
    private final StrokeWidth strokes;
    private final MultiStepNormalizer normalize;
    private final int width, height;
    private boolean atSide;
    /** A digit's box this close to a side of the camera box (px) reaches it ({@link #atSide}). */
    static final int SIDE = 3;

    /** For ink images of width x height. */
    public DigitInput(int width, int height) {
        this.width = width;
        this.height = height;
        check = new InkCheck(width, height);
        strokes = new StrokeWidth(width, height);
        normalize = new MultiStepNormalizer(width, height);
    }

    /**
     * @param ink   [width * height] ink-high 0..1 (light on dark); read, and changed only when it is {@code own}
     * @param own   [width * height] the caller's buffer for an ink image to change: strays are cleared there (ink copied
     *              into it first when it is another array), and the camera's strokes thickened
     * @param kind  CAMERA: a thresholded camera box (specks are blank paper, edges no strokes); DRAWN: a drawing, too small
     *              by its extent alone; RAW: a small image normalised from itself
     * @param threshold the threshold that made a camera box's ink (its grey levels tell a finger's outline from writing), or null
     * @param input [784] out: the normalised 28x28 digit, ink-high 0..1, when there is one
     * @return null with the digit in {@code input}, or why there is none (InkCheck's reasons)
     */
    public String toInput(float[] ink, float[] own, InputKind kind, AdaptiveThreshold threshold, float[] input) {
        // in a camera box an edge is not a stroke, and a speck or two is blank paper; a drawing's brush scales
        // with the drawing, so only its extent says it is too small (InkCheck's class comment)
        InkCheck.Result r = threshold != null ? check.check(ink, threshold) : check.check(ink, kind == InputKind.CAMERA);
        // within SIDE px: the threshold's window, clipped at the box's edge, can leave a stroke's last pixels there paper
        atSide = kind == InputKind.CAMERA && r.present()
                && (r.boxMinX() < SIDE || r.boxMinY() < SIDE || r.boxMaxX() >= width - SIDE || r.boxMaxY() >= height - SIDE);
        if (!r.present()) {
            return r.reason();
        }
        // the digit is what the check's box holds: a speck far from it would stretch the normaliser's crop
        // and shrink the digit (a caller's image is copied first, and only when there is something to clear)
        if (check.hasStrays(ink)) {
            if (ink != own) {
                for (int i = 0; i < own.length; i++) own[i] = ink[i];   // a loop: TeaVM's JavaScript makes a subarray per arraycopy
                ink = own;
            }
            check.keepDigit(ink);
        }
        if (kind == InputKind.RAW) {
            normalize.normalize(ink, 0, input);   // a small image already: normalised from itself
            return null;
        }
        if (threshold != null) {
            // a thin pen's strokes made about as bold as MNIST's, on the camera's own ink (own) after the check
            strokes.thicken(ink, Math.max(r.boxMaxX() - r.boxMinX(), r.boxMaxY() - r.boxMinY()) + 1);
        }
        return normalize.normalize(ink, normalize.stepFor(r), input) ? null : InkCheck.TOO_SMALL;
    }

    /** Whether the threshold's grey levels show a sheet held up in front of something dark ({@link InkCheck#holdsSheet}). */
    public boolean holdsSheet(AdaptiveThreshold threshold) {
        return check.holdsSheet(threshold);
    }

    /**
     * Whether the last camera box's digit reaches a side of the box: part of it may lie outside, and what is inside can be
     * another digit's shape (a 9 cut at the bottom reads 0, a 2 cut at the side 7).
     */
    public boolean atSide() {
        return atSide;
    }
}
