package dev.numera.bench.browser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Medians and spreads over runs, agreement with the JVM, and Numera / incumbent ratios per run. */
public final class Summary {
    /** metric name → how to read it from one run's result. */
    static final Map<String, Function<Map<String, Object>, Double>> METRICS = new LinkedHashMap<>();

    static {
        METRICS.put("readyMs", r -> num(r.get("readyMs")));
        METRICS.put("firstMs", r -> num(r.get("firstMs")));
        METRICS.put("readyPlusFirstMs", r -> num(r.get("readyPlusFirstMs")));
        METRICS.put("inferMedianMs", r -> sub(r, "infer", "median"));
        METRICS.put("inferP95Ms", r -> sub(r, "infer", "p95"));
        METRICS.put("steadyMs", r -> sub(r, "infer", "steadyMedian"));
        METRICS.put("cameraMedianMs", r -> sub(r, "camera", "median"));
        METRICS.put("cameraP95Ms", r -> sub(r, "camera", "p95"));
        METRICS.put("cameraLoopMedianMs", r -> sub(r, "cameraLoop", "median"));
        METRICS.put("allocBytesPerFrame", r -> num(r.get("allocBytesPerFrame")));
        METRICS.put("heapRetainedPerFrame", r -> num(r.get("heapRetainedPerFrame")));
        METRICS.put("allocFirstPassBytesPerFrame", r -> num(r.get("allocBytesFirstPassPerFrame")));
        // the further heap workloads, where a page has them (Numera: the camera pipeline without the grab,
        // then the recognize() API): "alloc2…" for the second, "alloc3…" for the third
        for (int i = 1; i <= 2; i++) {
            int k = i;
            METRICS.put("alloc" + (k + 1) + "FirstPassBytesPerFrame", r -> workload(r, k, "allocBytesFirstPassPerFrame"));
            METRICS.put("alloc" + (k + 1) + "BytesPerFrame", r -> workload(r, k, "allocBytesPerFrame"));
            METRICS.put("heap" + (k + 1) + "RetainedPerFrame", r -> workload(r, k, "heapRetainedPerFrame"));
        }
        METRICS.put("bytesRaw", r -> num(r.get("bytesRaw")));
        METRICS.put("bytesGzip", r -> num(r.get("bytesGzip")));
        METRICS.put("bytesGzipCode", r -> num(r.get("bytesGzipCode")));
        METRICS.put("bytesGzipModel", r -> num(r.get("bytesGzipModel")));
        METRICS.put("timerResolutionMs", r -> num(r.get("timerResolutionMs")));
    }

    /** Ratios Numera / incumbent that the targets are stated in. */
    static final List<String> RATIO_METRICS = List.of("readyPlusFirstMs", "readyMs", "firstMs", "steadyMs", "inferMedianMs", "bytesGzip", "bytesGzipCode");

    private Summary() {
    }

