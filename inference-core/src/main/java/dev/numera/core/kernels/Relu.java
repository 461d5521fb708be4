package dev.numera.core.kernels;

/** Rectified linear unit. <pre> out = max(0, in);  din += dout * [out > 0] </pre> */
public final class Relu {
    private Relu() {
    }

    /** @param out [count] overwritten; @param in [count] */
    public static void forward(float[] out, float[] in, int count) {
        for (int i = 0; i < count; i++) out[i] = in[i] > 0 ? in[i] : 0f;
    }

    /** @param din [count] accumulated; @param dout [count]; @param out [count] the forward output */
    public static void backward(float[] din, float[] dout, float[] out, int count) {
        for (int i = 0; i < count; i++) if (out[i] > 0) din[i] += dout[i];
    }
}
