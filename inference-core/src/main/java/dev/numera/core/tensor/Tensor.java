package dev.numera.core.tensor;

/**
 * A float tensor: a flat {@code float[]} plus its shape, row-major, NCHW for images.
 * The data array is shared, never copied, so a tensor can be a view of a network's buffer.
 */
public final class Tensor {
    public final float[] data;
    private final int[] shape;

    public Tensor(float[] data, int... shape) {
        int n = sizeOf(shape);
        if (data.length != n) {
            throw new IllegalArgumentException("tensor data has " + data.length + " values, shape " + describe(shape) + " needs " + n);
        }
        this.data = data;
        this.shape = shape.clone();
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return data.length;
    }

    /** Number of elements of a shape; rejects negative dimensions and overflow. */
    public static int sizeOf(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + describe(shape));
            n *= d;
            if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("shape " + describe(shape) + " is too large");
        }
        return (int) n;
    }

    /** "[1, 28, 28]" */
    public static String describe(int[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i]);
        }
        return sb.append(']').toString();
    }

    @Override
    public String toString() {
        return "Tensor" + describe(shape);
    }
}
