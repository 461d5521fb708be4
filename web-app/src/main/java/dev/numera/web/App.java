package dev.numera.web;

import dev.numera.core.model.ModelFile;
import dev.numera.core.model.ModelFormatException;
import dev.numera.core.image.InkCheck;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Photo;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import dev.numera.web.camera.Camera;
import dev.numera.web.camera.CameraMean;
import dev.numera.web.camera.CameraVerdict;
import dev.numera.web.draw.DrawPad;
import dev.numera.web.jso.Boot;
import dev.numera.web.jso.Float32Bridge;
import dev.numera.web.jso.Js;
import dev.numera.web.jso.RgbaBuffer;
import dev.numera.web.picture.PictureInput;
import dev.numera.web.simd.SimdLayers;
import dev.numera.web.view.CameraView;
import dev.numera.web.view.Fmt;
import dev.numera.web.view.ModelPanel;
import dev.numera.web.view.NetworkView;
import dev.numera.web.view.Readout;
import dev.numera.web.view.ResultView;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.TimerHandler;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasImageSource;
import org.teavm.jso.dom.events.Event;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.typedarrays.Float32Array;
import org.teavm.jso.typedarrays.Uint8ClampedArray;


/**
 * Wires the page: model → Recognizer, drawing, camera and a picture opened → Recognizer → views. Recognition of a
 * drawing runs at most every 50 ms while the pen moves (on an animation frame; less often where it
 * is slow, see {@link #nextLiveAt}) and once more when it lifts; the camera recognises every new
 * video frame. Both feed one result: while the pad has
 * ink it shows the drawing (camera frames then only update the camera's own preview), once the pad
 * is empty again the camera's. A picture opened is the newest input: it stops the camera and clears the pad (Undo brings
 * the drawing back), and its result stands until a stroke or the camera's next verdict.
 */
public final class App implements DrawPad.Listener, Camera.FrameListener, PictureInput.Listener {
    private static final double LIVE_INTERVAL_MS = 50;

    private final HTMLDocument doc = Window.current().getDocument();
    private final HTMLElement status = doc.getElementById("status");
    private final String runtime = Boot.runtime();
    private Recognizer recognizer;
    private SimdLayers simd;
    private DrawPad pad;
    private Camera camera;
    private HTMLElement pictureView;   // the picture opened and its name, shown while its result is the one shown
    private HTMLElement pictureName;
    private HTMLElement cameraMessage;
    private boolean pictureShown;
    private String pictureError;       // the card's message while it is a picture's (a camera's error is left as it is)
    private boolean switching;         // a picture stops the camera and clears the pad: their own results are neither shown nor said
    private ResultView result;
    private CameraView cameraView;
    private boolean cameraOffered;   // whether the status and the result's texts invite to the camera (see usable)
    private Readout padReadout;   // the drawing's digit under the pad, made with the first stroke (numera.css: seen while the card's is out of view)
    private ModelPanel model;
    private NetworkView network;
    private HTMLElement clearButton;
    private HTMLElement undoButton;
    private HTMLElement drawOff;
    private boolean offPadShown;
    private int liveRequest = -1; // the animation frame of the next live recognition, -1 when none is due
    /** liveFrame() as a JS function, made once: a lambda handed to requestAnimationFrame is wrapped anew on every pen move. */
    private final JSObject onLiveFrame = Js.animationFrameCallback(t -> liveFrame());
    /**
     * How long the pen must stay up before the drawing's result is said (ms). Said at every lift, a 4 written in two
     * strokes was "Recognised 6, 98.0 percent confident" before its 4, and the first loop of an 8 "0, 100.0 percent": a
     * screen reader heard a confident wrong digit on every digit of two strokes (helper-81). A hand moving to its next
     * stroke lifts for 0.2-0.5 s; the result is shown at once all the same. Undo, Clear and their keys are said at once.
     */
    public static final int SETTLE_MS = 800;
    private int sayTimer = -1;         // the timeout that says the drawing's result, -1 when none is due
    private String settledSentence;    // what it says of a digit: the result at the lift (the recogniser's Prediction is reused meanwhile)
    private int settledDigit;
    private String settledReason;
    private boolean sayNow;            // the ink changes by a command (Undo, Clear, their keys): said without waiting
    private final TimerHandler onSettled = this::saySettledDrawing;
    private double nextLive = -1e9;   // Js.now() from which the next live recognition may run

