package dev.numera.training.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * MNIST for the tests, read by the training's own reader ({@link Mnist#load}) from {@code numera.mnist.dir} once per part
 * and kept: null when the folder or a file of the part is absent, and the caller skips or says what it checks without it.
 */
public final class MnistParts {
    private static final Map<Mnist.Part, Dataset> READ = new EnumMap<>(Mnist.Part.class);

    private MnistParts() {
    }

    public static synchronized Dataset get(Mnist.Part part) throws IOException {
        String dir = System.getProperty("numera.mnist.dir");
        if (dir == null || !Mnist.missing(Path.of(dir), part).isEmpty()) {
            return null;
        }
        Dataset d = READ.get(part);
        if (d == null) {
            d = Mnist.load(Path.of(dir), part);
            READ.put(part, d);
        }
        return d;
    }

    /** The first count images of a part, [count * 784] 0..1, or null without it. */
    public static float[] images(Mnist.Part part, int count) throws IOException {
        Dataset d = get(part);
        return d == null ? null : java.util.Arrays.copyOf(d.images(), count * d.pixels());
    }
}
