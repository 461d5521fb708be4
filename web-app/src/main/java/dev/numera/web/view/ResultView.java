package dev.numera.web.view;

import dev.numera.core.image.InkCheck;
import dev.numera.core.recognize.Prediction;
import org.teavm.jso.core.JSString;
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
    private final HTMLElement unsure;    // "Not sure: 5 or 3?", shown for a guess (Prediction.isUnsure; the camera's: CameraMean.unsure)
    private final HTMLElement verdict;   // class "verdict none" while there is no digit (its empty labels hide), "verdict unsure" for a guess
    private final HTMLElement[] top3 = new HTMLElement[3];
    private final HTMLElement announce;
    private final HTMLElement[] bars = new HTMLElement[10];
    private final HTMLElement[] values = new HTMLElement[10];
    private String lastSaid = "";   // the last sentence said, without the no-break space announce toggles
    private int lastDigitSaid = -2;         // the verdict said last: its digit (-1: none) and, with none, its reason (InkCheck's)
    private String lastReasonSaid;
    private boolean spaced;          // whether the live region's text ends in that space

    public ResultView(HTMLDocument doc) {
        digit = doc.getElementById("prediction");
        confidence = doc.getElementById("confidence");
        noDigit = doc.getElementById("no-digit");
        unsure = doc.getElementById("unsure");
        verdict = doc.getElementById("verdict");
        // the top 3 are three spans (separators are CSS): each entry is one cached string
        NodeList<? extends HTMLElement> entries = doc.getElementById("top3").querySelectorAll("span");
        if (entries.getLength() != 3) {
            throw new IllegalStateException("index.html must hold three spans in #top3");
        }
        for (int k = 0; k < 3; k++) {
            top3[k] = entries.item(k);
        }
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

    // What the page shows now. The camera calls show() for every video frame; writing only what
    // changed keeps a steady picture from making a new string per element per frame.
    private int shownDigit = Integer.MIN_VALUE;
    private int shownState = Integer.MIN_VALUE;        // showState's key: none, a digit, or a guess with its runner-up
    private int shownConfidence = Integer.MIN_VALUE + 1;
    private String shownReason = "";
    private int shownFrom = DRAWING;                   // the input of the no-digit text shown
    private final int[] shownTop3 = {-2, -2, -2};      // the three digits shown, -1 when none
    private final int[] shownTop3Key = new int[3];     // and their percentages, as Fmt.percentKey
    private final int[] shownScale = new int[10];
    private final int[] shownValue = new int[10];
    private int shownTop = Integer.MIN_VALUE;

    {
        java.util.Arrays.fill(shownScale, Integer.MIN_VALUE + 1);
        java.util.Arrays.fill(shownValue, Integer.MIN_VALUE + 1);
    }

    // Every text written per frame comes from a cache (see TextCache): strings made once per value. The
    // digits and percentages are CameraView's too.
    static final TextCache DIGITS = new TextCache(10, Integer::toString);
    /** "97.3 %" by {@link Fmt#percentKey} (0..1000; "–" for NaN's negative key). */
    static final TextCache PERCENTS = new TextCache(1001, k -> k < 0 ? "–" : Fmt.ofKey(k, 1) + " %");
    /** A top-3 entry, "3: 97.3 %", by digit * 1001 + percent key. */
    private static final TextCache ENTRIES = new TextCache(10 * 1001, k -> k / 1001 + ": " + Fmt.ofKey(k % 1001, 1) + " %");
    /** A bar's transform by its width in thousandths of the track (finer is under a pixel). */
    private static final TextCache SCALES = new TextCache(1001, k -> "scaleX(" + Fmt.ofKey(Math.max(0, k), 3) + ")");
    private static final JSString EMPTY = JSString.valueOf(""), DASH = JSString.valueOf("–");
    private static final JSString BAR = JSString.valueOf("bar"), BAR_TOP = JSString.valueOf("bar top");
    private static final JSString VERDICT_NONE = JSString.valueOf("verdict none"), VERDICT = JSString.valueOf("verdict"),
            VERDICT_GUESS = JSString.valueOf("verdict unsure");
    /** Said of a camera's digit that reaches a side of the box (Prediction.atSide): a guess, maybe cut off. */
    static final String AT_SIDE = "Hold the whole digit inside the box.";

    /** A guess beside its runner-up, "Not sure: 5 or 3?": keys 0..99 digit * 10 + runner-up, 100..199 the same at the box's side. */
    private static final TextCache GUESSES = new TextCache(200, k -> unsureText(k % 100 / 10, k % 10) + (k >= 100 ? " " + AT_SIDE : ""));

    static String unsureText(int digit, int runnerUp) {
        return "Not sure: " + digit + " or " + runnerUp + "?";
    }

    /**
     * Where a result comes from ({@link #show}): what a visitor can do about no digit depends on it. CAMERA_OFF is the empty
     * pad's result right after the camera stopped: the camera was what the page read, and "Nothing to read yet" said
     * nothing true of that moment.
     */
    public static final int DRAWING = 0, CAMERA = 1, PICTURE = 2, CAMERA_OFF = 3;

    /**
     * Why there is no digit, in words a visitor can act on, for the input it came from: an empty pad or camera box, or a
     * finger alone in the box, says what to do, and so does a digit too small (a tap on the pad, a short dash, a digit far
     * from the camera, a digit small in a photo) and several digits side by side ("42" on the pad, a year on a sheet); the ink check's other
     * verdicts (specks, too little ink in the camera's box, ...) say what it saw. A drawing's advice is about drawing:
     * "Draw it bigger, or hold the paper closer." told someone who had only drawn about paper and a camera.
     */
    static String noDigitText(String reason, int from, boolean cameraOffered) {
        // the camera running, blank paper is one text whichever the noise says ("no ink", "too little ink"), and it does not
        // invite to draw or to the camera (helper-84: "draw a digit, or hold one up to the camera" under a running camera)
        return from == CAMERA && (InkCheck.NO_INK.equals(reason) || InkCheck.TOO_LITTLE_INK.equals(reason))
                        ? "Nothing to read in the box: hold a digit written dark on light paper inside it."
                // a finger's outline left out and nothing else to read: not blank paper (InkCheck.DARK). "It seems": a bold digit
                // cut by the box's side is taken for one now and then (a review's probe: 42 of 1,800 reads of such digits)
                : from == CAMERA && InkCheck.DARK.equals(reason) ? "Only a finger in the box, it seems: hold a digit written dark on light paper inside it."
                : from == CAMERA_OFF && cameraOffered && InkCheck.NO_INK.equals(reason) ? "Camera off: draw a digit, or start the camera again."
                : InkCheck.NO_INK.equals(reason) ? (from == PICTURE ? "No digit found in the picture."
                        : "Nothing to read yet: draw a digit" + (cameraOffered ? ", or hold one up to the camera." : "."))
                : InkCheck.TOO_SMALL.equals(reason) ? "No digit: too small to read. "
                        + (from == CAMERA ? "Hold the paper closer." : from == PICTURE ? "Crop the picture to the digit." : "Draw it bigger.")
                : InkCheck.SEVERAL.equals(reason) ? "Several digits side by side: Numera reads one at a time. "
                        + (from == CAMERA ? "Show the camera just one." : from == PICTURE ? "Crop the picture to one." : "Draw a single digit.")
                : "No digit: " + reason + ".";
    }

    private boolean cameraOffered = true;

    /**
     * Whether the texts for no digit invite to the camera: not where it cannot run (an insecure page, no API), was
     * refused or found none. A no-digit text shown is rewritten at once.
     */
    public void offerCamera(boolean yes) {
        if (yes == cameraOffered) {
            return;
        }
        cameraOffered = yes;
        if (shownDigit == Prediction.NO_DIGIT && shownReason != null) {
            noDigit.setTextContent(noDigitText(shownReason, shownFrom, cameraOffered));
        }
    }

    /**
     * Shows p, a result of the input {@code from} ({@link #DRAWING}, {@link #CAMERA} or {@link #PICTURE}): its verdict
     * (its digit, or none and why; whether it is a guess, at the box's side) with these numbers, p's own, or for the
     * camera the mean over its recent pictures ({@link dev.numera.web.camera.CameraMean}), whose top is p's digit.
     *
     * @param prob   [10] the probabilities shown: the confidence, the bars, the top 3
     * @param top    [3] their three most probable digits, best first: the top 3 and a guess's runner-up
     * @param guess  a digit shown as a guess: p's own, or for the camera decided on the numbers shown (CameraMean)
     * @param atSide a digit shown at the camera box's side (a guess), as guess
     */
    public void show(Prediction p, float[] prob, int[] top, boolean guess, boolean atSide, int from) {
        boolean none = !p.hasDigit();
        showState(p, top, guess, atSide, none);
        if (p.digit() != shownDigit) {
            shownDigit = p.digit();
            TextCache.setText(digit, none ? EMPTY : DIGITS.get(p.digit()));
        }
        int conf = none ? -1 : Fmt.percentKey(prob, p.digit());
        if (conf != shownConfidence) {
            shownConfidence = conf;
            TextCache.setText(confidence, none ? EMPTY : PERCENTS.get(conf));
        }
        String reason = p.noDigitReason();
        if (reason == null ? shownReason != null : !reason.equals(shownReason) || from != shownFrom) {
            shownReason = reason;
            shownFrom = from;
            noDigit.setTextContent(none ? noDigitText(reason, from, cameraOffered) : "");
        }
        for (int k = 0; k < 3; k++) {
            int d = none ? -1 : top[k];
            int key = none ? -1 : Fmt.percentKey(prob, d);
            if (d != shownTop3[k] || key != shownTop3Key[k]) {
                shownTop3[k] = d;
                shownTop3Key[k] = key;
                TextCache.setText(top3[k], d < 0 ? EMPTY : key >= 0 && key <= 1000 ? ENTRIES.get(d * 1001 + key) : DASH);
            }
        }
        int topBar = none ? -1 : p.digit();
        // prob[i] is read only inside Fmt.key: in TeaVM's JavaScript a float held across the
        // loop body is a heap number per bar per frame in V8's baseline tiers.
        for (int i = 0; i < 10; i++) {
            int scale = none ? 0 : Fmt.key(prob, i, 1, 3);
            if (scale != shownScale[i]) {
                shownScale[i] = scale;
                TextCache.setTransform(bars[i], SCALES.get(scale));
            }
            if ((i == topBar) != (i == shownTop) || shownTop == Integer.MIN_VALUE) {
                TextCache.setClass(bars[i], i == topBar ? BAR_TOP : BAR);
            }
            int value = none ? -1 : Fmt.percentKey(prob, i);
            if (value != shownValue[i]) {
                shownValue[i] = value;
                TextCache.setText(values[i], none ? DASH : PERCENTS.get(value));
            }
        }
        shownTop = topBar;
    }

    /**
     * None, a digit, or a guess with its runner-up, as one key (-1; 0; 100 + digit * 10 + runner-up): the labels and
     * the guess's line change when it does (and on the first show). Called from announce() too, which keeps it a
     * function of its own: TeaVM inlines a method with one caller, and inlined (through show() into App.show) these
     * few lines made V8 run the camera's per-frame JavaScript so that it boxed a number per frame, in whichever
     * function (10-11 B/frame in BrowserSmokeTest's camera pipeline, on a sure 7 that never showed a guess; 0 out of line).
     */
    private void showState(Prediction p, int[] top, boolean guess, boolean atSide, boolean none) {
        int key = none ? -1 : guess ? (atSide ? 200 : 100) + p.digit() * 10 + top[1] : 0;
        if (key != shownState) {
            shownState = key;
            TextCache.setClass(verdict, key < 0 ? VERDICT_NONE : key == 0 ? VERDICT : VERDICT_GUESS);
            if (key > 0) {
                TextCache.setText(unsure, GUESSES.get(key - 100));
            }
        }
    }

    /**
     * Screen readers hear settled results only (pen lifted, camera verdict changed), never every frame. With {@code again}
     * (a pen lifted: a stroke that left the 7 a 7, a 7 drawn after the camera's 7) also a sentence equal to the last one
     * said: the text then gains or loses a trailing no-break space, which is not read, so the live region
     * changes and is read again (the same text set again is not reliably read). Without it (the camera stopped: the
     * drawing's result, shown all along; a camera verdict that flickered away and back) a verdict is not said twice in a
     * row, though its confidence changed: a camera's 4 that wobbled, a frame in twenty read as nothing (which restarts
     * App's count of frames that agree), was said again at each of its percentages, every 0.7 s.
     */
    public void announce(Prediction p, boolean again) {
        announce(p, p.probabilities(), p.top3(), p.isUnsure(), p.atSide(), again);
    }

    /** {@link #announce} of p's verdict with these numbers and guess marks, as {@link #show} showed them. */
    public void announce(Prediction p, float[] prob, int[] top, boolean guess, boolean atSide, boolean again) {
        showState(p, top, guess, atSide, !p.hasDigit());   // as shown (a second caller: TeaVM keeps showState out of line, see there)
        say(sentence(p, prob, top, guess, atSide), p.digit(), kind(p.hasDigit(), guess, atSide, p.noDigitReason()), again);
    }

    /**
     * What {@link #say} takes beside p's digit: without one the reason for none; with one its kind of verdict, null for a
     * sure digit, else a guess or a guess at the box's side. The same digit turned a guess at the side is news (helper-86:
     * a sure 9 moved to the side was shown with the advice and never said).
     */
    public static String kind(Prediction p) {
        return kind(p.hasDigit(), p.isUnsure(), p.atSide(), p.noDigitReason());
    }

    private static String kind(boolean digit, boolean guess, boolean atSide, String reason) {
        return digit ? (atSide ? AT_SIDE : guess ? GUESS : null) : reason;
    }

    private static final String GUESS = "a guess";

    /** What {@link #announce} says of p, the result shown: kept to be said later ({@link #say}), p being overwritten meanwhile. */
    public String sentence(Prediction p) {
        return sentence(p, p.probabilities(), p.top3(), p.isUnsure(), p.atSide());
    }

    /** {@link #sentence} of p's verdict with these numbers and guess marks (see {@link #show}). */
    private String sentence(Prediction p, float[] prob, int[] top, boolean guess, boolean atSide) {
        return !p.hasDigit() ? noDigitText(p.noDigitReason(), shownFrom, cameraOffered)
                // the confidence as shown ("99.9 %"): in whole percent it said 100 beside a shown 99.9
                : guess ? unsureText(p.digit(), top[1]) + " " + p.digit() + " at " + percent(prob, p.digit())
                        + " percent, " + top[1] + " at " + percent(prob, top[1]) + " percent." + (atSide ? " " + AT_SIDE : "")
                : "Recognised " + p.digit() + ", " + percent(prob, p.digit()) + " percent confident.";
    }

    /**
     * Says the no-digit result shown, as {@link #announce} would have when it was shown: the camera's no digit that held
     * while frames flickering between reasons were not shown (the reason shown is the one said).
     */
    public void announceShownNoDigit() {
        say(noDigitText(shownReason, shownFrom, cameraOffered), Prediction.NO_DIGIT, shownReason, false);
    }

    /** What {@link #announce} says of no digit for {@code reason} from input {@code from}, as the page offers the camera now. */
    public String noDigitSentence(String reason, int from) {
        return noDigitText(reason, from, cameraOffered);
    }

    /**
     * Says {@code text}, the {@link #sentence} of a result with {@code digit} (or none, for {@code reason}; with a digit,
     * what kind of verdict, null for a sure one), as {@link #announce} does.
     */
    public void say(String text, int digit, String reason, boolean again) {
        // no digit from another input is news though its reason is the same: the camera's "Nothing to read in the box" was
        // followed by no "Camera off" when it stopped (both "no ink"); a digit's sentence differs by its percentages alone
        boolean sameVerdict = digit == lastDigitSaid && java.util.Objects.equals(reason, lastReasonSaid) && (digit >= 0 || text.equals(lastSaid));
        if ((sameVerdict || text.equals(lastSaid)) && !again) {
            return;
        }
        spaced = text.equals(lastSaid) && !spaced;
        lastSaid = text;
        lastDigitSaid = digit;
        lastReasonSaid = reason;
        announce.setTextContent(spaced ? text + "\u00a0" : text);
    }

    /** A digit's probability as the page shows it, "62.0". */
    private static String percent(float[] prob, int d) {
        return Fmt.ofKey(Fmt.percentKey(prob, d), 1);
    }
}
