package dev.numera.core.kernels;

/**
 * Mean cross-entropy of the softmax of logits against integer labels, and its gradient with
 * respect to the logits (softmax and cross-entropy fused, temperature 1).
 * <pre>
 *   loss = (1/n) sum_b (log sum_i exp z[b,i] - z[b, label_b])      = -(1/n) sum_b log p[b, label_b]
 *   dz[b,i] += (p[b,i] - [i == label_b]) / n
 * </pre>
 * The loss is taken from the logits by log-sum-exp (the largest logit taken out first), not from the
 * probabilities: a probability that underflows to 0 (a logit gap past ~104 in float) would cap the
 * loss at -log of whatever floor stood in for it (69.08 for 1e-30, where the gap of 200 is a loss of 200).
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /** @param logits [n, k]; @param labels [n] at labelOff, each in 0..k-1 */
    public static float forward(float[] logits, byte[] labels, int labelOff, int n, int k) {
        double loss = 0;
        for (int b = 0; b < n; b++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                max = Math.max(max, logits[b * k + i]);
            }
            double sum = 0;
            for (int i = 0; i < k; i++) {
                sum += Math.exp(logits[b * k + i] - max);
            }
            loss += max + Math.log(sum) - logits[b * k + labels[labelOff + b]];
        }
        return (float) (loss / n);
    }

    /**
     * @param dlogits [n, k] accumulated
     * @param probs   [n, k] softmax of the logits at T = 1
     * @param labels  [n] at labelOff, each in 0..k-1
     */
    public static void backward(float[] dlogits, float[] probs, byte[] labels, int labelOff, int n, int k) {
        float inv = 1f / n;
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < k; i++) {
                float target = i == labels[labelOff + b] ? 1f : 0f;
                dlogits[b * k + i] += (probs[b * k + i] - target) * inv;
            }
        }
    }
}