    static void start() {
        new App().run();
    }

    private void run() {
        Js.mark("main");
        model = new ModelPanel(doc, runtime);
        result = new ResultView(doc);
        String problem = Boot.modelError();

        ModelFile file = null;
        if (problem == null) {
            byte[] bytes = Boot.modelBytes(); // the one copy of the model into Java
            try {
                file = ModelFile.read(bytes);
                Js.mark("model read");
                recognizer = new Recognizer(file);
                try {
                    simd = SimdLayers.attach(recognizer.network());   // null: no SIMD module in this page
                } catch (RuntimeException e) {
                    simd = null;   // the SIMD layers could not be set up: the Java kernels run, the same results
                }
                Js.mark("recognizer");
            } catch (ModelFormatException | RuntimeException e) {
                // what it means and what to do first; the reader's own words ("model file corrupt (CRC mismatch: ...)")
                // last, for whoever runs the site
                problem = "Numera cannot recognise digits: its model file is damaged. Reload the page; if this keeps happening, "
                        + "the copy of Numera on this site is broken: please tell whoever runs it. (Details: "
                        + (e.getMessage() != null ? e.getMessage() : e.toString()) + ")";
            }
        }
        if (problem != null) {
            fail(problem);
            return;
        }
        model.showRuntime(simd != null);
        model.showModel(file, recognizer.network());
        network = new NetworkView(doc, recognizer.network());
        Js.mark("views");
        pad = new DrawPad((HTMLCanvasElement) doc.getElementById("draw-canvas"), this);
        camera = new Camera(doc, this);
        pictureView = doc.getElementById("picture-view");
        pictureName = doc.getElementById("picture-name");
        cameraMessage = doc.getElementById("camera-message");
        new PictureInput(doc, this);
        clearButton = doc.getElementById("clear");
        undoButton = doc.getElementById("undo");
        drawOff = doc.getElementById("draw-off");
        clearButton.addEventListener("click", e -> command(pad::clear));
        undoButton.addEventListener("click", e -> command(pad::undo));
        // "Reload" for a new version (loader.js reloads): the drawing comes back on the new page, not lost with this one
        doc.getElementById("offline-reload").addEventListener("click", e -> Js.keepDrawing(pad.saved()));
        doc.addEventListener("keydown", e -> key((KeyboardEvent) e));
        Boot.export(runtime, simd != null ? "wasm-simd" : "java", this::inferApi, this::recognizeApi, this::cameraFrameApi, SimdLayers::check);
        Js.mark("wired");
        String notice = Boot.notice();
        // a notice (the JavaScript build runs because WebAssembly GC could not start) is news, not an error: the app works
        cameraOffered = camera.available();
        result.offerCamera(cameraOffered);
        setStatus(notice != null ? notice : readyText(), notice != null ? "status notice" : "status");
        // The pad starts empty: an empty 28x28 image gets the same verdict ("no ink") without rasterising and
        // checking the 280x280 canvas, which a start-up in cold code pays dearly for; the recognizer sets up
        // its 280x280 stages on the first stroke instead. Shown, not announced: a screen reader that read
        // "Nothing to read yet: draw a digit, or hold one up to the camera." on every page load would be
        // saying nothing the status line does not.
        show(recognizer.recognizeInk(new float[28 * 28], 28, 28, InputKind.DRAWN), ResultView.DRAWING);
        Js.setData(doc.getBody(), "ready", "true");
        pad.replayEarly();   // what was drawn before now, read; a drawing kept by a reload then is not restored over it
        pad.restore(Js.keptDrawing());   // a drawing kept by the reload to a new version: read and said as when its pen lifted
    }

    // ---- drawing ----

