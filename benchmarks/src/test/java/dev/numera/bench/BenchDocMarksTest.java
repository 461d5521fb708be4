package dev.numera.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start's marks over every cold load: per mark the median time and the median step within a load, hand-computed. */
class BenchDocMarksTest {
    private static Map<String, Object> timeline(double ready, String... marks) {
        return Map.of("marks", List.of((Object[]) marks), "ready", ready);
    }

    @Test
    void mediansOverEveryLoadInTheOrderOfTheirMedians() {
        // loads: code in 10 / 12 / 14, main 20 / 26 / 22, ready 30 / 40 / 35; steps 10, 12, 14 | 10, 14, 8 | 10, 14, 13;
        // the third load also marks "model in" at 9, after main: listed first (by its median), its step 9 - 22 = -13, and
        // that load's ready step from it, 35 - 9 = 26: ready's steps 10, 14, 26
        Map<String, Object> run = Map.of("timeline", timeline(30, "code in 10", "main 20"),
                "loadSamples", List.of(Map.of("readyMs", 30.0),
                        Map.of("readyMs", 40.0, "timeline", timeline(40, "code in 12", "main 26")),
                        Map.of("readyMs", 35.0, "timeline", timeline(35, "code in 14", "main 22", "model in 9"))));
        StringBuilder sb = new StringBuilder();
        BenchDoc.marksSection(sb, Map.of("numera-wasm", List.of(run)), Map.of("numera-wasm", "Wasm GC"));
        String doc = sb.toString();
        assertTrue(doc.contains("| Wasm GC (3 loads) | | |\n| model in | 9.0 | -13.0 |\n| code in | 12.0 | 12.0 |\n| main | 22.0 | 10.0 |\n"
                + "| ready | 35.0 | 14.0 |\n"), doc);
    }

    @Test
    void resultsWithoutEveryLoadsTimelineGetNoTable() {
        StringBuilder sb = new StringBuilder();
        BenchDoc.marksSection(sb, Map.of("numera-wasm", List.of(Map.of("timeline", timeline(30, "code in 10")))), Map.of());
        assertEquals("", sb.toString());
    }
}
