package dev.numera.core.kernels;

/**
 * 2-D convolution (cross-correlation, as in every deep-learning framework) with a square kernel,
 * a stride and zero padding.
 *
 * <pre>
 *   out[b,o,y,x] = bias[o] + sum_{c,ky,kx} w[o,c,ky,kx] * in[b,c, y*s+ky-p, x*s+kx-p]   (0 outside)
 * </pre>
 * Loop order (b, o, c, ky, kx, y, x) with the valid x-range computed once per (kx), so the
 * innermost loop is a branch-free multiply-add along one output row: 2x faster than a
 * per-pixel loop with bounds checks on the JVM, in JS and in Wasm GC (measured, see the TeaVM notes).
 */
public final class Conv2d {
    private Conv2d() {
    }

    /** Output size along one axis: floor((in + 2p - k) / s) + 1, for in + 2p >= k (the network refuses smaller). */
    public static int outSize(int in, int kernel, int stride, int pad) {
        return (in + 2 * pad - kernel) / stride + 1;
    }

    /**
     * @param out  [n, oc, oh, ow] overwritten
     * @param in   [n, c, h, w]
     * @param p    parameter array: weight [oc, c, k, k] at wOff, bias [oc] at bOff
     */
    public static void forward(float[] out, float[] in, float[] p, int wOff, int bOff,
                               int n, int c, int h, int w, int oc, int k, int s, int pad) {
        int oh = outSize(h, k, s, pad), ow = outSize(w, k, s, pad);
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < oc; o++) {
                int outBase = (b * oc + o) * oh * ow;
                float bias = p[bOff + o];
                for (int i = 0; i < oh * ow; i++) out[outBase + i] = bias;
                for (int ci = 0; ci < c; ci++) {
                    int inBase = (b * c + ci) * h * w;
                    int wBase = wOff + ((o * c + ci) * k) * k;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            float wv = p[wBase + ky * k + kx];
                            int x0 = firstValid(kx, s, pad), x1 = lastValid(kx, s, pad, w, ow);
                            for (int y = 0; y < oh; y++) {
                                int iy = y * s + ky - pad;
                                if (iy < 0 || iy >= h) continue;
                                int oRow = outBase + y * ow, iRow = inBase + iy * w + kx - pad;
                                for (int x = x0; x <= x1; x++) out[oRow + x] += wv * in[iRow + x * s];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Accumulates (+=) the gradients; the caller zeroes them first.
     * <pre>
     *   dbias[o]        += sum_{b,y,x} dout[b,o,y,x]
     *   dw[o,c,ky,kx]   += sum_{b,y,x} dout[b,o,y,x] * in[b,c, y*s+ky-p, x*s+kx-p]
     *   din[b,c,iy,ix]  += sum w[o,c,ky,kx] * dout[b,o,y,x]   over (o,ky,kx,y,x) that read (iy,ix)
     * </pre>
     * @param din  [n, c, h, w] accumulated, or null when the input needs no gradient (first layer)
     * @param g    gradient array, same layout as p: dweight at wOff, dbias at bOff
     * @param dout [n, oc, oh, ow]
     * @param in   [n, c, h, w] the forward input
     * @param p    parameter array: weight [oc, c, k, k] at wOff, bias [oc] at bOff
     */
    public static void backward(float[] din, float[] g, float[] dout, float[] in, float[] p, int wOff, int bOff,
                                int n, int c, int h, int w, int oc, int k, int s, int pad) {
        int oh = outSize(h, k, s, pad), ow = outSize(w, k, s, pad);
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < oc; o++) {
                int outBase = (b * oc + o) * oh * ow;
                float db = 0;
                for (int i = 0; i < oh * ow; i++) db += dout[outBase + i];
                g[bOff + o] += db;
                for (int ci = 0; ci < c; ci++) {
                    int inBase = (b * c + ci) * h * w;
                    int wBase = wOff + ((o * c + ci) * k) * k;
                    for (int ky = 0; ky < k; ky++) {
                        for (int kx = 0; kx < k; kx++) {
                            float wv = p[wBase + ky * k + kx];
                            float dw = 0;
                            int x0 = firstValid(kx, s, pad), x1 = lastValid(kx, s, pad, w, ow);
                            for (int y = 0; y < oh; y++) {
                                int iy = y * s + ky - pad;
                                if (iy < 0 || iy >= h) continue;
                                int oRow = outBase + y * ow, iRow = inBase + iy * w + kx - pad;
                                for (int x = x0; x <= x1; x++) {
                                    float d = dout[oRow + x];
                                    dw += d * in[iRow + x * s];
                                    if (din != null) din[iRow + x * s] += wv * d;
                                }
                            }
                            g[wBase + ky * k + kx] += dw;
                        }
                    }
                }
            }
        }
    }

    // smallest output x whose input column x*s+kx-pad is >= 0
    static int firstValid(int kx, int s, int pad) {
        int need = pad - kx;                       // x*s >= pad-kx
        return need <= 0 ? 0 : (need + s - 1) / s;
    }

    // largest output x whose input column x*s+kx-pad is <= w-1, clipped to ow-1
    static int lastValid(int kx, int s, int pad, int w, int ow) {
        int lim = w - 1 + pad - kx;                // x*s <= w-1+pad-kx
        if (lim < 0) return -1;
        return Math.min(ow - 1, lim / s);
    }
}
