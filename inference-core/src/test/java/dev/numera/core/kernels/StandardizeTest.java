package dev.numera.core.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Hand-computed values; the offset into the source. */
class StandardizeTest {
    @Test
    void subtractsTheMeanAndScalesByOneOverTheDeviation() {
        float[] raw = {9f, 0f, 1f, 0.5f};
        float[] x = new float[3];
        Standardize.forward(x, raw, 1, 3, 0.5f, 0.25f);
        assertEquals(-2f, x[0], 0f);   // (0 - 0.5) * 4
        assertEquals(2f, x[1], 0f);    // (1 - 0.5) * 4
        assertEquals(0f, x[2], 0f);
    }
}
