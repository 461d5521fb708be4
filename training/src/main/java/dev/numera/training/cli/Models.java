package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.core.model.ModelFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading model files for the commands, with every failure turned into a one-line message. */
final class Models {
    private Models() {
    }

    static ModelFile read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": model file not found (give one with --model FILE, or train one with 'numera train')");
        } catch (IOException e) {
            throw new UserException(file + ": cannot read model file: " + e.getMessage(), e);
        }
        try {
            return ModelFile.read(bytes);
        } catch (ModelFormatException e) {
            throw new UserException(file + ": " + e.getMessage(), e);
        }
    }

    /** The mean and std the model's input was standardised with (0 and 1 when not recorded). */
    static float[] inputNorm(ModelFile m) {
        return new float[] {m.floatMeta(ModelFile.META_INPUT_MEAN, 0f), m.floatMeta(ModelFile.META_INPUT_STD, 1f)};
    }
}
