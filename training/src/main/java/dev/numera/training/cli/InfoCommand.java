package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "info", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = "Show a model file's architecture, parameter count, size, dtype and recorded accuracy.")
final class InfoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Override
    public Integer call() throws Exception {
        Path file = model.path();
        ModelFile m = Models.read(file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("file          " + file);
        out.println("size          " + m.byteSize() + " bytes");
        out.println("dtype         " + m.dtype());
        out.println("parameters    " + m.parameterCount());
        out.println("input         " + Arrays.toString(m.inputShape()));
        out.println("architecture  " + m.metadata().getOrDefault(ModelFile.META_ARCH, "(not recorded)"));
        StringBuilder layers = new StringBuilder();
        for (LayerSpec l : m.layers()) {
            layers.append(layers.length() == 0 ? "" : " → ").append(l);
        }
        out.println("layers        " + layers);
        out.println("accuracy      " + m.metadata().getOrDefault(ModelFile.META_ACCURACY, "(not recorded)"));
        for (Map.Entry<String, String> e : m.metadata().entrySet()) {
            out.println("meta          " + e.getKey() + " = " + e.getValue());
        }
        return 0;
    }
}
