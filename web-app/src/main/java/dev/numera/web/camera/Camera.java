package dev.numera.web.camera;

import dev.numera.web.jso.Js;
import dev.numera.web.jso.RgbaBuffer;
import dev.numera.web.view.Fmt;
import dev.numera.web.jso.Media;
import dev.numera.web.jso.VideoExtras;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasImageSource;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.core.JSString;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLMediaElement;
import org.teavm.jso.dom.html.HTMLVideoElement;
import org.teavm.jso.typedarrays.Uint8ClampedArray;
import org.teavm.jso.webaudio.MediaStream;

import java.util.function.Consumer;

/**
 * The live camera: start/stop, switch between cameras (the new one opened before the old one
 * goes), noticing a camera that stops on its own, and for each new video frame the 140x140
 * target box only (drawImage of the box region into a 140x140 canvas, one getImageData, one copy
 * into a reused {@link RgbaBuffer}). The frame goes to {@link FrameListener}; recognition is not
 * done here.
 *
 * <p>A box is read once per new video frame, not once per animation frame: a camera gives 30 frames a
 * second (Chromium's fake one in the tests 10), a screen asks for 60 to 120, and each animation frame
 * between two video frames would recognise the same picture again. The loop still runs on animation
 * frames and skips those with no new video frame (counted by {@link Js#countVideoFrames}). Where the
 * browser keeps no such count it reads on every animation frame; where the count stops (some stop
 * calling back for a video scrolled out of sight) it reads at least every {@link #STALE_TICKS}th.
 *
 * <p>A camera can also stop sending pictures with its track still live (the system or another app
 * holds it, a USB hiccup): the track says "mute", or the count of presented frames stops. The page
 * then says so (after {@link #STALL_MS} for a count that stops, with the video in view), and what is
 * read meanwhile is the old picture, shown but not announced as news ({@link #picturesComing}).
 *
 * <p>A page sent to the background (another tab in front, the window minimised, another app on a
 * phone) releases the camera, whose light then goes off and which another app can then have; nothing
 * would be read meanwhile anyway, as the browser stops the animation frames. Back in front, the page
 * takes the same camera again.
 *
 * <p>The frame loop allocates nothing of its own: the pixel buffer and the animation-frame callback
 * (one JS function) are made once. What remains per frame is the browser's: getImageData returns a
 * new ImageData each call (2D canvas has no read-into-buffer call), and each video frame callback
 * gets a new metadata object.
 */
public final class Camera {
    /** The box side in video pixels for a 640x480 stream; scales with the video's shorter side. */
    public static final int BOX = 140;

    public interface FrameListener {
        /** @param rgba width*height packed pixels R | G << 8 | B << 16 | A << 24; reused, overwritten next frame */
        void frame(int[] rgba, int width, int height);

        void stopped();

        /**
         * Whether the page may go on inviting to the camera: false once a start was refused or found no camera (its
         * message says why and what to do), true again once a camera runs.
         */
        void usable(boolean yes);
    }

    private final HTMLElement toggle;
    private final HTMLElement switchButton;
    private final HTMLElement area;
    private final HTMLElement status;   // role=status: progress ("Starting the camera…"), read when the reader is free
    private final HTMLElement message;  // role=alert: a problem the user has to act on, read at once
    private final HTMLElement box;
    private final HTMLVideoElement video;
    private CanvasRenderingContext2D grab;
    private final FrameListener listener;
    private RgbaBuffer pixels; // made on the first frame, like the grab canvas
    /** frame() as a JS function, made once: passing a Java lambda to requestAnimationFrame would wrap it anew each frame. */
    private final JSObject onFrame = Js.animationFrameCallback(t -> frame());

