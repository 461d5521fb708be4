package dev.numera.core.kernels;

/**
 * Mean cross-entropy of softmax probabilities against integer labels, and its gradient with
 * respect to the logits (softmax and cross-entropy fused, temperature 1, the numerically stable form).
 * <pre>
 *   loss = -(1/n) sum_b log p[b, label_b]
 *   dz[b,i] += (p[b,i] - [i == label_b]) / n
 * </pre>
 */
public final class CrossEntropy {
    private CrossEntropy() {
    }

    /** @param probs [n, k]; @param labels [n] at labelOff, each in 0..k-1 */
    public static float forward(float[] probs, byte[] labels, int labelOff, int n, int k) {
        double loss = 0;
        for (int b = 0; b < n; b++) {
            loss -= Math.log(Math.max(probs[b * k + labels[labelOff + b]], 1e-30f));
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
