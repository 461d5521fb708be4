package dev.numera.bench.jmh;

import dev.numera.bench.BenchData;
import dev.numera.bench.kernels.KernelSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Each layer of the shipped network at batch 1 ({@link KernelSet}: the same code the browser
 * kernel pages run), the whole network, and the camera path's image steps and whole frame.
 * Multiply-adds for GFLOP/s: {@link KernelSet#MACS}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class KernelBench {
    KernelSet k;

    @Setup
    public void setup() {
        k = new KernelSet(BenchData.digits(1));
    }



    @Benchmark
    public float[] conv1() {
        return k.conv1();
    }

    @Benchmark
    public float[] conv1Gemm() {
        return k.conv1Gemm();
    }

    @Benchmark
    public float[] relu1() {
        return k.relu1();
    }

    @Benchmark
    public float[] pool1() {
        return k.pool1();
    }

    @Benchmark
    public float[] conv2Direct() {
        return k.conv2Direct();
    }

    @Benchmark
    public float[] conv2Gemm() {
        return k.conv2Gemm();
    }

    @Benchmark
    public float[] conv2Wino() {
        return k.conv2Wino();
    }

    @Benchmark
    public float[] conv2WinoProducts() {
        return k.conv2WinoProducts();
    }

    @Benchmark
    public float[] relu2() {
        return k.relu2();
    }

    @Benchmark
    public float[] pool2() {
        return k.pool2();
    }

    @Benchmark
    public float[] conv3Gemm() {
        return k.conv3Gemm();
    }

    @Benchmark
    public float[] conv3Wino() {
        return k.conv3Wino();
    }

    @Benchmark
    public float[] conv3WinoProducts() {
        return k.conv3WinoProducts();
    }

    @Benchmark
    public float[] relu3() {
        return k.relu3();
    }

    @Benchmark
    public float[] pool3() {
        return k.pool3();
    }

    @Benchmark
    public float[] dense1() {
        return k.dense1();
    }

    @Benchmark
    public float[] relu4() {
        return k.relu4();
    }

    @Benchmark
    public float[] dense2() {
        return k.dense2();
    }

    @Benchmark
    public float[] softmax() {
        return k.softmax();
    }

    @Benchmark
    public float[] winoWeights() {
        return k.winoWeights();
    }

    @Benchmark
    public float[] winoCheck() {
        return k.winoCheck();
    }

    @Benchmark
    public float[] network() {
        return k.network();
    }

    @Benchmark
    public float[] threshold() {
        return k.threshold();
    }

    @Benchmark
    public float[] inkCheck() {
        return k.inkCheck();
    }

    @Benchmark
    public float[] downscale() {
        return k.downscale();
    }

    @Benchmark
    public float[] normalize() {
        return k.normalize();
    }

    @Benchmark
    public float[] camera() {
        return k.camera();
    }
}