    @Override
    public void inkChanged(boolean settled) {
        if (padReadout == null) {   // not on the start path: the observer's first check costs a layout
            padReadout = new Readout(doc, "pad");
            Js.flagWhenOutOfView(doc.getElementById("prediction"));
        }
        if (pad.isEmpty()) {
            padReadout.hide();
        } else {
            hidePicture();   // the drawing's result now
        }
        enable(clearButton, !pad.isEmpty());
        enable(undoButton, pad.canUndo());
        cancelSaying();   // a stroke begun or ended, a clear: the result said will be the one after it
        if (settled) {
            showOffPad(pad.runsOff());
            // the settled recognition replaces a live one still due: that would only repeat it on the same ink
            if (liveRequest >= 0) {
                Window.cancelAnimationFrame(liveRequest);
                liveRequest = -1;
            }
            if (switching) {
                return;   // the pad cleared for a picture: its result comes next
            }
            if (pad.isEmpty() && camera.running()) {
                verdict.resultDue();   // the camera drives the result again
                mean.reset();          // with its next picture's own numbers: those before the drawing are not recent
                return;
            }
            recognizeDrawing(true, ResultView.DRAWING);
        } else if (liveRequest < 0) {
            liveRequest = Js.requestAnimationFrame(onLiveFrame);
        }
    }

    private void liveFrame() {
        liveRequest = -1;
        if (Js.now() >= nextLive) {
            recognizeDrawing(false, ResultView.DRAWING);
        } else {
            liveRequest = Js.requestAnimationFrame(onLiveFrame);
        }
    }

    /** @param from where the result is shown as coming from: the drawing, or the empty pad's after the camera stopped (ResultView) */
    private Prediction recognizeDrawing(boolean settled, int from) {
        double t0 = Js.now();
        Prediction p = recognizer.recognizeInk(pad.ink(), DrawPad.SIZE, DrawPad.SIZE, InputKind.DRAWN);
        model.showTime(Js.now() - t0);
        show(p, from);
        if (!pad.isEmpty()) {
            padReadout.show(p);
        }
        if (settled && sayNow) {
            result.announce(p, true);   // every command is said, also one that left the verdict as it was
        } else if (settled) {
            // the pen lifted: said once it stays up (SETTLE_MS)
            settledSentence = p.hasDigit() ? result.sentence(p) : null;   // no digit: its advice is made when said
            settledDigit = p.digit();
            settledReason = ResultView.kind(p);   // the reason for none, or the digit's kind of verdict
            sayTimer = Window.setTimeout(onSettled, SETTLE_MS);
        }
        nextLive = nextLiveAt(t0, Js.now());
        return p;
    }

    /**
     * The drawing's result, said once the pen has stayed up: every such rest is said, also one after a stroke that left
     * the verdict as it was. Not when the result shown is no longer the drawing's (a picture opened, the camera's on an
     * empty pad).
     */
    private void saySettledDrawing() {
        sayTimer = -1;
        if (pictureShown || pad.isEmpty() && camera.running()) {
            return;
        }
        // no digit: its advice as it stands now (a camera refused in the meantime is not offered)
        String text = settledDigit == Prediction.NO_DIGIT ? result.noDigitSentence(settledReason, ResultView.DRAWING) : settledSentence;
        result.say(text, settledDigit, settledReason, true);
    }

    /** The drawing's result due to be said ({@link #saySettledDrawing}) is not: another result is said instead, or comes. */
    private void cancelSaying() {
        if (sayTimer >= 0) {
            Window.clearTimeout(sayTimer);
            sayTimer = -1;
        }
    }

    /** Runs a command that changes the pad (Undo, Clear, their keys): its result is said at once. */
    private void command(Runnable change) {
        sayNow = true;
        try {
            change.run();
        } finally {
            sayNow = false;
        }
    }

    /**
     * When the next live recognition may start, after one (with its page update) ran from start to end:
     * LIVE_INTERVAL_MS after it ended, or twice its length where that is longer. Counted from the start,
     * a device where it takes 50 ms would recognise on every animation frame and leave the pen nothing;
     * this way live recognition takes at most a third of the main thread while the pen moves.
     */
    static double nextLiveAt(double start, double end) {
        return end + Math.max(LIVE_INTERVAL_MS, 2 * (end - start));
    }

    private void key(KeyboardEvent e) {
        if ("Escape".equals(e.getKey())) {
            command(pad::clear);
        } else if ((e.isCtrlKey() || e.isMetaKey()) && !e.isShiftKey() && isZ(e.getKey(), e.getCode())) {
            // with Shift it is redo elsewhere: undoing another stroke instead would destroy what the user meant to get back
            e.preventDefault();
            command(pad::undo);
        }
    }

