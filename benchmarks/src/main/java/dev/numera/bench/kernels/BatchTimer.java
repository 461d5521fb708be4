package dev.numera.bench.kernels;

/**
 * How one kernel is timed, the same way in the kernel pages (TeaVM-compiled, performance.now()) and
 * on the JVM (System.nanoTime()), so that kernel efficiency compares like with like: warm-up for a
 * fifth of the budget, then batches of ~20 ms; the median batch's and the fastest batch's ns per operation.
 */
public final class BatchTimer {
    private BatchTimer() {
    }

    /** A clock in milliseconds: performance.now() in a page, System.nanoTime() / 1e6 on the JVM. */
    public interface Clock {
        double nowMs();
    }

    static float sink;   // every result lands here, against dead-code elimination

    /**
     * Runs kernel {@code id} for about {@code millis} ms.
     * @return {median batch, fastest batch} in ns per run, or null for no such kernel
     */
    public static double[] time(KernelSet k, int id, int millis, Clock clock) {
        if (id < 0 || id >= KernelSet.NAMES.length) return null;
        double end = clock.nowMs() + millis / 5.0;
        int reps = 0;
        while (clock.nowMs() < end) {
            sink += k.run(id);
            reps++;
        }
        int perBatch = Math.max(1, (int) Math.ceil(reps * 20.0 / (millis / 5.0)));
        int batches = Math.max(5, (int) (millis * 0.8 / 20));
        double[] ns = new double[batches];
        for (int b = 0; b < batches; b++) {
            double t0 = clock.nowMs();
            for (int i = 0; i < perBatch; i++) sink += k.run(id);
            ns[b] = (clock.nowMs() - t0) * 1e6 / perBatch;
        }
        java.util.Arrays.sort(ns);
        return new double[]{ns[batches / 2], ns[0]};
    }
}
