package dev.numera.core.kernels;

/**
 * The 3x3, stride 1, padding 1 convolution of {@link Conv2d} (inference only) by Winograd's
 * minimal filtering F(4x4, 3x3) (Lavin &amp; Gray 2015): a 4x4 output tile costs 36 multiplies per
 * (output, input) channel pair instead of 144, 4x fewer multiply-adds.
 * <pre>
 *   U[o,c]    = G g[o,c] G^T                   6x6 per channel pair, once per weights ({@link #transformWeights})
 *   V[c,t]    = B^T d[c,t] B                   d = 6x6 input patch at rows 4ty-1.., columns 4tx-1.. (0 outside)
 *   M[e][o,t] = sum_c U[e][o,c] * V[e][c,t]    for each of the 36 elements e: one matrix product [oc, c] . [c, tiles]
 *   out[o, 4ty+i, 4tx+j] = bias[o] + (A^T M[o,t] A)[i, j]     i, j &lt; 4, clipped at the bottom and right edge
 *
 *         [ 1/4     0     0 ]         [ 4  0 -5  0  1  0 ]
 *         [-1/6  -1/6  -1/6 ]         [ 0 -4 -4  1  1  0 ]         [ 1  1  1  1  1  0 ]
 *   G =   [-1/6   1/6  -1/6 ]  B^T =  [ 0  4 -4 -1  1  0 ]  A^T =  [ 0  1 -1  2 -2  0 ]
 *         [1/24  1/12   1/6 ]         [ 0 -2 -1  2  1  0 ]         [ 0  1  1  4  4  0 ]
 *         [1/24 -1/12   1/6 ]         [ 0  2 -1 -2  1  0 ]         [ 0  1 -1  8 -8  1 ]
 *         [   0     0     1 ]         [ 0  4  0 -5  0  1 ]
 * </pre>
 * Why F(4x4) and not F(2x2) (16 multiplies per 2x2 tile, 2.25x fewer): on the shipped network's
 * 7x7 layer F(2x2) pads to 8x8 and saves only 1.7x, F(4x4) 3x, which measured 1.65x faster in
 * Wasm GC; on 14x14 the two are even. Each 2-D transform is a 1-D transform along columns then
 * along rows, adds and small constant multiplies only; the 36 products run on {@link Gemm}. The
 * results equal {@link Conv2d}'s up to float rounding: the transforms reassociate the sums and
 * scale by up to 8, so errors grow to ~1e-5 of the output's magnitude (tested).
 */
public final class Conv2dWinograd {
    private Conv2dWinograd() {
    }

    /**
     * Whether this kernel computes the layer and pays off: 3x3, stride 1, padding 1, and enough
     * input channels that the 36 products outweigh the transforms (with 1 input channel the output
     * transform costs about as much as the direct products, so a 1-channel first layer stays on the
     * implicit GEMM).
     */
    public static boolean applies(int c, int k, int s, int pad) {
        return k == 3 && s == 1 && pad == 1 && c >= 4;
    }

    /** Floats of the transformed weights U: 36 * oc * c. */
    public static int weightSize(int c, int oc) {
        return 36 * oc * c;
    }

    /** Scratch floats for one sample: the zero-padded input, V [36, c, tiles], M [36, oc, tiles] and one 6-row strip. */
    public static int scratchSize(int c, int h, int w, int oc) {
        int th = (h + 3) / 4, tw = (w + 3) / 4, pw = 4 * tw + 2;
        return c * (4 * th + 2) * pw + 36 * (c + oc) * th * tw + 6 * pw;
    }

    /**
     * Whether the weights [oc, c, 3, 3] at p[wOff] still equal {@code from}, the copy that cached
     * U was computed from: the check a cache makes per pass. 4 floats per step and one branch: in
     * Wasm GC 18 us for the shipped network's 23k weights, against 260 us to recompute U. A NaN
     * weight never compares equal, so U is recomputed every pass: slower, still correct.
     */
    public static boolean unchanged(float[] from, float[] p, int wOff, int c, int oc) {
        int n = oc * c * 9, j = 0, at = wOff;
        for (; j + 4 <= n; j += 4, at += 4) {
            if (from[j] != p[at] | from[j + 1] != p[at + 1] | from[j + 2] != p[at + 2] | from[j + 3] != p[at + 3]) return false;
        }
        for (; j < n; j++, at++) if (from[j] != p[at]) return false;
        return true;
    }

