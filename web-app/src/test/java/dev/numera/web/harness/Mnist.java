package dev.numera.web.harness;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** The MNIST test digits from numera.mnist.dir (../shared/mnist); tests skip with a message when absent. */
public final class Mnist {
    public final byte[] images; // [n * 784], 0 background .. 255 ink
    public final byte[] labels;
    public final int count;

    private Mnist(byte[] images, byte[] labels) {
        this.images = images;
        this.labels = labels;
        this.count = labels.length;
    }

    public static Mnist testSet() {
        Path dir = Path.of(System.getProperty("numera.mnist.dir", "../../shared/mnist"));
        Path img = dir.resolve("t10k-images-idx3-ubyte.gz");
        Path lab = dir.resolve("t10k-labels-idx1-ubyte.gz");
        Assumptions.assumeTrue(Files.isRegularFile(img) && Files.isRegularFile(lab),
                "skipped: MNIST test files not found in " + dir.toAbsolutePath() + " (set -Dnumera.mnist.dir)");
        return new Mnist(read(img, 16), read(lab, 8));
    }

    private static byte[] read(Path p, int header) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            byte[] all = in.readAllBytes();
            byte[] out = new byte[all.length - header];
            System.arraycopy(all, header, out, 0, out.length);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first test digit with this label at or after {@code from}. */
    public int firstOf(int digit, int from) {
        for (int i = from; i < count; i++) {
            if (labels[i] == digit) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + digit);
    }

    public int pixel(int index, int x, int y) {
        return images[index * 784 + y * 28 + x] & 255;
    }
}
