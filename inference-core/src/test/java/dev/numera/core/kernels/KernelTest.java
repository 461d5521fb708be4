package dev.numera.core.kernels;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.Function;

import static dev.numera.core.kernels.Reference.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Every kernel: forward against the naive double reference, a hand-computed case, and backward
 * against central finite differences of the reference in double precision
 * (loss = sum(R * out) for a fixed random R, so dL/dout = R).
 */
class KernelTest {
    static final double EPS = 1e-6;     // finite-difference step, in double
    static final double TOL = 1e-3;     // relative error allowed (the analytic side is float32)
    static final double FLOOR = 1e-4;   // absolute floor of the relative error's denominator

    static void assertClose(double[] want, float[] got, int count, double tol, String what) {
        for (int i = 0; i < count; i++) {
            assertTrue(relErr(got[i], want[i], 1.0) <= tol, what + " [" + i + "]: got " + got[i] + ", want " + want[i]);
        }
    }

    /** Central differences of L(x) = R . f(x) at x, in double, compared with the analytic gradient. */
    static void gradCheck(double[] x, double[] r, Function<double[], double[]> f, float[] analytic, String what) {
        for (int i = 0; i < x.length; i++) {
            double keep = x[i];
            x[i] = keep + EPS;
            double up = dot(r, f.apply(x));
            x[i] = keep - EPS;
            double down = dot(r, f.apply(x));
            x[i] = keep;
            double numeric = (up - down) / (2 * EPS);
            double err = relErr(analytic[i], numeric, FLOOR);
            assertTrue(err < TOL, what + " [" + i + "]: analytic " + analytic[i] + ", numeric " + numeric);
        }
    }

    // ------------------------------------------------------------ Conv2d

    @ParameterizedTest(name = "n{0} c{1} {2}x{3} oc{4} k{5} s{6} p{7}")
    @CsvSource({"2,3,7,6,4,3,1,1", "1,2,9,9,3,5,1,2", "2,2,8,7,3,3,2,0", "1,3,6,5,2,2,2,1", "1,1,5,5,2,1,1,0"})
    void conv2dMatchesReferenceAndFiniteDifferences(int n, int c, int h, int w, int oc, int k, int s, int p) {
        int oh = Conv2d.outSize(h, k, s, p), ow = Conv2d.outSize(w, k, s, p);
        float[] in = random(n * c * h * w, 1), params = random(oc * c * k * k + oc, 2);
        int bOff = oc * c * k * k;
        float[] out = new float[n * oc * oh * ow];
        Conv2d.forward(out, in, params, 0, bOff, n, c, h, w, oc, k, s, p);
        double[] dIn = toDouble(in), dW = new double[bOff], dB = new double[oc];
        for (int i = 0; i < bOff; i++) dW[i] = params[i];
        for (int i = 0; i < oc; i++) dB[i] = params[bOff + i];
        assertClose(conv2d(dIn, dW, dB, n, c, h, w, oc, k, s, p), out, out.length, 1e-5, "conv forward");

        float[] r = random(out.length, 3), din = new float[in.length], g = new float[params.length];
        Conv2d.backward(din, g, r, in, params, 0, bOff, n, c, h, w, oc, k, s, p);
        double[] rd = toDouble(r);
        gradCheck(dIn, rd, x -> conv2d(x, dW, dB, n, c, h, w, oc, k, s, p), din, "conv dInput");
        float[] gw = java.util.Arrays.copyOfRange(g, 0, bOff), gb = java.util.Arrays.copyOfRange(g, bOff, g.length);
        gradCheck(dW, rd, x -> conv2d(dIn, x, dB, n, c, h, w, oc, k, s, p), gw, "conv dWeight");
        gradCheck(dB, rd, x -> conv2d(dIn, dW, x, n, c, h, w, oc, k, s, p), gb, "conv dBias");
    }

