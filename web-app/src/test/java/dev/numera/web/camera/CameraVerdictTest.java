package dev.numera.web.camera;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame sequences by hand, against the rules in CameraVerdict's comment. */
class CameraVerdictTest {
    private static final String BLANK = dev.numera.core.image.InkCheck.TOO_LITTLE_INK, NOTHING = dev.numera.core.image.InkCheck.NO_INK,
            ACROSS = dev.numera.core.image.InkCheck.ACROSS, SCATTERED = dev.numera.core.image.InkCheck.SCATTERED;

    /** Each frame fresh and coming: which are shown ("1") and which not ("0"). */
    private static String shown(CameraVerdict v, int... digits) {
        StringBuilder s = new StringBuilder();
        for (int d : digits) {
            s.append(v.frame(d, d < 0 ? BLANK : null, true, true) ? '1' : '0');
        }
        return s.toString();
    }

    @Test
    void aReadingIsShownOnceTwoNewPicturesAgree() {
        CameraVerdict v = new CameraVerdict();
        // a single picture's misreading (the 5) never shows, and the 3 after it needs a second 3 again
        assertEquals("01001", shown(v, 3, 3, 5, 3, 3));
        // no digit is a reading like any other
        assertEquals("01", shown(v, -1, -1));
    }

    /** A close call (CameraMean's) is no candidate: neither the first of two pictures that agree nor the second. */
    @Test
    void aCloseCallIsNoCandidate() {
        CameraVerdict v = new CameraVerdict();
        assertEquals("01", shown(v, 4, 4));
        assertFalse(v.frame(9, null, true, true, true));
        assertFalse(v.frame(9, null, true, true, true), "two close calls in a row");
        assertFalse(v.frame(9, null, true, true, false), "a clear 9 after a close call: the first of two");
        assertTrue(v.frame(9, null, true, true, false), "the second");
        assertFalse(v.frame(4, null, true, true, false));
        assertFalse(v.frame(4, null, true, true, true), "a close call after a clear 4 does not complete the pair");
    }

    /** A guess kept on screen through close calls is said once it holds, as if every close call were a frame of it. */
    @Test
    void aGuessKeptThroughCloseCallsIsSaid() {
        CameraVerdict v = new CameraVerdict();
        assertTrue(shownAs(v, 4, true, null) | shownAs(v, 4, true, null));
        v.takeHolds();
        for (int k = 0; k < 2 * CameraVerdict.STABLE_FRAMES; k++) {   // 9 (close), 4, 9 (close), 4...: none shown again
            boolean close = k % 2 == 0;
            assertFalse(v.frame(close ? 9 : 4, null, true, true, close), "frame " + k);
        }
        assertTrue(shownAs(v, 4, true, null), "a 4 after the last 4: shown again");
        assertTrue(v.takeHolds(), "and said: it held through the close calls");
    }

    /**
     * A digit shown gives way to none on two pictures of blank paper in a row (its two reasons are one), or on three of none
     * whatever their reasons: a blotchy 8 read as a digit or as "a filled dark shape" and "ink too small" by turns kept
     * changing between the digit and none.
     */
    @Test
    void aDigitGivesWayToBlankPaperOnTwoPicturesAndToOtherNoneOnThree() {
        String blot = dev.numera.core.image.InkCheck.BLOT, small = dev.numera.core.image.InkCheck.TOO_SMALL;
        CameraVerdict v = new CameraVerdict();
        assertEquals("01", shown(v, 0, 0));
        v.shownAsResult(0, false, false);
        assertFalse(v.frame(-1, blot, true, true));
        assertFalse(v.frame(-1, blot, true, true), "two blots in a row: the 0 stays");
        assertFalse(v.frame(0, null, true, true), "and it is read again");
        assertFalse(v.frame(-1, small, true, true));
        assertFalse(v.frame(-1, blot, true, true));
        assertTrue(v.frame(-1, small, true, true), "the third of none in a row: none, whatever the reasons");
        v.shownAsResult(-1, false, false);
        assertEquals("01", shown(v, 0, 0));
        v.shownAsResult(0, false, false);
        assertFalse(v.frame(-1, NOTHING, true, true));
        assertTrue(v.frame(-1, BLANK, true, true), "the sheet taken away (no ink, then too little): none at once");
    }

    @Test
    void aPictureReadAgainIsNoSecondOpinion() {
        CameraVerdict v = new CameraVerdict();
        assertFalse(v.frame(4, null, true, true));
        assertFalse(v.frame(4, null, false, false), "the same picture read again");
        assertTrue(v.frame(4, null, true, true), "a new picture that agrees");
    }

    @Test
    void afterAClearTheNextFrameIsShownAtOnce() {
        CameraVerdict v = new CameraVerdict();
        assertEquals("01", shown(v, 7, 7));
        v.resultDue();
        assertTrue(v.frame(2, null, true, true), "the cleared drawing's result must not stay");
        v.shownAsResult(2, false, false);
        assertFalse(v.frame(9, null, true, true), "then agreement again");
    }

