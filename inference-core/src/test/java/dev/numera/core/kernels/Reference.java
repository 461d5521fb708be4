package dev.numera.core.kernels;

/**
 * Naive double-precision reference implementations, written straight from the math with bounds
 * checks per pixel: the independent oracle for the kernels' forward passes and, through central
 * finite differences, for their backward passes.
 */
final class Reference {
    private Reference() {
    }

    static double[] conv2d(double[] in, double[] w, double[] bias, int n, int c, int h, int wd, int oc, int k, int s, int p) {
        int oh = (h + 2 * p - k) / s + 1, ow = (wd + 2 * p - k) / s + 1;
        double[] out = new double[n * oc * oh * ow];
        for (int b = 0; b < n; b++)
            for (int o = 0; o < oc; o++)
                for (int y = 0; y < oh; y++)
                    for (int x = 0; x < ow; x++) {
                        double acc = bias[o];
                        for (int ci = 0; ci < c; ci++)
                            for (int ky = 0; ky < k; ky++)
                                for (int kx = 0; kx < k; kx++) {
                                    int iy = y * s + ky - p, ix = x * s + kx - p;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= wd) continue;
                                    acc += w[((o * c + ci) * k + ky) * k + kx] * in[((b * c + ci) * h + iy) * wd + ix];
                                }
                        out[((b * oc + o) * oh + y) * ow + x] = acc;
                    }
        return out;
    }

    static double[] maxPool(double[] in, int n, int c, int h, int w, int size, int s) {
        int oh = (h - size) / s + 1, ow = (w - size) / s + 1;
        double[] out = new double[n * c * oh * ow];
        for (int pl = 0; pl < n * c; pl++)
            for (int y = 0; y < oh; y++)
                for (int x = 0; x < ow; x++) {
                    double m = Double.NEGATIVE_INFINITY;
                    for (int ky = 0; ky < size; ky++)
                        for (int kx = 0; kx < size; kx++) m = Math.max(m, in[(pl * h + y * s + ky) * w + x * s + kx]);
                    out[(pl * oh + y) * ow + x] = m;
                }
        return out;
    }

    static double[] dense(double[] in, double[] w, double[] bias, int n, int inF, int outF) {
        double[] out = new double[n * outF];
        for (int b = 0; b < n; b++)
            for (int j = 0; j < outF; j++) {
                double acc = bias[j];
                for (int i = 0; i < inF; i++) acc += w[j * inF + i] * in[b * inF + i];
                out[b * outF + j] = acc;
            }
        return out;
    }

    static double[] relu(double[] in) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = Math.max(0, in[i]);
        return out;
    }

    static double[] sigmoid(double[] in) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = 1 / (1 + Math.exp(-in[i]));
        return out;
    }

    /** Training-mode batchnorm: batch statistics over (n, hw) per channel, biased variance. */
    static double[] batchNormTraining(double[] in, double[] gamma, double[] beta, int n, int c, int hw, double eps) {
        double[] out = new double[in.length];
        for (int ch = 0; ch < c; ch++) {
            double mean = 0, var = 0;
            for (int b = 0; b < n; b++) for (int i = 0; i < hw; i++) mean += in[(b * c + ch) * hw + i];
            mean /= n * hw;
            for (int b = 0; b < n; b++) for (int i = 0; i < hw; i++) var += Math.pow(in[(b * c + ch) * hw + i] - mean, 2);
            var /= n * hw;
            for (int b = 0; b < n; b++)
                for (int i = 0; i < hw; i++) {
                    int at = (b * c + ch) * hw + i;
                    out[at] = gamma[ch] * (in[at] - mean) / Math.sqrt(var + eps) + beta[ch];
                }
        }
        return out;
    }

    static double[] softmax(double[] z, int n, int k, double t) {
        double[] p = new double[z.length];
        for (int b = 0; b < n; b++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int i = 0; i < k; i++) max = Math.max(max, z[b * k + i]);
            for (int i = 0; i < k; i++) sum += Math.exp((z[b * k + i] - max) / t);
            for (int i = 0; i < k; i++) p[b * k + i] = Math.exp((z[b * k + i] - max) / t) / sum;
        }
        return p;
    }

    static double crossEntropy(double[] p, byte[] labels, int n, int k) {
        double l = 0;
        for (int b = 0; b < n; b++) l -= Math.log(p[b * k + labels[b]]);
        return l / n;
    }

    static double mse(double[] a, byte[] labels, int n, int k) {
        double l = 0;
        for (int b = 0; b < n; b++) for (int i = 0; i < k; i++) l += Math.pow(a[b * k + i] - (i == labels[b] ? 1 : 0), 2);
        return l / n;
    }

    // ------------------------------------------------------------ helpers

    /** Deterministic pseudo-random values in [-1, 1). */
    static float[] random(int n, int seed) {
        float[] v = new float[n];
        int x = seed * 0x9E3779B9 | 1;
        for (int i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            v[i] = (x >>> 8) * (2f / (1 << 24)) - 1f;
        }
        return v;
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Relative error with an absolute floor: |a - n| / max(|a| + |n|, floor). */
    static double relErr(double a, double n, double floor) {
        return Math.abs(a - n) / Math.max(Math.abs(a) + Math.abs(n), floor);
    }
}