    @ParameterizedTest(name = "n{0} c{1} {2}x{3} oc{4} k{5} s{6} p{7}")
    @CsvSource({"2,3,7,6,4,3,1,1", "1,2,9,9,3,5,1,2", "2,2,8,7,3,3,2,0", "1,3,6,5,2,2,2,1", "1,1,5,5,2,1,1,0"})
    void conv2dGemmEqualsTheDirectKernel(int n, int c, int h, int w, int oc, int k, int s, int p) {
        int oh = Conv2d.outSize(h, k, s, p), ow = Conv2d.outSize(w, k, s, p);
        float[] in = random(n * c * h * w, 31), params = random(oc * c * k * k + oc, 32), dout = random(n * oc * oh * ow, 33);
        int bOff = oc * c * k * k;
        float[] a = new float[n * oc * oh * ow], b = new float[a.length], scratch = new float[Conv2dGemm.scratchSize(c, h, w, k, s, p)];
        Conv2d.forward(a, in, params, 0, bOff, n, c, h, w, oc, k, s, p);
        Conv2dGemm.forward(b, in, params, 0, bOff, scratch, n, c, h, w, oc, k, s, p);
        assertArrayEquals(a, b, 1e-5f);
        float[] dinA = new float[in.length], dinB = new float[in.length], gA = new float[params.length], gB = new float[params.length];
        Conv2d.backward(dinA, gA, dout, in, params, 0, bOff, n, c, h, w, oc, k, s, p);
        Conv2dGemm.backward(dinB, gB, dout, in, params, 0, bOff, scratch, n, c, h, w, oc, k, s, p);
        assertArrayEquals(dinA, dinB, 1e-5f);
        assertArrayEquals(gA, gB, 1e-4f);
    }

    @ParameterizedTest(name = "n{0} c{1} {2}x{3} oc{4} k{5} p{6}")
    @CsvSource({"1,1,28,28,16,5,2", "2,3,7,6,5,3,1", "1,2,9,9,3,5,2", "1,1,5,5,2,1,0", "2,4,6,7,6,2,0", "1,3,4,4,4,4,1", "3,2,3,9,9,3,0"})
    void conv2dImplicitGemmEqualsIm2colBitForBit(int n, int c, int h, int w, int oc, int k, int p) {
        int oh = Conv2d.outSize(h, k, 1, p), ow = Conv2d.outSize(w, k, 1, p);
        float[] in = random(n * c * h * w, 51), params = random(oc * c * k * k + oc + 5, 52);
        int wOff = 5, bOff = wOff + oc * c * k * k;           // weights not at 0: offsets are honoured
        float[] gemm = new float[n * oc * oh * ow], got = random(gemm.length, 53);
        Conv2dGemm.forward(gemm, in, params, wOff, bOff, new float[Conv2dGemm.scratchSize(c, h, w, k, 1, p)], n, c, h, w, oc, k, 1, p);
        float[] scratch = new float[Conv2dImplicitGemm.scratchSize(c, h, w, p)];
        java.util.Arrays.fill(scratch, Float.NaN);           // the zero frame must be written, not assumed
        Conv2dImplicitGemm.forward(got, in, params, wOff, bOff, scratch, n, c, h, w, oc, k, p);
        assertArrayEquals(gemm, got, 0f);                    // same products summed in the same order
        double[] dW = new double[oc * c * k * k], dB = new double[oc];
        for (int i = 0; i < dW.length; i++) dW[i] = params[wOff + i];
        for (int i = 0; i < oc; i++) dB[i] = params[bOff + i];
        double[] want = conv2d(toDouble(in), dW, dB, n, c, h, w, oc, k, 1, p);
        for (int i = 0; i < got.length; i++) assertEquals(want[i], got[i], 1e-5, "implicit gemm vs reference [" + i + "]");
    }

