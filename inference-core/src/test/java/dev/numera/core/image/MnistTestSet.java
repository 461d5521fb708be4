package dev.numera.core.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The 10,000 MNIST test images, read once from the IDX file (gzip) and shared by the tests.
 * Location: system property numera.mnist.dir (set by the parent pom for surefire), else ../shared/mnist
 * relative to the module directory, else ../../shared/mnist. Tests skip (assumption) when absent.
 */
public final class MnistTestSet {
    static final String FILE = "t10k-images-idx3-ubyte.gz";
    static final String LABELS = "t10k-labels-idx1-ubyte.gz";
    private static byte[][] images;
    private static byte[] labels;

    private MnistTestSet() {
    }

    static Path directory() {
        String prop = System.getProperty("numera.mnist.dir");
        if (prop != null && !prop.isEmpty() && Files.isRegularFile(Path.of(prop, FILE))) {
            return Path.of(prop);
        }
        for (String candidate : new String[] {"../shared/mnist", "../../shared/mnist"}) {
            if (Files.isRegularFile(Path.of(candidate, FILE))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /** (10000) images of (28*28) unsigned bytes, 0 background, 255 ink; skips the test when missing. */
    public static synchronized byte[][] images() throws IOException {
        if (images == null) {
            Path dir = directory();
            assumeTrue(dir != null, "MNIST test images not found (set -Dnumera.mnist.dir or put "
                    + FILE + " in ../shared/mnist); skipping");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(FILE)), 1 << 16);
                 DataInputStream data = new DataInputStream(in)) {
                int magic = data.readInt();
                if (magic != 0x00000803) {
                    throw new IOException("bad IDX magic " + Integer.toHexString(magic));
                }
                int count = data.readInt();
                int rows = data.readInt();
                int cols = data.readInt();
                if (rows != 28 || cols != 28 || count != 10000) {
                    throw new IOException("unexpected IDX shape " + count + "x" + rows + "x" + cols);
                }
                byte[][] all = new byte[count][rows * cols];
                for (byte[] image : all) {
                    data.readFully(image);
                }
                images = all;
            }
        }
        return images;
    }

    /** (10000) the digits of the images, 0..9; skips the test when missing. */
    public static synchronized byte[] labels() throws IOException {
        if (labels == null) {
            Path dir = directory();
            assumeTrue(dir != null && Files.isRegularFile(dir.resolve(LABELS)), "MNIST test labels not found; skipping");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve(LABELS)), 1 << 16);
                 DataInputStream data = new DataInputStream(in)) {
                if (data.readInt() != 0x00000801 || data.readInt() != 10000) {
                    throw new IOException("bad IDX header in " + LABELS);
                }
                byte[] all = new byte[10000];
                data.readFully(all);
                labels = all;
            }
        }
        return labels;
    }

    /** Image i as ink-high floats 0..1. */
    static float[] digit(int i) throws IOException {
        byte[] b = images()[i];
        float[] f = new float[b.length];
        for (int k = 0; k < b.length; k++) {
            f[k] = (b[k] & 0xFF) / 255f;
        }
        return f;
    }
}
