package dev.numera.web.view;

import dev.numera.core.recognize.Prediction;
import org.teavm.jso.core.JSString;
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
    private final Gray threshold;
    private final Gray input;
    private final HTMLElement readout;
    private final HTMLElement digit;
    private final HTMLElement confidence;
    // what the read-out shows, written only when it changes (as in ResultView)
    private boolean shown = true;
    private int shownDigit = Integer.MIN_VALUE;
    private boolean shownUnsure;
    private int shownConfidence = Integer.MIN_VALUE + 1;
    private static final JSString EMPTY = JSString.valueOf(""), DASH = JSString.valueOf("–");
    // a guess's digit gets the result's question mark (numera.css)
    private static final JSString DIGIT = JSString.valueOf("readout-digit"), GUESS = JSString.valueOf("readout-digit unsure");

    public CameraView(HTMLDocument doc) {
        threshold = new Gray((HTMLCanvasElement) doc.getElementById("camera-threshold"), 140);
        input = new Gray((HTMLCanvasElement) doc.getElementById("camera-input"), 28);
        readout = doc.getElementById("camera-readout");
        digit = doc.getElementById("camera-digit");
        confidence = doc.getElementById("camera-confidence");
    }

    /** @param isResult whether p is also the page's result (the pad is empty), which the read-out then repeats */
    public void show(Prediction p, boolean isResult) {
        float[] t = p.thresholded();
        if (t != null && p.thresholdedWidth() == 140 && p.thresholdedHeight() == 140) {
            threshold.draw(t);
        }
        input.draw(p.input());
        if (isResult != shown) {
            shown = isResult;
            readout.setHidden(!isResult);
        }
        if (!isResult) {
            return;
        }
        boolean none = !p.hasDigit();
        if (p.digit() != shownDigit) {
            shownDigit = p.digit();
            TextCache.setText(digit, none ? DASH : ResultView.DIGITS.get(p.digit()));
        }
        if (p.isUnsure() != shownUnsure) {
            shownUnsure = p.isUnsure();
            TextCache.setClass(digit, shownUnsure ? GUESS : DIGIT);
        }
        int conf = none ? -1 : Fmt.percentKey(p.probabilities(), p.digit());
        if (conf != shownConfidence) {
            shownConfidence = conf;
            TextCache.setText(confidence, none ? EMPTY : ResultView.PERCENTS.get(conf));
        }
    }
}
