package dev.numera.bench.kernels;

import dev.numera.core.kernels.Conv2d;
import dev.numera.core.kernels.Conv2dGemm;
import dev.numera.core.kernels.Dense;
import dev.numera.core.kernels.MaxPool2d;
import dev.numera.core.kernels.Relu;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;

import java.util.Random;

/**
 * Each kernel of the default network at batch 1, on the layer shapes the network runs
 * (28x28x1 → conv16 → pool → 14x14x16 → conv32 → pool → 1568 → dense128 → dense10), plus the
 * whole network. TeaVM-safe: the same code runs under JMH on the JVM ({@code KernelBench}) and,
 * compiled by TeaVM, in the browser ({@link KernelPage}), so GFLOP/s compare like for like.
 */
public final class KernelSet {
    public static final String[] NAMES = {"conv1Direct", "conv1Gemm", "conv2Direct", "conv2Gemm", "relu1", "pool1", "dense1", "dense2", "network"};
    /** Multiply-adds per operation, same order as {@link #NAMES} (ReLU, pooling: none). */
    public static final long[] MACS = {16L * 28 * 28 * 9, 16L * 28 * 28 * 9, 32L * 14 * 14 * 16 * 9, 32L * 14 * 14 * 16 * 9, 0, 0,
            1568L * 128, 128L * 10, 16L * 28 * 28 * 9 + 32L * 14 * 14 * 16 * 9 + 1568L * 128 + 128L * 10};
    public static final LayerSpec[] ARCH = {
            LayerSpec.conv2d(16, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.conv2d(32, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.flatten(), LayerSpec.dense(128), LayerSpec.relu(), LayerSpec.dense(10)};

    final float[] in1 = new float[28 * 28], out1 = new float[16 * 28 * 28], pooled1 = new float[16 * 14 * 14];
    final float[] out2 = new float[32 * 14 * 14], pooled2 = new float[32 * 7 * 7];
    final float[] hidden = new float[128], logits = new float[10];
    final float[] w1 = new float[16 * 9 + 16], w2 = new float[32 * 16 * 9 + 32], wd1 = new float[128 * 1568 + 128], wd2 = new float[10 * 128 + 10];
    final float[] scratch1 = new float[Conv2dGemm.scratchSize(1, 28, 28, 3, 1, 1)];
    final float[] scratch2 = new float[Conv2dGemm.scratchSize(16, 14, 14, 3, 1, 1)];
    final Sequential net = Sequential.create(new int[]{1, 28, 28}, ARCH, 1);

    /** @param digit [784] a 0..1 image (e.g. an MNIST digit), or null for a synthetic blob */
    public KernelSet(float[] digit) {
        Random r = new Random(1);
        for (float[] a : new float[][]{w1, w2, wd1, wd2}) for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian() * 0.1f;
        for (ParamTensor t : net.paramTensors()) {
            float sd = (float) Math.sqrt(2.0 / (t.length / t.outChannels()));
            for (int i = 0; i < t.length; i++) net.params()[t.offset + i] = t.name.endsWith(".weight") ? (float) r.nextGaussian() * sd : 0f;
        }
        for (int i = 0; i < 784; i++) {
            int y = i / 28, x = i % 28;
            in1[i] = digit != null ? digit[i] : (float) Math.max(0, 1 - Math.abs(Math.hypot(x - 14, y - 14) - 7) / 2);
        }
        // realistic activations for the later layers: run the layers once
        conv1Direct();
        relu1();
        pool1();
        conv2Direct();
        Relu.forward(out2, out2, out2.length);
        MaxPool2d.forward(pooled2, out2, 1, 32, 14, 14, 2, 2);
    }

    /** Index of a kernel name in {@link #NAMES}, or -1. */
    public static int index(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }

    /** Runs kernel {@code i} once; returns a value that depends on the output (against dead-code elimination). */
    public float run(int i) {
        switch (i) {
            case 0: return conv1Direct()[5];
            case 1: return conv1Gemm()[5];
            case 2: return conv2Direct()[5];
            case 3: return conv2Gemm()[5];
            case 4: return relu1()[5];
            case 5: return pool1()[5];
            case 6: return dense1()[5];
            case 7: return dense2()[5];
            case 8: return network()[5];
            default: throw new IllegalArgumentException("no kernel " + i);
        }
    }

    public float[] conv1Direct() {
        Conv2d.forward(out1, in1, w1, 0, 144, 1, 1, 28, 28, 16, 3, 1, 1);
        return out1;
    }

    public float[] conv1Gemm() {
        Conv2dGemm.forward(out1, in1, w1, 0, 144, scratch1, 1, 1, 28, 28, 16, 3, 1, 1);
        return out1;
    }

    public float[] conv2Direct() {
        Conv2d.forward(out2, pooled1, w2, 0, 32 * 144, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    public float[] conv2Gemm() {
        Conv2dGemm.forward(out2, pooled1, w2, 0, 32 * 144, scratch2, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    public float[] relu1() {
        Relu.forward(out1, out1, out1.length);
        return out1;
    }

    public float[] pool1() {
        MaxPool2d.forward(pooled1, out1, 1, 16, 28, 28, 2, 2);
        return pooled1;
    }

    public float[] dense1() {
        Dense.forward(hidden, pooled2, wd1, 0, 128 * 1568, 1, 1568, 128);
        return hidden;
    }

    public float[] dense2() {
        Dense.forward(logits, hidden, wd2, 0, 1280, 1, 128, 10);
        return logits;
    }

    /** The whole network as the app runs it (Sequential: im2col convs, softmax included). */
    public float[] network() {
        return net.forward(in1, 1, false);
    }
}