    private MediaStream stream;
    private boolean starting; // a camera request is out
    private int request;      // camera requests made so far: only the latest one's answer is used
    private String asked;     // the camera the latest request asks for (null: the preferred one)
    private String fallback;  // the camera a switch released to open another: opened again if that one fails
    private String[] deviceIds = new String[0];
    private String deviceId; // the camera in use, "" when unknown
    private int frameRequest = -1;
    private JSObject videoFrames;     // the running video's presented-frame count, null where the browser keeps none
    private int lastVideoFrame;       // the count at the last read box
    private int staleTicks;           // animation frames since then
    /** Animation frames without a new video frame after which the box is read anyway (~0.25 s at 60 Hz). */
    static final int STALE_TICKS = 15;
    private int attached; // streams attached so far: tells the running one from those a switch replaced
    private boolean resumeWhenShown; // the camera was released because the page was hidden
    // Start camera pressed: its first picture brings the preview into view. On a phone the button is at the window's foot
    // and the preview opened below it, so a tap only changed the button's words (helper-84: 390x844, the video from y 856).
    // Not on a resume or a switch: the page stays where its reader has scrolled it.
    private boolean reveal;
    private boolean refocusSwitch;   // Switch camera had the focus when the hidden page stopped the camera
    private boolean switching;       // a switch released this camera to open the other (one camera at a time)
    // A camera can stop sending pictures without ending its track (the system or another app holds it, a
    // USB hiccup): the video keeps showing its last picture, and the loop would go on reading that one
    // under "Stop camera", its result announced as if it were new.
    private int seenVideoFrame;   // the presented-frame count when the camera last sent a new picture
    private double seenAt;        // Js.now() then
    private int stallTicks;       // animation frames since the last look at the count
    private boolean muted;        // the track's source sends nothing ("mute" until "unmute")
    private boolean stalled;      // muted, or no new picture for STALL_MS with the video in view: said on the page
    /** No new picture for this long (ms), the video in view: the camera is said to have stopped sending. */
    static final double STALL_MS = 3000;
    static final String STALLED = "The camera is not sending pictures: another app or the system may be holding it, or it was"
            + " disconnected. The result follows it again as soon as it sends; or press Stop camera and draw the digit.";

    public Camera(HTMLDocument doc, FrameListener listener) {
        this.listener = listener;
        toggle = doc.getElementById("camera-toggle");
        switchButton = doc.getElementById("camera-switch");
        area = doc.getElementById("camera-area");
        status = doc.getElementById("camera-status");
        message = doc.getElementById("camera-message");
        box = doc.getElementById("camera-box");
        video = (HTMLVideoElement) doc.getElementById("camera-video");
        toggle.addEventListener("click", e -> toggle());
        // a video the browser refused to play starts on a tap (a user gesture), and its note goes once it plays
        area.addEventListener("click", e -> {
            if (stream != null && video.isPaused()) {
                Media.play(video, this::playRefused);
            }
        });
        video.addEventListener("playing", e -> {
            if (PLAY_REFUSED.equals(message.getTextContent())) {
                say("");
            }
            if (reveal) {
                reveal = false;
                Js.scrollIntoViewNearest(video);   // the video, not the whole area: sideways, the area is taller than the window
            }
        });
        doc.addEventListener("visibilitychange", e -> visibilityChanged());
        switchButton.addEventListener("click", e -> switchCamera());
        if (available()) {
            toggle.removeAttribute("disabled");   // the page starts it disabled: it does nothing until wired here
        } else {
            // said up front, the button left off: not an invitation that only on a press says it cannot work
            say(unavailableReason());
        }
    }

    /** Whether this page can ask for a camera at all (a secure page, a browser with getUserMedia). */
    public boolean available() {
        return Media.mediaDevices() != null;
    }

    private static String unavailableReason() {
        return Media.isSecureContext()
                ? "This browser cannot use a camera. Try a current Chrome, Edge, Firefox or Safari, or draw the digit instead."
                : "The camera needs a secure page: open Numera over https:// or from http://localhost. Drawing works here as it is.";
    }

    public boolean running() {
        return stream != null;
    }

    /**
     * Whether the box being read comes from a new video frame: false when the presented-frame count has not moved and
     * the last picture is read again (every {@link #STALE_TICKS} animation frames). Without that count (no
     * requestVideoFrameCallback, or one that never calls back) every read counts as new.
     */
    public boolean freshPicture() {
        return fresh;
    }

    private boolean fresh = true;

    /** False while the camera sends no new pictures (see {@link #STALLED}): what is read then is an old one. */
    public boolean picturesComing() {
        return !stalled;
    }