    /**
     * U[e, o, c] = (G g[o, c] G^T)[e / 6, e % 6]: laid out [36, oc, c] so that each element's
     * matrix is one row-major [oc, c] operand.
     * @param u       [36, oc, c] overwritten
     * @param p       weight [oc, c, 3, 3] at wOff
     * @param scratch at least 18 floats
     */
    public static void transformWeights(float[] u, float[] p, int wOff, int c, int oc, float[] scratch) {
        int plane = oc * c;
        for (int o = 0; o < oc; o++) {
            for (int ci = 0; ci < c; ci++) {
                int g = wOff + (o * c + ci) * 9;
                for (int x = 0; x < 3; x++) gColumn(p, g + x, 3, scratch, x, 3);                          // G g: [6, 3]
                for (int i = 0; i < 6; i++) gColumn(scratch, 3 * i, 1, u, 6 * i * plane + o * c + ci, plane);  // (G g) G^T
            }
        }
    }

    /**
     * @param out     [n, oc, h, w] overwritten
     * @param in      [n, c, h, w]
     * @param u       transformed weights [36, oc, c] from {@link #transformWeights}
     * @param p       bias [oc] at bOff
     * @param scratch at least {@link #scratchSize} floats
     */
    public static void forward(float[] out, float[] in, float[] u, float[] p, int bOff, float[] scratch,
                               int n, int c, int h, int w, int oc) {
        int th = (h + 3) / 4, tw = (w + 3) / 4, tiles = th * tw;
        int ph = 4 * th + 2, pw = 4 * tw + 2;
        int vOff = vOffset(c, h, w), mOff = mOffset(c, h, w), strip = mOff + 36 * oc * tiles;
        for (int b = 0; b < n; b++) {
            pad(scratch, in, b * c * h * w, c, h, w, ph, pw);
            inputTransform(scratch, vOff, c, ph, pw, th, tw, strip);
            products(scratch, u, c, h, w, oc);
            outputTransform(out, b * oc * h * w, scratch, mOff, p, bOff, oc, h, w, th, tw, strip);
        }
    }

    /**
     * The middle step of {@link #forward} alone, on the V that its input transform left in scratch:
     * M[e][oc, tiles] = U[e][oc, c] . V[e][c, tiles] for each of the 36 elements. Public so that the
     * benchmarks can time the products apart from the transforms.
     */
    public static void products(float[] scratch, float[] u, int c, int h, int w, int oc) {
        int tiles = ((h + 3) / 4) * ((w + 3) / 4), vOff = vOffset(c, h, w), mOff = mOffset(c, h, w);
        for (int e = 0; e < 36; e++) {
            Gemm.multiply(scratch, mOff + e * oc * tiles, tiles, false, u, e * oc * c, c, 1,
                    scratch, vOff + e * c * tiles, tiles, 1, oc, tiles, c);
        }
    }

    // scratch layout: the padded input [c, 4th+2, 4tw+2], then V [36, c, tiles] at vOffset, M [36, oc, tiles] at mOffset, then the strip
    private static int vOffset(int c, int h, int w) {
        return c * (4 * ((h + 3) / 4) + 2) * (4 * ((w + 3) / 4) + 2);
    }

    private static int mOffset(int c, int h, int w) {
        return vOffset(c, h, w) + 36 * c * ((h + 3) / 4) * ((w + 3) / 4);
    }

    // d[ci, 1 + y, 1 + x] = in[ci, y, x]; zero elsewhere in [c, ph, pw] (the border and the last tiles' overhang)
    private static void pad(float[] d, float[] in, int inOff, int c, int h, int w, int ph, int pw) {
        java.util.Arrays.fill(d, 0, c * ph * pw, 0f);
        for (int ci = 0; ci < c; ci++) {
            for (int y = 0; y < h; y++) {
                // a loop, not System.arraycopy: TeaVM's JS arraycopy makes two typed-array views per call
                int src = inOff + (ci * h + y) * w, dst = (ci * ph + 1 + y) * pw + 1;
                for (int x = 0; x < w; x++) d[dst + x] = in[src + x];
            }
        }
    }

    // V[e, ci, t] = (B^T d B)[e / 6, e % 6] for the 6x6 patch d of the padded input at (4ty, 4tx).
    // B^T along columns once per strip of 6 rows (neighbouring tiles share 2 columns), then along each tile's rows.
    private static void inputTransform(float[] s, int vOff, int c, int ph, int pw, int th, int tw, int strip) {
        int tiles = th * tw, plane = c * tiles;
        for (int ci = 0; ci < c; ci++) {
            for (int ty = 0; ty < th; ty++) {
                int row = (ci * ph + 4 * ty) * pw;
                for (int x = 0; x < pw; x++) btColumn(s, row + x, pw, s, strip + x, pw);
                for (int tx = 0; tx < tw; tx++) {
                    int v = vOff + ci * tiles + ty * tw + tx;
                    for (int i = 0; i < 6; i++) btColumn(s, strip + i * pw + 4 * tx, 1, s, v + 6 * i * plane, plane);
                }
            }
        }
    }

