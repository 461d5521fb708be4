package dev.numera.bench.kernels;

/**
 * The benchmarks' synthetic camera box: a 28x28 digit (ink-high 0..1) upscaled, printed dark on
 * unevenly lit paper (paper 150..220 across the box, ink at 25 % of the paper's brightness), with a
 * slight colour cast and {@link #SENSOR_NOISE} per channel. One definition for the browser runner's
 * generated box, JMH's recognizer benchmark and the kernel set's image steps; TeaVM-safe, so the
 * kernel pages build the same box.
 */
public final class CameraBox {
    /**
     * Per-channel sensor noise, uniform in [-n, n] grey levels (a webcam's in room light): without it
     * the brightest channel would be the same in every pixel, and code that branches on pixel values
     * would look faster than it is on a real frame.
     */
    public static final int SENSOR_NOISE = 6;

    private CameraBox() {
    }

    /**
     * @param digit [.., 28, 28] ink-high 0..1, the digit at {@code off}
     * @return [4 * size * size] RGBA bytes, row-major, opaque
     */
    public static byte[] rgba(float[] digit, int off, int size) {
        float[] ink = upscale(digit, off, size);
        byte[] rgba = new byte[size * size * 4];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float paper = 150 + 70f * (x + y) / (2 * size);
                float v = paper * (1 - 0.75f * ink[y * size + x]);
                int i = (y * size + x) * 4;
                rgba[i] = sensor(v * 1.02f, i);
                rgba[i + 1] = sensor(v, i + 1);
                rgba[i + 2] = sensor(v * 0.95f, i + 2);
                rgba[i + 3] = (byte) 255;
            }
        }
        return rgba;
    }

    /** Level v plus the noise of byte n of the box (a fixed hash of n: the same box every time), clamped. */
    private static byte sensor(float v, int n) {
        int h = n * 0x9E3779B1;
        h ^= h >>> 15;
        h *= 0x85EBCA77;
        h ^= h >>> 13;
        int noise = Math.floorMod(h, 2 * SENSOR_NOISE + 1) - SENSOR_NOISE;
        return (byte) Math.max(0, Math.min(255, Math.round(v) + noise));
    }

    /** Bilinear upscale of the 28x28 digit at {@code off} to size x size, ink-high 0..1. */
    public static float[] upscale(float[] digit, int off, int size) {
        float[] out = new float[size * size];
        float scale = 28f / size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float sx = (x + 0.5f) * scale - 0.5f, sy = (y + 0.5f) * scale - 0.5f;
                int x0 = (int) Math.floor(sx), y0 = (int) Math.floor(sy);
                float fx = sx - x0, fy = sy - y0;
                out[y * size + x] = (1 - fy) * ((1 - fx) * px(digit, off, x0, y0) + fx * px(digit, off, x0 + 1, y0))
                        + fy * ((1 - fx) * px(digit, off, x0, y0 + 1) + fx * px(digit, off, x0 + 1, y0 + 1));
            }
        }
        return out;
    }

    private static float px(float[] d, int off, int x, int y) {
        return x < 0 || y < 0 || x >= 28 || y >= 28 ? 0f : d[off + y * 28 + x];
    }
}