    public void toggle() {
        resumeWhenShown = false;
        if (stream != null || switching || starting) {
            // also while a start is out (the button reads Stop camera then): it is cancelled, and a stream
            // that answers it later is stopped at once (see ask). Pressed again, the button starts anew, so a
            // permission prompt dismissed without an answer, which can leave a request out for good, does not
            // leave it dead.
            stop();
        } else {
            reveal = true;
            start();
        }
    }

    private void start() {
        if (!available()) {
            fail(unavailableReason());   // not reached from the page (the button is off), kept for a caller of toggle
            return;
        }
        sayStarting();
        ask(null, s -> attach(s, ""), err -> {
            reveal = false;   // no preview to bring into view; a later resume or switch must not scroll the page
            toggle.setTextContent("Start camera");
            fail(explain(err));
            if (refusedOrMissing(err)) {
                listener.usable(false);
            }
        });
    }

    /** Progress while the camera is asked for; meanwhile the button cancels the request (see toggle). */
    private void sayStarting() {
        say("Starting the camera…");
        toggle.setTextContent("Stop camera");
    }

    /**
     * getUserMedia for one camera (null: the preferred one), then ok or no; {@link #starting} while it
     * is out. Only the latest request counts: a stream that answers one made before it (or before a
     * stop) is stopped at once, and an error that answers one is dropped.
     */
    private void ask(String wantedDevice, Consumer<MediaStream> ok, Consumer<JSObject> no) {
        int mine = ++request;
        starting = true;
        asked = wantedDevice;
        Media.mediaDevices().getUserMedia(Media.constraints(wantedDevice)).then(s -> {
            if (mine != request) {
                Media.stop(s);
                return null;
            }
            starting = false;
            ok.accept(s);
            return null;
        }, err -> {
            if (mine == request) {
                starting = false;
                no.accept((JSObject) err);
            }
            return null;
        });
    }

    /** Runs stream s and says note ("" for none): the video, the buttons, the ended watch and the frame loop. */
    private void attach(MediaStream s, String note) {
        stream = s;
        switching = false;
        stalled = false;
        muted = false;
        deviceId = Media.deviceIdOf(s);
        VideoExtras vx = (VideoExtras) video;
        video.setMuted(true);
        vx.setPlaysInline(true);
        video.setAutoplay(true);
        vx.setSrcObject(s);
        Media.play(video, this::playRefused);
        area.setHidden(false);
        toggle.setTextContent("Stop camera");
        listener.usable(true);
        if (note.isEmpty()) {
            confirm(ON);
        } else {
            fail(note);
        }
        // A camera unplugged, its permission withdrawn or taken by another app ends the track: without
        // this the loop would keep recognising the last frame under a "Stop camera" button.
        int number = ++attached;
        Media.onVideoTrack(s, "ended", e -> {
            if (stream != null && number == attached) { // not a stream already stopped or replaced
                stop();
                fail("The camera stopped (disconnected or permission withdrawn). Start it again when it is back.");
            }
        });
        Media.onVideoTrack(s, "mute", e -> {
            if (stream != null && number == attached) {
                muted = true;
                stall();
            }
        });
        Media.onVideoTrack(s, "unmute", e -> {
            if (stream != null && number == attached) {
                muted = false;
                seenAt = Js.now();   // pictures again; if none come after all, the count says so in STALL_MS
                unstall();
            }
        });
        // device ids (and so the switch button) are only complete once permission is granted
        Media.videoInputIds(Media.mediaDevices()).then(ids -> {
            deviceIds = new String[ids.getLength()];
            for (int i = 0; i < deviceIds.length; i++) {
                deviceIds[i] = ((JSString) ids.get(i)).stringValue();
            }
            switchButton.setHidden(stream == null || deviceIds.length < 2);
            if (refocusSwitch && !switchButton.isHidden() && Js.nothingFocused()) {
                Js.focusInPlace(switchButton);   // where the keyboard was when the page went to the background
            }
            refocusSwitch = false;
            return null;
        }, err -> null);    // no device list: the switch button stays hidden, the running camera is unaffected
        if (videoFrames != null) {
            Js.stopCounting(videoFrames);
        }
        videoFrames = Js.countVideoFrames(video);
        lastVideoFrame = -1;  // the first frame with data is read, counted or not
        seenVideoFrame = -1;
        seenAt = Js.now();
        stallTicks = 0;
        if (frameRequest < 0) { // a switch keeps the loop that runs
            frameRequest = Js.requestAnimationFrame(onFrame);
        }
    }

