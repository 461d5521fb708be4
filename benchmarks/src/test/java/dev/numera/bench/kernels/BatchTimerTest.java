package dev.numera.bench.kernels;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** BatchTimer against a scripted clock: the warm-up sizes the batches, then the median and the fastest batch. */
class BatchTimerTest {
    /** A clock that returns the given times (ms), one per call. */
    private static BatchTimer.Clock scripted(double... times) {
        int[] next = {0};
        return () -> times[next[0]++];
    }

    @Test
    void medianAndFastestBatch() {
        KernelSet k = new KernelSet(null);
        int relu = KernelSet.index("relu4");   // the cheapest kernel: the clock, not the kernel, decides the times
        // budget 100 ms: warm-up until 20 ms after the first reading; readings at 0 (end = 20), 5, 10, 15, 20 → 3 runs
        // → 3 runs per batch (3 * 20 / 20); 5 batches (max(5, 100 * 0.8 / 20 = 4)), each read at its start and end
        double[] t = BatchTimer.time(k, relu, 100, scripted(0, 5, 10, 15, 20,
                100, 103,      // batch 1: 3 ms for 3 runs → 1,000,000 ns each
                200, 206,      // 2,000,000
                300, 301.5,    //   500,000 (the fastest)
                400, 409,      // 3,000,000
                500, 504.5));  // 1,500,000
        assertArrayEquals(new double[]{1_500_000, 500_000}, t, 1e-6);
    }

    @Test
    void unknownKernel() {
        KernelSet k = new KernelSet(null);
        assertNull(BatchTimer.time(k, -1, 100, scripted()));
        assertNull(BatchTimer.time(k, KernelSet.NAMES.length, 100, scripted()));
    }
}