    @Test
    void aVerdictIsSaidOnceItHasHeldEightFramesOfACameraThatSendsPictures() {
        CameraVerdict v = new CameraVerdict();
        int saidAt = -1, said = 0;
        for (int f = 0; f < 30; f++) {
            v.frame(6, null, true, true);
            if (v.takeHolds()) {
                saidAt = saidAt < 0 ? f : saidAt;
                said++;
            }
        }
        assertEquals(CameraVerdict.STABLE_FRAMES, saidAt, "the first frame and eight more the same");
        assertEquals(1, said, "once");

        CameraVerdict stalled = new CameraVerdict();
        for (int f = 0; f < 30; f++) {
            stalled.frame(6, null, f < 3, f < 3);   // the camera stopped sending after 3 pictures
            assertFalse(stalled.takeHolds(), "a picture read again is no evidence that it holds");
        }
    }

    @Test
    void noDigitIsSaidWhileItsReasonFlickersAndAReasonThatThenHoldsIsSaidToo() {
        CameraVerdict v = new CameraVerdict();
        int said = 0;
        for (int f = 0; f < 12; f++) {
            v.frame(-1, f % 2 == 0 ? ACROSS : SCATTERED, true, true);
            said += v.takeHolds() ? 1 : 0;
        }
        assertEquals(1, said, "no digit held, whatever the reason");
        for (int f = 0; f < 12; f++) {
            v.frame(-1, SCATTERED, true, true);
            said += v.takeHolds() ? 1 : 0;
        }
        assertEquals(2, said, "then the reason held");
    }

    @Test
    void aCameraStartedAgainWaitsForAgreementAndCountsAnew() {
        CameraVerdict v = new CameraVerdict();
        assertEquals("011", shown(v, 1, 1, 1));
        v.resultDue();
        v.reset();
        assertEquals(-2, v.lastDigit());
        assertFalse(v.frame(1, null, true, true), "agreement again, and a clear whose frame never came is forgotten");
        assertTrue(v.frame(1, null, true, true));
    }

    /** A frame shown as the result, as App does (shown as a guess or not, CameraMean's): returns whether it was shown. */
    private static boolean shownAs(CameraVerdict v, int digit, boolean unsure, String reason) {
        boolean shown = v.frame(digit, reason, true, true);
        if (shown) {
            v.shownAsResult(digit, unsure, false);
        }
        return shown;
    }

    /** Whether the digit shown is a guess is CameraMean's, decided on the numbers it shows: every agreeing frame is shown. */
    @Test
    void aDigitShownIsShownWithEveryNewPictureThatAgreesOnIt() {
        CameraVerdict v = new CameraVerdict();
        assertFalse(shownAs(v, 2, false, null));
        for (int f = 0; f < 6; f++) {
            assertTrue(shownAs(v, 2, f % 2 == 0, null), "frame " + f);
        }
        assertFalse(shownAs(v, 5, false, null));
        assertTrue(shownAs(v, 5, true, null), "another digit is shown as soon as it agrees");
    }

    /** helper-84: blank paper's noise turned "no ink" and "too little ink" 17 times in 3 s; the sheet's edge two other reasons. */
    @Test
    void noDigitChangesItsReasonOnlyWhenTwoNewPicturesAgreeOnIt() {
        CameraVerdict v = new CameraVerdict();
        assertFalse(shownAs(v, -1, false, NOTHING));
        for (int f = 0; f < 6; f++) {
            assertTrue(shownAs(v, -1, false, f % 2 == 0 ? BLANK : NOTHING), "blank paper, whatever the noise says: one reason");
        }
        assertFalse(shownAs(v, -1, false, ACROSS), "a new reason's first picture");
        for (int f = 0; f < 6; f++) {
            assertFalse(shownAs(v, -1, false, f % 2 == 0 ? SCATTERED : ACROSS), "frame " + f + ": reasons flicker, the one shown stays");
        }
        assertFalse(shownAs(v, -1, false, SCATTERED));
        assertTrue(shownAs(v, -1, false, SCATTERED), "a reason that holds is shown");
    }

    /** helper-86: a sure 9 moved to the box's side (a guess now) was shown with its advice and never said. */
    @Test
    void aDigitTurningAGuessThatHoldsIsANewVerdictAndAFlickeringGuessNone() {
        CameraVerdict v = new CameraVerdict();
        int said = 0;
        for (int f = 0; f < 15; f++) {
            shownAs(v, 9, false, null);
            said += v.takeHolds() ? 1 : 0;
        }
        assertEquals(1, said, "the sure 9");
        for (int f = 0; f < 15; f++) {
            assertTrue(v.frame(9, null, true, true));
            v.shownAsResult(9, true, true);   // at the box's side
            said += v.takeHolds() ? 1 : 0;
        }
        assertEquals(2, said, "the 9 as a guess, held: said too");
        for (int f = 0; f < 30; f++) {
            shownAs(v, 9, f % 2 == 0, null);
            said += v.takeHolds() ? 1 : 0;
        }
        assertEquals(2, said, "a guess flickering holds nothing");
    }
}
