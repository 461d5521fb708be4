package dev.numera.core.kernels;

/**
 * The network's input from an image's 0..1 values: <pre> x = (raw - mean) * (1 / std) </pre> with MNIST's mean and
 * standard deviation (the model's metadata, 0.1307 and 0.3081). One loop for training, evaluation, the benchmarks and the
 * recogniser, so that each gives the network the same floats: a division by std rounds differently from the product.
 * No backward: nothing before it learns.
 */
public final class Standardize {
    private Standardize() {
    }

    /** @param x [count] overwritten; @param raw [rawOffset + count] 0..1, read from rawOffset */
    public static void forward(float[] x, float[] raw, int rawOffset, int count, float mean, float std) {
        float inv = 1f / std;
        for (int i = 0; i < count; i++) x[i] = (raw[rawOffset + i] - mean) * inv;
    }
}
