package dev.numera.web.camera;

import dev.numera.core.image.InkCheck;

import java.util.Objects;

/**
 * When the camera's reading becomes the page's result, and when it is said, frame by frame. Pure logic, no page.
 * <ul>
 * <li>Shown: once two new pictures in a row agree on it (the digit, or none). A single picture's misreading (a shadow's
 *     wedge read as "5, 99 %" one frame in twenty) never reaches the result; a picture read again while the camera
 *     sends none is no second opinion ({@link Camera#freshPicture}). Right after the pad is cleared under a running
 *     camera ({@link #resultDue}) the next frame is shown at once: the cleared drawing's result must not stay while the
 *     camera's readings differ.</li>
 * <li>A picture of another digit that reads the digit shown at least half as probable as its own (a 4 or 9 held still,
 *     near 50 % each) is a close call ({@link CameraMean#closeCall}) and no candidate: the digit shown changes on two
 *     pictures in a row that each read the other digit clearly more probable.</li>
 * <li>A digit shown gives way to none on two new pictures in a row of blank paper ("no ink" or "too little ink": the sheet
 *     taken away or wiped), or on three in a row of none whatever the reasons (a coin over the digit, the sheet's edge in
 *     the box): noise on a digit held still makes those now and then, blank paper hardly ever. A blotchy 8 that the
 *     camera read as a 0, a 7, an 8, "a filled dark shape" or "ink too small" at noise sd 6 (CameraNoiseTest's scene,
 *     MNIST test digit 7845, 10 s at 30 frames a second) changed between a digit and none 30 times on two pictures of
 *     none, 20 on two that agreed why, 11 with this rule (13 with CameraMean's close calls as they are now). (On the 30
 *     ambiguous digits of {@link CameraMean#closeCall}, with its close calls as they were then: 0 / 13 / 37 -> 0 / 6 / 18
 *     changes at sd 2 / 4 / 6; another digit held up, read over 97 %, still shown after 1.90 / 1.93 / 1.90 frames.)</li>
 * <li>While the result shown is no digit, a frame changes why there is none only when two new pictures agree on that too
 *     (helper-84: blank paper's noise turned "no ink" and "too little ink" 17 times in 3 s). "No ink" and "too little
 *     ink" are one reason here ({@link #sameReason}): blank paper in the box, whichever the noise says. Whether a digit
 *     shown is a guess, or at the box's side, is {@link CameraMean}'s to decide, on the numbers it shows.</li>
 * <li>Said ({@link #takeHolds}): when the reading has held {@link #STABLE_FRAMES} frames of a camera that sends pictures
 *     ({@link Camera#picturesComing}); a screen reader hears verdicts, not flicker. A digit's reading is the digit, and
 *     whether it is shown as a guess and at the side ({@link #shownAsResult}: a sure 9 moved to the box's side, a guess
 *     there, is news); the digit (or none) and the reason for none are counted apart: no digit for a while is said
 *     even while noise flickers its reason (at a sheet's edge, "touches two sides" and "specks"), on the frames not
 *     shown too (the caller says the reason shown), and a reason that then holds is said as well.</li>
 * </ul>
 * Protocol: {@link #frame} for every frame read; {@link #shownAsResult} when the caller showed it as the page's result
 * (with whether it is a guess, CameraMean's), and then {@link #takeHolds} to know whether to say it; {@link #reset} when
 * the camera stops.
 */
public final class CameraVerdict {
    /**
     * Video frames a verdict must hold before it is said (~0.27 s at a camera's 30 frames a second, 0.8 s at the tests'
     * fake 10).
     */
    public static final int STABLE_FRAMES = 8;

