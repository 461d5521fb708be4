package dev.numera.core.model;

/**
 * Symmetric per-output-channel int8 quantisation (the TFLite/ONNX convention for weights):
 * <pre>
 *   scale[o] = max_i |w[o,i]| / 127          (0 when the channel is all zeros)
 *   q[o,i]   = rint(w[o,i] / scale[o])  clamped to [-127, 127], zero point 0
 *   w'[o,i]  = q[o,i] * scale[o]
 * </pre>
 * Rounding is half-to-even ({@link Math#rint}), identical on the JVM and under TeaVM.
 */
public final class Int8Quantizer {
    private Int8Quantizer() {
    }

    /**
     * @param w      [channels, perChannel] at off
     * @param q      [channels * perChannel] written
     * @param scales [channels] written
     */
    public static void quantize(float[] w, int off, int channels, int perChannel, byte[] q, float[] scales) {
        for (int o = 0; o < channels; o++) {
            float max = 0;
            for (int i = 0; i < perChannel; i++) max = Math.max(max, Math.abs(w[off + o * perChannel + i]));
            float scale = max / 127f;
            scales[o] = scale;
            for (int i = 0; i < perChannel; i++) {
                double v = scale == 0 ? 0 : Math.rint(w[off + o * perChannel + i] / scale);
                q[o * perChannel + i] = (byte) Math.max(-127, Math.min(127, v));
            }
        }
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
