package dev.numera.training.report;

import dev.numera.training.eval.Evaluation;
import dev.numera.training.train.EpochMetrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's index.html: a self-contained page (no scripts, no external requests). */
final class Html {
    private Html() {
    }

    static String index(Map<String, Object> run, List<EpochMetrics> history, Evaluation e,
                        String evaluationName, List<String> pictures) {
        // evaluate writes a report of a model, with no epochs behind it
        String title = history.isEmpty() ? "Numera evaluation report" : "Numera training report";
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<title>").append(title).append("</title>\n<style>")
                .append("body{font:15px/1.4 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}")
                .append("th{background:#f3f3f3}td.k{text-align:left}img{max-width:100%;border:1px solid #ddd;margin:.5em 0}")
                .append("</style></head><body>\n<h1>").append(title).append("</h1>\n");
        h.append("<h2>Run</h2>\n<table>\n");
        for (Map.Entry<String, Object> entry : run.entrySet()) {
            h.append("<tr><td class=\"k\">").append(escape(entry.getKey())).append("</td><td class=\"k\">")
                    .append(escape(String.valueOf(entry.getValue()))).append("</td></tr>\n");
        }
        h.append("</table>\n");
        if (e != null) {
            h.append("<h2>Evaluation: ").append(escape(evaluationName)).append("</h2>\n<p>accuracy <b>")
                    .append(Report.percent(e.accuracy())).append("</b> (").append(e.correct()).append(" of ")
                    .append(e.count()).append("), mean confidence ")
                    .append(String.format(Locale.ROOT, "%.4f", e.meanConfidence())).append("</p>\n<table><tr><th>digit</th>");
            for (int i = 0; i < e.classes(); i++) {
                h.append("<th>").append(i).append("</th>");
            }
            h.append("</tr>\n<tr><th>accuracy</th>");
            for (double a : e.perClassAccuracy()) {
                h.append("<td>").append(Double.isNaN(a) ? Evaluation.NO_DIGITS : Report.percent(a)).append("</td>");
            }
            h.append("</tr></table>\n");
        }
        if (!history.isEmpty()) {
            h.append("<h2>Epochs</h2>\n<table><tr><th>epoch</th><th>train loss</th><th>train acc</th>")
                    .append("<th>val loss</th><th>val acc</th><th>lr</th><th>seconds</th></tr>\n");
            for (EpochMetrics m : history) {
                h.append(String.format(Locale.ROOT,
                        "<tr><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.2e</td><td>%.1f</td></tr>%n",
                        m.epoch(), m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy(),
                        m.learningRate(), m.seconds()));
            }
            h.append("</table>\n");
        }
        for (String p : pictures) {
            h.append("<h3>").append(escape(p.replace(".png", ""))).append("</h3>\n<img src=\"").append(escape(p))
                    .append("\" alt=\"").append(escape(p)).append("\">\n");
        }
        h.append("<p><a href=\"metrics.json\">metrics.json</a></p>\n</body></html>\n");
        return h.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
