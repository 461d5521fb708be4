package dev.numera.bench;

import dev.numera.bench.kernels.CameraBox;
import dev.numera.core.model.ModelFile;
import dev.numera.core.model.ModelFormatException;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import dev.numera.training.train.Trainer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The inputs every benchmark shares: the model (the shipped one when it exists, else an untrained
 * stand-in of the reference CNN), MNIST test digits, a 140x140 camera box and a 280x280 drawing.
 */
public final class BenchData {
    /** The reference CNN: conv 16 3x3 → pool → conv 32 3x3 → pool → dense 1568→128 → 10 (1.22 M MACs). */
    public static final LayerSpec[] REFERENCE_CNN = {
            LayerSpec.conv2d(16, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.conv2d(32, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.flatten(), LayerSpec.dense(128), LayerSpec.relu(), LayerSpec.dense(10)};
    public static final int[] INPUT = {1, 28, 28};
    public static final int DIGITS = 100;

    private BenchData() {
    }

    /** A model and where it came from. */
    public static final class Model {
        public final ModelFile file;
        public final byte[] bytes;
        public final String source;

        Model(ModelFile file, byte[] bytes, String source) {
            this.file = file;
            this.bytes = bytes;
            this.source = source;
        }
    }

    /**
     * -Dnumera.bench.model=FILE when set; else src-webapp/model/numera.nmod when present (the shipped
     * model); else {@link #standIn()} (-Dnumera.bench.arch=NAME: a stand-in of a trainer architecture).
     */
    public static Model model() {
        String override = System.getProperty("numera.bench.model");
        Path shipped = override != null ? Path.of(override) : Project.shippedModel();
        if (Files.isRegularFile(shipped)) {
            try {
                byte[] b = Files.readAllBytes(shipped);
                return new Model(ModelFile.read(b), b, (override != null ? "model " + override : "shipped model src-webapp/model/numera.nmod")
                        + " (" + b.length + " bytes, " + ModelFile.read(b).dtype() + ")");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ModelFormatException e) {
                throw new IllegalStateException("shipped model unreadable: " + e.getMessage(), e);
            }
        }
        String arch = System.getProperty("numera.bench.arch");
        LayerSpec[] layers = REFERENCE_CNN;
        if (arch != null) {
            dev.numera.training.train.Architecture a = dev.numera.training.train.Architecture.named(arch);
            if (a == null) throw new IllegalArgumentException("no architecture " + arch + " (" + dev.numera.training.train.Architecture.names() + ")");
            layers = a.layers();
        }
        ModelFile m = standIn(layers);
        byte[] b = m.write();
        return new Model(m, b, "untrained stand-in (" + (arch != null ? "architecture " + arch : "the issue's reference CNN")
                + ", He-initialised, int8; no shipped model yet)");
    }

    /** The reference CNN with He-initialised weights (seed 42), int8 like a shipped model. Same speed as a trained one. */
    public static ModelFile standIn() {
        return standIn(REFERENCE_CNN);
    }

    /** These layers with He-initialised weights (seed 42), batchnorm with mild random statistics, int8 weights. */
    public static ModelFile standIn(LayerSpec[] layers) {
        Sequential net = Sequential.create(INPUT, layers, 1);
        Random r = new Random(42);
        float[] p = net.params();
        for (ParamTensor t : net.paramTensors()) {
            for (int i = 0; i < t.length; i++) {
                if (t.name.endsWith(".weight")) p[t.offset + i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / (t.length / t.outChannels())));
                else if (t.name.endsWith(".gamma")) p[t.offset + i] = (float) (1 + 0.1 * r.nextGaussian());
                else if (t.name.endsWith(".beta") || t.name.endsWith(".running_mean")) p[t.offset + i] = (float) (0.1 * r.nextGaussian());
                else if (t.name.endsWith(".running_var")) p[t.offset + i] = (float) (0.5 + r.nextDouble());
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.META_INPUT_MEAN, Float.toString(Trainer.INPUT_MEAN));
        meta.put(ModelFile.META_INPUT_STD, Float.toString(Trainer.INPUT_STD));
        meta.put(ModelFile.META_ARCH, "benchmark stand-in");
        return ModelFile.of(net, meta, true);
    }

    /** Multiply-adds of one forward pass of a network on one sample (conv and dense only). */
    public static long macs(Sequential net) {
        long macs = 0;
        for (int i = 0; i < net.layerCount(); i++) {
            LayerSpec s = net.spec(i);
            int[] in = net.outputShape(i - 1), out = net.outputShape(i);
            if (s.type == LayerSpec.Type.CONV2D) macs += (long) out[0] * out[1] * out[2] * in[0] * s.kernel * s.kernel;
            if (s.type == LayerSpec.Type.DENSE) macs += (long) out[0] * in[0] * in[1] * in[2];
        }
        return macs;
    }

    // ---------------------------------------------------------------- images

    /** MNIST test images 0..count-1 as [count * 784] floats 0..1 (ink-high), or synthetic digits when MNIST is absent. */
    public static float[] digits(int count) {
        byte[] raw = mnist("t10k-images-idx3-ubyte.gz", 16, count * 784);
        float[] d = new float[count * 784];
        if (raw != null) {
            for (int i = 0; i < d.length; i++) d[i] = (raw[i] & 0xff) / 255f;
        } else {
            for (int k = 0; k < count; k++) ring(d, k * 784, 28, 9 + k % 4, 2.2f);
        }
        return d;
    }

    /** MNIST test labels 0..count-1, or -1s when MNIST is absent. */
    public static byte[] labels(int count) {
        byte[] raw = mnist("t10k-labels-idx1-ubyte.gz", 8, count);
        if (raw != null) return raw;
        byte[] b = new byte[count];
        java.util.Arrays.fill(b, (byte) -1);
        return b;
    }

    public static boolean hasMnist() {
        return Files.isRegularFile(Project.mnistDir().resolve("t10k-images-idx3-ubyte.gz"));
    }

    /** Training images 0..1 (ink-high), MNIST train set head, or noise. */
    public static float[] trainImagesRaw(int count) {
        byte[] raw = mnist("train-images-idx3-ubyte.gz", 16, count * 784);
        float[] d = new float[count * 784];
        Random r = new Random(7);
        for (int i = 0; i < d.length; i++) d[i] = raw != null ? (raw[i] & 0xff) / 255f : r.nextFloat();
        return d;
    }

    public static byte[] trainLabels(int count) {
        byte[] raw = mnist("train-labels-idx1-ubyte.gz", 8, count);
        if (raw != null) return raw;
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) b[i] = (byte) (i % 10);
        return b;
    }

    private static byte[] mnist(String file, int header, int bytes) {
        Path f = Project.mnistDir().resolve(file);
        if (!Files.isRegularFile(f)) return null;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(f), 1 << 16)) {
            DataInputStream d = new DataInputStream(in);
            d.readFully(new byte[header]);
            byte[] b = new byte[bytes];
            d.readFully(b);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + f, e);
        }
    }

    private static void ring(float[] d, int off, int size, float radius, float width) {
        float c = size / 2f;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = Math.hypot(x + 0.5 - c, (y + 0.5 - c) * 0.8);
                d[off + y * size + x] = (float) Math.max(0, Math.min(1, (width - Math.abs(r - radius)) / 1.5));
            }
        }
    }

    /** A 140x140 RGBA camera box of MNIST test digit {@code index} ({@link CameraBox}). */
    public static byte[] cameraBox(float[] digits, int index) {
        return CameraBox.rgba(digits, index * 784, 140);
    }

    /** A 280x280 drawing (light ink on dark, 0..1) of MNIST test digit {@code index}. */
    public static float[] drawing(float[] digits, int index) {
        return CameraBox.upscale(digits, index * 784, 280);
    }
}
