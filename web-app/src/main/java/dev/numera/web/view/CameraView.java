package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;

/** Beside the video: the thresholded box and the 28x28 network input, as the network sees them. */
public final class CameraView {
    private final Gray threshold;
    private final Gray input;

    public CameraView(HTMLDocument doc) {
        threshold = new Gray((HTMLCanvasElement) doc.getElementById("camera-threshold"), 140);
        input = new Gray((HTMLCanvasElement) doc.getElementById("camera-input"), 28);
    }

    public void show(Prediction p) {
        float[] t = p.thresholded();
        if (t != null && p.thresholdedWidth() == 140 && p.thresholdedHeight() == 140) {
            threshold.draw(t);
        }
        input.draw(p.input());
    }
}
