package dev.numera.bench.jmh;

import dev.numera.bench.Bench;
import dev.numera.bench.BenchData;
import dev.numera.bench.BenchDoc;
import dev.numera.bench.Project;
import dev.numera.bench.Results;
import dev.numera.bench.kernels.KernelSet;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the JMH benchmarks ({@link KernelBench}, {@link RecognizerBench}) with the GC profiler,
 * adds GFLOP/s and bytes allocated per operation, and writes bench/results/jvm.json.
 * <pre>
 *   jvm [--quick | --smoke] [--include REGEX]
 * </pre>
 */
public final class JvmBench {
    /** Multiply-adds per operation (the network's conv and dense layers; pooling, relu: none). */
    public static final Map<String, Long> MACS = new LinkedHashMap<>();

    static {
        for (int i = 0; i < KernelSet.NAMES.length; i++) if (KernelSet.MACS[i] > 0) MACS.put(KernelSet.NAMES[i], KernelSet.MACS[i]);
    }

    private JvmBench() {
    }

    public static void main(String[] args) throws RunnerException {
        String mode = "full", include = "dev\\.numera\\.bench\\.jmh\\.(KernelBench|RecognizerBench)\\..*";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick": mode = "quick"; break;
                case "--smoke": mode = "smoke"; break;
                case "--include": include = Bench.value(args, i++); break;
                default: throw new Bench.UsageError("unknown option " + args[i]);
            }
        }
        Map<String, Object> out = run(mode, include, !"smoke".equals(mode));
        if (!"smoke".equals(mode)) {
            Results.write("jvm", out);
            BenchDoc.generate();
        } else {
            System.out.println(Results.toJson(out));
        }
    }

    public static Map<String, Object> run(String mode, String include, boolean fork) throws RunnerException {
        Map<String, Object> machine = Project.machine();
        BenchData.Model model = BenchData.model();
        long modelMacs = BenchData.macs(model.file.toNetwork(1));
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).addProfiler(GCProfiler.class).shouldFailOnError(true)
                .jvmArgsAppend("-Dnumera.root=" + Project.root());
        switch (mode) {
            case "smoke":
                o.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(20)).measurementIterations(1).measurementTime(TimeValue.milliseconds(20));
                break;
            case "quick":
                o.forks(1).warmupIterations(3).warmupTime(TimeValue.milliseconds(300)).measurementIterations(5).measurementTime(TimeValue.milliseconds(300));
                break;
            default:
                o.forks(fork ? 2 : 0).warmupIterations(5).warmupTime(TimeValue.seconds(1)).measurementIterations(10).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(o.build()).run();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RunResult rr : results) {
            String full = rr.getParams().getBenchmark();
            String name = full.substring(full.lastIndexOf('.') + 1);
            String cls = full.substring(0, full.lastIndexOf('.'));
            Result<?> r = rr.getPrimaryResult();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("benchmark", cls.substring(cls.lastIndexOf('.') + 1) + "." + name);
            row.put("nsPerOp", r.getScore());
            row.put("error", Double.isNaN(r.getScoreError()) ? 0.0 : r.getScoreError());
            Long macs = MACS.get(name);
            if (macs == null && cls.endsWith("RecognizerBench")) macs = modelMacs;
            if (macs != null) {
                row.put("macs", macs);
                row.put("gflops", 2.0 * macs / r.getScore());
            }
            for (Map.Entry<String, Result> e : rr.getSecondaryResults().entrySet()) {
                if (e.getKey().endsWith("gc.alloc.rate.norm")) row.put("allocBytesPerOp", e.getValue().getScore());
            }
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", "java -jar benchmarks/target/benchmarks.jar jvm" + ("full".equals(mode) ? "" : " --" + mode));
        out.put("mode", mode);
        machine.put("loadAverageEnd", Project.loadAverage());
        out.put("machine", machine);
        out.put("model", model.source);
        out.put("modelMacs", modelMacs);
        out.put("results", rows);
        return out;
    }
}
