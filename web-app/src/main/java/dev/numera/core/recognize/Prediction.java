package dev.numera.core.recognize;

/** PLACEHOLDER until inference-core lands on main; delete on merge. */
public final class Prediction {
    public int digit = -1;
    public String noDigitReason = "empty";
    public float confidence;
    public final float[] probabilities = new float[10];
    public final int[] top3 = new int[3];
    public final float[] input28 = new float[784];
    public final float[] thresholded = new float[140 * 140];
}
