package dev.numera.bench.browser;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Kernel efficiency is JVM ns / page ns paired within each run, then the median over runs. */
class EfficiencyTest {
    private static Map<String, Object> run(int run, double convNs, double networkNs) {
        Map<String, Object> kernels = new LinkedHashMap<>();
        kernels.put("conv1", convNs);
        kernels.put("network", networkNs);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run", run);
        r.put("kernels", kernels);
        return r;
    }

    @Test
    @SuppressWarnings("unchecked")
    void pairedPerRunThenMedian() {
        Map<String, List<Map<String, Object>>> byVariant = new LinkedHashMap<>();
        // the JVM drifts between runs (700 → 900 ns); each page run is divided by its own run's JVM time
        byVariant.put("kernels-jvm", List.of(run(1, 100, 700), run(2, 100, 900), run(3, 100, 800)));
        byVariant.put("kernels-wasm", List.of(run(1, 125, 700), run(2, 200, 1000), run(3, 100, 1600)));
        Map<String, Object> failed = new LinkedHashMap<>(Map.of("run", 1, "error", "page crashed"));
        byVariant.put("kernels-js", new ArrayList<>(List.of(failed, run(2, 400, 1800))));
        Map<String, Object> eff = Summary.efficiency(byVariant, "kernels-jvm", List.of("kernels-wasm", "kernels-js"));

        Map<String, Object> wasmNet = (Map<String, Object>) ((Map<String, Object>) eff.get("kernels-wasm")).get("network");
        assertEquals(List.of(1.0, 0.9, 0.5), wasmNet.get("values"));
        assertEquals(0.9, (double) wasmNet.get("median"), 1e-12);        // not 800 / 1000 = 0.8, the ratio of the medians
        Map<String, Object> wasmConv = (Map<String, Object>) ((Map<String, Object>) eff.get("kernels-wasm")).get("conv1");
        assertEquals(0.8, (double) wasmConv.get("median"), 1e-12);        // of 0.8, 0.5, 1.0

        Map<String, Object> jsNet = (Map<String, Object>) ((Map<String, Object>) eff.get("kernels-js")).get("network");
        assertEquals(List.of(0.5), jsNet.get("values"));                 // run 1 failed: no pair
    }

    @Test
    void noJvmRunNoEfficiency() {
        Map<String, List<Map<String, Object>>> byVariant = new LinkedHashMap<>();
        byVariant.put("kernels-wasm", List.of(run(1, 125, 875)));
        assertFalse(Summary.efficiency(byVariant, "kernels-jvm", List.of("kernels-wasm")).containsKey("kernels-wasm"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void againstTheJvmOnAvx2() {
        // the same pages against a second JVM side, the child JVM limited to 16 vector registers
        Map<String, List<Map<String, Object>>> byVariant = new LinkedHashMap<>();
        byVariant.put("kernels-jvm", List.of(run(1, 100, 400)));
        byVariant.put("kernels-jvm-avx2", List.of(run(1, 100, 500)));
        byVariant.put("kernels-wasm", List.of(run(1, 125, 625)));
        Map<String, Object> summary = Summary.summarise(byVariant, Map.of("predictions", List.of(), "probabilities0", List.of()));
        Map<String, Object> vsDefault = (Map<String, Object>) summary.get("efficiency");
        Map<String, Object> vsAvx2 = (Map<String, Object>) summary.get("efficiencyAvx2");
        assertEquals(0.64, median(vsDefault, "kernels-wasm", "network"), 1e-12);
        assertEquals(0.8, median(vsDefault, "kernels-jvm-avx2", "network"), 1e-12);
        assertEquals(0.8, median(vsAvx2, "kernels-wasm", "network"), 1e-12);
        assertEquals(0.8, median(vsAvx2, "kernels-wasm", "conv1"), 1e-12);
    }

    @SuppressWarnings("unchecked")
    private static double median(Map<String, Object> eff, String side, String kernel) {
        return (double) ((Map<String, Object>) ((Map<String, Object>) eff.get(side)).get(kernel)).get("median");
    }
}
