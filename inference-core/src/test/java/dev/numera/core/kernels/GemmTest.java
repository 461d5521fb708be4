package dev.numera.core.kernels;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.numera.core.kernels.Reference.random;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Gemm} against a naive triple loop in double, on sizes that exercise every block shape
 * (4x4, 4x1, 1x4, 1x1 remainders), on transposed operands read through strides, with offsets, and
 * with both overwrite and accumulate; elements of C outside the product must stay untouched.
 */
class GemmTest {

    @ParameterizedTest(name = "m{0} n{1} k{2} transA {3} transB {4}")
    @CsvSource({"4,4,4,false,false", "7,9,5,false,false", "5,3,1,true,false", "1,1,7,false,true", "9,13,6,true,true",
            "16,49,288,false,false", "3,4,8,true,false", "8,3,2,false,true"})
    void matchesTheNaiveProduct(int m, int n, int k, boolean transA, boolean transB) {
        int aOff = 3, bOff = 5, cOff = 2, cRow = n + 3;       // padded rows: the gaps must survive
        float[] a = random(aOff + m * k, 11), b = random(bOff + k * n, 12);
        int aRow = transA ? 1 : k, aCol = transA ? m : 1;     // A stored as [m,k] or as its transpose [k,m]
        int bRow = transB ? 1 : n, bCol = transB ? k : 1;     // B stored as [k,n] or as [n,k]
        for (boolean accumulate : new boolean[]{false, true}) {
            float[] c = random(cOff + m * cRow, 13), before = c.clone();
            Gemm.multiply(c, cOff, cRow, accumulate, a, aOff, aRow, aCol, b, bOff, bRow, bCol, m, n, k);
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < cRow; j++) {
                    int at = cOff + i * cRow + j;
                    if (j >= n) {
                        assertEquals(before[at], c[at], 0f, "outside C at " + i + "," + j);
                        continue;
                    }
                    double want = accumulate ? before[at] : 0;
                    for (int p = 0; p < k; p++) want += (double) a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                    assertEquals(want, c[at], 1e-5 * (1 + Math.abs(want)), "C[" + i + "," + j + "] accumulate " + accumulate);
                }
            }
            for (int i = 0; i < cOff; i++) assertEquals(before[i], c[i], 0f, "before C");
        }
    }
}