    /** Stops the camera, or cancels its start. */
    public void stop() {
        if (stream == null && !switching && !starting) {
            return;
        }
        boolean ran = stream != null || switching;   // a start cancelled before any camera ran changed no result
        reveal = false;
        release();
        area.setHidden(true);
        switchButton.setHidden(true);
        toggle.setTextContent("Start camera");
        if (ran) {
            confirm(OFF);   // a note about the stream that ran is stale now
            listener.stopped();
        } else {
            say("");        // "Starting the camera…" is stale now
        }
    }

    /** The stream and the frame loop go; the page stays as it is ({@link #stop} does the rest). */
    private void release() {
        if (stream != null) {
            Media.stop(stream);
        }
        stream = null;
        switching = false;
        stalled = false;
        muted = false;
        request++;          // a switch's request still out is answered by a stopped camera now
        starting = false;
        if (videoFrames != null) {
            Js.stopCounting(videoFrames);
            videoFrames = null;
        }
        if (frameRequest >= 0) {
            Window.cancelAnimationFrame(frameRequest);
            frameRequest = -1;
        }
        Media.detach(video);
    }

    private void visibilityChanged() {
        if (Js.pageHidden()) {
            if (stream != null || switching || starting) {   // a request still out is answered by a stopped camera (see ask)
                refocusSwitch = Js.isFocused(switchButton);   // stop hides it, and the focus goes with it
                stop();
                resumeWhenShown = true;
            }
        } else if (resumeWhenShown) {
            resumeWhenShown = false;
            if (deviceId == null || deviceId.isEmpty()) {
                start();
            } else { // the camera the user had (the front one after a switch, say), else the preferred one
                sayStarting();
                ask(deviceId, s -> attach(s, ""), err -> start());
            }
        }
    }

    private void switchCamera() {
        if ((stream == null && !switching) || deviceIds.length < 2) {
            return;
        }
        // Pressed again while the camera it asked for is still opening, it goes on from that one: the camera
        // asked for last is the one the user picked, and its request replaces the one still out (see ask).
        String from = starting ? asked : deviceId;
        int next = 0;
        for (int i = 0; i < deviceIds.length; i++) {
            if (deviceIds[i].equals(from)) {
                next = (i + 1) % deviceIds.length;
            }
        }
        String wanted = deviceIds[next];
        if (stream != null && wanted.equals(deviceId)) {
            request++;   // back to the camera that runs: the other one, if it comes, is stopped at once
            starting = false;
            return;
        }
        if (stream == null) {   // this camera is already released for another one (below): ask for the new pick instead
            reopen(wanted, fallback);
            return;
        }
        String previous = deviceId;
        // The other camera first, this one released only once that works: a camera that is gone or
        // refuses leaves the user with the one that was running.
        ask(wanted, this::replace, err -> {
            if (stream == null) {
                return; // stopped meanwhile
            }
            if (!busy(err)) {
                fail(NOT_AVAILABLE);
                return;
            }
            // Many phones open one camera at a time: release this one, ask again, and reopen it if the other still
            // fails. Only the stream goes meanwhile: the buttons, the focus on Switch camera and the result stay.
            release();
            switching = true;
            reopen(wanted, previous);
        });
    }

    /** With no camera open (a switch released it): opens wanted, else previous again, else says why neither opened. */
    private void reopen(String wanted, String previous) {
        deviceId = wanted;   // the camera the user asked for: the one a page hidden meanwhile reopens when shown
        fallback = previous;
        ask(wanted, s -> attach(s, ""), err2 -> ask(previous, s -> attach(s, NOT_AVAILABLE), err3 -> {
            stop();
            fail(explain(err3));
        }));
    }

    private static final String NOT_AVAILABLE = "That camera is not available; still using the previous one.";

    /** The new camera of a switch: it replaces the running one, or goes if the camera was stopped meanwhile. */
    private void replace(MediaStream s) {
        if (stream == null) {
            Media.stop(s);
            return;
        }
        Media.stop(stream);
        attach(s, "");
    }

    /** The errors of a camera that is there but cannot be opened now. */
    private static boolean busy(JSObject err) {
        String name = Media.errorName(err);
        return name.equals("NotReadableError") || name.equals("TrackStartError") || name.equals("AbortError");
    }

