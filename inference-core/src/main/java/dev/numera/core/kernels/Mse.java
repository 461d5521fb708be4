package dev.numera.core.kernels;

/**
 * Mean squared error of outputs against one-hot targets, summed over the k outputs and averaged
 * over the batch (the loss of the classic from-scratch sigmoid network).
 * <pre>
 *   loss = (1/n) sum_b sum_i (a[b,i] - y[b,i])^2,   y = one-hot(label)
 *   da[b,i] += 2 (a[b,i] - y[b,i]) / n
 * </pre>
 */
public final class Mse {
    private Mse() {
    }

    /** @param out [n, k]; @param labels [n] at labelOff */
    public static float forward(float[] out, byte[] labels, int labelOff, int n, int k) {
        double loss = 0;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < k; i++) {
                double d = out[b * k + i] - (i == labels[labelOff + b] ? 1.0 : 0.0);
                loss += d * d;
            }
        }
        return (float) (loss / n);
    }

    /** @param dout [n, k] accumulated; @param out [n, k]; @param labels [n] at labelOff */
    public static void backward(float[] dout, float[] out, byte[] labels, int labelOff, int n, int k) {
        float s = 2f / n;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < k; i++) {
                dout[b * k + i] += s * (out[b * k + i] - (i == labels[labelOff + b] ? 1f : 0f));
            }
        }
    }
}