    /**
     * The Z of Ctrl+Z: by the letter the key types where it types a Latin letter (so on QWERTZ the key
     * labelled Z, whatever its place), and by its place where the layout types none (Cyrillic, Greek,
     * Hebrew: that key types я, ζ, ז), as browsers do for their own shortcuts.
     */
    static boolean isZ(String key, String code) {
        boolean latin = key != null && key.length() == 1 && ((key.charAt(0) | 0x20) >= 'a' && (key.charAt(0) | 0x20) <= 'z');
        return latin ? (key.charAt(0) | 0x20) == 'z' : "KeyZ".equals(code);
    }

    /**
     * While part of the drawing is off the pad, the pad's help makes way for a line saying so: the digit
     * read from what is left on the pad can be another one, and nothing else would show why. Said when
     * the pen lifts (a status region, so a screen reader hears it once), gone with the stroke that ran off.
     */
    private void showOffPad(boolean off) {
        if (off == offPadShown) {
            return;
        }
        offPadShown = off;
        // the help hides while this line has text (numera.css)
        drawOff.setTextContent(off ? "Part of the drawing ran off the pad: only what is on the pad is read." : "");
    }

    // ---- camera ----

    private final CameraVerdict verdict = new CameraVerdict();   // when a frame is shown as the result, and said
    private final CameraMean mean = new CameraMean();            // the numbers it is shown with, and whether as a guess

    /**
     * The camera's recognition time is shown from every 16th frame (~4 a second): each clock read is a
     * new number object (performance.now()'s result; a stopwatch kept on the JS side was tried and made
     * more, its arithmetic boxed in code called too rarely to be optimised), so 2 B per frame on average.
     */
    private static final int TIMED_FRAME = 16;
    private int frames;

    @Override
    public void frame(int[] rgba, int width, int height) {
        boolean timed = ++frames % TIMED_FRAME == 0 && pad.isEmpty();   // the time shown is the shown result's
        double t0 = timed ? Js.now() : 0;
        Prediction p = recognizer.recognizeRgba(rgba, width, height, InputKind.CAMERA);
        if (timed) {
            model.showTime(Js.now() - t0);
        }
        if (cameraView == null) { // made with the first camera frame: the page start does not wait for its canvases
            cameraView = new CameraView(doc);
            model.makeTimeTexts();
        }
        // the result and the read-out show agreed readings (CameraVerdict); the boxes of what was seen show every frame
        boolean shown = verdict.frame(p.digit(), p.noDigitReason(), camera.freshPicture(), camera.picturesComing(),
                pad.isEmpty() && mean.closeCall(p.probabilities(), p.digit()));
        if (pad.isEmpty()) {
            // the verdict with the mean of its recent pictures' numbers, and whether it is a guess decided on them (CameraMean):
            // shown, said and on the read-out alike; a picture not shown is the one before the next
            mean.frame(p.probabilities(), p.digit(), p.isUnsure(), p.atSide(), camera.freshPicture(), shown);
        }
        if (pad.isEmpty() && shown) { // while the pad has ink the result is the drawing's (its pen-up announcement included)
            if (pictureShown) {
                hidePicture();
            }
            verdict.shownAsResult(p.digit(), mean.unsure(), mean.atSide());
            show(p, mean.probabilities(), mean.top3(), mean.unsure(), mean.atSide(), ResultView.CAMERA);
            if (verdict.takeHolds()) {
                // a verdict that held: said if it is not the one said last (a flicker away and back)
                result.announce(p, mean.probabilities(), mean.top3(), mean.unsure(), mean.atSide(), false);
            }
        } else if (pad.isEmpty() && !p.hasDigit() && verdict.shownDigit() == p.digit() && verdict.takeHolds()) {
            result.announceShownNoDigit();   // no digit held while its reason flickered: the reason shown is said
        }
        cameraView.show(p, mean.probabilities(), mean.unsure(), pad.isEmpty(), shown);
    }

    /** The camera refused or missing: the status line and the result's no-digit text stop inviting to it; back once one runs. */
    @Override
    public void usable(boolean yes) {
        if (yes == cameraOffered) {
            return;
        }
        cameraOffered = yes;
        result.offerCamera(yes);
        if ("status".equals(status.getClassName())) {   // the ready line, not a notice that the JavaScript build runs
            setStatus(readyText(), "status");
        }
    }

