package dev.numera.web.view;

import dev.numera.core.image.InkCheck;
import dev.numera.core.recognize.Prediction;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The result repeated small where the eye is while the result card is out of sight: "7 100.0 %" on the camera's
 * preview ({@code camera-readout}), and under the pad ({@code pad-readout}) on a phone whose larger text put the
 * card below the first screen. The element ids are the prefix's: {@code <prefix>-readout} holding
 * {@code <prefix>-digit} and {@code <prefix>-confidence}. aria-hidden in the page: the result card says it to
 * screen readers. A guess's digit gets the result's question mark (class {@code unsure}, numera.css). Written only
 * when it changes, from cached strings: the camera shows it every video frame.
 */
public final class Readout {
    private final HTMLElement box;
    private final HTMLElement digit;
    private final HTMLElement confidence;
    private boolean shown;
    private int shownDigit = Integer.MIN_VALUE;
    private boolean shownUnsure;
    private JSString shownConfidence;   // the cached text shown beside the digit (a percentage, or why there is none)
    private static final JSString EMPTY = JSString.valueOf(""), DASH = JSString.valueOf("–");
    // why no digit, in a word or two: under the pad the card's full sentence is out of sight ("Read: –" said nothing)
    private static final JSString TOO_SMALL = JSString.valueOf("too small"), SEVERAL = JSString.valueOf("several digits"),
            NO_DIGIT = JSString.valueOf("no digit");
    private static final JSString DIGIT = JSString.valueOf("readout-digit"), GUESS = JSString.valueOf("readout-digit unsure");

    public Readout(HTMLDocument doc, String prefix) {
        box = doc.getElementById(prefix + "-readout");
        digit = doc.getElementById(prefix + "-digit");
        confidence = doc.getElementById(prefix + "-confidence");
        shown = !box.isHidden();
    }

    public void hide() {
        if (shown) {
            shown = false;
            box.setHidden(true);
        }
    }

    /** "–" and no confidence, as before the first result (shown or hidden as it was). */
    public void clear() {
        shownDigit = Integer.MIN_VALUE;
        shownConfidence = EMPTY;
        shownUnsure = false;
        TextCache.setText(digit, DASH);
        TextCache.setText(confidence, EMPTY);
        TextCache.setClass(digit, DIGIT);
    }

    /** Shows p: the digit ("–" for none, with why in a word or two), a guess marked, and the confidence. */
    public void show(Prediction p) {
        show(p, p.probabilities(), p.isUnsure());
    }

    /**
     * {@link #show(Prediction)} with these probabilities and guess mark for p's: the camera's mean, and whether it is a
     * guess decided on it, as the result shows them (ResultView.show).
     */
    public void show(Prediction p, float[] probabilities, boolean unsure) {
        if (!shown) {
            shown = true;
            box.setHidden(false);
        }
        boolean none = !p.hasDigit();
        if (p.digit() != shownDigit) {
            shownDigit = p.digit();
            TextCache.setText(digit, none ? DASH : ResultView.DIGITS.get(p.digit()));
        }
        if (unsure != shownUnsure) {
            shownUnsure = unsure;
            TextCache.setClass(digit, shownUnsure ? GUESS : DIGIT);
        }
        // one cached string per text: compared by reference, written only when it changes
        JSString text = none ? shortReason(p.noDigitReason()) : ResultView.PERCENTS.get(Fmt.percentKey(probabilities, p.digit()));
        if (text != shownConfidence) {
            shownConfidence = text;
            TextCache.setText(confidence, text);
        }
    }

    /**
     * The two reasons one acts on differently in a word or two; every other one "no digit" alike, so a camera's noise
     * flickering between "no ink" and "too little ink" does not change the read-out every frame.
     */
    private static JSString shortReason(String reason) {
        return InkCheck.TOO_SMALL.equals(reason) ? TOO_SMALL : InkCheck.SEVERAL.equals(reason) ? SEVERAL : NO_DIGIT;
    }
}
