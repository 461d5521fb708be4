package dev.numera.core.kernels;

/** Logistic sigmoid. <pre> out = 1 / (1 + e^-in);  din += dout * out * (1 - out) </pre> */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** @param out [count] overwritten; @param in [count] */
    public static void forward(float[] out, float[] in, int count) {
        for (int i = 0; i < count; i++) out[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
    }

    /** @param din [count] accumulated; @param dout [count]; @param out [count] the forward output */
    public static void backward(float[] din, float[] dout, float[] out, int count) {
        for (int i = 0; i < count; i++) din[i] += dout[i] * out[i] * (1f - out[i]);
    }
}