    @ParameterizedTest(name = "n{0} c{1} {2}x{3} oc{4}")
    @CsvSource({"1,16,14,14,32", "1,32,7,7,64", "2,5,7,6,3", "1,4,1,1,1", "1,6,2,3,7", "3,9,5,9,6", "1,1,4,4,2", "2,3,8,8,5", "1,7,13,10,9"})
    void conv2dWinogradEqualsTheReference(int n, int c, int h, int w, int oc) {
        float[] in = random(n * c * h * w, 41), params = random(oc * c * 9 + oc + 7, 42);
        int wOff = 7, bOff = wOff + oc * c * 9;              // weights not at 0: offsets are honoured
        float[] u = new float[Conv2dWinograd.weightSize(c, oc)], scratch = new float[Conv2dWinograd.scratchSize(c, h, w, oc)];
        java.util.Arrays.fill(scratch, Float.NaN);           // leftovers must never leak into the result
        Conv2dWinograd.transformWeights(u, params, wOff, c, oc, scratch);
        float[] from = java.util.Arrays.copyOfRange(params, wOff, bOff);
        assertTrue(Conv2dWinograd.unchanged(from, params, wOff, c, oc));
        for (int at : new int[]{0, from.length / 2, from.length - 1}) {      // the tail after the 4-float steps too
            from[at] += 1e-3f;
            assertFalse(Conv2dWinograd.unchanged(from, params, wOff, c, oc), "changed weight " + at);
            from[at] = params[wOff + at];
        }
        float[] got = random(n * oc * h * w, 43), direct = new float[got.length];
        Conv2dWinograd.forward(got, in, u, params, bOff, scratch, n, c, h, w, oc);
        Conv2d.forward(direct, in, params, wOff, bOff, n, c, h, w, oc, 3, 1, 1);
        double[] dW = new double[oc * c * 9], dB = new double[oc];
        for (int i = 0; i < dW.length; i++) dW[i] = params[wOff + i];
        for (int i = 0; i < oc; i++) dB[i] = params[bOff + i];
        double[] want = conv2d(toDouble(in), dW, dB, n, c, h, w, oc, 3, 1, 1);
        double scale = 0;
        for (double v : want) scale = Math.max(scale, Math.abs(v));
        // the transforms reassociate and scale by up to 8: errors within 1e-5 of the layer's largest output
        for (int i = 0; i < got.length; i++) {
            assertEquals(want[i], got[i], 1e-5 * scale, "winograd [" + i + "]");
            assertEquals(direct[i], got[i], 1e-5 * scale, "winograd vs Conv2d [" + i + "]");
        }
    }