    @Override
    public void stopped() {
        if (cameraView != null) {   // a camera started again shows nothing of this one's until its first frame
            cameraView.clear();
        }
        verdict.reset();   // a clear whose frame never came too: the next camera's verdict waits for agreement
        mean.reset();
        if (switching || pictureShown) {
            return;   // stopped for a picture, whose result comes next; or before its first verdict, a picture's result stands
        }
        // the drawing's result, or on an empty pad that the camera is off, said only if it is news: with ink on the pad the
        // drawing's result was shown, and said at its pen-up, all along
        cancelSaying();   // said now: a pen-up's sentence still due would say it again
        result.announce(recognizeDrawing(false, pad.isEmpty() ? ResultView.CAMERA_OFF : ResultView.DRAWING), false);
    }

    // ---- a picture opened ----

    /**
     * A picture is read as {@code numera predict} reads one ({@link Photo#read}): dark ink on light paper as the camera box
     * holds it (a sheet on a dark desk cropped to the sheet), light ink on a dark or transparent ground (MNIST's look) as a
     * drawing. The newest input: the camera stops and the pad is cleared (Undo brings the drawing back), neither of their results shown
     * or said in between. The caption under the picture says what was read, seen beside it where the result card is out
     * of sight (a phone). A file cut short is read, and the message line says so.
     */
    @Override
    public void pictureRead(int[] rgba, int width, int height, String name, boolean cutShort) {
        double t0 = Js.now();
        Prediction p;
        try {
            p = Photo.read(recognizer, rgba, width, height);
        } catch (RuntimeException e) {
            // Not expected (PictureInput hands over at most 1120 px a side; no size from 1x1 up throws on the JVM): said,
            // not lost in the console, and nothing else changes: the camera runs on, the drawing stays, and the preview,
            // which PictureInput has already given the new file, goes with the caption that was not its own.
            hidePicture();
            pictureFailed("Numera could not read " + name + " (" + e.getMessage() + ").");
            return;
        }
        double took = Js.now() - t0;
        // Read first, then switched: stopping the camera and clearing the pad run no recognition while switching (their
        // results are neither shown nor said), so p is not touched by them.
        switching = true;
        try {
            camera.stop();   // one still starting too (its permission prompt open): it would replace the picture's result
            pad.clear();
        } finally {
            switching = false;
        }
        model.showTime(took);
        show(p, ResultView.PICTURE);
        result.announce(p, true);   // opened on purpose, so said even when it is the verdict said last
        pictureName.setTextContent(pictureCaption(name, p));
        pictureView.removeAttribute("hidden");
        pictureShown = true;
        if (pictureError != null && pictureError.equals(cameraMessage.getTextContent())) {
            cameraMessage.setTextContent("");
        }
        pictureError = null;
        if (cutShort) {
            // read all the same (what arrived may hold the digit), but not as if whole: the missing part shows as paper
            pictureFailed(name + " is cut short: part of the picture is missing, so what Numera read from it may be wrong."
                    + " Open the whole file.");
        }
    }

    /** "Read from NAME: 3 (98.3 %)", or what there was instead of a digit and what to do about it. */
    static String pictureCaption(String name, Prediction p) {
        String reason = p.noDigitReason();
        String read = p.hasDigit() ? p.digit() + " (" + Fmt.ofKey(Fmt.percentKey(p.probabilities(), p.digit()), 1) + " %"
                        + (p.isUnsure() ? ", a guess" : "") + ")"
                : InkCheck.TOO_SMALL.equals(reason) || InkCheck.TOO_LITTLE_INK.equals(reason)
                        ? "no digit found. If it is small in the picture, crop the picture to it."
                : InkCheck.SEVERAL.equals(reason) ? "several digits. Crop the picture to one."
                : "no digit found.";
        return "Read from " + name + ": " + read;
    }

    @Override
    public void pictureFailed(String message) {
        pictureError = message;
        cameraMessage.setTextContent(message);
    }

    private void hidePicture() {
        if (pictureShown) {
            pictureShown = false;
            pictureView.setAttribute("hidden", "");
        }
    }

