package dev.numera.training.data;

/**
 * Labelled square images held flat: image i is {@code images[i*pixels .. (i+1)*pixels)}, row-major,
 * values in 0..1 with 0 = paper and 1 = ink (MNIST's polarity); {@code labels[i]} is 0..9.
 */
public record Dataset(float[] images, byte[] labels, int side) {
    public Dataset {
        if (images.length != labels.length * side * side) {
            throw new IllegalArgumentException("images hold " + images.length + " floats, expected "
                    + labels.length + " x " + side + " x " + side);
        }
    }

    public int count() {
        return labels.length;
    }

    /** Pixels per image (784 for MNIST). */
    public int pixels() {
        return side * side;
    }

    public int label(int i) {
        return labels[i];
    }

    /**
     * The share of the most common label: the accuracy of a "network" that always answers it, so
     * the least a classifier scored on these digits has to beat (0 for no digits).
     */
    public double commonestLabelShare() {
        int[] counts = new int[10];
        int most = 0;
        for (byte label : labels) most = Math.max(most, ++counts[label]);
        return count() == 0 ? 0 : (double) most / count();
    }

    /** A new dataset holding copies of the given images, in the given order. */
    public Dataset subset(int[] indices) {
        int p = pixels();
        float[] im = new float[indices.length * p];
        byte[] lb = new byte[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(images, indices[k] * p, im, k * p, p);
            lb[k] = labels[indices[k]];
        }
        return new Dataset(im, lb, side);
    }

    /** The first n images (a cheap way to shrink test data). */
    public Dataset head(int n) {
        int[] idx = new int[Math.min(n, count())];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        return subset(idx);
    }
}
