package dev.numera.bench.kernels;

import dev.numera.core.kernels.Conv2d;
import dev.numera.core.kernels.Conv2dGemm;
import dev.numera.core.kernels.Conv2dImplicitGemm;
import dev.numera.core.kernels.Conv2dWinograd;
import dev.numera.core.kernels.Dense;
import dev.numera.core.kernels.MaxPool2d;
import dev.numera.core.kernels.Relu;
import dev.numera.core.kernels.Softmax;
import dev.numera.core.image.AdaptiveThreshold;
import dev.numera.core.image.AreaDownscale;
import dev.numera.core.image.InkCheck;
import dev.numera.core.image.Luminance;
import dev.numera.core.image.MnistNormalizer;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Recognizer;

import java.util.Random;

/**
 * Each layer of the shipped network at batch 1, on the shapes it runs (BN folded into the convs):
 * <pre>
 *   28x28x1 → conv1 16 5x5 → relu1 → pool1 → 14x14x16 → conv2 32 3x3 → relu2 → pool2 → 7x7x32
 *           → conv3 64 3x3 → relu3 → pool3 → 576 → dense1 96 → relu4 → dense2 10 → softmax
 * </pre>
 * with conv1 as an implicit GEMM (inference's path) and on im2col (training's), conv2 and conv3 on
 * im2col (training's) and by Winograd (inference's; GFLOP/s counted on the direct multiply-adds),
 * Winograd's weight costs (transforming conv2's and conv3's
 * weights; the check {@link Sequential} makes per pass that they are unchanged), the direct
 * convolution for reference and the whole network as the app runs it; then the camera path's image
 * steps on a 140x140 box (threshold, ink check, downscale, normalisation) and the whole camera frame
 * through {@link Recognizer}. Random He-scaled weights.
 * TeaVM-safe: the same code runs on the JVM (in the browser runner, and under JMH in {@code KernelBench})
 * and, compiled by TeaVM, in the browser ({@link KernelPage}), so times compare like for like.
 */