    private void frame() {
        if (stream == null) {
            return;
        }
        // the next frame first: whatever this one does, the loop must not end unseen under a "Stop camera" button
        frameRequest = Js.requestAnimationFrame(onFrame);
        if (++stallTicks >= STALE_TICKS) {
            stallTicks = 0;
            watchForStall();
        }
        int vw = video.getVideoWidth();
        int vh = video.getVideoHeight();
        if (video.getReadyState() >= HTMLMediaElement.HAVE_CURRENT_DATA && vw > 0 && vh > 0) {
            if (videoFrames != null) {
                int n = Js.videoFrames(videoFrames);
                if (n == lastVideoFrame && ++staleTicks < STALE_TICKS) {
                    return; // the picture the last box came from
                }
                // else the same picture read again, every STALE_TICKS ticks; a count that never moved (a callback that
                // never comes) tells nothing, and every read counts as new, as without the callback
                fresh = n != lastVideoFrame || n == 0;
                lastVideoFrame = n;
                staleTicks = 0;
            }
            if (vw != placedW || vh != placedH) {
                placeBox(vw, vh);
            }
            try {
                grab((CanvasImageSource) video, boxX, boxY, boxSide);
                fresh = true;   // window.numera.cameraFrame's boxes are new pictures each
            } catch (RuntimeException e) {   // the browser refusing the frame's pixels, or a fault of ours: said, not repeated 60 times a second
                stop();
                // what to do first; the browser's own words last, for a bug report
                fail("The camera stopped unexpectedly. Start it again; drawing works as before. (Details: "
                        + (e.getMessage() != null ? e.getMessage() : e.toString()) + ")");
            }
        }
    }

    /**
     * ~4 times a second: has the camera stopped sending pictures? Yes when it has sent none for
     * {@link #STALL_MS}, the video in view, and either the presented-frame count had been moving (so
     * the browser counts here) or the video has no picture at all yet. Out of view some browsers stop
     * counting, and without a count a still picture looks like a frozen one: nothing is said then.
     * A new picture takes it back, unless the track is muted (then its unmute does).
     */
    private void watchForStall() {
        double now = Js.now();
        int n = videoFrames != null ? Js.videoFrames(videoFrames) : 0;
        if (n != seenVideoFrame) {
            seenVideoFrame = n;
            seenAt = now;
        }
        boolean noPicture = video.getReadyState() < HTMLMediaElement.HAVE_CURRENT_DATA;
        boolean stuck = now - seenAt > STALL_MS && (n > 0 || noPicture);
        if (stuck && !stalled && Js.inViewport(video)) {
            stall();
        } else if (!stuck && !muted) {
            unstall();
        }
    }

    static final String PLAY_REFUSED = "The browser did not start the video (power saving, or its autoplay setting):"
            + " tap the video to start it.";

    private void playRefused() {
        if (stream != null && video.isPaused()) {   // not a stream stopped or replaced since
            fail(PLAY_REFUSED);
        }
    }

    private void stall() {
        if (!stalled) {
            stalled = true;
            fail(STALLED);
        }
    }

    private void unstall() {
        if (stalled) {
            stalled = false;
            if (STALLED.equals(message.getTextContent())) {
                say("");
            }
        }
    }

    /** One frame: the (side x side) box at (sx, sy) of src → 140x140 canvas → pixel buffer → listener. */
    private void grab(CanvasImageSource src, int sx, int sy, int side) {
        if (grab == null) { // made on the first frame: nothing the page start has to wait for
            HTMLCanvasElement c = (HTMLCanvasElement) Window.current().getDocument().createElement("canvas");
            c.setWidth(BOX);
            c.setHeight(BOX);
            grab = Js.readableContext(c);
        }
        grab.drawImage(src, sx, sy, side, side, 0, 0, BOX, BOX);
        frameFromPixels(grab.getImageData(0, 0, BOX, BOX).getData());
    }

