package dev.numera.core.kernels;

/**
 * Inverted dropout: in training each value is kept with probability 1 - rate and scaled by
 * 1 / (1 - rate), so inference is the identity.
 * <pre>  out = in * mask;  din += dout * mask;  mask[i] in {0, 1/(1-rate)}  </pre>
 */
public final class Dropout {
    private Dropout() {
    }

    /**
     * Draws a fresh mask from a xorshift32 state; returns the next state (so the caller owns the
     * random stream and training stays reproducible).
     * @param mask [count] overwritten
     */
    public static int makeMask(float[] mask, int count, float rate, int state) {
        float keep = 1f / (1f - rate);
        int x = state == 0 ? 0x9E3779B9 : state;
        for (int i = 0; i < count; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            float u = (x >>> 8) * (1f / (1 << 24));  // uniform in [0, 1)
            mask[i] = u < rate ? 0f : keep;
        }
        return x;
    }

    /**
     * @param out [count] overwritten; @param in [count]; @param mask [count], or null for inference (a copy).
     * The copy is a loop, not System.arraycopy: TeaVM's JavaScript makes a typed-array view per
     * arraycopy, garbage on every inference (as in {@link Flatten}).
     */
    public static void forward(float[] out, float[] in, float[] mask, int count) {
        if (mask == null) {
            for (int i = 0; i < count; i++) out[i] = in[i];
            return;
        }
        for (int i = 0; i < count; i++) out[i] = in[i] * mask[i];
    }

    /** @param din [count] accumulated; @param dout [count]; @param mask [count], or null (identity) */
    public static void backward(float[] din, float[] dout, float[] mask, int count) {
        for (int i = 0; i < count; i++) din[i] += mask == null ? dout[i] : dout[i] * mask[i];
    }
}
