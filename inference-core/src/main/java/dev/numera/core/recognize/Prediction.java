package dev.numera.core.recognize;

import dev.numera.core.nn.Sequential;

/**
 * What the {@link Recognizer} read: the digit, or "no digit" with the reason; all ten
 * probabilities, the top 3, the 28x28 input the network saw, the thresholded camera box, and every
 * layer's activations.
 *
 * <p>One instance is owned by a recognizer and overwritten by each call (the camera loop makes
 * no garbage): copy what must outlive the next frame.
 */
public final class Prediction {
    public static final int NO_DIGIT = -1;

    /**
     * Below this confidence the digit is a guess, and the front ends say so. Measured with the shipped model on
     * MNIST's 10,000 test digits drawn through the pad's path (upscaled to two thirds of the 280 px pad): 67 read
     * under 70 %, and only 44 of them (66 %) were right; of the 9,929 above it 99.8 % were (9,907). The network
     * gives a shape that is no digit (a line, an X) 30-60 %. Why 70: the band 60-70 % was right 15 times in 23, like
     * everything under it, the band 70-80 % 44 times in 49 (90 %), nearer the sure answers than the guesses.
     */
    public static final float SURE = 0.6995f;   // 70 % as the page shows it, to one decimal: 69.95 % shows as "70.0 %"

    /**
     * A guess stays one until its digit reaches this (two points over {@link #SURE}): the camera's frames of one
     * sheet, or a stroke drawn on, hovering at 70 % (69.9 %, 71.2 %, ... alternately) flipped the page between a guess
     * and a sure digit on every frame.
     */
    public static final float SURE_AGAIN = 0.7195f;

    final float[] probabilities = new float[10];
    final int[] top3 = new int[3];
    final float[] input = new float[28 * 28];
    int digit = NO_DIGIT;
    boolean unsure;   // set with the probabilities (Recognizer): the views ask every camera frame, and read no float for it
    boolean atSide;
    boolean turned;
    String reason = "nothing recognised yet";
    float[] thresholded;
    int thresholdedWidth, thresholdedHeight;
    boolean networkRan;
    final Sequential network;

    Prediction(Sequential network) {
        this.network = network;
    }

    /** The digit 0..9, or {@link #NO_DIGIT}. */
    public int digit() {
        return digit;
    }

    public boolean hasDigit() {
        return digit != NO_DIGIT;
    }

    /** Why there is no digit (e.g. "no ink"); null when there is one. */
    public String noDigitReason() {
        return digit == NO_DIGIT ? reason : null;
    }

    /** Probability of the predicted digit; 0 when there is none. */
    public float confidence() {
        return digit == NO_DIGIT ? 0f : probabilities[digit];
    }

    /**
     * Whether there is a digit but under {@link #SURE} probability (under {@link #SURE_AGAIN} when the recognizer's
     * last answer from the same source, camera, drawing, small image or {@code infer}, was this digit as a guess): a
     * guess, best shown beside its runner-up ({@code top3()[1]}).
     */
    public boolean isUnsure() {
        return unsure;
    }

    /**
     * Whether the digit, read in a camera box, reaches a side of the box: part of it may be outside, so it is a guess
     * ({@link #isUnsure}) whatever the network says.
     */
    public boolean atSide() {
        return atSide;
    }

    /** Whether the camera box held light writing on a dark ground (chalk on a blackboard), read turned dark on light ({@link Photo#lightWriting}). */
    public boolean turned() {
        return turned;
    }

    /** [10] class probabilities (all 0 when there is no digit). Live view, overwritten next call. */
    public float[] probabilities() {
        return probabilities;
    }

    /** [3] the three most probable digits, best first. */
    public int[] top3() {
        return top3;
    }

    /** [28 * 28] the normalised image the network saw, ink-high 0..1 (all 0 when none). */
    public float[] input() {
        return input;
    }

    /**
     * The thresholded camera box, ink 1 / paper 0, [height * width]; with a digit found, the digit only
     * (what the ink check left out or found outside its box is cleared). Null for other inputs.
     */
    public float[] thresholded() {
        return thresholded;
    }

    public int thresholdedWidth() {
        return thresholdedWidth;
    }

    public int thresholdedHeight() {
        return thresholdedHeight;
    }

    /** Whether the network ran for this prediction, so that {@link #activation} is current. */
    public boolean hasActivations() {
        return networkRan;
    }

    /** Number of layers whose outputs {@link #activation} can show. */
    public int layerCount() {
        return network.layerCount();
    }

    /** Layer i's output for this prediction, [c * h * w] (a view: only the first c*h*w values). */
    public float[] activation(int layer) {
        return network.activation(layer);
    }

    /** [c, h, w] of layer i's output. */
    public int[] activationShape(int layer) {
        return network.outputShape(layer);
    }

    @Override
    public String toString() {
        return digit == NO_DIGIT ? "no digit (" + reason + ")" : digit + " (" + confidence() + ")";
    }
}
