package dev.numera.core.kernels;

/**
 * Fully connected layer. Weight layout [out, in] (as in PyTorch and ONNX Gemm with transB=1).
 * <pre>  out[b,j] = bias[j] + sum_i w[j,i] * in[b,i]  </pre>
 */
public final class Dense {
    private Dense() {
    }

    /**
     * @param out [n, outF] overwritten
     * @param in  [n, inF]
     * @param p   weight [outF, inF] at wOff, bias [outF] at bOff
     */
    public static void forward(float[] out, float[] in, float[] p, int wOff, int bOff, int n, int inF, int outF) {
        for (int b = 0; b < n; b++) {
            int inBase = b * inF;
            for (int j = 0; j < outF; j++) {
                int wRow = wOff + j * inF;
                float acc = 0;
                for (int i = 0; i < inF; i++) acc += p[wRow + i] * in[inBase + i];
                out[b * outF + j] = acc + p[bOff + j];
            }
        }
    }

    /**
     * Accumulates (+=):
     * <pre>
     *   din[b,i] += sum_j w[j,i] * dout[b,j]
     *   dw[j,i]  += sum_b dout[b,j] * in[b,i]
     *   dbias[j] += sum_b dout[b,j]
     * </pre>
     * @param din  [n, inF] accumulated, or null when the input needs no gradient
     * @param g    gradients, same layout as p
     * @param dout [n, outF]
     * @param in   [n, inF] the forward input
     */
    public static void backward(float[] din, float[] g, float[] dout, float[] in, float[] p, int wOff, int bOff,
                                int n, int inF, int outF) {
        for (int b = 0; b < n; b++) {
            int inBase = b * inF;
            for (int j = 0; j < outF; j++) {
                float d = dout[b * outF + j];
                if (d == 0) continue;                   // after ReLU most gradients are exactly 0
                int wRow = wOff + j * inF;
                g[bOff + j] += d;
                for (int i = 0; i < inF; i++) g[wRow + i] += d * in[inBase + i];
                if (din != null) {
                    for (int i = 0; i < inF; i++) din[inBase + i] += p[wRow + i] * d;
                }
            }
        }
    }
}
