package dev.numera.training.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Convert a model file to another format (ONNX).")
final class ExportCommand implements Callable<Integer> {
    enum Format { onnx }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.nmod) to export.")
    Path model;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write, e.g. numera.onnx.")
    Path out;

    @Override
    public Integer call() {
        Models.read(model);             // fail early and clearly on a bad model
        throw new UserException("export --format " + format + ": not yet implemented");
    }
}