public final class KernelSet {
    static final long CONV1 = 16L * 28 * 28 * 25, CONV2 = 32L * 14 * 14 * 16 * 9, CONV3 = 64L * 7 * 7 * 32 * 9, DENSE1 = 576L * 96, DENSE2 = 96L * 10;
    public static final String[] NAMES = {"conv1", "conv1Gemm", "relu1", "pool1", "conv2Direct", "conv2Gemm", "conv2Wino", "conv2WinoProducts", "relu2", "pool2",
            "conv3Gemm", "conv3Wino", "conv3WinoProducts", "relu3", "pool3", "dense1", "relu4", "dense2", "softmax", "winoWeights", "winoCheck", "network",
            "threshold", "inkCheck", "downscale", "normalize", "camera"};
    /** Multiply-adds per operation, same order as {@link #NAMES} (ReLU, pooling, softmax: none). */
    public static final long[] MACS = {CONV1, CONV1, 0, 0, CONV2, CONV2, CONV2, CONV2, 0, 0, CONV3, CONV3, CONV3, 0, 0, DENSE1, 0, DENSE2, 0, 0, 0,
            CONV1 + CONV2 + CONV3 + DENSE1 + DENSE2, 0, 0, 0, 0, CONV1 + CONV2 + CONV3 + DENSE1 + DENSE2};
    /** The shipped architecture after batchnorm folding. */
    public static final LayerSpec[] ARCH = {
            LayerSpec.conv2d(16, 5, 1, 2), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.conv2d(32, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.conv2d(64, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.flatten(), LayerSpec.dense(96), LayerSpec.relu(), LayerSpec.dropout(0.25f), LayerSpec.dense(10)};

    final float[] in1 = new float[28 * 28], out1 = new float[16 * 28 * 28], pooled1 = new float[16 * 14 * 14];
    final float[] out2 = new float[32 * 14 * 14], pooled2 = new float[32 * 7 * 7];
    final float[] out3 = new float[64 * 7 * 7], pooled3 = new float[64 * 3 * 3];
    final float[] hidden = new float[96], logits = new float[10], probs = new float[10];
    final float[] w1 = new float[16 * 25 + 16], w2 = new float[32 * 16 * 9 + 32], w3 = new float[64 * 32 * 9 + 64];
    final float[] wd1 = new float[96 * 576 + 96], wd2 = new float[10 * 96 + 10];
    final float[] scratch = new float[Math.max(Conv2dGemm.scratchSize(1, 28, 28, 5, 1, 2),
            Math.max(Conv2dGemm.scratchSize(16, 14, 14, 3, 1, 1), Conv2dGemm.scratchSize(32, 7, 7, 3, 1, 1)))];
    final float[] u2 = new float[Conv2dWinograd.weightSize(16, 32)], u3 = new float[Conv2dWinograd.weightSize(32, 64)];
    final float[] w2Of = new float[32 * 16 * 9], w3Of = new float[64 * 32 * 9];
    final float[] winoScratch = new float[Math.max(Conv2dWinograd.scratchSize(16, 14, 14, 32), Conv2dWinograd.scratchSize(32, 7, 7, 64))];
    final Sequential net = Sequential.create(new int[]{1, 28, 28}, ARCH, 1);
    // the camera pipeline's steps on a 140x140 box ({@link CameraBox} of in1, packed RGBA)
    final int[] box = new int[140 * 140];
    final float[] ink = new float[140 * 140], small = new float[28 * 28], normalised = new float[28 * 28];
    final AdaptiveThreshold threshold = new AdaptiveThreshold(140, 140);
    final InkCheck inkCheck = new InkCheck(140, 140);
    final AreaDownscale downscale = new AreaDownscale(140, 140, 28, 28);
    final MnistNormalizer normalizer = new MnistNormalizer(28, 28);
    final Recognizer recognizer = new Recognizer(net, 0.13f, 0.31f);

    /** @param digit [784] a 0..1 image (e.g. an MNIST digit), or null for a synthetic blob */
    public KernelSet(float[] digit) {
        Random r = new Random(1);
        he(r, w1, 16, 25);
        he(r, w2, 32, 16 * 9);
        he(r, w3, 64, 32 * 9);
        he(r, wd1, 96, 576);
        he(r, wd2, 10, 96);
        for (ParamTensor t : net.paramTensors()) {
            float sd = (float) Math.sqrt(2.0 / (t.length / t.outChannels()));
            for (int i = 0; i < t.length; i++) net.params()[t.offset + i] = t.name.endsWith(".weight") ? (float) r.nextGaussian() * sd : 0.01f;
        }
        net.freeze();   // inference only, like the recognizer's network: no per-pass check of the Winograd weights
        winoWeights();
        System.arraycopy(w2, 0, w2Of, 0, w2Of.length);
        System.arraycopy(w3, 0, w3Of, 0, w3Of.length);
        for (int i = 0; i < 784; i++) {
            int y = i / 28, x = i % 28;
            in1[i] = digit != null ? digit[i] : (float) Math.max(0, 1 - Math.abs(Math.hypot(x - 14, y - 14) - 7) / 2);
        }
        byte[] rgba = CameraBox.rgba(in1, 0, 140);
        for (int i = 0; i < box.length; i++) box[i] = Luminance.pack(rgba, 4 * i);
        // realistic activations for the later layers (and ink for the image steps): run every kernel once
        for (int i = 0; i < NAMES.length; i++) run(i);
        if (!recognizer.recognizeRgba(box, 140, 140, InputKind.CAMERA).hasDigit()) throw new IllegalStateException("the camera box reads as no digit");
    }

    // weights ~ N(0, 2 / fanIn) for [units, fanIn], then units small biases
    private static void he(Random r, float[] p, int units, int fanIn) {
        float sd = (float) Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < units * fanIn; i++) p[i] = (float) r.nextGaussian() * sd;
        for (int i = units * fanIn; i < p.length; i++) p[i] = 0.01f;
    }

    /** Index of a kernel name in {@link #NAMES}, or -1. */
    public static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }

    /** Runs kernel {@code i} once; returns a value that depends on the output (against dead-code elimination). */
    public float run(int i) {
        switch (i) {   // the order of NAMES
            case 0: return conv1()[5];
            case 1: return conv1Gemm()[5];
            case 2: return relu1()[5];
            case 3: return pool1()[5];
            case 4: return conv2Direct()[5];
            case 5: return conv2Gemm()[5];
            case 6: return conv2Wino()[5];
            case 7: return conv2WinoProducts()[5];
            case 8: return relu2()[5];
            case 9: return pool2()[5];
            case 10: return conv3Gemm()[5];
            case 11: return conv3Wino()[5];
            case 12: return conv3WinoProducts()[5];
            case 13: return relu3()[5];
            case 14: return pool3()[5];
            case 15: return dense1()[5];
            case 16: return relu4()[5];
            case 17: return dense2()[5];
            case 18: return softmax()[5];
            case 19: return winoWeights()[5];
            case 20: return winoCheck()[5];
            case 21: return network()[5];
            case 22: return threshold()[5];
            case 23: return inkCheck()[5];
            case 24: return downscale()[5];
            case 25: return normalize()[5];
            case 26: return camera()[5];
            default: throw new IllegalArgumentException("no kernel " + i);
        }
    }

    /** conv1 as the network runs it for inference: an implicit GEMM over the padded input. */
    public float[] conv1() {
        Conv2dImplicitGemm.forward(out1, in1, w1, 0, 16 * 25, scratch, 1, 1, 28, 28, 16, 5, 2);
        return out1;
    }

