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
        out.println("file          " + shown(file.toString()));
        out.println("size          " + m.byteSize() + " bytes");
        out.println("dtype         " + m.dtype() + (m.weightBits() < 8 ? " (" + m.weightBits() + "-bit codes)" : ""));
        out.println("parameters    " + m.parameterCount());
        out.println("input         " + Arrays.toString(m.inputShape()));
        out.println("architecture  " + shown(m.metadata().getOrDefault(ModelFile.META_ARCH, "(not recorded)")));
        StringBuilder layers = new StringBuilder();
        for (LayerSpec l : m.layers()) {
            layers.append(layers.length() == 0 ? "" : " -> ").append(l);
        }
        out.println("layers        " + layers);
        out.println("accuracy      " + shown(m.metadata().getOrDefault(ModelFile.META_ACCURACY, "(not recorded)")));
        for (Map.Entry<String, String> e : m.metadata().entrySet()) {
            out.println("meta          " + shown(e.getKey()) + " = " + shown(e.getValue()));
        }
        return 0;
    }

    /**
     * Text from a model file (anyone's) as a terminal may show it. Control characters are escaped
     * (\n, \r, \t, else as a backslash, u and four hex digits): raw, an ESC sequence recoloured or cleared the terminal and a
     * newline printed lines that looked like info's own. So are the line and paragraph separators and
     * the bidirectional controls, which reorder what a terminal shows. A backslash is doubled, so that
     * a value cannot fake an escape either. (The HTML report escapes these values its own way.)
     */
    static String shown(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\\') {
                b.append("\\\\");
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || bidiControl(c)) {
                b.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }

    /** U+061C, U+200E-200F, U+202A-202E, U+2066-2069: the marks, embeddings, overrides and isolates. */
    private static boolean bidiControl(int c) {
        return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
