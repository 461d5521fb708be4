package dev.numera.core.kernels;

/**
 * Softmax with a temperature T over the last axis of [n, k].
 * <pre>
 *   p[b,i] = exp((z[b,i] - max_j z[b,j]) / T) / sum_j exp((z[b,j] - max z) / T)
 *   dz[b,i] += (1/T) * p[b,i] * (dp[b,i] - sum_j p[b,j] dp[b,j])
 * </pre>
 * T &gt; 1 softens overconfident probabilities; the argmax never changes.
 */
public final class Softmax {
    private Softmax() {
    }

    /** @param probs [n, k] overwritten; @param logits [n, k] (may be probs itself: each value is read before it is written) */
    public static void forward(float[] probs, float[] logits, int n, int k, float temperature) {
        for (int b = 0; b < n; b++) {
            int base = b * k;
            float max = logits[base];
            for (int i = 1; i < k; i++) max = Math.max(max, logits[base + i]);
            double sum = 0;
            for (int i = 0; i < k; i++) {
                float e = (float) Math.exp((logits[base + i] - max) / temperature);
                probs[base + i] = e;
                sum += e;
            }
            float inv = (float) (1.0 / sum);
            for (int i = 0; i < k; i++) probs[base + i] *= inv;
        }
    }

    /**
     * Training does not call this: its loss is fused with the softmax ({@link CrossEntropy#backward}).
     * It is here for a softmax output used without cross-entropy, as the forward's pair.
     * @param dlogits [n, k] accumulated; @param dprobs [n, k]; @param probs [n, k] the forward output
     */
    public static void backward(float[] dlogits, float[] dprobs, float[] probs, int n, int k, float temperature) {
        for (int b = 0; b < n; b++) {
            int base = b * k;
            float dot = 0;
            for (int i = 0; i < k; i++) dot += probs[base + i] * dprobs[base + i];
            for (int i = 0; i < k; i++) dlogits[base + i] += probs[base + i] * (dprobs[base + i] - dot) / temperature;
        }
    }

    /**
     * The classes of the order.length highest values of p[offset .. offset+k), highest first, a tie to the lower class: an
     * insertion into the short list, allocating nothing (the recogniser runs it for every camera frame). A NaN compares
     * neither higher nor lower, so where it lands depends on its place (first when it comes first); callers check for it first.
     * @param order [m] out, m &lt;= k
     */
    public static void top(float[] p, int offset, int k, int[] order) {
        int m = order.length;
        for (int j = 0; j < m; j++) order[j] = -1;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < m; j++) {
                if (order[j] < 0 || p[offset + i] > p[offset + order[j]]) {
                    for (int t = m - 1; t > j; t--) order[t] = order[t - 1];
                    order[j] = i;
                    break;
                }
            }
        }
    }
}
