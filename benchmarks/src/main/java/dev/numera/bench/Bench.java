package dev.numera.bench;

import dev.numera.bench.browser.BrowserBench;
import dev.numera.bench.browser.PageWeight;
import dev.numera.bench.jmh.JvmBench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of benchmarks.jar. The measuring commands (jvm, training, browser, weight) write
 * bench/results/&lt;command&gt;.json and regenerate docs/benchmarks.md from all results files; with
 * --smoke (jvm, training, browser) they only print. prepare writes bench/generated, doc only
 * regenerates docs/benchmarks.md, and jmh is plain JMH.
 * The commands and their options: {@link #USAGE} ({@code --help}).
 */
public final class Bench {
    /** Each command and its options, as {@code --help} prints them. */
    static final Map<String, String> USAGE = new LinkedHashMap<>();

    static {
        USAGE.put("jvm", "[--quick | --smoke] [--include REGEX]   JMH: kernels, network, Recognizer (~13 min; --quick ~2 min)");
        USAGE.put("training", "[--batch N] [--seconds N] [--threads 1,2] [--trainer-images N] [--smoke]   images/s, forward+backward");
        USAGE.put("browser", "[--runs N] [--loads N] [--n N] [--warmup N] [--steady N] [--frames N] [--variants A,B,...]"
                + " [--kernels A,B,...] [--kernel-millis MS] [--kernel-slices N] [--site DIR] [--numera-wasm-path P]"
                + " [--numera-js-path P] [--merge] [--smoke]   Chromium: Numera Wasm GC/JS vs ORT, TF.js, plain JS (~18 min for 3 runs;"
                + " variants " + String.join(",", BrowserBench.VARIANTS) + ")");
        USAGE.put("weight", "[--site DIR]   every artefact of the built site, raw and gzip");
        USAGE.put("prepare", "  bench/generated: ONNX, TF.js weights, digits");
        USAGE.put("doc", "  docs/benchmarks.md from bench/results");
        USAGE.put("all", "  jvm, training, browser --runs 3, weight (if the site is built)");
        USAGE.put("jmh", "[JMH options]   plain JMH command line");
    }

    private Bench() {
    }

    /** A command line the benchmarks cannot take: one line and the command's usage on stderr, exit code 2. */
    public static final class UsageError extends RuntimeException {
        public UsageError(String message) {
            super(message);
        }
    }

    /** Something the machine lacks (no Chromium, say): its one line on stderr, exit code 1. */
    public static final class Failure extends RuntimeException {
        public Failure(String message) {
            super(message);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of("--help", "-h", "help").contains(args[0])) {
            PrintStream to = args.length == 0 ? System.err : System.out;
            to.println("usage: java -jar benchmarks/target/benchmarks.jar COMMAND [options]   (see docs/benchmarks.md)");
            USAGE.forEach((c, o) -> to.println("  " + c + " " + o));
            System.exit(args.length == 0 ? 2 : 0);
        }
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (!USAGE.containsKey(command)) {
            System.err.println("benchmarks: unknown command '" + command + "' (one of: " + String.join(", ", USAGE.keySet())
                    + "; see --help)");
            System.exit(2);
        }
        if (!command.equals("jmh") && (List.of(rest).contains("--help") || List.of(rest).contains("-h"))) {
            System.out.println("usage: java -jar benchmarks/target/benchmarks.jar " + command + " " + USAGE.get(command));
            System.exit(0);
        }
        try {
            switch (command) {
                case "jvm": JvmBench.main(rest); break;
                case "training": TrainingBench.main(rest); break;
                case "browser": BrowserBench.main(rest); break;
                case "weight": PageWeight.main(rest); break;
                case "prepare": noOptions(rest); Prepare.main(rest); break;
                case "doc": noOptions(rest); BenchDoc.main(rest); break;
                case "jmh": org.openjdk.jmh.Main.main(rest); break;
                default: // "all"
                    noOptions(rest);
                    JvmBench.main(new String[0]);
                    TrainingBench.main(new String[0]);
                    BrowserBench.main(new String[]{"--runs", "3"});
                    if (java.nio.file.Files.isDirectory(Project.site())) PageWeight.main(new String[0]);
                    break;
            }
        } catch (UsageError e) {
            System.err.println("benchmarks " + command + ": " + e.getMessage());
            System.err.println("usage: java -jar benchmarks/target/benchmarks.jar " + command + " " + USAGE.get(command));
            System.exit(2);
        } catch (Failure e) {
            System.err.println("benchmarks " + command + ": " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);   // chromedriver / executor threads must not keep the JVM alive
    }

    private static void noOptions(String[] rest) {
        if (rest.length > 0) throw new UsageError("takes no options, not '" + rest[0] + "'");
    }

    /** The value after option {@code args[i]}: a missing one is a usage error, not an index out of bounds. */
    public static String value(String[] args, int i) {
        if (i + 1 >= args.length) throw new UsageError(args[i] + " needs a value");
        return args[i + 1];
    }

    /** The whole number after option {@code args[i]}, at least {@code min}. */
    public static int intValue(String[] args, int i, int min) {
        return wholeNumber(args[i], value(args, i), min);
    }

    /** A comma-separated list of whole numbers of at least {@code min} after option {@code args[i]}. */
    public static int[] intList(String[] args, int i, int min) {
        String[] parts = value(args, i).split(",");
        int[] out = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            out[k] = wholeNumber(args[i], parts[k], min);
        }
        return out;
    }

    private static int wholeNumber(String option, String v, int min) {
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // the message below names the option and the value
        }
        throw new UsageError(option + " takes a whole number of at least " + min + ", not '" + v + "'");
    }
}
