package dev.numera.bench.jmh;

import dev.numera.bench.BenchData;
import dev.numera.core.kernels.Conv2d;
import dev.numera.core.kernels.Conv2dGemm;
import dev.numera.core.kernels.Dense;
import dev.numera.core.kernels.MaxPool2d;
import dev.numera.core.kernels.Relu;
import dev.numera.core.nn.Sequential;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Each kernel of the default network at batch 1, on the layer shapes the network runs
 * (28x28x1 → conv16 → pool → 14x14x16 → conv32 → pool → 1568 → dense128 → dense10).
 * Multiply-add counts for GFLOP/s are in {@link JvmBench#MACS}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench {
    float[] in1 = new float[28 * 28], out1 = new float[16 * 28 * 28], pooled1 = new float[16 * 14 * 14];
    float[] out2 = new float[32 * 14 * 14], pooled2 = new float[32 * 7 * 7];
    float[] hidden = new float[128], logits = new float[10];
    float[] w1 = new float[16 * 9 + 16], w2 = new float[32 * 16 * 9 + 32], wd1 = new float[128 * 1568 + 128], wd2 = new float[10 * 128 + 10];
    float[] scratch1 = new float[Conv2dGemm.scratchSize(1, 28, 28, 3, 1, 1)];
    float[] scratch2 = new float[Conv2dGemm.scratchSize(16, 14, 14, 3, 1, 1)];
    Sequential net;
    float[] digit;

    @Setup
    public void setup() {
        Random r = new Random(1);
        for (float[] a : new float[][]{w1, w2, wd1, wd2}) for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian() * 0.1f;
        digit = BenchData.digits(1);
        System.arraycopy(digit, 0, in1, 0, 784);
        // realistic activations for the later layers: run the layers once
        Conv2d.forward(out1, in1, w1, 0, 144, 1, 1, 28, 28, 16, 3, 1, 1);
        Relu.forward(out1, out1, out1.length);
        MaxPool2d.forward(pooled1, out1, 1, 16, 28, 28, 2, 2);
        Conv2d.forward(out2, pooled1, w2, 0, 32 * 144, 1, 16, 14, 14, 32, 3, 1, 1);
        Relu.forward(out2, out2, out2.length);
        MaxPool2d.forward(pooled2, out2, 1, 32, 14, 14, 2, 2);
        net = BenchData.standIn().toNetwork(1);
    }

    @Benchmark
    public float[] conv1Direct() {
        Conv2d.forward(out1, in1, w1, 0, 144, 1, 1, 28, 28, 16, 3, 1, 1);
        return out1;
    }

    @Benchmark
    public float[] conv1Gemm() {
        Conv2dGemm.forward(out1, in1, w1, 0, 144, scratch1, 1, 1, 28, 28, 16, 3, 1, 1);
        return out1;
    }

    @Benchmark
    public float[] conv2Direct() {
        Conv2d.forward(out2, pooled1, w2, 0, 32 * 144, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    @Benchmark
    public float[] conv2Gemm() {
        Conv2dGemm.forward(out2, pooled1, w2, 0, 32 * 144, scratch2, 1, 16, 14, 14, 32, 3, 1, 1);
        return out2;
    }

    @Benchmark
    public float[] relu1() {
        Relu.forward(out1, out1, out1.length);
        return out1;
    }

    @Benchmark
    public float[] pool1() {
        MaxPool2d.forward(pooled1, out1, 1, 16, 28, 28, 2, 2);
        return pooled1;
    }

    @Benchmark
    public float[] dense1() {
        Dense.forward(hidden, pooled2, wd1, 0, 128 * 1568, 1, 1568, 128);
        return hidden;
    }

    @Benchmark
    public float[] dense2() {
        Dense.forward(logits, hidden, wd2, 0, 1280, 1, 128, 10);
        return logits;
    }

    /** The whole network, as the app runs it (Sequential: im2col convs, softmax included). */
    @Benchmark
    public float[] network() {
        return net.forward(digit, 1, false);
    }
}
