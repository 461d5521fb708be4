package dev.numera.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Where things are in the checkout, and a description of the machine a figure was measured on. */
public final class Project {
    private Project() {
    }

    /** The checkout root: -Dnumera.root, else the first directory upwards holding benchmarks/pom.xml and inference-core/. */
    public static Path root() {
        String prop = System.getProperty("numera.root");
        if (prop != null) return Path.of(prop).toAbsolutePath().normalize();
        Path p = Path.of("").toAbsolutePath();
        for (Path d = p; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("benchmarks/pom.xml")) && Files.isDirectory(d.resolve("inference-core"))) return d;
        }
        throw new Bench.Failure("cannot find the Numera checkout above " + p + " (run from the checkout or set -Dnumera.root)");
    }

    public static Path site() {
        return root().resolve("web-app/target/site");
    }

    public static Path benchDir() {
        return root().resolve("bench");
    }

    /** Generated inputs for the browser pages (model in ONNX and TF.js form, digits, camera frame); not in git. */
    public static Path generated() {
        return benchDir().resolve("generated");
    }

    /** Raw results, one JSON file per benchmark command; docs/benchmarks.md is generated from them. */
    public static Path results() {
        String prop = System.getProperty("numera.results");       // trial runs: keep them out of the committed results
        return prop != null ? Path.of(prop) : benchDir().resolve("results");
    }

    /** The generated doc (-Dnumera.doc=FILE for trial runs). */
    public static Path doc() {
        String prop = System.getProperty("numera.doc");
        return prop != null ? Path.of(prop) : root().resolve("docs/benchmarks.md");
    }

    public static Path shippedModel() {
        return root().resolve("src-webapp/model/numera.nmod");
    }

    public static Path mnistDir() {
        String prop = System.getProperty("numera.mnist.dir");
        if (prop != null) return Path.of(prop);
        return root().resolve("../shared/mnist").normalize();
    }

    /** The 1-, 5- and 15-minute load averages, e.g. "3.12 2.80 2.41". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        m.put("cpu", cpuModel());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("loadAverageStart", loadAverage());
        m.put("gitCommit", run(List.of("git", "-C", root().toString(), "rev-parse", "--short", "HEAD")));
        return m;
    }

    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).trim();
            }
        } catch (IOException e) {
            // fall through
        }
        return System.getProperty("os.arch");
    }

    /** A command's first output line, or "unknown". */
    public static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor(20, TimeUnit.SECONDS);
            if (p.exitValue() != 0) return "unknown";
            int nl = out.indexOf('\n');
            return nl < 0 ? out : out.substring(0, nl);
        } catch (IOException | InterruptedException | IllegalThreadStateException e) {
            return "unknown";
        }
    }
}