    /**
     * The frame's pipeline once its box is read (BOX x BOX RGBA bytes): into the reused pixel buffer,
     * then the listener (recognition and page update). The browser's getImageData, which makes a new
     * ImageData per call, stays outside it: window.numera.cameraFrame with an RGBA box runs just this.
     */
    public void frameFromPixels(Uint8ClampedArray rgba) {
        if (rgba.getLength() != 4 * BOX * BOX) {
            throw new IllegalArgumentException("a camera box is " + BOX + "x" + BOX + " RGBA (" + 4 * BOX * BOX + " bytes), got " + rgba.getLength());
        }
        if (pixels == null) {
            pixels = new RgbaBuffer(BOX * BOX);
        }
        listener.frame(pixels.copyFrom(rgba), BOX, BOX);
    }

    /**
     * What the loop does with each new video frame, on another source that already is the box
     * (its top-left side x side pixels): window.numera.cameraFrame, so tests and benchmarks can
     * drive the camera loop's own code without a camera.
     */
    public void frameFrom(CanvasImageSource src, int side) {
        grab(src, 0, 0, side);
    }

    // the box in video pixels for the video size (placedW x placedH); computed when the size changes
    private int placedW;
    private int placedH;
    private int boxX;
    private int boxY;
    private int boxSide;

    /** The box for a video size, and the overlay in percent of the displayed video, so it matches at any CSS size. */
    private void placeBox(int vw, int vh) {
        int side = Math.max(28, Math.round(Math.min(vw, vh) * (float) BOX / 480f));
        boxSide = Math.min(side, Math.min(vw, vh));
        boxX = (vw - boxSide) / 2;
        boxY = (vh - boxSide) / 2;
        placedW = vw;
        placedH = vh;
        Js.setStyle(box, "left", pct(boxX, vw));
        Js.setStyle(box, "top", pct(boxY, vh));
        Js.setStyle(box, "width", pct(boxSide, vw));
        Js.setStyle(box, "height", pct(boxSide, vh));
    }

    private static String pct(int a, int b) {
        return Fmt.fixed(a * 100.0 / b, 2) + "%";
    }

    /** A start refused (permission) or with no camera to open: not a busy or passing failure. */
    static boolean refusedOrMissing(JSObject err) {
        switch (Media.errorName(err)) {
            case "NotAllowedError":
            case "PermissionDeniedError":
            case "SecurityError":
            case "NotFoundError":
            case "DevicesNotFoundError":
            case "OverconstrainedError":
                return true;
            default:
                return false;
        }
    }

    /** Every getUserMedia failure a user can meet, each with a way forward. */
    static String explain(JSObject err) {
        String name = Media.errorName(err);
        switch (name) {
            case "NotAllowedError":
            case "PermissionDeniedError":
            case "SecurityError":
                return "Camera permission was denied. Allow the camera for this site (the camera icon in the address bar, "
                        + "or the browser's site settings), then press Start camera again. Drawing works without it.";
            case "NotFoundError":
            case "DevicesNotFoundError":
            case "OverconstrainedError":
                return "No camera was found. Connect a camera and press Start camera again, or draw the digit instead.";
            case "NotReadableError":
            case "TrackStartError":
            case "AbortError":
                return "The camera is busy or could not start: another app or tab may be using it. Close that, then press "
                        + "Start camera again.";
            default:
                return "The camera could not start (" + (name.isEmpty() ? "" : name + ": ") + Media.errorMessage(err)
                        + "). Reload the page and try again, or draw the digit instead.";
        }
    }

    private void fail(String text) {
        status.setTextContent("");
        message.setTextContent(text);
        Js.setData(message, "error", "camera");
    }

    /**
     * Progress, or "" for nothing to say; also clears a problem shown before. Two live regions with fixed roles
     * rather than one whose role changes: screen readers do not reliably follow a role changed on a live region.
     */
    private void say(String text) {
        status.setTextContent(text);
        Js.setData(status, "quiet", "");
        message.setTextContent("");
        Js.setData(message, "error", "");
    }

    static final String ON = "Camera on: hold the digit inside the box.";
    static final String OFF = "Camera off.";

    /**
     * That the camera went on or off, for a screen reader only (the status region, kept out of sight:
     * the video showing or going says it to the eye). The button's new name alone is not announced
     * by every reader, and a camera that opens on a digit-less view says nothing else.
     */
    private void confirm(String text) {
        say(text);
        Js.setData(status, "quiet", "yes");
    }
}
