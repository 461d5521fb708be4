package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.training.io.AtomicFiles;
import dev.numera.training.onnx.OnnxExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class, description = "Convert a model file to another format (ONNX).")
final class ExportCommand implements Callable<Integer> {
    enum Format { onnx }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Output format: ${COMPLETION-CANDIDATES}.")
    Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write, e.g. numera.onnx.")
    Path out;

    @Override
    public Integer call() throws IOException {
        Numera.checkOutFile(spec, out);
        ModelFile m = Models.readDigitModel(model.path());             // fails early and clearly on a bad model
        byte[] onnx;
        try {
            onnx = OnnxExporter.export(m);
        } catch (OnnxExporter.Unsupported e) {
            throw new UserException(model.path() + ": cannot export to ONNX: " + e.getMessage(), e);
        }
        Clashes.notAnUnexpandedHome(out, "--out");
        // the export would replace the model it was made from (through a link too)
        if (AtomicFiles.sameFile(out, model.path())) {
            throw new UsageException(out + ": is the model being exported (--model): give --out another file, e.g. numera.onnx");
        }
        // a folder given as --out is said as such (as train says it), not as a failed rename
        AtomicFiles.checkWritable(out);
        AtomicFiles.write(out, onnx);
        int[] in = m.inputShape();
        spec.commandLine().getOut().println("wrote " + InfoCommand.shown(out.toString()) + ": " + onnx.length + " bytes, ONNX opset 13, input 'image' [N, "
                + in[0] + ", " + in[1] + ", " + in[2] + "] 0..1, outputs 'logits' and 'probabilities' [N, " + OnnxExporter.classes(m) + "]");
        return 0;
    }
}
