package dev.numera.core.kernels;

/**
 * Batch normalisation per channel, over the batch and the spatial positions ([n, c, hw]; a dense
 * layer's output is [n, c, 1]).
 * <pre>
 *   training:  mean, var = batch statistics (biased var);  xhat = (x - mean) / sqrt(var + eps)
 *   inference: mean, var = running statistics
 *   y = gamma * xhat + beta
 * </pre>
 * Parameter block at off: gamma[c], beta[c], runningMean[c], runningVar[c]. Only gamma and beta
 * are trained; the running statistics are updated by the training forward pass.
 * At export the inference form is folded into the preceding conv or dense layer ({@link #fold}).
 */
public final class BatchNorm {
    private BatchNorm() {
    }

    /**
     * Inference: running statistics.
     * @param out [n, c, hw] overwritten
     * @param in  [n, c, hw]
     * @param p   gamma [c], beta [c], runningMean [c], runningVar [c] at off
     */
    public static void forwardInference(float[] out, float[] in, float[] p, int off, int n, int c, int hw, float eps) {
        for (int ch = 0; ch < c; ch++) {
            float scale = p[off + ch] / (float) Math.sqrt(p[off + 3 * c + ch] + eps);
            float shift = p[off + c + ch] - p[off + 2 * c + ch] * scale;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) out[base + i] = in[base + i] * scale + shift;
            }
        }
    }

    /**
     * Training: batch statistics; saves mean and 1/std per channel for backward and, when
     * momentum &gt; 0, updates the running statistics: r = (1 - momentum) r + momentum * batchStat
     * (unbiased variance for the running one, as PyTorch does).
     * @param out    [n, c, hw] overwritten
     * @param in     [n, c, hw]
     * @param p      gamma [c], beta [c], runningMean [c], runningVar [c] at off; the running ones updated
     * @param mean   [c] written
     * @param invStd [c] written
     */
    public static void forwardTraining(float[] out, float[] in, float[] p, int off, int n, int c, int hw, float eps,
                                       float[] mean, float[] invStd, float momentum) {
        int m = n * hw;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0, sq = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) sum += in[base + i];
            }
            double mu = sum / m;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) {
                    double d = in[base + i] - mu;
                    sq += d * d;
                }
            }
            double var = sq / m;
            float is = (float) (1.0 / Math.sqrt(var + eps));
            mean[ch] = (float) mu;
            invStd[ch] = is;
            float gamma = p[off + ch], beta = p[off + c + ch];
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) out[base + i] = gamma * (in[base + i] - (float) mu) * is + beta;
            }
            if (momentum > 0) {
                double unbiased = m > 1 ? sq / (m - 1) : var;
                p[off + 2 * c + ch] = (float) ((1 - momentum) * p[off + 2 * c + ch] + momentum * mu);
                p[off + 3 * c + ch] = (float) ((1 - momentum) * p[off + 3 * c + ch] + momentum * unbiased);
            }
        }
    }

    /**
     * Backward of the training form, accumulating (+=):
     * <pre>
     *   dgamma += sum dy * xhat;   dbeta += sum dy
     *   dx     += gamma * invStd / m * (m * dy - sum dy - xhat * sum(dy * xhat))
     * </pre>
     * @param din    [n, c, hw] accumulated, or null when the input needs no gradient
     * @param g      gradients, same layout as p: dgamma [c] at off, dbeta [c] at off + c (the rest untouched)
     * @param dout   [n, c, hw]
     * @param in     [n, c, hw] the forward input
     * @param p      gamma [c], beta [c], runningMean [c], runningVar [c] at off (only gamma is read)
     * @param mean   [c] as forwardTraining saved it
     * @param invStd [c] as forwardTraining saved it
     */
    public static void backward(float[] din, float[] g, float[] dout, float[] in, float[] p, int off,
                                int n, int c, int hw, float[] mean, float[] invStd) {
        int m = n * hw;
        for (int ch = 0; ch < c; ch++) {
            float mu = mean[ch], is = invStd[ch], gamma = p[off + ch];
            double sumDy = 0, sumDyXhat = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) {
                    float dy = dout[base + i];
                    sumDy += dy;
                    sumDyXhat += dy * (in[base + i] - mu) * is;
                }
            }
            g[off + ch] += (float) sumDyXhat;
            g[off + c + ch] += (float) sumDy;
            if (din == null) continue;
            float k = gamma * is / m;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * hw;
                for (int i = 0; i < hw; i++) {
                    float xhat = (in[base + i] - mu) * is;
                    din[base + i] += k * (float) (m * dout[base + i] - sumDy - xhat * sumDyXhat);
                }
            }
        }
    }

    /**
     * Folds the inference form into the preceding layer's weights and biases: per output channel o,
     * scale = gamma / sqrt(var + eps); w[o,...] *= scale; bias[o] = (bias[o] - mean) * scale + beta.
     * @param w  weight [channels, perChannel] at wOff, bias [channels] at bOff (overwritten)
     * @param bn gamma [channels], beta [channels], runningMean [channels], runningVar [channels] at off
     */
    public static void fold(float[] w, int wOff, int bOff, int channels, int perChannel,
                            float[] bn, int off, float eps) {
        for (int o = 0; o < channels; o++) {
            float scale = bn[off + o] / (float) Math.sqrt(bn[off + 3 * channels + o] + eps);
            for (int i = 0; i < perChannel; i++) w[wOff + o * perChannel + i] *= scale;
            w[bOff + o] = (w[bOff + o] - bn[off + 2 * channels + o]) * scale + bn[off + channels + o];
        }
    }
}
