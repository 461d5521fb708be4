package dev.numera.web.camera;

import java.util.Objects;

/**
 * When the camera's reading becomes the page's result, and when it is said, frame by frame. Pure logic, no page.
 * <ul>
 * <li>Shown: once two new pictures in a row agree on it (the digit, or none). A single picture's misreading (a shadow's
 *     wedge read as "5, 99 %" one frame in twenty) never reaches the result; a picture read again while the camera
 *     sends none is no second opinion ({@link Camera#freshPicture}). Right after the pad is cleared under a running
 *     camera ({@link #resultDue}) the next frame is shown at once: the cleared drawing's result must not stay while the
 *     camera's readings differ.</li>
 * <li>Said ({@link #holds}): when the reading has held {@link #STABLE_FRAMES} frames of a camera that sends pictures
 *     ({@link Camera#picturesComing}); a screen reader hears verdicts, not flicker. The digit (or none) and the reason
 *     for none are counted apart: no digit for a while is said even while noise flickers its reason between "nothing to
 *     read" and "too little ink", and a reason that then holds is said too.</li>
 * </ul>
 * Protocol: {@link #frame} for every frame read; {@link #shownAsResult} when the caller showed it as the page's result;
 * {@link #reset} when the camera stops.
 */
public final class CameraVerdict {
    /**
     * Video frames a verdict must hold before it is said (~0.27 s at a camera's 30 frames a second, 0.8 s at the tests'
     * fake 10).
     */
    public static final int STABLE_FRAMES = 8;

    private int lastDigit = -2;
    // Not null at first: with a digit the reason is null, and the reason's count then ran a frame ahead of the digit's
    // and said the first verdict twice
    private String lastReason = "";
    private int sameFrames, sameReasonFrames;
    private int candidate = -2;   // the last new picture's digit (or none), and whether the one before agreed
    private boolean agreed;
    private boolean due;          // the pad cleared under a running camera: its next frame is the result, agreed or not
    private boolean holds;

    /**
     * One frame read.
     *
     * @param digit  its digit, or a negative number for none
     * @param reason why none (InkCheck's reasons), null with a digit
     * @param fresh  a new picture from the camera, not the last one read again
     * @param coming the camera sends pictures (a stalled one's frames count towards nothing being said)
     * @return whether this frame's reading is to be shown as the result
     */
    public boolean frame(int digit, String reason, boolean fresh, boolean coming) {
        if (fresh) {
            agreed = digit == candidate;
            candidate = digit;
        }
        int before = sameFrames, reasonBefore = sameReasonFrames;
        sameFrames = digit != lastDigit ? 0 : coming ? sameFrames + 1 : sameFrames;
        sameReasonFrames = !Objects.equals(reason, lastReason) ? 0 : coming ? sameReasonFrames + 1 : sameReasonFrames;
        lastDigit = digit;
        lastReason = reason;
        holds = sameFrames == STABLE_FRAMES && sameFrames != before || sameReasonFrames == STABLE_FRAMES && sameReasonFrames != reasonBefore;
        return agreed && digit == candidate || due;
    }

    /** Whether the last frame's reading has just held {@link #STABLE_FRAMES} frames: to be said, when shown. */
    public boolean holds() {
        return holds;
    }

    /** The camera's reading was shown as the page's result: a clear's "at once" is used. */
    public void shownAsResult() {
        due = false;
    }

    /**
     * The pad was cleared under the running camera: the next frame is shown at once, and its verdict is said once it
     * holds (unless the same sentence was said last, which the caller's announcer decides).
     */
    public void resultDue() {
        due = true;
        sameFrames = 0;
    }

    /** The last frame's digit (a negative number for none; -2 before any frame). */
    public int lastDigit() {
        return lastDigit;
    }

    /** The camera stopped: a camera started again waits for agreement, and counts both anew. */
    public void reset() {
        lastDigit = -2;
        candidate = -2;
        agreed = false;
        due = false;
        lastReason = "";
        holds = false;
    }
}
