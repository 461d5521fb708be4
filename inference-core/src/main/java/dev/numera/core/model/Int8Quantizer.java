package dev.numera.core.model;

/**
 * Symmetric per-output-channel quantisation into int8 codes (the TFLite/ONNX convention for weights), with
 * {@code bits} of them used, 2 to 8: the largest code is {@code top = 2^(bits-1) - 1} (127 for 8 bits, 31 for 6).
 * <pre>
 *   scale[o] = max_i |w[o,i]| / top          (0 when the channel is all zeros)
 *   q[o,i]   = rint(w[o,i] / scale[o])  clamped to [-top, top], zero point 0
 *   w'[o,i]  = q[o,i] * scale[o]
 * </pre>
 * Fewer bits are stored as int8 all the same (the file format and its reader do not change); what they buy is
 * a smaller download, since a host's gzip codes each byte in about as many bits as its values' entropy: the
 * shipped model's 8-bit codes take 7.3 bits a byte gzipped, its 6-bit codes 5.3 (75.7 against 58.6 kB), at the
 * same test accuracy (99.66 against 99.67 %). Rounding is half-to-even ({@link Math#rint}), identical on the
 * JVM and under TeaVM.
 */
public final class Int8Quantizer {
    private Int8Quantizer() {
    }

    /** The fewest and the most bits a code may use: 2 (codes -1, 0, 1) to 8 (-127..127, -128 left out for symmetry). */
    public static final int MIN_BITS = 2, MAX_BITS = 8;

    /**
     * @param w      [channels, perChannel] at off
     * @param bits   {@link #MIN_BITS} to {@link #MAX_BITS}
     * @param q      [channels * perChannel] written, each code within ±(2^(bits-1) - 1)
     * @param scales [channels] written
     */
    public static void quantize(float[] w, int off, int channels, int perChannel, int bits, byte[] q, float[] scales) {
        if (bits < MIN_BITS || bits > MAX_BITS) throw new IllegalArgumentException("bits must be in " + MIN_BITS + ".." + MAX_BITS + ", got " + bits);
        int top = (1 << (bits - 1)) - 1;
        for (int o = 0; o < channels; o++) {
            float max = 0;
            for (int i = 0; i < perChannel; i++) max = Math.max(max, Math.abs(w[off + o * perChannel + i]));
            float scale = max / top;
            scales[o] = scale;
            for (int i = 0; i < perChannel; i++) {
                double v = scale == 0 ? 0 : Math.rint(w[off + o * perChannel + i] / scale);
                q[o * perChannel + i] = (byte) Math.max(-top, Math.min(top, v));
            }
        }
    }

    /** The bits the codes use: the fewest that hold their largest magnitude (2 for all zeros, as for -1..1). */
    public static int bitsUsed(byte[] q) {
        int max = 1;
        for (byte c : q) max = Math.max(max, Math.abs(c));
        return 33 - Integer.numberOfLeadingZeros(max);
    }

    /**
     * @param out [channels * perChannel] at off, written with q * scale
     * @return the index in q of the first -128 (outside the symmetric range, so not something
     *         {@link #quantize} writes: a reader rejects it), or -1. Checked in this pass rather
     *         than a loop of the reader's own: in the browser every loop over all the weights at
     *         start-up is cold code, and a long one in the reader's big method made V8 spend ~35 ms
     *         of CPU optimising that method for a single run.
     */
    public static int dequantize(byte[] q, float[] scales, int channels, int perChannel, float[] out, int off) {
        int outside = -1;
        for (int o = 0; o < channels; o++) {
            for (int i = 0; i < perChannel; i++) {
                byte c = q[o * perChannel + i];
                if (c == -128 && outside < 0) outside = o * perChannel + i;
                out[off + o * perChannel + i] = c * scales[o];
            }
        }
        return outside;
    }
}
