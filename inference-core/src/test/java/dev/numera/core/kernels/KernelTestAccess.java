package dev.numera.core.kernels;

/** Lets tests in other packages use the reference's deterministic random values. */
public final class KernelTestAccess {
    private KernelTestAccess() {
    }

    public static float[] random(int n, int seed) {
        return Reference.random(n, seed);
    }
}
