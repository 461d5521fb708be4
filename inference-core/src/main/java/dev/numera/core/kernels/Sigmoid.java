package dev.numera.core.kernels;

/** Logistic sigmoid. <pre> out = 1 / (1 + e^-in);  din += dout * out * (1 - out) </pre> */
public final class Sigmoid {
    private Sigmoid() {
    }

    /** @param out [count] overwritten; @param in [count] */
    public static void forward(float[] out, float[] in, int count) {
        for (int i = 0; i < count; i++) out[i] = (float) (1.0 / (1.0 + Math.exp(-in[i])));
    }

    /**
     * Smallest output {@link #probabilities} takes the logarithm of: a float sigmoid is exactly 0 below an input of
     * about -104, and ten zeros (a saturated network) read as equal, so uniform, instead of 0/0.
     */
    public static final float FLOOR = 1e-30f;

    /**
     * Class probabilities of a network whose outputs are sigmoids (an MSE network's, each in [0, 1] on its own,
     * not summing to 1): a softmax of them gives no class more than e/(e+9) = 0.23, however clear the digit.
     * Instead the softmax of their logarithms at the temperature T, which is y^(1/T) / sum y^(1/T): at T = 1
     * each output's share of the sum, y / sum y. The argmax is the outputs' own.
     * @param probs [n, k] overwritten; @param out [n, k] the sigmoid outputs
     */
    public static void probabilities(float[] probs, float[] out, int n, int k, float temperature) {
        for (int i = 0; i < n * k; i++) probs[i] = (float) Math.log(Math.max(out[i], FLOOR));
        Softmax.forward(probs, probs, n, k, temperature);
    }

    /** @param din [count] accumulated; @param dout [count]; @param out [count] the forward output */
    public static void backward(float[] din, float[] dout, float[] out, int count) {
        for (int i = 0; i < count; i++) din[i] += dout[i] * out[i] * (1f - out[i]);
    }
}
