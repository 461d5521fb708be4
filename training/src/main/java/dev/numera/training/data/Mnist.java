package dev.numera.training.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads MNIST from a folder holding the four IDX files, each either gzip-compressed
 * ({@code train-images-idx3-ubyte.gz}) or raw ({@code train-images-idx3-ubyte}).
 */
public final class Mnist {
    public static final int SIDE = 28;
    public static final int CLASSES = 10;

    /** Which half of MNIST: 60,000 training digits or 10,000 test digits. */
    public enum Part {
        TRAIN(MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS),
        TEST(MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS);

        final MnistFile images;
        final MnistFile labels;

        Part(MnistFile images, MnistFile labels) {
            this.images = images;
            this.labels = labels;
        }

        /** The part's images and labels files. */
        public List<MnistFile> files() {
            return List.of(images, labels);
        }
    }

    private Mnist() {
    }

    /** The path of a file in {@code dir}: the .gz if present, else the raw one, else the .gz (absent). */
    public static Path locate(Path dir, MnistFile file) {
        Path gz = dir.resolve(file.gzName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(file.baseName());
        return Files.isRegularFile(raw) ? raw : gz;
    }

    /** The files of {@code parts} absent from {@code dir} (in either form). */
    public static List<MnistFile> missing(Path dir, Part... parts) {
        List<MnistFile> missing = new ArrayList<>();
        for (Part part : parts) {
            for (MnistFile f : new MnistFile[] {part.images, part.labels}) {
                if (!Files.isRegularFile(locate(dir, f))) {
                    missing.add(f);
                }
            }
        }
        return missing;
    }

    /**
     * Reads one part: images scaled to 0..1 (byte/255), labels checked to be 0..9 and as many as
     * the images.
     */
    public static Dataset load(Path dir, Part part) throws IOException {
        Path imagesPath = locate(dir, part.images);
        Path labelsPath = locate(dir, part.labels);
        Idx.Array images = Idx.read(imagesPath, 3);
        Idx.Array labels = Idx.read(labelsPath, 1);
        if (images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new DataException(imagesPath + ": images are " + images.dims()[1] + "x" + images.dims()[2]
                    + ", expected " + SIDE + "x" + SIDE);
        }
        if (images.count() != labels.count()) {
            throw new DataException(labelsPath + ": " + labels.count() + " labels for "
                    + images.count() + " images in " + imagesPath);
        }
        byte[] lb = labels.data();
        for (int i = 0; i < lb.length; i++) {
            if (lb[i] < 0 || lb[i] >= CLASSES) {
                throw new DataException(labelsPath + ": label " + i + " is " + (lb[i] & 0xff) + ", expected 0..9");
            }
        }
        return new Dataset(toUnitFloats(images.data()), lb, SIDE);
    }

    /** Unsigned bytes 0..255 to floats 0..1. */
    static float[] toUnitFloats(byte[] bytes) {
        float[] out = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (bytes[i] & 0xff) / 255f;
        }
        return out;
    }
}