    /** conv1 through an im2col buffer (training's path, and inference's before the implicit GEMM). */
    public float[] conv1Gemm() {
        Conv2dGemm.forward(out1, in1, w1, 0, 16 * 25, scratch, 1, 1, 28, 28, 16, 5, 1, 2);
        return out1;
    }

    public float[] relu1() {
        Relu.forward(out1, out1, out1.length);
        return out1;
    }

    public float[] pool1() {
        MaxPool2d.forward(pooled1, out1, 1, 16, 28, 28, 2, 2);
        return pooled1;
    }

    public float[] conv2Direct() {
        Conv2d.forward(out2, pooled1, w2, 0, 32 * 144, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    public float[] conv2Gemm() {
        Conv2dGemm.forward(out2, pooled1, w2, 0, 32 * 144, scratch, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    public float[] conv2Wino() {
        Conv2dWinograd.forward(out2, pooled1, u2, w2, 32 * 144, winoScratch, 1, 16, 14, 14, 32);
        return out2;
    }

    /** conv2Wino's 36 matrix products alone (on the transformed input conv2Wino left); GFLOP/s on the direct multiply-adds like conv2Wino. */
    public float[] conv2WinoProducts() {
        Conv2dWinograd.products(winoScratch, u2, 16, 14, 14, 32);
        return winoScratch;
    }

    public float[] relu2() {
        Relu.forward(out2, out2, out2.length);
        return out2;
    }

    public float[] pool2() {
        MaxPool2d.forward(pooled2, out2, 1, 32, 14, 14, 2, 2);
        return pooled2;
    }

    public float[] conv3Gemm() {
        Conv2dGemm.forward(out3, pooled2, w3, 0, 64 * 288, scratch, 1, 32, 7, 7, 64, 3, 1, 1);
        return out3;
    }

    public float[] conv3Wino() {
        Conv2dWinograd.forward(out3, pooled2, u3, w3, 64 * 288, winoScratch, 1, 32, 7, 7, 64);
        return out3;
    }

    /** conv3Wino's 36 matrix products alone. */
    public float[] conv3WinoProducts() {
        Conv2dWinograd.products(winoScratch, u3, 32, 7, 7, 64);
        return winoScratch;
    }

    public float[] relu3() {
        Relu.forward(out3, out3, out3.length);
        return out3;
    }

    public float[] pool3() {
        MaxPool2d.forward(pooled3, out3, 1, 64, 7, 7, 2, 2);
        return pooled3;
    }

    public float[] dense1() {
        Dense.forward(hidden, pooled3, wd1, 0, 96 * 576, 1, 576, 96);
        return hidden;
    }

    public float[] relu4() {
        Relu.forward(hidden, hidden, hidden.length);
        return hidden;
    }

    public float[] dense2() {
        Dense.forward(logits, hidden, wd2, 0, 960, 1, 96, 10);
        return logits;
    }

    public float[] softmax() {
        Softmax.forward(probs, logits, 1, 10, 1f);
        return probs;
    }

    public float[] winoWeights() {
        Conv2dWinograd.transformWeights(u2, w2, 0, 16, 32, winoScratch);
        Conv2dWinograd.transformWeights(u3, w3, 0, 32, 64, winoScratch);
        return u3;
    }

    /** The check {@link Sequential} makes per pass that cached Winograd weights are current (conv2 and conv3). */
    public float[] winoCheck() {
        boolean same = Conv2dWinograd.unchanged(w2Of, w2, 0, 16, 32) && Conv2dWinograd.unchanged(w3Of, w3, 0, 32, 64);
        return same ? w3Of : w2Of;
    }

    /** The camera path's adaptive threshold: packed RGBA box → levels → integral image → ink. */
    public float[] threshold() {
        threshold.applyRgba(box, 255f, ink);
        return ink;
    }

    /** The ink check (connected components) on the thresholded box. */
    public float[] inkCheck() {
        small[5] = inkCheck.check(ink).inkPixels();
        return small;
    }

    /** The area downscale 140 → 112 → 56 → 28. */
    public float[] downscale() {
        downscale.apply(ink, small);
        return small;
    }

    /** The MNIST normalisation (20 px box, centre of mass at 14, 14). */
    public float[] normalize() {
        normalizer.normalize(small, normalised);
        return normalised;
    }

    /** The whole camera frame as {@link Recognizer} runs it: box → prediction (the network included). */
    public float[] camera() {
        return recognizer.recognizeRgba(box, 140, 140, InputKind.CAMERA).probabilities();
    }

    /** The whole network as the app runs it (Sequential, softmax included). */
    public float[] network() {
        return net.forward(in1, 1, false);
    }
}
