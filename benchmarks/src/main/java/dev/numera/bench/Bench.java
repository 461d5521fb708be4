package dev.numera.bench;

import dev.numera.bench.browser.BrowserBench;
import dev.numera.bench.browser.PageWeight;
import dev.numera.bench.jmh.JvmBench;

import java.util.Arrays;

/**
 * Entry point of benchmarks.jar. The measuring commands (jvm, training, browser, weight) write
 * bench/results/&lt;command&gt;.json and regenerate docs/benchmarks.md from all results files; with
 * --smoke (jvm, training, browser) they only print. prepare writes bench/generated, doc only
 * regenerates docs/benchmarks.md, and jmh is plain JMH.
 * <pre>
 *   java -jar benchmarks/target/benchmarks.jar jvm [--quick]        JMH: kernels, network, Recognizer
 *   java -jar benchmarks/target/benchmarks.jar training             images/s, forward+backward, 1 and 2 threads
 *   java -jar benchmarks/target/benchmarks.jar browser [--runs 3]   Chromium: Numera Wasm GC/JS vs ORT, TF.js, plain JS
 *   java -jar benchmarks/target/benchmarks.jar weight               every artefact of the built site, raw and gzip
 *   java -jar benchmarks/target/benchmarks.jar prepare              bench/generated: ONNX, TF.js weights, digits
 *   java -jar benchmarks/target/benchmarks.jar doc                  docs/benchmarks.md from bench/results
 *   java -jar benchmarks/target/benchmarks.jar all                  jvm, training, browser --runs 3, weight (if the site is built)
 *   java -jar benchmarks/target/benchmarks.jar jmh [JMH options]    plain JMH command line
 * </pre>
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("usage: java -jar benchmarks.jar <jvm|training|browser|weight|all|prepare|doc|jmh> [options]  (see docs/benchmarks.md)");
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "jvm": JvmBench.main(rest); break;
            case "training": TrainingBench.main(rest); break;
            case "browser": BrowserBench.main(rest); break;
            case "weight": PageWeight.main(rest); break;
            case "prepare": Prepare.main(rest); break;
            case "doc": BenchDoc.main(rest); break;
            case "jmh": org.openjdk.jmh.Main.main(rest); break;
            case "all":
                JvmBench.main(new String[0]);
                TrainingBench.main(new String[0]);
                BrowserBench.main(new String[]{"--runs", "3"});
                if (java.nio.file.Files.isDirectory(Project.site())) PageWeight.main(new String[0]);
                break;
            default:
                System.err.println("unknown command " + args[0]);
                System.exit(2);
        }
        System.exit(0);   // chromedriver / executor threads must not keep the JVM alive
    }
}
