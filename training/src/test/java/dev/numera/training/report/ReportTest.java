package dev.numera.training.report;

import dev.numera.training.eval.Evaluation;
import dev.numera.training.random.SplitMix64;
import dev.numera.training.train.EpochMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {
    @TempDir
    Path dir;

    @Test
    void writesChartsJsonAndIndex() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<EpochMetrics> history = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            history.add(new EpochMetrics(e, 1.0 / e, 1 - 0.1 / e, 1.1 / e, 1 - 0.12 / e, 0.01, 3.5));
        }
        SplitMix64 rng = new SplitMix64(1);
        Evaluation ev = new Evaluation(10, 16);
        float[] img = new float[784];
        for (int i = 0; i < 500; i++) {
            int label = i % 10;
            float[] probs = new float[10];
            int guess = rng.chance(0.9) ? label : rng.nextInt(10);
            for (int k = 0; k < 10; k++) {
                probs[k] = 0.02f;
            }
            probs[guess] = 0.82f;
            for (int p = 0; p < 784; p++) {
                img[p] = (float) rng.nextDouble();
            }
            ev.add(i, label, probs, 0, img, 0, 784);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("arch", "test <net>");
        run.put("seed", 7);
        Report.write(dir, run, history, ev, "synthetic", 28);

        for (String png : List.of("loss.png", "accuracy.png", "confusion.png", "mistakes.png")) {
            Path f = dir.resolve(png);
            assertTrue(Files.size(f) > 5_000, png + " is " + Files.size(f) + " bytes");
            BufferedImage image = ImageIO.read(f.toFile());
            assertTrue(image.getWidth() >= 300 && image.getHeight() >= 100, png);
        }
        String json = Files.readString(dir.resolve("metrics.json"));
        assertTrue(json.contains("\"validation_accuracy\"") && json.contains("\"confusion\"") && json.contains("\"worst_mistakes\""));
        assertTrue(json.contains("\"arch\": \"test <net>\""), json.substring(0, 200));
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<img src=\"confusion.png\"") && html.contains("test &lt;net&gt;"));
        assertTrue(html.contains("<title>Numera training report</title>"), html.substring(0, 200));
        try (var files = Files.list(dir)) {   // exactly the files the commands keep their other outputs and inputs apart from
            assertEquals(new java.util.TreeSet<>(Report.FILES), files.map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
        // evaluate's report: a model and its test digits, no epochs
        Path evaluated = dir.resolve("evaluated");
        Report.write(evaluated, run, List.of(), ev, "synthetic", 28);
        String page = Files.readString(evaluated.resolve("index.html"));
        assertTrue(page.contains("<title>Numera evaluation report</title>") && page.contains("<h1>Numera evaluation report</h1>"), page.substring(0, 200));
    }

    /**
     * A report that fails part-way (here its metrics cannot be written, after both charts were) takes away the folders it
     * made, with what it wrote there: evaluate on a full disk left an empty report folder. A folder that was there stays.
     */
    @Test
    void aReportThatFailsLeavesNoFolderItMade() throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<EpochMetrics> history = List.of(new EpochMetrics(1, 1.0, 0.9, 1.1, 0.88, 0.01, 3.5));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("broken", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("cannot be written");
            }
        });
        Path report = dir.resolve("new").resolve("report");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Report.write(report, run, history, null, "test", 28));
        assertTrue(!Files.exists(dir.resolve("new")), "the folders it made are gone");
        Path kept = Files.createDirectories(dir.resolve("kept"));
        Files.writeString(kept.resolve("notes.txt"), "mine");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Report.write(kept, run, history, null, "test", 28));
        assertEquals("mine", Files.readString(kept.resolve("notes.txt")), "a folder that was there stays, with what it held");
    }

    @Test
    void jsonEscapesAndDropsNonFinite() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("s", "a\"b\\c\n");
        m.put("x", Double.NaN);
        m.put("a", new double[] {0.5, 1e-5, 0.9962});
        assertEquals("{\n  \"s\": \"a\\\"b\\\\c\\n\",\n  \"x\": null,\n  \"a\": [0.5, 1e-05, 0.9962]\n}\n", Json.write(m));
    }

    /** A class with no digits among those scored (evaluate --limit 3) has no accuracy: "-" on the console and in index.html, null in metrics.json; it read "NaN". */
    @Test
    void aClassWithNoDigitsShowsADash() throws IOException {
        Evaluation ev = new Evaluation(10, 0);
        float[] probs = new float[10];
        probs[7] = 1;
        ev.add(0, 7, probs, 0, new float[784], 0, 784);
        Report.write(dir, new LinkedHashMap<>(), List.of(), ev, "one digit", 28);
        String console = ev.describe();
        assertTrue(console.contains("\n  0  -\n") && console.contains("\n  7  1.0000\n"), console);
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("<tr><th>accuracy</th><td>-</td>") && html.contains("<td>100.00 %</td>"), html);
        assertTrue(!console.contains("NaN") && !html.contains("NaN"), html);
        assertTrue(Files.readString(dir.resolve("metrics.json")).replaceAll("\\s", "").contains("\"per_class_accuracy\":[null,null,null,null,null,null,null,1,null,null]"));
    }
}
