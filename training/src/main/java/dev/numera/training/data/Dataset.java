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
