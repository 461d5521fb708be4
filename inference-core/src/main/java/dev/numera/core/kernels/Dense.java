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
        // out[n, outF] = in[n, inF] . W^T[inF, outF], then + bias
        Gemm.multiply(out, 0, outF, false, in, 0, inF, 1, p, wOff, 1, inF, n, outF, inF);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < outF; j++) out[b * outF + j] += p[bOff + j];
        }
    }

    /**
     * Accumulates (+=):
     * <pre>
     *   din[b,i] += sum_j w[j,i] * dout[b,j]       din += dout . W
     *   dw[j,i]  += sum_b dout[b,j] * in[b,i]       dW  += dout^T . in
     *   dbias[j] += sum_b dout[b,j]
     * </pre>
     * @param din  [n, inF] accumulated, or null when the input needs no gradient
     * @param g    gradients, same layout as p
     * @param dout [n, outF]
     * @param in   [n, inF] the forward input
     * @param p    weight [outF, inF] at wOff, bias [outF] at bOff
     */
    public static void backward(float[] din, float[] g, float[] dout, float[] in, float[] p, int wOff, int bOff,
                                int n, int inF, int outF) {
        Gemm.multiply(g, wOff, inF, true, dout, 0, 1, outF, in, 0, inF, 1, outF, inF, n);
        for (int b = 0; b < n; b++) {
            for (int j = 0; j < outF; j++) g[bOff + j] += dout[b * outF + j];
        }
        if (din != null) Gemm.multiply(din, 0, inF, true, dout, 0, outF, 1, p, wOff, inF, 1, n, inF, outF);
    }
}
