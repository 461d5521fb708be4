package dev.numera.training.random;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a 64-bit counter passed through a strong mixing
 * function. Tiny state, passes BigCrush, and {@link #derive} gives independent streams for any
 * tuple of indices. Not thread-safe: one instance per worker, or one per image.
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for the stream named by {@code (seed, indices...)}; same tuple, same stream. */
    public static SplitMix64 derive(long seed, long... indices) {
        return new SplitMix64(mixTuple(seed, indices));
    }

    /** Restarts this instance at a raw state (e.g. a value drawn from another generator). */
    public void setState(long state) {
        this.state = state;
    }

    /** Re-seeds this instance to the stream of {@code (seed, indices...)} without allocating. */
    public void reseed(long seed, long i, long j, long k) {
        long h = mix(seed);
        h = mix(h ^ (i + GOLDEN_GAMMA));
        h = mix(h ^ (j + GOLDEN_GAMMA));
        h = mix(h ^ (k + GOLDEN_GAMMA));
        this.state = h;
    }

    private static long mixTuple(long seed, long[] indices) {
        long h = mix(seed);
        for (long index : indices) {
            h = mix(h ^ (index + GOLDEN_GAMMA));
        }
        return h;
    }

    /** The SplitMix64 finaliser (a variant of MurmurHash3's fmix64). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform in [-r, r). */
    public double symmetric(double r) {
        return r * (2 * nextDouble() - 1);
    }

    /** True with probability p. */
    public boolean chance(double p) {
        return p > 0 && nextDouble() < p;
    }

    /** Uniform in [0, bound), unbiased (Lemire's method without the fast path). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long r = nextLong() >>> 33;                 // 31 random bits
        long m = r * bound;
        long threshold = (1L << 31) % bound;
        while ((m & 0x7FFFFFFFL) < threshold) {     // reject the few values that would bias
            r = nextLong() >>> 33;
            m = r * bound;
        }
        return (int) (m >>> 31);
    }

    /** Standard normal via Box-Muller (one of the pair; simple over fast). */
    public double gaussian() {
        double u1 = 1.0 - nextDouble();             // (0, 1], log is finite
        double u2 = nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** In-place Fisher-Yates shuffle. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** 0..n-1 in an order fixed by this generator. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }
}
