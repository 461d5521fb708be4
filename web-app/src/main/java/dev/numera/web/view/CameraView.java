package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * Beside the video: the thresholded box and the 28x28 network input, as the network sees them. On the
 * video: the camera's digit and confidence, a read-out for whoever watches the preview. On a phone the
 * result card sits above the camera's (under the pad, where a drawing's result belongs), so it is out of
 * sight while one aims the camera. Moving the cards when the camera starts would move the button just
 * pressed and put the pad's result out of reach instead; this repeats the result where the eye is. It is
 * aria-hidden, the result card already saying the same to screen readers, and it shows only while the
 * camera gives the result: while the pad holds a drawing the result is the drawing's, and a camera digit
 * on the preview would contradict it.
 */
public final class CameraView {
    private final Grey threshold;
    private final Grey input;
    private final Readout readout;

    public CameraView(HTMLDocument doc) {
        threshold = new Grey((HTMLCanvasElement) doc.getElementById("camera-threshold"), 140);
        input = new Grey((HTMLCanvasElement) doc.getElementById("camera-input"), 28);
        readout = new Readout(doc, "camera");
    }

    /** Blank views and a read-out of "–", as before the first frame. */
    public void clear() {
        threshold.clear();
        input.clear();
        readout.clear();
    }

    /**
     * @param shownProbabilities the probabilities the result shows with p's verdict (CameraMean's), which the read-out repeats
     * @param shownUnsure        whether the result shows p's digit as a guess (CameraMean's), which the read-out repeats
     * @param isResult whether p is also the page's result (the pad is empty), which the read-out then repeats; else it goes
     * @param shown    whether App shows this verdict (two new pictures agreed on it, or the pad was just cleared): else
     *                 the read-out keeps what it shows
     */
    public void show(Prediction p, float[] shownProbabilities, boolean shownUnsure, boolean isResult, boolean shown) {
        float[] t = p.thresholded();
        if (t != null && p.thresholdedWidth() == 140 && p.thresholdedHeight() == 140) {
            threshold.draw(t);
        }
        input.draw(p.input());
        if (!isResult) {
            readout.hide();
        } else if (shown) {
            readout.show(p, shownProbabilities, shownUnsure);
        }
    }
}
