package dev.numera.training.report;

import dev.numera.training.io.AtomicFiles;

import dev.numera.training.eval.Evaluation;
import dev.numera.training.train.EpochMetrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a report folder:
 * <pre>
 * loss.png        train and validation loss per epoch        (when there is a history)
 * accuracy.png    train and validation accuracy per epoch    (when there is a history)
 * confusion.png   confusion matrix, counts in the cells      (when there is an evaluation)
 * mistakes.png    worst mistakes with top-3 probabilities    (when there is an evaluation)
 * metrics.json    everything above as numbers, plus the run's settings
 * index.html      shows it all
 * </pre>
 */
public final class Report {
    private Report() {
    }

    /** Every file {@link #write} may make in its folder (the commands refuse an output or input among them). */
    public static final List<String> FILES = List.of("loss.png", "accuracy.png", "confusion.png", "mistakes.png", "metrics.json", "index.html");

    /**
     * @param run        settings and summary figures (architecture, seed, optimiser, int8 accuracy...),
     *                   shown as a table and copied into metrics.json
     * @param history    per-epoch metrics, may be empty
     * @param evaluation the scored evaluation set (test digits for evaluate), or null
     * @param evaluationName what the evaluation is of, e.g. "test (10,000 digits)"
     * @param side       image side for the mistakes grid (28)
     */
    public static void write(Path dir, Map<String, Object> run, List<EpochMetrics> history,
                             Evaluation evaluation, String evaluationName, int side) throws IOException {
        // the outermost folder this call makes, if any: a report that fails (a full disk) takes it away again, with the
        // files it wrote there, instead of leaving an empty or half-written folder behind
        Path made = null;
        for (Path f = dir.toAbsolutePath(); f != null && !Files.exists(f); f = f.getParent()) {
            made = f;
        }
        Files.createDirectories(dir);
        try {
            writeFiles(dir, run, history, evaluation, evaluationName, side);
        } catch (IOException | RuntimeException e) {
            if (made != null) {
                removeMade(made, e);
            }
            throw e;
        }
    }

    // made: a folder this report made, holding only what it wrote; emptied and removed, any failure to do so added to e
    private static void removeMade(Path made, Exception e) {
        try (var all = Files.walk(made)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException cleanup) {
            e.addSuppressed(cleanup);
        }
    }

    private static void writeFiles(Path dir, Map<String, Object> run, List<EpochMetrics> history,
                                   Evaluation evaluation, String evaluationName, int side) throws IOException {
        List<String> pictures = new ArrayList<>();
        if (!history.isEmpty()) {
            save(curves(history, "loss", true), dir.resolve("loss.png"));
            save(curves(history, "accuracy", false), dir.resolve("accuracy.png"));
            pictures.add("loss.png");
            pictures.add("accuracy.png");
        }
        if (evaluation != null) {
            DigitImages.writePng(ConfusionChart.render(evaluation.confusion(), "Confusion matrix, " + evaluationName), dir.resolve("confusion.png"));
            DigitImages.writePng(MistakeGrid.render(evaluation.worstMistakes(), side), dir.resolve("mistakes.png"));
            pictures.add("confusion.png");
            pictures.add("mistakes.png");
        }
        Map<String, Object> json = metrics(run, history, evaluation, evaluationName);
        writeAtomically(dir.resolve("metrics.json"), Json.write(json));
        writeAtomically(dir.resolve("index.html"), Html.index(run, history, evaluation, evaluationName, pictures));
    }

    static XYChart curves(List<EpochMetrics> history, String what, boolean loss) {
        XYChart chart = new XYChartBuilder().width(800).height(480)
                .title(loss ? "Loss per epoch" : "Accuracy per epoch")
                .xAxisTitle("epoch").yAxisTitle(what).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(5);
        double[] x = new double[history.size()];
        double[] train = new double[history.size()];
        double[] val = new double[history.size()];
        for (int i = 0; i < history.size(); i++) {
            EpochMetrics m = history.get(i);
            x[i] = m.epoch();
            train[i] = loss ? m.trainLoss() : m.trainAccuracy();
            val[i] = loss ? m.validationLoss() : m.validationAccuracy();
        }
        chart.addSeries("train", x, train);
        chart.addSeries("validation", x, val);
        return chart;
    }

    static Map<String, Object> metrics(Map<String, Object> run, List<EpochMetrics> history,
                                       Evaluation e, String evaluationName) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run", run);
        List<Object> epochs = new ArrayList<>();
        for (EpochMetrics m : history) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("epoch", m.epoch());
            row.put("train_loss", m.trainLoss());
            row.put("train_accuracy", m.trainAccuracy());
            row.put("validation_loss", m.validationLoss());
            row.put("validation_accuracy", m.validationAccuracy());
            row.put("learning_rate", m.learningRate());
            row.put("seconds", m.seconds());
            epochs.add(row);
        }
        json.put("epochs", epochs);
        if (e != null) {
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("set", evaluationName);
            ev.put("n", e.count());
            ev.put("accuracy", e.accuracy());
            ev.put("mean_confidence", e.meanConfidence());
            ev.put("mean_loss", e.meanLoss());
            ev.put("per_class_accuracy", e.perClassAccuracy());
            List<Object> rows = new ArrayList<>();
            for (long[] row : e.confusion()) {
                rows.add(row);
            }
            ev.put("confusion", rows);
            List<Object> worst = new ArrayList<>();
            for (Evaluation.Mistake m : e.worstMistakes()) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("index", m.index());
                w.put("label", m.label());
                w.put("predicted", m.predicted());
                w.put("probabilities", m.probabilities());
                worst.add(w);
            }
            ev.put("worst_mistakes", worst);
            json.put("evaluation", ev);
        }
        return json;
    }

    private static void save(Chart<?, ?> chart, Path file) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        AtomicFiles.write(file, png.toByteArray());
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static String percent(double accuracy) {
        return String.format(Locale.ROOT, "%.2f %%", 100 * accuracy);
    }
}
