package dev.numera.core.kernels;

/**
 * Stride-1 convolution as an implicit GEMM: the products of {@link Conv2dGemm}'s {@code W . col}, with
 * B read straight from a zero-padded copy of the input instead of an im2col buffer:
 * <pre>
 *   padded[ci, y', x'] = in[ci, y'-p, x'-p], 0 outside                     [c, h+2p, w+2p]
 *   out[o, y, x] = bias[o] + sum_(ci,ky,kx) w[o, ci, ky, kx] * padded[ci, y+ky, x+kx]
 * </pre>
 * Why: im2col writes c*k*k*oh*ow floats per sample (25x the input for a 5x5 layer) and the GEMM reads
 * them back; the padded copy is c*(h+2p)*(w+2p) floats, and in WebAssembly and JavaScript that memory
 * traffic is the cost. The register block is {@link Gemm}'s: 4 output channels x 4 adjacent x, 16
 * accumulators, summed over (ci, ky, kx) in the same order, so the result equals Conv2dGemm's bit for bit.
 * Inference only, like {@link Conv2dWinograd}: training keeps Conv2dGemm, whose backward needs the im2col
 * buffer.
 */
public final class Conv2dImplicitGemm {
    private Conv2dImplicitGemm() {
    }

    public static boolean applies(int stride) {
        return stride == 1;
    }

    /** Scratch floats forward needs: one padded sample, c * (h+2p) * (w+2p). */
    public static int scratchSize(int c, int h, int w, int pad) {
        return c * (h + 2 * pad) * (w + 2 * pad);
    }

    /**
     * @param out     [n, oc, oh, ow] overwritten (oh = h+2p-k+1, ow = w+2p-k+1)
     * @param in      [n, c, h, w]
     * @param p       weight [oc, c, k, k] at wOff, bias [oc] at bOff
     * @param scratch at least {@link #scratchSize} floats
     */
    public static void forward(float[] out, float[] in, float[] p, int wOff, int bOff, float[] scratch,
                               int n, int c, int h, int w, int oc, int k, int pad) {
        int hp = h + 2 * pad, wp = w + 2 * pad, oh = hp - k + 1, ow = wp - k + 1, rows = c * k * k, plane = oh * ow;
        for (int b = 0; b < n; b++) {
            padInput(scratch, in, b * c * h * w, c, h, w, pad);
            int ob = b * oc * plane;
            int o = 0;
            for (; o + 4 <= oc; o += 4) {
                for (int y = 0; y < oh; y++) {
                    int x = 0;
                    for (; x + 4 <= ow; x += 4) {
                        block4x4(out, ob + o * plane + y * ow + x, plane, p, wOff + o * rows, rows, bOff + o, scratch, y * wp + x, c, k, hp, wp);
                    }
                    for (; x < ow; x++) {
                        for (int r = 0; r < 4; r++) out[ob + (o + r) * plane + y * ow + x] = one(p, wOff + (o + r) * rows, bOff + o + r, scratch, y * wp + x, c, k, hp, wp);
                    }
                }
            }
            for (; o < oc; o++) {
                for (int y = 0; y < oh; y++) {
                    for (int x = 0; x < ow; x++) out[ob + o * plane + y * ow + x] = one(p, wOff + o * rows, bOff + o, scratch, y * wp + x, c, k, hp, wp);
                }
            }
        }
    }

    // padded[c, h+2p, w+2p] from in[c, h, w] at inOff: a zero frame around each channel. The rows are copied
    // by a loop, not System.arraycopy: TeaVM's JavaScript copies through a typed-array view made per call
    // (28 per conv1 pass, ~1.7 KB of garbage per camera frame in the benchmark)
    static void padInput(float[] padded, float[] in, int inOff, int c, int h, int w, int pad) {
        int hp = h + 2 * pad, wp = w + 2 * pad;
        java.util.Arrays.fill(padded, 0, c * hp * wp, 0f);
        for (int ci = 0; ci < c; ci++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0, src = inOff + (ci * h + y) * w, dst = (ci * hp + y + pad) * wp + pad; x < w; x++) padded[dst + x] = in[src + x];
            }
        }
    }

    // out[o+r, y, x+q] for r, q < 4 at oi + r*plane + q: weights of channel o+r at wi + r*rows, running over
    // (ci, ky, kx); inputs padded[ci, y+ky, x+kx+q] at at + (ci*hp + ky)*wp + kx + q
    private static void block4x4(float[] out, int oi, int plane, float[] p, int wi, int rows, int bi,
                                 float[] padded, int at, int c, int k, int hp, int wp) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int w1 = rows, w2 = 2 * rows, w3 = 3 * rows;
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0, xi = at + (ci * hp + ky) * wp; kx < k; kx++, xi++, wi++) {
                    float x0 = padded[xi], x1 = padded[xi + 1], x2 = padded[xi + 2], x3 = padded[xi + 3];
                    float v = p[wi];
                    c00 += v * x0; c01 += v * x1; c02 += v * x2; c03 += v * x3;
                    v = p[wi + w1];
                    c10 += v * x0; c11 += v * x1; c12 += v * x2; c13 += v * x3;
                    v = p[wi + w2];
                    c20 += v * x0; c21 += v * x1; c22 += v * x2; c23 += v * x3;
                    v = p[wi + w3];
                    c30 += v * x0; c31 += v * x1; c32 += v * x2; c33 += v * x3;
                }
            }
        }
        store4(out, oi, p[bi], c00, c01, c02, c03);
        store4(out, oi + plane, p[bi + 1], c10, c11, c12, c13);
        store4(out, oi + 2 * plane, p[bi + 2], c20, c21, c22, c23);
        store4(out, oi + 3 * plane, p[bi + 3], c30, c31, c32, c33);
    }

    private static void store4(float[] out, int oi, float bias, float v0, float v1, float v2, float v3) {
        out[oi] = bias + v0; out[oi + 1] = bias + v1; out[oi + 2] = bias + v2; out[oi + 3] = bias + v3;
    }

    // one output: bias[o] + sum over (ci, ky, kx), the edges the 4x4 block does not cover
    private static float one(float[] p, int wi, int bi, float[] padded, int at, int c, int k, int hp, int wp) {
        float s = 0;
        for (int ci = 0; ci < c; ci++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0, xi = at + (ci * hp + ky) * wp; kx < k; kx++, xi++, wi++) s += p[wi] * padded[xi];
            }
        }
        return p[bi] + s;
    }
}