    private int lastDigit = -2;
    private int lastCounted = -2;   // the last frame's digit as counted towards a verdict said (a close call's: the one shown)
    // Not null at first: with a digit the reason is null, and the reason's count then ran a frame ahead of the digit's
    // and said the first verdict twice
    private String lastReason = "";
    private int sameFrames, sameReasonFrames;
    private int candidate = -2;   // the last new picture's digit (or none), and whether the one before agreed
    private String candidateReason;
    private boolean agreed;
    private boolean agreedWhole;  // ...on why there is none, too
    private int noneInARow;       // new pictures in a row with no digit, up to 3
    private int shownDigit = -2;  // the digit (or none) of the result shown, -2: none of the camera's
    private boolean shownUnsure, shownAtSide;   // ...and, for a digit, whether shown as a guess, at the side
    private boolean due;          // the pad cleared under a running camera: its next frame is the result, agreed or not
    private boolean holds;        // a verdict held, not yet said (see takeHolds)

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
        return frame(digit, reason, fresh, coming, false);
    }

    /**
     * {@link #frame(int, String, boolean, boolean)}, where a new picture may be a close call against the digit shown, a guess
     * or sure ({@link CameraMean#closeCall}): its digit is no candidate, neither the first of two pictures that agree nor the
     * second.
     */
    public boolean frame(int digit, String reason, boolean fresh, boolean coming, boolean closeCall) {
        boolean asCandidate = digit >= 0 || sameReason(reason, candidateReason);
        if (fresh) {
            noneInARow = digit < 0 ? Math.min(noneInARow + 1, 3) : 0;
            agreed = digit == candidate && !closeCall;
            agreedWhole = agreed && asCandidate;
            candidate = closeCall ? -3 : digit;
            candidateReason = reason;
            asCandidate = true;
        }
        // a close call is a frame of the digit shown for what is said: a 4 or 9 held still is said once it holds as shown
        int counted = closeCall ? shownDigit : digit;
        boolean changed = counted != lastCounted;
        if (changed) {
            holds = false;   // a verdict that held and was not said yet is not this one's
        }
        int before = sameFrames, reasonBefore = sameReasonFrames;
        sameFrames = changed ? 0 : coming ? sameFrames + 1 : sameFrames;
        sameReasonFrames = !sameReason(reason, lastReason) ? 0 : coming ? sameReasonFrames + 1 : sameReasonFrames;
        lastDigit = digit;
        lastCounted = counted;
        lastReason = reason;
        holds |= sameFrames == STABLE_FRAMES && sameFrames != before || sameReasonFrames == STABLE_FRAMES && sameReasonFrames != reasonBefore;
        return due || agreed && digit == candidate
                && (digit >= 0 || agreedWhole && blank(reason) || noneInARow >= 3)   // none: blank paper twice, or any three
                && (digit != shownDigit || agreedWhole && asCandidate);
    }

    /**
     * Whether a verdict has held {@link #STABLE_FRAMES} frames since it was last asked, to be said with the result shown
     * now; asking clears it, and so does another digit or guess mark before it is asked.
     */
    public boolean takeHolds() {
        boolean h = holds;
        holds = false;
        return h;
    }

    /**
     * The frame just read, of {@code digit} (or none), was shown as the page's result: a clear's "at once" is used. A digit
     * shown as before but turned a guess or sure, or to or from the box's side, is a new verdict, said once it has held.
     *
     * @param unsure shown as a guess ({@link CameraMean#unsure})
     * @param atSide shown at the box's side ({@link CameraMean#atSide})
     */
    public void shownAsResult(int digit, boolean unsure, boolean atSide) {
        if (digit >= 0 && digit == shownDigit && (unsure != shownUnsure || atSide != shownAtSide)) {
            sameFrames = 0;
            holds = false;
        }
        due = false;
        shownDigit = digit;
        shownUnsure = unsure;
        shownAtSide = atSide;
    }

    /** The digit (or none, a negative number) of the camera's result shown last; -2: none shown since the camera started. */
    public int shownDigit() {
        return shownDigit;
    }

    /** Whether two reasons for no digit are one for the camera: equal, or "no ink" and "too little ink" (blank paper). */
    private static boolean sameReason(String a, String b) {
        return Objects.equals(a, b) || blank(a) && blank(b);
    }

    private static boolean blank(String reason) {
        return InkCheck.NO_INK.equals(reason) || InkCheck.TOO_LITTLE_INK.equals(reason);
    }

    /**
     * The pad was cleared under the running camera: the next frame is shown at once, and its verdict is said once it
     * holds (unless the same sentence was said last, which the caller's announcer decides).
     */
    public void resultDue() {
        due = true;
        sameFrames = 0;
        holds = false;
        shownDigit = -2;
    }

    /** The last frame's digit (a negative number for none; -2 before any frame). */
    public int lastDigit() {
        return lastDigit;
    }

    /** The camera stopped: a camera started again waits for agreement, and counts both anew. */
    public void reset() {
        lastDigit = lastCounted = -2;
        candidate = -2;
        noneInARow = 0;
        agreed = false;
        due = false;
        lastReason = "";
        holds = false;
        shownDigit = -2;
    }
}