    static double num(Object o) {
        return o instanceof Number ? ((Number) o).doubleValue() : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static double sub(Map<String, Object> r, String a, String b) {
        Object m = r.get(a);
        return m instanceof Map ? num(((Map<String, Object>) m).get(b)) : Double.NaN;
    }

    @SuppressWarnings("unchecked")
    static double workload(Map<String, Object> r, int i, String key) {
        Object w = r.get("heapWorkloads");
        return w instanceof List && ((List<Object>) w).size() > i ? num(((Map<String, Object>) ((List<Object>) w).get(i)).get(key)) : Double.NaN;
    }

    public static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>();
        for (Double x : xs) if (x != null && !x.isNaN()) s.add(x);
        if (s.isEmpty()) return Double.NaN;
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** The (a, b) results of the same run, both without error: what a within-run ratio is taken over. */
    static List<List<Map<String, Object>>> sameRun(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<List<Map<String, Object>>> pairs = new ArrayList<>();
        for (Map<String, Object> ra : a) {
            for (Map<String, Object> rb : b) {
                if (!ra.containsKey("error") && !rb.containsKey("error") && ra.get("run").equals(rb.get("run"))) pairs.add(List.of(ra, rb));
            }
        }
        return pairs;
    }

    /**
     * Kernel efficiency of each other kernel side against one JVM side: JVM ns / side ns (= the side's
     * GFLOP/s over the JVM's) for every kernel, within each run (the sides interleaved in slices), then
     * the median over runs: "kernels-wasm" → kernel → {median, values}.
     * @param jvmSide "kernels-jvm" (the runner's JVM as it starts) or "kernels-jvm-avx2"
     * @param sides   the sides compared with it
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> efficiency(Map<String, List<Map<String, Object>>> byVariant, String jvmSide, List<String> sides) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> jvm = byVariant.get(jvmSide);
        if (jvm == null) return out;
        for (String page : sides) {
            List<Map<String, Object>> rs = byVariant.get(page);
            if (rs == null) continue;
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (List<Map<String, Object>> pair : sameRun(rs, jvm)) {
                Map<String, Object> kp = (Map<String, Object>) pair.get(0).get("kernels"), kj = (Map<String, Object>) pair.get(1).get("kernels");
                for (String name : kp.keySet()) {
                    double e = num(kj.get(name)) / num(kp.get(name));
                    if (!Double.isNaN(e)) values.computeIfAbsent(name, x -> new ArrayList<>()).add(e);
                }
            }
            Map<String, Object> perKernel = new LinkedHashMap<>();
            values.forEach((name, xs) -> {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("median", median(xs));
                s.put("values", xs);
                perKernel.put(name, s);
            });
            if (!perKernel.isEmpty()) out.put(page, perKernel);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> summarise(Map<String, List<Map<String, Object>>> byVariant, Map<String, Object> expected) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> perVariant = new LinkedHashMap<>();
        List<Object> expPred = (List<Object>) expected.get("predictions");
        List<Object> expProbs = (List<Object>) expected.get("probabilities0");
        for (Map.Entry<String, List<Map<String, Object>>> e : byVariant.entrySet()) {
            Map<String, Object> v = new LinkedHashMap<>();
            List<Map<String, Object>> ok = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            for (Map<String, Object> r : e.getValue()) {
                if (r.containsKey("error")) errors.add("run " + r.get("run") + ": " + r.get("error"));
                else ok.add(r);
            }
            v.put("runsOk", ok.size());
            if (!errors.isEmpty()) v.put("errors", errors);
            for (Map.Entry<String, Function<Map<String, Object>, Double>> m : METRICS.entrySet()) {
                List<Double> xs = new ArrayList<>();
                for (Map<String, Object> r : ok) xs.add(m.getValue().apply(r));
                double med = median(xs);
                if (Double.isNaN(med)) continue;
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("median", med);
                s.put("min", xs.stream().filter(x -> !x.isNaN()).mapToDouble(x -> x).min().orElse(Double.NaN));
                s.put("max", xs.stream().filter(x -> !x.isNaN()).mapToDouble(x -> x).max().orElse(Double.NaN));
                s.put("values", xs);
                v.put(m.getKey(), s);
            }
            if (!ok.isEmpty() && ok.get(0).containsKey("kernels")) {      // kernel pages: ns/op per kernel
                Map<String, Object> ks = new LinkedHashMap<>();
                for (String name : ((Map<String, Object>) ok.get(0).get("kernels")).keySet()) {
                    List<Double> xs = new ArrayList<>();
                    for (Map<String, Object> r : ok) xs.add(num(((Map<String, Object>) r.get("kernels")).get(name)));
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("median", median(xs));
                    s.put("values", xs);
                    ks.put(name, s);
                }
                v.put("kernels", ks);
                if (ok.get(0).containsKey("jvm")) v.put("jvm", ok.get(0).get("jvm"));   // a JVM side: which JVM, with which flags
            } else if (!ok.isEmpty()) {
                Map<String, Object> r = ok.get(0);
                v.put("runtime", r.get("runtime"));
                v.put("crossOriginIsolated", r.get("crossOriginIsolated"));
                List<Object> pred = (List<Object>) r.get("predictions");
                if (pred == null) {                          // the empty page: load only
                    v.put("files", r.get("files"));
                    perVariant.put(e.getKey(), v);
                    continue;
                }
                int agree = 0;
                for (int i = 0; pred != null && i < Math.min(pred.size(), expPred.size()); i++) {
                    if (num(pred.get(i)) == num(expPred.get(i))) agree++;
                }
                v.put("agreementWithJvm", agree + "/" + expPred.size());
                List<Object> p0 = (List<Object>) r.get("probabilities0");
                double maxDiff = 0;
                for (int i = 0; p0 != null && i < Math.min(p0.size(), expProbs.size()); i++) {
                    maxDiff = Math.max(maxDiff, Math.abs(num(p0.get(i)) - num(expProbs.get(i))));
                }
                v.put("maxProbDiffVsJvm", maxDiff);
                if (r.containsKey("cameraDigit")) v.put("cameraDigit", r.get("cameraDigit") + " (JVM " + expected.get("cameraDigit") + ")");
                v.put("files", r.get("files"));
                v.put("allocTop", r.get("allocTop"));
                if (r.containsKey("cameraLoopDigit")) v.put("cameraLoopDigit", r.get("cameraLoopDigit"));
                Object w = r.get("heapWorkloads");
                for (int i = 1; w instanceof List && i < ((List<Object>) w).size(); i++) {
                    Map<String, Object> further = (Map<String, Object>) ((List<Object>) w).get(i);
                    v.put("alloc" + (i + 1) + "Workload", further.get("heapWorkload"));
                    v.put("alloc" + (i + 1) + "Top", further.get("allocTop"));
                }
            }
            perVariant.put(e.getKey(), v);
        }
        out.put("variants", perVariant);

        // ratios measured within one run, then the median (and spread) over runs
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (String num : List.of("numera-wasm", "numera-js", "empty")) {
            for (String den : num.equals("empty") ? List.of("ort") : List.of("ort", "tfjs", "plainjs")) {   // empty/ort: the floor of the ratio
                List<Map<String, Object>> a = byVariant.get(num), b = byVariant.get(den);
                if (a == null || b == null) continue;
                Map<String, Object> pair = new LinkedHashMap<>();
                for (String metric : RATIO_METRICS) {
                    Function<Map<String, Object>, Double> f = METRICS.get(metric);
                    List<Double> rs = new ArrayList<>();
                    for (List<Map<String, Object>> p : sameRun(a, b)) rs.add(f.apply(p.get(0)) / f.apply(p.get(1)));
                    double med = median(rs);
                    if (Double.isNaN(med)) continue;
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("median", med);
                    s.put("values", rs);
                    pair.put(metric, s);
                }
                ratios.put(num + "/" + den, pair);
            }
        }
        out.put("ratios", ratios);
        Map<String, Object> eff = efficiency(byVariant, "kernels-jvm", List.of("kernels-wasm", "kernels-js", "kernels-jvm-avx2"));
        if (!eff.isEmpty()) out.put("efficiency", eff);
        Map<String, Object> effAvx2 = efficiency(byVariant, "kernels-jvm-avx2", List.of("kernels-wasm", "kernels-js"));
        if (!effAvx2.isEmpty()) out.put("efficiencyAvx2", effAvx2);
        return out;
    }
}
