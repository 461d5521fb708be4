package dev.numera.bench.jmh;

import dev.numera.bench.BenchData;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** The whole {@link Recognizer} on the model the site ships (or the stand-in): what a frame costs. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RecognizerBench {
    Recognizer recognizer;
    float[] digit, drawing;
    byte[] camera;

    @Setup
    public void setup() {
        recognizer = new Recognizer(BenchData.model().file);
        float[] digits = BenchData.digits(1);
        digit = java.util.Arrays.copyOf(digits, 784);
        camera = BenchData.cameraBox(digits, 0);
        drawing = BenchData.drawing(digits, 0);
        if (!recognizer.recognizeRgba(camera, 140, 140, InputKind.CAMERA).hasDigit()) {
            throw new IllegalStateException("the synthetic camera box was not recognised as a digit");
        }
        if (!recognizer.recognizeInk(drawing, 280, 280, InputKind.DRAWN).hasDigit()) {
            throw new IllegalStateException("the synthetic drawing was not recognised as a digit");
        }
    }

    /** Model only: a normalised 28x28 digit → prediction (what window.numera.infer runs). */
    @Benchmark
    public Prediction infer() {
        return recognizer.infer(digit);
    }

    /** Camera crop 140x140 RGBA → grey → threshold → downscale → normalise → network → prediction. */
    @Benchmark
    public Prediction camera140() {
        return recognizer.recognizeRgba(camera, 140, 140, InputKind.CAMERA);
    }

    /** Drawing 280x280 (rasterised ink) → downscale → normalise → network → prediction. */
    @Benchmark
    public Prediction drawing280() {
        return recognizer.recognizeInk(drawing, 280, 280, InputKind.DRAWN);
    }
}
