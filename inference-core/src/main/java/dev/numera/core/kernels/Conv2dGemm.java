package dev.numera.core.kernels;

/**
 * The same convolution as {@link Conv2d}, computed as matrix products over an im2col buffer,
 * checked against {@link Conv2d} in the tests. The network trains with it (its backward is the exact
 * adjoint of this forward) and runs with it only the convolutions that {@link Conv2dWinograd} and
 * {@link Conv2dImplicitGemm} do not cover (stride above 1).
 * <pre>
 *   col[k, j] = in[c, y*s+ky-p, x*s+kx-p]       k = (c, ky, kx) < rows = c*k*k, j = (y, x) < cols = oh*ow; 0 outside
 *   forward:   out[o, j]  = bias[o] + sum_k w[o, k] * col[k, j]          out = W . col
 *   backward:  dw[o, k]  += sum_j dout[o, j] * col[k, j]                 dW += dout . col^T
 *              dbias[o]  += sum_j dout[o, j]
 *              dcol[k, j] = sum_o w[o, k] * dout[o, j]                   dcol = W^T . dout, then din += col2im(dcol)
 * </pre>
 * All three products are one {@link Gemm#multiply} reading W, col and dout in place through
 * strides. Per sample the scratch holds one col (rows*cols floats) and, in backward, one dcol.
 */
public final class Conv2dGemm {
    private Conv2dGemm() {
    }

    /** Scratch floats needed by forward and backward for one layer: 2 * (c*k*k) * (oh*ow). */
    public static int scratchSize(int c, int h, int w, int k, int s, int pad) {
        return 2 * c * k * k * Conv2d.outSize(h, k, s, pad) * Conv2d.outSize(w, k, s, pad);
    }

    /**
     * @param out     [n, oc, oh, ow] overwritten
     * @param in      [n, c, h, w]
     * @param p       weight [oc, c*k*k] at wOff, bias [oc] at bOff
     * @param scratch at least {@link #scratchSize} floats
     */
    public static void forward(float[] out, float[] in, float[] p, int wOff, int bOff, float[] scratch,
                               int n, int c, int h, int w, int oc, int k, int s, int pad) {
        int oh = Conv2d.outSize(h, k, s, pad), ow = Conv2d.outSize(w, k, s, pad);
        int cols = oh * ow, rows = c * k * k;
        for (int b = 0; b < n; b++) {
            im2col(scratch, in, b * c * h * w, c, h, w, k, s, pad, oh, ow);
            int ob = b * oc * cols;
            for (int o = 0; o < oc; o++) java.util.Arrays.fill(out, ob + o * cols, ob + (o + 1) * cols, p[bOff + o]);
            Gemm.multiply(out, ob, cols, true, p, wOff, rows, 1, scratch, 0, cols, 1, oc, cols, rows);
        }
    }

    /**
     * Accumulates (+=) dweight, dbias and, when din is not null, din.
     * @param din     [n, c, h, w] accumulated, or null
     * @param g       gradients, same layout as p
     * @param dout    [n, oc, oh, ow]
     * @param in      [n, c, h, w] the forward input
     * @param p       weight [oc, c*k*k] at wOff, bias [oc] at bOff
     * @param scratch at least {@link #scratchSize} floats
     */
    public static void backward(float[] din, float[] g, float[] dout, float[] in, float[] p, int wOff, int bOff,
                                float[] scratch, int n, int c, int h, int w, int oc, int k, int s, int pad) {
        int oh = Conv2d.outSize(h, k, s, pad), ow = Conv2d.outSize(w, k, s, pad);
        int cols = oh * ow, rows = c * k * k, dcol = rows * cols;
        for (int b = 0; b < n; b++) {
            im2col(scratch, in, b * c * h * w, c, h, w, k, s, pad, oh, ow);
            int ob = b * oc * cols;
            for (int o = 0; o < oc; o++) {
                float db = 0;
                for (int j = ob + o * cols, end = j + cols; j < end; j++) db += dout[j];
                g[bOff + o] += db;
            }
            // dW[oc, rows] += dout[oc, cols] . col^T[cols, rows]
            Gemm.multiply(g, wOff, rows, true, dout, ob, cols, 1, scratch, 0, 1, cols, oc, rows, cols);
            if (din == null) continue;
            // dcol[rows, cols] = W^T[rows, oc] . dout[oc, cols]
            Gemm.multiply(scratch, dcol, cols, false, p, wOff, 1, rows, dout, ob, cols, 1, rows, cols, oc);
            col2im(din, scratch, dcol, b * c * h * w, c, h, w, k, s, pad, oh, ow);
        }
    }

    // col[(ci*k+ky)*k+kx][y*ow+x] = in[ci, y*s+ky-pad, x*s+kx-pad], 0 outside; the valid x-range [x0, x1]
    // is computed once per (kx), so each row is zeros, a branch-free copy, zeros
    static void im2col(float[] col, float[] in, int inOff, int c, int h, int w, int k, int s, int pad, int oh, int ow) {
        int cols = oh * ow;
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = ((ci * k + ky) * k + kx) * cols;
                    int x0 = Math.min(ow, Conv2d.firstValid(kx, s, pad)), x1 = Conv2d.lastValid(kx, s, pad, w, ow);
                    for (int y = 0; y < oh; y++) {
                        int iy = y * s + ky - pad;
                        int dst = row + y * ow;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        int src = inOff + (ci * h + iy) * w + kx - pad;
                        int x = 0;
                        for (; x < x0; x++) col[dst + x] = 0f;
                        for (; x <= x1; x++) col[dst + x] = in[src + x * s];
                        for (; x < ow; x++) col[dst + x] = 0f;
                    }
                }
            }
        }
    }

    // din[ci, iy, ix] += dcol[(ci*k+ky)*k+kx][y*ow+x] for every (ky, kx, y, x) that read it: im2col's adjoint
    static void col2im(float[] din, float[] dcol, int dOff, int inOff, int c, int h, int w, int k, int s, int pad, int oh, int ow) {
        int cols = oh * ow;
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = dOff + ((ci * k + ky) * k + kx) * cols;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * s + ky - pad;
                        if (iy < 0 || iy >= h) continue;
                        int src = row + y * ow, dst = inOff + (ci * h + iy) * w + kx - pad;
                        for (int x = 0; x < ow; x++) {
                            int ix = x * s + kx - pad;
                            if (ix >= 0 && ix < w) din[dst + x * s] += dcol[src + x];
                        }
                    }
                }
            }
        }
    }
}