    // out[o, 4ty + i, 4tx + j] = bias[o] + (A^T m A)[i, j] with m[e] = M[e, o, t]: A^T along columns into the
    // strip [4, 6], then along its rows straight into out (through the strip's tail where the tile overhangs)
    private static void outputTransform(float[] out, int outOff, float[] s, int mOff, float[] p, int bOff,
                                        int oc, int h, int w, int th, int tw, int strip) {
        int tiles = th * tw, plane = oc * tiles, tail = strip + 24;
        for (int o = 0; o < oc; o++) {
            for (int ty = 0; ty < th; ty++) {
                for (int tx = 0; tx < tw; tx++) {
                    int m = mOff + o * tiles + ty * tw + tx;
                    for (int j = 0; j < 6; j++) atColumn(s, m + j * plane, 6 * plane, p, -1, s, strip + j, 6);
                    int x = 4 * tx, cols = Math.min(4, w - x);
                    for (int i = 0, y = 4 * ty; i < 4 && y < h; i++, y++) {
                        int at = outOff + (o * h + y) * w + x;
                        if (cols == 4) {
                            atColumn(s, strip + 6 * i, 1, p, bOff + o, out, at, 1);
                        } else {
                            atColumn(s, strip + 6 * i, 1, p, bOff + o, s, tail, 1);
                            for (int q = 0; q < cols; q++) out[at + q] = s[tail + q];
                        }
                    }
                }
            }
        }
    }

    // d[k * ds] = (G x)[k], k < 6, for x[j] = s[at + j * ss], j < 3
    private static void gColumn(float[] s, int at, int ss, float[] d, int k, int ds) {
        float x0 = s[at], x1 = s[at + ss], x2 = s[at + 2 * ss];
        d[k] = x0 * (1f / 4);
        d[k + ds] = -(x0 + x1 + x2) * (1f / 6);
        d[k + 2 * ds] = -(x0 - x1 + x2) * (1f / 6);
        d[k + 3 * ds] = x0 * (1f / 24) + x1 * (1f / 12) + x2 * (1f / 6);
        d[k + 4 * ds] = x0 * (1f / 24) - x1 * (1f / 12) + x2 * (1f / 6);
        d[k + 5 * ds] = x2;
    }

    // d[k * ds] = (B^T x)[k], k < 6, for x[j] = s[at + j * ss], j < 6
    private static void btColumn(float[] s, int at, int ss, float[] d, int k, int ds) {
        float x0 = s[at], x1 = s[at + ss], x2 = s[at + 2 * ss], x3 = s[at + 3 * ss], x4 = s[at + 4 * ss], x5 = s[at + 5 * ss];
        d[k] = 4 * x0 - 5 * x2 + x4;
        d[k + ds] = (x3 + x4) - 4 * (x1 + x2);
        d[k + 2 * ds] = (x4 - x3) + 4 * (x1 - x2);
        d[k + 3 * ds] = (x4 - x2) + 2 * (x3 - x1);
        d[k + 4 * ds] = (x4 - x2) - 2 * (x3 - x1);
        d[k + 5 * ds] = 4 * x1 - 5 * x3 + x5;
    }

    // d[k * ds] = add + (A^T x)[k], k < 4, for x[j] = s[at + j * ss], j < 6; add = bias[b], or 0 when b < 0.
    // The bias comes as an index, not a float: in TeaVM's JavaScript a float argument to a call the
    // engine does not inline is boxed into a new heap number, thousands per network pass.
    private static void atColumn(float[] s, int at, int ss, float[] bias, int b, float[] d, int k, int ds) {
        float add = b < 0 ? 0f : bias[b];
        float x0 = s[at], x1 = s[at + ss], x2 = s[at + 2 * ss], x3 = s[at + 3 * ss], x4 = s[at + 4 * ss], x5 = s[at + 5 * ss];
        float sum12 = x1 + x2, dif12 = x1 - x2, sum34 = x3 + x4, dif34 = x3 - x4;
        d[k] = add + (x0 + sum12 + sum34);
        d[k + ds] = add + (dif12 + 2 * dif34);
        d[k + 2 * ds] = add + (sum12 + 4 * sum34);
        d[k + 3 * ds] = add + (dif12 + 8 * dif34 + x5);
    }
}
