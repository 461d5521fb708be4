package dev.numera.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * benchmarks.jar's command line, run as a child JVM (it ends with System.exit): --help per command, and a
 * mistyped command, option or value is one line and the usage with exit code 2, never a stack trace.
 */
class BenchCommandLineTest {
    record Run(int code, String out, String err) {
    }

    static Run bench(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Bench.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "benchmarks " + String.join(" ", args) + " did not end");
        return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesEveryCommandAndEachCommandsOptions() throws Exception {
        Run all = bench("--help");
        assertEquals(0, all.code, all.err);
        for (String c : Bench.USAGE.keySet()) assertTrue(all.out.contains("\n  " + c + " "), c + " in " + all.out);
        Run browser = bench("browser", "--help");
        assertEquals(0, browser.code, browser.err);
        assertTrue(browser.out.startsWith("usage: java -jar benchmarks/target/benchmarks.jar browser [--runs N]"), browser.out);
    }

    @Test
    void aWrongCommandLineIsOneLineAndTheUsage() throws Exception {
        String[][] cases = {
                {"benchmarks: unknown command 'browse' (one of: jvm, training, browser, weight, prepare, doc, all, jmh; see --help)", "browse"},
                {"benchmarks browser: unknown option --run", "browser", "--run", "3"},
                {"benchmarks browser: --runs needs a value", "browser", "--runs"},
                {"benchmarks browser: --runs takes a whole number of at least 1, not 'three'", "browser", "--runs", "three"},
                {"benchmarks browser: --runs takes a whole number of at least 1, not '0'", "browser", "--runs", "0"},
                {"benchmarks browser: unknown variant onnx (numera-wasm, numera-js,", "browser", "--variants", "onnx", "--site", "/nonexistent"},
                {"benchmarks browser: no kernel conv9 (conv1, ", "browser", "--kernels", "conv9"},
                {"benchmarks training: --threads takes a whole number of at least 1, not 'x'", "training", "--threads", "1,x"},
                {"benchmarks weight: --site needs a value", "weight", "--site"},
                {"benchmarks doc: takes no options, not '--runs'", "doc", "--runs", "3"},
        };
        for (String[] c : cases) {
            Run r = bench(java.util.Arrays.copyOfRange(c, 1, c.length));
            assertEquals(2, r.code, String.join(" ", c) + ": " + r.err);
            assertTrue(r.err.startsWith(c[0]), r.err);
            assertTrue(!r.err.contains("\tat "), "a stack trace: " + r.err);
        }
    }
}
