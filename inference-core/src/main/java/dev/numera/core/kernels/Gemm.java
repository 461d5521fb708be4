package dev.numera.core.kernels;

/**
 * Matrix product on strided operands, the loop nest behind the dense layer, the im2col convolution
 * {@link Conv2dGemm} (forward and both backward products) and {@link Conv2dWinograd}'s 36 products:
 * <pre>
 *   C[i, j] (+)= sum_p A[i, p] * B[p, j]        i < m, j < n, p < k
 *   A[i, p] = a[aOff + i*aRow + p*aCol]     B[p, j] = b[bOff + p*bRow + j*bCol]     C[i, j] = c[cOff + i*cRow + j]
 * </pre>
 * Strides let one routine read a matrix or its transpose in place (e.g. the im2col buffer as B in
 * forward and as B^T for the weight gradient), so no operand is ever copied. The exception is
 * {@link Conv2dImplicitGemm}, which has its own copy of the 4x4 block below: it reads B straight from
 * the zero-padded input instead of an im2col buffer, and there B's rows (ci, ky, kx) are not one
 * stride apart.
 *
 * <p>Why a 4x4 register block: each step of p loads 4 values of A and 4 of B and does 16
 * multiply-adds on 16 local accumulators, where the axpy form does one load, one load-add-store of
 * C per multiply-add. In WebAssembly (no SIMD from TeaVM, a bounds check per array access) and in
 * JavaScript that memory traffic is the cost, so the block is 2-3x faster there; 16 accumulators
 * plus the loaded values still fit x86-64's 16 float registers closely enough for the JIT.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * @param accumulate add to C instead of overwriting it
     * @param c          [m, n] at cOff, row stride cRow, column stride 1
     * @param a          [m, k] at aOff, strides aRow, aCol
     * @param b          [k, n] at bOff, strides bRow, bCol
     */
    public static void multiply(float[] c, int cOff, int cRow, boolean accumulate,
                                float[] a, int aOff, int aRow, int aCol,
                                float[] b, int bOff, int bRow, int bCol,
                                int m, int n, int k) {
        int i = 0;
        for (; i + 4 <= m; i += 4) {
            int j = 0;
            for (; j + 4 <= n; j += 4) block4x4(c, cOff + i * cRow + j, cRow, accumulate, a, aOff + i * aRow, aRow, aCol, b, bOff + j * bCol, bRow, bCol, k);
            for (; j < n; j++) block4x1(c, cOff + i * cRow + j, cRow, accumulate, a, aOff + i * aRow, aRow, aCol, b, bOff + j * bCol, bRow, k);
        }
        for (; i < m; i++) {
            int j = 0;
            for (; j + 4 <= n; j += 4) block1x4(c, cOff + i * cRow + j, accumulate, a, aOff + i * aRow, aCol, b, bOff + j * bCol, bRow, bCol, k);
            for (; j < n; j++) {
                float s = 0;
                for (int p = 0, ap = aOff + i * aRow, bp = bOff + j * bCol; p < k; p++, ap += aCol, bp += bRow) s += a[ap] * b[bp];
                int ci = cOff + i * cRow + j;
                c[ci] = accumulate ? c[ci] + s : s;
            }
        }
    }

    // C[0..4, 0..4] at ci: rows of A at ap + r*aRow, columns of B at bp + q*bCol
    private static void block4x4(float[] c, int ci, int cRow, boolean acc, float[] a, int ap, int aRow, int aCol,
                                 float[] b, int bp, int bRow, int bCol, int k) {
        float c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        float c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int a1 = aRow, a2 = 2 * aRow, a3 = 3 * aRow, b1 = bCol, b2 = 2 * bCol, b3 = 3 * bCol;
        for (int p = 0; p < k; p++, ap += aCol, bp += bRow) {
            float x0 = b[bp], x1 = b[bp + b1], x2 = b[bp + b2], x3 = b[bp + b3];
            float w = a[ap];
            c00 += w * x0; c01 += w * x1; c02 += w * x2; c03 += w * x3;
            w = a[ap + a1];
            c10 += w * x0; c11 += w * x1; c12 += w * x2; c13 += w * x3;
            w = a[ap + a2];
            c20 += w * x0; c21 += w * x1; c22 += w * x2; c23 += w * x3;
            w = a[ap + a3];
            c30 += w * x0; c31 += w * x1; c32 += w * x2; c33 += w * x3;
        }
        store4(c, ci, acc, c00, c01, c02, c03);
        store4(c, ci + cRow, acc, c10, c11, c12, c13);
        store4(c, ci + 2 * cRow, acc, c20, c21, c22, c23);
        store4(c, ci + 3 * cRow, acc, c30, c31, c32, c33);
    }

    private static void block4x1(float[] c, int ci, int cRow, boolean acc, float[] a, int ap, int aRow, int aCol,
                                 float[] b, int bp, int bRow, int k) {
        float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int a1 = aRow, a2 = 2 * aRow, a3 = 3 * aRow;
        for (int p = 0; p < k; p++, ap += aCol, bp += bRow) {
            float x = b[bp];
            c0 += a[ap] * x; c1 += a[ap + a1] * x; c2 += a[ap + a2] * x; c3 += a[ap + a3] * x;
        }
        c[ci] = acc ? c[ci] + c0 : c0;
        c[ci + cRow] = acc ? c[ci + cRow] + c1 : c1;
        c[ci + 2 * cRow] = acc ? c[ci + 2 * cRow] + c2 : c2;
        c[ci + 3 * cRow] = acc ? c[ci + 3 * cRow] + c3 : c3;
    }

    private static void block1x4(float[] c, int ci, boolean acc, float[] a, int ap, int aCol,
                                 float[] b, int bp, int bRow, int bCol, int k) {
        float c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        int b1 = bCol, b2 = 2 * bCol, b3 = 3 * bCol;
        for (int p = 0; p < k; p++, ap += aCol, bp += bRow) {
            float w = a[ap];
            c0 += w * b[bp]; c1 += w * b[bp + b1]; c2 += w * b[bp + b2]; c3 += w * b[bp + b3];
        }
        store4(c, ci, acc, c0, c1, c2, c3);
    }

    private static void store4(float[] c, int ci, boolean acc, float v0, float v1, float v2, float v3) {
        if (acc) {
            c[ci] += v0; c[ci + 1] += v1; c[ci + 2] += v2; c[ci + 3] += v3;
        } else {
            c[ci] = v0; c[ci + 1] = v1; c[ci + 2] = v2; c[ci + 3] = v3;
        }
    }
}
