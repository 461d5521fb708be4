package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.core.model.ModelFormatException;
import dev.numera.core.nn.Sequential;
import dev.numera.training.data.Mnist;
import dev.numera.training.io.IoErrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reading model files for the commands, with every failure turned into a one-line message. */
final class Models {
    private Models() {
    }

    /**
     * No model file can be larger: ModelFile.read refuses a header file size past 2^31 - 1 (a signed
     * 32-bit int), and Files.readAllBytes a few bytes less (the JVM's largest array). A bound from
     * the contents would be no tighter: the parameters are at most Sequential.MAX_VALUES float32
     * (64 MiB), but the metadata may hold 2^24 strings of up to 64 KiB each.
     */
    static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    static ModelFile read(Path file) {
        byte[] bytes;
        try {
            // checked before reading it whole: a folder, a device (/dev/zero) or a file of gigabytes ended in OutOfMemoryError
            if (Files.exists(file) && !Files.isRegularFile(file)) {
                throw new UserException(file + (Files.isDirectory(file) ? ": is a folder" : ": is not a regular file") + ", not a model file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new UserException(file + ": " + size + " bytes, larger than any model file can be (at most " + MAX_FILE_BYTES + ")");
            }
            // the header first: a large file that is not a model (an image, an archive) is refused from its
            // first bytes instead of being read whole into memory
            byte[] head;
            try (InputStream in = Files.newInputStream(file)) {
                head = in.readNBytes(ModelFile.HEADER_CHECK_BYTES);
            }
            ModelFile.checkHeader(head, size);
            bytes = Files.readAllBytes(file);
        } catch (ModelFormatException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": model file not found (give one with --model FILE, or train one with 'numera train')");
        } catch (IOException e) {
            // java.nio's message is the path alone (for a permission denied): the reason is its class, said by IoErrors
            throw new UserException(file + ": cannot read model file: " + IoErrors.reason(e), e);
        }
        try {
            return ModelFile.read(bytes);
        } catch (ModelFormatException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@link #read}, then refused unless the network reads an MNIST image and gives the 10 digits'
     * scores: evaluate, predict and export all feed it 28x28 grey images and read 10 classes, and a
     * valid file of another shape would fail deep inside them.
     */
    static ModelFile readDigitModel(Path file) {
        ModelFile m = read(file);
        Sequential net = m.toNetwork(1);
        int[] in = net.inputShape();
        if (in[0] != 1 || in[1] != Mnist.SIDE || in[2] != Mnist.SIDE || net.classes() != 10) {
            throw new UserException(file + ": not a digit model (the commands need a network from [1, 28, 28] to 10 classes; this one is from "
                    + Arrays.toString(in) + " to " + net.classes() + ")");
        }
        return m;
    }

    /** The mean and std the model's input was standardised with (0 and 1 when not recorded). */
    static float[] inputNorm(ModelFile m) {
        return new float[] {m.floatMeta(ModelFile.META_INPUT_MEAN, 0f), m.floatMeta(ModelFile.META_INPUT_STD, 1f)};
    }
}