    private void show(Prediction p, int from) {
        show(p, p.probabilities(), p.top3(), p.isUnsure(), p.atSide(), from);
    }

    /**
     * p's verdict with these numbers and guess marks (the camera's mean and its guess, CameraMean); the network view shows
     * what the network saw in p.
     */
    private void show(Prediction p, float[] probabilities, int[] top3, boolean unsure, boolean atSide, int from) {
        result.show(p, probabilities, top3, unsure, atSide, from);
        network.show(p);
    }

    // ---- window.numera, for tests and benchmarks ----

    /** infer()'s and recognize()'s floats across the boundary: made on the first call, then reused. */
    private Float32Bridge apiInput;
    private Float32Bridge apiOutput;

    /** The 784 inputs of one 28x28 digit (a wrong length is refused by the bridge) → its 10 probabilities. */
    private Float32Array inferApi(Float32Array input) {
        if (apiInput == null) {
            apiInput = new Float32Bridge(784);
        }
        return probabilitiesToJs(recognizer.infer(apiInput.copyIn(input)));
    }

    /** A fresh Float32Array of p's 10 probabilities (the contract hands out new arrays). */
    private Float32Array probabilitiesToJs(Prediction p) {
        if (apiOutput == null) {
            apiOutput = new Float32Bridge(10);
        }
        System.arraycopy(p.probabilities(), 0, apiOutput.values(), 0, 10);
        return apiOutput.copyOut();
    }

    /** recognize()'s pixels: copied in once per call, reused (grown for a larger image); made on the first call. */
    private RgbaBuffer apiPixels;

    private JSObject recognizeApi(Uint8ClampedArray rgba, int width, int height, String mode) {
        InputKind kind = "camera".equals(mode) ? InputKind.CAMERA : InputKind.DRAWN;
        if (rgba.getLength() < 4 * width * height) {
            throw new IllegalArgumentException("recognize expects " + 4 * width * height + " RGBA bytes, got " + rgba.getLength());
        }
        if (apiPixels == null) {
            apiPixels = new RgbaBuffer(width * height);
        }
        Prediction p = recognizer.recognizeRgba(apiPixels.copyFrom(rgba), width, height, kind);
        // the contract returns a fresh object; it and its Float32Array are the only allocations
        return Boot.result(p.digit(), p.confidence(), probabilitiesToJs(p));
    }

    /**
     * The camera loop's per-frame step on a 140x140 source (canvas, image, video: grab, recognition,
     * page update), or on a 140x140 RGBA box already read (Uint8ClampedArray: the same step without the
     * grab); returns the camera's verdict on it (-1: none), which the page shows only while the pad is empty.
     */
    private int cameraFrameApi(JSObject source) {
        if (Js.isRgba(source)) {
            camera.frameFromPixels((Uint8ClampedArray) source);
        } else {
            camera.frameFrom((CanvasImageSource) source, Camera.BOX);
        }
        return verdict.lastDigit();
    }

    // ---- status ----

    /** No model, so no recognizer: the inputs are never wired, and stay disabled as the page starts them. */
    private void fail(String message) {
        setStatus(message, "status error");
        Js.setData(doc.getBody(), "error", "model");   // numera.css dims the pad and hides the result's labels
        doc.getElementById("draw-canvas").removeAttribute("tabindex");   // nothing to draw for: out of the tab order
    }

    /**
     * A button that would do nothing is disabled. A disabled button loses the focus, so if it has it
     * the pad takes it first: a keyboard user who pressed Clear is then where the next digit is drawn
     * (with the focus ring, as the button had it; after a mouse click, without).
     */
    private void enable(HTMLElement button, boolean on) {
        if (button.hasAttribute("disabled") != on) {
            return;
        }
        if (on) {
            button.removeAttribute("disabled");
        } else {
            if (Js.isFocused(button)) {
                pad.takeFocus();
            }
            button.setAttribute("disabled", "");
        }
    }

    private String readyText() {
        return cameraOffered ? "Ready. Draw a digit, or start the camera." : "Ready. Draw a digit.";
    }

    /** @param className "status", "status notice" or "status error" (numera.css) */
    private void setStatus(String text, String className) {
        status.setTextContent(text);
        status.setClassName(className);
    }
}
