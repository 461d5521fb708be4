package dev.numera.bench;

import dev.numera.bench.jmh.JvmBench;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM benchmarks run end to end with tiny iteration counts (no figures are written). */
class SmokeTest {
    @Test
    @SuppressWarnings("unchecked")
    void jmhBenchmarksRun() throws Exception {
        Map<String, Object> out = JvmBench.run("smoke", "dev\\.numera\\.bench\\.jmh\\.(KernelBench\\.dense2|RecognizerBench\\.camera140)$", false);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("results");
        assertEquals(2, rows.size(), rows.toString());
        for (Map<String, Object> r : rows) {
            assertTrue(((Number) r.get("nsPerOp")).doubleValue() > 0, r.toString());
            assertTrue(((Number) r.get("gflops")).doubleValue() > 0, r.toString());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void trainingThroughputRuns() throws Exception {
        Map<String, Object> out = TrainingBench.run(8, 0.05, new int[]{1, 2}, 0);   // the Trainer itself is tested in training
        List<Map<String, Object>> rows = (List<Map<String, Object>>) out.get("results");
        assertEquals(4, rows.size());
        for (Map<String, Object> r : rows) assertTrue(((Number) r.get("imagesPerSecond")).doubleValue() > 0);
    }

    @Test
    void standInModelHasTheReferenceSize() {
        assertEquals(1_218_048L, BenchData.macs(BenchData.standIn().toNetwork(1)));
    }

    @Test
    void docRendersFromWhateverResultsExist() {
        String md = BenchDoc.render();
        assertTrue(md.startsWith("# Benchmarks"));
        assertFalse(md.contains("null |"), md);
    }
}
