package dev.numera.training.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --model FILE}, defaulting to the shipped model. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "FILE",
            description = "Model file (.nmod). Default: the shipped " + ProjectRoot.SHIPPED_MODEL
                    + " under the project root (found from the working directory or the jar's location).")
    Path model;

    Path path() {
        return model != null ? model : ProjectRoot.defaultModel();
    }
}
