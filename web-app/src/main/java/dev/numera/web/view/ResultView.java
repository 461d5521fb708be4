package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import dev.numera.web.jso.Js;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The verdict: the digit (or "no digit" and why), confidence, top-3, ten probability bars and the
 * aria-live announcement. Bars are built once; updates only change text and a transform, so the
 * layout never moves.
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
        HTMLElement box = doc.getElementById("bars");
        for (int i = 0; i < 10; i++) {
            HTMLElement label = doc.createElement("span");
            label.setTextContent(Integer.toString(i));
            HTMLElement track = doc.createElement("div");
            track.setClassName("bar-track");
            bars[i] = doc.createElement("div");
            bars[i].setClassName("bar");
            track.appendChild(bars[i]);
            values[i] = doc.createElement("span");
            values[i].setClassName("bar-value");
            values[i].setTextContent("–");
            box.appendChild(label);
            box.appendChild(track);
            box.appendChild(values[i]);
        }
    }

    public void show(Prediction p) {
        boolean none = !p.hasDigit();
        digit.setTextContent(none ? "" : Integer.toString(p.digit()));
        confidence.setTextContent(none ? "" : Fmt.percent(p.confidence()));
        noDigit.setTextContent(none ? "No digit: " + p.noDigitReason() : "");
        if (none) {
            top3.setTextContent("");
        } else {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 3; k++) {
                int d = p.top3()[k];
                if (k > 0) {
                    sb.append("  ·  ");
                }
                sb.append(d).append(": ").append(Fmt.percent(p.probabilities()[d]));
            }
            top3.setTextContent(sb.toString());
        }
        for (int i = 0; i < 10; i++) {
            float v = none ? 0f : p.probabilities()[i];
            Js.setStyle(bars[i], "transform", "scaleX(" + Fmt.fixed(v, 4) + ")");
            bars[i].setClassName(!none && i == p.digit() ? "bar top" : "bar");
            values[i].setTextContent(none ? "–" : Fmt.percent(v));
        }
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

    public void clear() {
        digit.setTextContent("");
        confidence.setTextContent("");
        noDigit.setTextContent("");
        top3.setTextContent("");
        for (int i = 0; i < 10; i++) {
            Js.setStyle(bars[i], "transform", "scaleX(0)");
            bars[i].setClassName("bar");
            values[i].setTextContent("–");
        }
    }
}
