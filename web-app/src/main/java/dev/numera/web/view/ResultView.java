package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The verdict: the digit (or "no digit" and why), confidence, top-3, ten probability bars and the
 * aria-live announcement. The bars are the page's own markup; updates only change text and a
 * transform, so the layout never moves.
 */
public final class ResultView {
    private final HTMLElement digit;
    private final HTMLElement confidence;
    private final HTMLElement noDigit;
    private final HTMLElement top3;
    private final HTMLElement announce;
    private final HTMLElement[] bars = new HTMLElement[10];
    private final HTMLElement[] values = new HTMLElement[10];
    private String lastAnnounced = "";

    public ResultView(HTMLDocument doc) {
        digit = doc.getElementById("prediction");
        confidence = doc.getElementById("confidence");
        noDigit = doc.getElementById("no-digit");
        top3 = doc.getElementById("top3");
        announce = doc.getElementById("announce");
        // The ten rows are in index.html (label, track with its bar, value), so the parser makes
        // them and the first layout, which runs while the model downloads, already has them.
        HTMLElement box = doc.getElementById("bars");
        NodeList<? extends HTMLElement> bar = box.querySelectorAll(".bar");
        NodeList<? extends HTMLElement> value = box.querySelectorAll(".bar-value");
        if (bar.getLength() != 10 || value.getLength() != 10) {
            throw new IllegalStateException("index.html must hold ten .bar and ten .bar-value in #bars");
        }
        for (int i = 0; i < 10; i++) {
            bars[i] = bar.item(i);
            values[i] = value.item(i);
        }
    }

    // What the page shows now. The camera calls show() every animation frame; writing only what
    // changed keeps a steady picture from making a new string per element per frame.
    private int shownDigit = Integer.MIN_VALUE;
    private int shownConfidence = Integer.MIN_VALUE + 1;
    private String shownReason = "";
    private final int[] shownTop3 = {-2, -2, -2};      // the three digits shown, -1 when none
    private final int[] shownTop3Key = new int[3];     // and their percentages, as Fmt.percentKey
    private final int[] shownScale = new int[10];
    private final int[] shownValue = new int[10];
    private int shownTop = Integer.MIN_VALUE;

    {
        java.util.Arrays.fill(shownScale, Integer.MIN_VALUE + 1);
        java.util.Arrays.fill(shownValue, Integer.MIN_VALUE + 1);
    }

    public void show(Prediction p) {
        boolean none = !p.hasDigit();
        float[] prob = p.probabilities();
        if (p.digit() != shownDigit) {
            shownDigit = p.digit();
            digit.setTextContent(none ? "" : Integer.toString(p.digit()));
        }
        int conf = none ? -1 : Fmt.percentKey(prob, p.digit());
        if (conf != shownConfidence) {
            shownConfidence = conf;
            confidence.setTextContent(none ? "" : Fmt.percent(p.confidence()));
        }
        String reason = p.noDigitReason();
        if (reason == null ? shownReason != null : !reason.equals(shownReason)) {
            shownReason = reason;
            noDigit.setTextContent(none ? "No digit: " + reason : "");
        }
        boolean topChanged = false;
        for (int k = 0; k < 3; k++) {
            int d = none ? -1 : p.top3()[k];
            int key = none ? -1 : Fmt.percentKey(prob, d);
            topChanged |= d != shownTop3[k] || key != shownTop3Key[k];
            shownTop3[k] = d;
            shownTop3Key[k] = key;
        }
        if (topChanged) {
            if (none) {
                top3.setTextContent("");
            } else {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < 3; k++) {
                    int d = p.top3()[k];
                    if (k > 0) {
                        sb.append("  ·  ");
                    }
                    sb.append(d).append(": ").append(Fmt.percent(prob[d]));
                }
                top3.setTextContent(sb.toString());
            }
        }
        int topBar = none ? -1 : p.digit();
        // prob[i] is read only where a bar changes: in TeaVM's JavaScript a float held across the
        // loop body is a heap number per bar per frame in V8's baseline tiers.
        for (int i = 0; i < 10; i++) {
            int scale = none ? 0 : Fmt.key(prob, i, 1, 3); // 1/1000 of the track: under a pixel
            if (scale != shownScale[i]) {
                shownScale[i] = scale;
                Js.setStyle(bars[i], "transform", "scaleX(" + Fmt.fixed(none ? 0f : prob[i], 3) + ")");
            }
            if ((i == topBar) != (i == shownTop) || shownTop == Integer.MIN_VALUE) {
                bars[i].setClassName(i == topBar ? "bar top" : "bar");
            }
            int value = none ? -1 : Fmt.percentKey(prob, i);
            if (value != shownValue[i]) {
                shownValue[i] = value;
                values[i].setTextContent(none ? "–" : Fmt.percent(prob[i]));
            }
        }
        shownTop = topBar;
    }

    /** Screen readers hear settled results only (pen lifted, camera verdict changed), never every frame. */
    public void announce(Prediction p) {
        String text = !p.hasDigit() ? "No digit: " + p.noDigitReason() + "."
                : "Recognised " + p.digit() + ", " + Fmt.fixed(p.confidence() * 100, 0) + " percent confident.";
        if (!text.equals(lastAnnounced)) {
            lastAnnounced = text;
            announce.setTextContent(text);
        }
    }
}
