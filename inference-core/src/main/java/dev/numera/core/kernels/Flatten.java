package dev.numera.core.kernels;

/**
 * Flatten [n, c, h, w] to [n, c*h*w]. NCHW row-major data is already laid out that way, so both
 * passes are a copy (a network may also alias the buffers and skip them).
 */
public final class Flatten {
    private Flatten() {
    }

    /**
     * @param out [n, c*h*w] overwritten; @param in [n, c, h, w]. A loop, not System.arraycopy:
     * TeaVM's JavaScript makes a typed-array view per arraycopy, garbage on every inference.
     */
    public static void forward(float[] out, float[] in, int count) {
        for (int i = 0; i < count; i++) out[i] = in[i];
    }

    /** @param din [n, c, h, w] accumulated; @param dout [n, c*h*w] */
    public static void backward(float[] din, float[] dout, int count) {
        for (int i = 0; i < count; i++) din[i] += dout[i];
    }
}