    @Test
    void conv2dHandComputed() {
        // 1 channel 3x3 input 1..9, kernel [[1,0],[0,-1]], bias 0.5, stride 1, no padding:
        // out[y,x] = in[y,x] - in[y+1,x+1] + 0.5 = -4 + 0.5 everywhere
        float[] in = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        float[] p = {1, 0, 0, -1, 0.5f};
        float[] out = new float[4];
        Conv2d.forward(out, in, p, 0, 4, 1, 1, 3, 3, 1, 2, 1, 0);
        assertArrayEquals(new float[]{-3.5f, -3.5f, -3.5f, -3.5f}, out);
        // padding 1 with a 3x3 all-ones kernel sums each 3x3 neighbourhood: corner (0,0) = 1+2+4+5 = 12, centre = 45
        float[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
        float[] out2 = new float[9];
        Conv2d.forward(out2, in, ones, 0, 9, 1, 1, 3, 3, 1, 3, 1, 1);
        assertEquals(12f, out2[0]);
        assertEquals(45f, out2[4]);
        assertEquals(28f, out2[8]);   // 5+6+8+9
        // gradient of the sum of outputs w.r.t. the bias = number of outputs; w.r.t. w[0,0] = sum of in[0..1,0..1] = 12
        float[] g = new float[5], din = new float[9];
        Conv2d.backward(din, g, new float[]{1, 1, 1, 1}, in, p, 0, 4, 1, 1, 3, 3, 1, 2, 1, 0);
        assertEquals(4f, g[4]);
        assertEquals(12f, g[0]);
        assertEquals(28f, g[3]);   // dw[1,1] = sum of in[1..2,1..2] = 5+6+8+9
        assertArrayEquals(new float[]{1, 1, 0, 1, 0, -1, 0, -1, -1}, din);
    }

    // ------------------------------------------------------------ MaxPool2d

    @ParameterizedTest(name = "{0}x{1} size{2} s{3}")
    @CsvSource({"6,6,2,2", "7,5,2,2", "6,6,3,1", "9,8,3,3"})
    void maxPoolMatchesReferenceAndFiniteDifferences(int h, int w, int size, int s) {
        int n = 2, c = 3, oh = MaxPool2d.outSize(h, size, s), ow = MaxPool2d.outSize(w, size, s);
        float[] in = random(n * c * h * w, 4), out = new float[n * c * oh * ow];
        MaxPool2d.forward(out, in, n, c, h, w, size, s);
        double[] din0 = toDouble(in);
        assertClose(maxPool(din0, n, c, h, w, size, s), out, out.length, 0, "pool forward");
        float[] r = random(out.length, 5), din = new float[in.length];
        MaxPool2d.backward(din, r, in, n, c, h, w, size, s);
        gradCheck(din0, toDouble(r), x -> maxPool(x, n, c, h, w, size, s), din, "pool dInput");
    }

    @Test
    void maxPoolHandComputed() {
        float[] in = {1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 1, 1, 9, 0, 1, 7};   // 4x4
        float[] out = new float[4];
        MaxPool2d.forward(out, in, 1, 1, 4, 4, 2, 2);
        assertArrayEquals(new float[]{5, 8, 9, 7}, out);
        float[] din = new float[16];
        MaxPool2d.backward(din, new float[]{1, 2, 3, 4}, in, 1, 1, 4, 4, 2, 2);
        assertEquals(1f, din[1]);
        assertEquals(2f, din[6]);
        assertEquals(3f, din[12]);
        assertEquals(4f, din[15]);
        assertEquals(10f, sum(din));
    }

    /**
     * A window's maximum is its first one in raster order: backward routes the gradient there, and the
     * forward's value is that element's, bit for bit (-0.0 before 0.0 stays -0.0), in the unrolled 2x2
     * path and in the generic one.
     */
    @Test
    void maxPoolTiesGoToTheFirstMaximum() {
        float[] in = {1, 1, 0, 3, 1, 1, 3, 3, 2, 0, 0, 0, 2, 1, 5, 5};   // 4x4: every 2x2 window has a tie
        float[] din = new float[16];
        MaxPool2d.backward(din, new float[]{1, 2, 3, 4}, in, 1, 1, 4, 4, 2, 2);
        assertArrayEquals(new float[]{1, 0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 4, 0}, din);
        float[] flat = {1, 1, 1, 1, 1, 1};                              // 2x3, size 2 stride 1: two windows, all ties
        din = new float[6];
        MaxPool2d.backward(din, new float[]{1, 2}, flat, 1, 1, 2, 3, 2, 1);
        assertArrayEquals(new float[]{1, 2, 0, 0, 0, 0}, din);

        float[] zeros = {-0f, 0f, 0f, 0f};
        float[] out = new float[1];
        MaxPool2d.forward(out, zeros, 1, 1, 2, 2, 2, 2);                 // the unrolled 2x2, stride 2
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(out[0]), "2x2: " + out[0]);
        MaxPool2d.forward(out, zeros, 1, 1, 2, 2, 2, 1);                 // the generic loop
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(out[0]), "generic: " + out[0]);
    }

    // ------------------------------------------------------------ Dense

    @Test
    void denseMatchesReferenceAndFiniteDifferences() {
        int n = 3, inF = 11, outF = 7;
        float[] in = random(n * inF, 6), p = random(outF * inF + outF, 7), out = new float[n * outF];
        int bOff = outF * inF;
        Dense.forward(out, in, p, 0, bOff, n, inF, outF);
        double[] dIn = toDouble(in), dW = toDouble(java.util.Arrays.copyOf(p, bOff)), dB = toDouble(java.util.Arrays.copyOfRange(p, bOff, p.length));
        assertClose(dense(dIn, dW, dB, n, inF, outF), out, out.length, 1e-5, "dense forward");
        float[] r = random(out.length, 8), din = new float[in.length], g = new float[p.length];
        Dense.backward(din, g, r, in, p, 0, bOff, n, inF, outF);
        double[] rd = toDouble(r);
        gradCheck(dIn, rd, x -> dense(x, dW, dB, n, inF, outF), din, "dense dInput");
        gradCheck(dW, rd, x -> dense(dIn, x, dB, n, inF, outF), java.util.Arrays.copyOf(g, bOff), "dense dWeight");
        gradCheck(dB, rd, x -> dense(dIn, dW, x, n, inF, outF), java.util.Arrays.copyOfRange(g, bOff, g.length), "dense dBias");
    }

    @Test
    void denseHandComputed() {
        // w = [[1, 2], [3, 4], [-1, 0]], b = [0.5, 0, 1], in = [2, -1] → out = [0.5, 2, -1]
        float[] p = {1, 2, 3, 4, -1, 0, 0.5f, 0, 1};
        float[] out = new float[3];
        Dense.forward(out, new float[]{2, -1}, p, 0, 6, 1, 2, 3);
        assertArrayEquals(new float[]{0.5f, 2f, -1f}, out);
        float[] din = new float[2], g = new float[9];
        Dense.backward(din, g, new float[]{1, 0, 2}, new float[]{2, -1}, p, 0, 6, 1, 2, 3);
        assertArrayEquals(new float[]{-1, 2}, din);                // w^T . dout = [1 - 2, 2 + 0]
        assertArrayEquals(new float[]{2, -1, 0, 0, 4, -2, 1, 0, 2}, g);
    }

    // ------------------------------------------------------------ element-wise

    @Test
    void reluAndSigmoid() {
        float[] in = random(50, 9);
        for (int i = 0; i < in.length; i++) if (Math.abs(in[i]) < 1e-3) in[i] = 0.5f;   // keep away from the kink
        float[] out = new float[50], r = random(50, 10);
        Relu.forward(out, in, 50);
        assertClose(relu(toDouble(in)), out, 50, 0, "relu forward");
        float[] din = new float[50];
        Relu.backward(din, r, out, 50);
        gradCheck(toDouble(in), toDouble(r), Reference::relu, din, "relu dInput");

        Sigmoid.forward(out, in, 50);
        assertClose(sigmoid(toDouble(in)), out, 50, 1e-6, "sigmoid forward");
        din = new float[50];
        Sigmoid.backward(din, r, out, 50);
        gradCheck(toDouble(in), toDouble(r), Reference::sigmoid, din, "sigmoid dInput");

        float[] hand = new float[3];
        Relu.forward(hand, new float[]{-2, 0, 3}, 3);
        assertArrayEquals(new float[]{0, 0, 3}, hand);
        Sigmoid.forward(hand, new float[]{0, (float) Math.log(3), -(float) Math.log(3)}, 3);
        assertArrayEquals(new float[]{0.5f, 0.75f, 0.25f}, hand, 1e-7f);
    }

    // ------------------------------------------------------------ BatchNorm

    @Test
    void batchNormTrainingMatchesReferenceAndFiniteDifferences() {
        int n = 4, c = 3, hw = 5;
        float[] in = random(n * c * hw, 11), out = new float[in.length];
        float[] p = new float[4 * c];
        float[] gb = random(2 * c, 12);
        for (int i = 0; i < c; i++) {
            p[i] = 1 + 0.5f * gb[i];
            p[c + i] = gb[c + i];
            p[3 * c + i] = 1;
        }
        float[] mean = new float[c], invStd = new float[c];
        float eps = 1e-5f;
        BatchNorm.forwardTraining(out, in, p, 0, n, c, hw, eps, mean, invStd, 0f);
        double[] gamma = toDouble(java.util.Arrays.copyOf(p, c)), beta = toDouble(java.util.Arrays.copyOfRange(p, c, 2 * c));
        double[] dIn = toDouble(in);
        assertClose(batchNormTraining(dIn, gamma, beta, n, c, hw, eps), out, out.length, 1e-5, "bn forward");

        float[] r = random(out.length, 13), din = new float[in.length], g = new float[p.length];
        BatchNorm.backward(din, g, r, in, p, 0, n, c, hw, mean, invStd);
        double[] rd = toDouble(r);
        gradCheck(dIn, rd, x -> batchNormTraining(x, gamma, beta, n, c, hw, eps), din, "bn dInput");
        gradCheck(gamma, rd, x -> batchNormTraining(dIn, x, beta, n, c, hw, eps), java.util.Arrays.copyOf(g, c), "bn dGamma");
        gradCheck(beta, rd, x -> batchNormTraining(dIn, gamma, x, n, c, hw, eps), java.util.Arrays.copyOfRange(g, c, 2 * c), "bn dBeta");
    }

    @Test
    void batchNormRunningStatisticsInferenceAndFolding() {
        // hand case: one channel, values 1, 3 → mean 2, biased var 1, unbiased var 2
        float[] p = {2f, 1f, 0f, 1f};   // gamma 2, beta 1, running mean 0, running var 1
        float[] out = new float[2], mean = new float[1], invStd = new float[1];
        BatchNorm.forwardTraining(out, new float[]{1, 3}, p, 0, 2, 1, 1, 0f, mean, invStd, 0.5f);
        assertArrayEquals(new float[]{-1f, 3f}, out, 1e-6f);          // 2 * (±1) + 1
        assertEquals(1f, p[2], 1e-6f);                                 // 0.5 * 0 + 0.5 * 2
        assertEquals(1.5f, p[3], 1e-6f);                               // 0.5 * 1 + 0.5 * 2
        BatchNorm.forwardInference(out, new float[]{1, 3}, p, 0, 2, 1, 1, 0f);
        float s = 2f / (float) Math.sqrt(1.5);
        assertArrayEquals(new float[]{1f, 2 * s + 1f}, out, 1e-6f);

        // eps goes under the root with the variance, which the format allows to be 0: sqrt(0 + 0.25) = 0.5.
        // Channel 0 (gamma 2, beta 1, mean 1, var 0) is 4 (x - 1) + 1; channel 1 (gamma 1, beta 0, mean 0,
        // var 0.75) is x / sqrt(1)
        float[] q = {2f, 1f, 1f, 0f, 1f, 0f, 0f, 0.75f};
        float[] two = new float[4];
        BatchNorm.forwardInference(two, new float[]{3f, 0.5f, 2f, -4f}, q, 0, 1, 2, 2, 0.25f);
        assertArrayEquals(new float[]{9f, -1f, 2f, -4f}, two, 0f);

        // folding into a dense layer equals dense followed by inference batchnorm
        int inF = 5, outF = 4;
        float[] dp = random(outF * inF + outF, 14), x = random(inF, 15), bn = new float[4 * outF];
        float[] rr = random(4 * outF, 16);
        for (int o = 0; o < outF; o++) {
            bn[o] = 1 + rr[o] * 0.5f;
            bn[outF + o] = rr[outF + o];
            bn[2 * outF + o] = rr[2 * outF + o];
            bn[3 * outF + o] = 1 + Math.abs(rr[3 * outF + o]);
        }
        float[] y = new float[outF], z = new float[outF];
        Dense.forward(y, x, dp, 0, outF * inF, 1, inF, outF);
        BatchNorm.forwardInference(z, y, bn, 0, 1, outF, 1, 1e-5f);
        BatchNorm.fold(dp, 0, outF * inF, outF, inF, bn, 0, 1e-5f);
        Dense.forward(y, x, dp, 0, outF * inF, 1, inF, outF);
        assertArrayEquals(z, y, 1e-5f);
    }

    // ------------------------------------------------------------ Dropout, Flatten

    @Test
    void dropoutIsIdentityAtInferenceAndMasksInTraining() {
        float[] in = random(10000, 17), out = new float[10000], mask = new float[10000];
        Dropout.forward(out, in, null, 10000);
        assertArrayEquals(in, out);
        int next = Dropout.makeMask(mask, 10000, 0.3f, 42);
        assertNotEquals(42, next);
        int zeros = 0;
        for (float m : mask) {
            if (m == 0) zeros++;
            else assertEquals(1f / 0.7f, m, 1e-6f);
        }
        assertEquals(0.3, zeros / 10000.0, 0.02);
        Dropout.forward(out, in, mask, 10000);
        float[] din = new float[10000], dout = random(10000, 18);
        Dropout.backward(din, dout, mask, 10000);
        for (int i = 0; i < 10000; i++) {
            assertEquals(in[i] * mask[i], out[i], 0f);
            assertEquals(dout[i] * mask[i], din[i], 0f);
        }
        float[] again = new float[10000];
        Dropout.makeMask(again, 10000, 0.3f, 42);
        assertArrayEquals(mask, again, "same seed, same mask");
    }

    @Test
    void flattenCopiesAndAccumulates() {
        float[] in = random(24, 19), out = new float[24], din = new float[24];
        Flatten.forward(out, in, 24);
        assertArrayEquals(in, out);
        Flatten.backward(din, out, 24);
        Flatten.backward(din, out, 24);
        for (int i = 0; i < 24; i++) assertEquals(2 * in[i], din[i]);
    }

    // ------------------------------------------------------------ Softmax and losses

    @ParameterizedTest(name = "T = {0}")
    @CsvSource({"1", "2.5", "0.5"})
    void softmaxWithTemperature(float t) {
        int n = 3, k = 10;
        float[] z = random(n * k, 20), p = new float[n * k];
        for (int i = 0; i < z.length; i++) z[i] *= 4;
        Softmax.forward(p, z, n, k, t);
        double[] zd = toDouble(z);
        assertClose(softmax(zd, n, k, t), p, p.length, 1e-5, "softmax forward");
        float[] r = random(n * k, 21), dz = new float[n * k];
        Softmax.backward(dz, r, p, n, k, t);
        gradCheck(zd, toDouble(r), x -> softmax(x, n, k, t), dz, "softmax dLogits");
    }

    @Test
    void softmaxHandComputedAndStable() {
        float[] p = new float[3];
        Softmax.forward(p, new float[]{0, (float) Math.log(2), (float) Math.log(5)}, 1, 3, 1f);
        assertArrayEquals(new float[]{0.125f, 0.25f, 0.625f}, p, 1e-6f);
        Softmax.forward(p, new float[]{1000, 1000, -1000}, 1, 3, 1f);   // no overflow
        assertArrayEquals(new float[]{0.5f, 0.5f, 0f}, p, 1e-6f);
        Softmax.forward(p, new float[]{0, (float) Math.log(4), 0}, 1, 3, 2f);   // T=2: exp(log4/2)=2 → 1/4, 2/4, 1/4
        assertArrayEquals(new float[]{0.25f, 0.5f, 0.25f}, p, 1e-6f);
    }

    /** Against a stable sort of the classes by value, descending (a sort keeps tied classes in order: the lower first). */
    @Test
    void topClassesAgainstASort() {
        java.util.Random r = new java.util.Random(3);
        for (int trial = 0; trial < 500; trial++) {
            int k = 1 + r.nextInt(12), m = 1 + r.nextInt(k), offset = r.nextInt(3);
            float[] p = new float[offset + k];
            for (int i = 0; i < p.length; i++) p[i] = r.nextInt(6) / 5f;   // few levels: many ties
            Integer[] sorted = new Integer[k];
            for (int i = 0; i < k; i++) sorted[i] = i;
            java.util.Arrays.sort(sorted, (a, b) -> Float.compare(p[offset + b], p[offset + a]));
            int[] order = new int[m];
            Softmax.top(p, offset, k, order);
            for (int j = 0; j < m; j++) assertEquals(sorted[j], order[j], "trial " + trial + " place " + j);
        }
    }

    @Test
    void crossEntropyFusedGradient() {
        int n = 4, k = 10;
        float[] z = random(n * k, 22), p = new float[n * k];
        byte[] labels = {3, 0, 9, 5};
        Softmax.forward(p, z, n, k, 1f);
        double[] zd = toDouble(z);
        assertEquals(crossEntropy(softmax(zd, n, k, 1), labels, n, k), CrossEntropy.forward(z, labels, 0, n, k), 1e-6);
        float[] dz = new float[n * k];
        CrossEntropy.backward(dz, p, labels, 0, n, k);
        // the "R . f" trick with f = the scalar loss and R = [1]
        gradCheck(zd, new double[]{1}, x -> new double[]{crossEntropy(softmax(x, n, k, 1), labels, n, k)}, dz, "ce dLogits");
        // hand: equal logits over 10 classes → loss ln 10
        float[] equal = new float[10];
        java.util.Arrays.fill(equal, 3.5f);
        assertEquals(Math.log(10), CrossEntropy.forward(equal, new byte[]{7}, 0, 1, 10), 1e-6);
        // hand: logits [0, 200, 0], label 0 → log(2 + e^200) - 0 = 200 (to 1e-80); the probability underflows in float,
        // and a loss from it was capped at -log(1e-30) = 69.08
        assertEquals(200, CrossEntropy.forward(new float[]{0, 200, 0}, new byte[]{0}, 0, 1, 3), 1e-4);
        assertEquals(0, CrossEntropy.forward(new float[]{0, 200, 0}, new byte[]{1}, 0, 1, 3), 1e-6);
    }

    @Test
    void mseGradient() {
        int n = 3, k = 10;
        float[] a = random(n * k, 23);
        byte[] labels = {1, 4, 8};
        double[] ad = toDouble(a);
        assertEquals(mse(ad, labels, n, k), Mse.forward(a, labels, 0, n, k), 1e-6);
        float[] da = new float[n * k];
        Mse.backward(da, a, labels, 0, n, k);
        gradCheck(ad, new double[]{1}, x -> new double[]{mse(x, labels, n, k)}, da, "mse dOut");
        // hand: output 0.5 everywhere, label 0 → (0.25 + 9 * 0.25) / 1 = 2.5
        float[] half = new float[10];
        java.util.Arrays.fill(half, 0.5f);
        assertEquals(2.5f, Mse.forward(half, new byte[]{0}, 0, 1, 10), 1e-6f);
    }

    static float sum(float[] v) {
        float s = 0;
        for (float x : v) s += x;
        return s;
    }
}
