package dev.numera.core.kernels;

/**
 * Max pooling over size x size windows with a stride, no padding, floor mode.
 * <pre>  out[b,c,y,x] = max_{ky,kx < size} in[b,c, y*s+ky, x*s+kx]  </pre>
 * The backward pass routes each output gradient to the first maximum of its window,
 * found again from the input, so no argmax buffer is kept.
 */
public final class MaxPool2d {
    private MaxPool2d() {
    }

    public static int outSize(int in, int size, int stride) {
        return (in - size) / stride + 1;
    }

    /**
     * @param out [n, c, oh, ow] overwritten
     * @param in  [n, c, h, w]
     */
    public static void forward(float[] out, float[] in, int n, int c, int h, int w, int size, int s) {
        int oh = outSize(h, size, s), ow = outSize(w, size, s);
        if (size == 2 && s == 2) {
            forward2x2(out, in, n * c, h, w, oh, ow);
            return;
        }
        for (int plane = 0; plane < n * c; plane++) {
            int inBase = plane * h * w, outBase = plane * oh * ow;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    out[outBase + y * ow + x] = in[argmax(in, inBase, w, y * s, x * s, size)];
                }
            }
        }
    }

    // the common 2x2, stride 2 window unrolled: the generic loop's per-window call and loop overhead
    // made it 1.5-3x slower in Wasm GC (measured); same first-maximum rule, so the same value bit for bit
    private static void forward2x2(float[] out, float[] in, int planes, int h, int w, int oh, int ow) {
        for (int plane = 0; plane < planes; plane++) {
            int inBase = plane * h * w, o = plane * oh * ow;
            for (int y = 0; y < oh; y++) {
                for (int x = 0, i = inBase + 2 * y * w; x < ow; x++, i += 2) {
                    float m = in[i];
                    if (in[i + 1] > m) m = in[i + 1];
                    if (in[i + w] > m) m = in[i + w];
                    if (in[i + w + 1] > m) m = in[i + w + 1];
                    out[o++] = m;
                }
            }
        }
    }

    /**
     * din[argmax of window] += dout[b,c,y,x]
     * @param din  [n, c, h, w] accumulated
     * @param dout [n, c, oh, ow]
     * @param in   [n, c, h, w] the forward input
     */
    public static void backward(float[] din, float[] dout, float[] in, int n, int c, int h, int w, int size, int s) {
        int oh = outSize(h, size, s), ow = outSize(w, size, s);
        for (int plane = 0; plane < n * c; plane++) {
            int inBase = plane * h * w, outBase = plane * oh * ow;
            for (int y = 0; y < oh; y++) {
                for (int x = 0; x < ow; x++) {
                    din[argmax(in, inBase, w, y * s, x * s, size)] += dout[outBase + y * ow + x];
                }
            }
        }
    }

    // index of the first maximum in the window whose top-left corner is (y0, x0)
    private static int argmax(float[] in, int base, int w, int y0, int x0, int size) {
        int best = base + y0 * w + x0;
        float m = in[best];
        for (int ky = 0; ky < size; ky++) {
            int row = base + (y0 + ky) * w + x0;
            for (int kx = 0; kx < size; kx++) {
                if (in[row + kx] > m) {
                    m = in[row + kx];
                    best = row + kx;
                }
            }
        }
        return best;
    }
}
