package dev.numera.bench.browser;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A run's load figures are the medians over its cold loads; failed loads do not count. */
class PoolLoadsTest {
    private static Map<String, Object> load(double ready, double first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("readyMs", ready);
        m.put("firstMs", first);
        m.put("readyPlusFirstMs", ready + first);
        return m;
    }

    @Test
    @SuppressWarnings("unchecked")
    void medianOfTheFullAndTheExtraLoads() {
        Map<String, Object> r = load(100, 5);
        r.put("infer", Map.of("median", 1.0));
        BrowserBench.poolLoads(r, List.of(load(90, 4), Map.of("error", "timeout"), load(200, 9)));
        assertEquals(100.0, r.get("readyMs"));                 // of 100, 90, 200
        assertEquals(5.0, r.get("firstMs"));                   // of 5, 4, 9
        assertEquals(105.0, r.get("readyPlusFirstMs"));        // of 105, 94, 209: the median sum, not a sum of medians
        assertEquals(3, ((List<Object>) r.get("loadSamples")).size());
        assertEquals(100.0, ((Map<String, Object>) r.get("fullLoad")).get("readyMs"));
        assertEquals(Map.of("median", 1.0), r.get("infer"));   // the rest of the run is its own
    }

    @Test
    void anEmptyPageHasNoFirstInference() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("readyMs", 60.0);
        r.put("readyPlusFirstMs", 60.0);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("readyMs", 50.0);
        extra.put("readyPlusFirstMs", 50.0);
        BrowserBench.poolLoads(r, List.of(extra));
        assertEquals(55.0, r.get("readyMs"));
        assertEquals(false, r.containsKey("firstMs"));
    }
}
