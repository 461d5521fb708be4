package dev.numera.web.camera;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frame sequences by hand, against the rules in CameraVerdict's comment. */
class CameraVerdictTest {
    private static final String BLANK = "too little ink", NOTHING = "nothing to read";

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
        v.shownAsResult();
        assertFalse(v.frame(9, null, true, true), "then agreement again");
    }

    @Test
    void aVerdictIsSaidOnceItHasHeldEightFramesOfACameraThatSendsPictures() {
        CameraVerdict v = new CameraVerdict();
        int saidAt = -1, said = 0;
        for (int f = 0; f < 30; f++) {
            v.frame(6, null, true, true);
            if (v.holds()) {
                saidAt = saidAt < 0 ? f : saidAt;
                said++;
            }
        }
        assertEquals(CameraVerdict.STABLE_FRAMES, saidAt, "the first frame and eight more the same");
        assertEquals(1, said, "once");

        CameraVerdict stalled = new CameraVerdict();
        for (int f = 0; f < 30; f++) {
            stalled.frame(6, null, f < 3, f < 3);   // the camera stopped sending after 3 pictures
            assertFalse(stalled.holds(), "a picture read again is no evidence that it holds");
        }
    }

    @Test
    void noDigitIsSaidWhileItsReasonFlickersAndAReasonThatThenHoldsIsSaidToo() {
        CameraVerdict v = new CameraVerdict();
        int said = 0;
        for (int f = 0; f < 12; f++) {
            v.frame(-1, f % 2 == 0 ? BLANK : NOTHING, true, true);
            said += v.holds() ? 1 : 0;
        }
        assertEquals(1, said, "no digit held, whatever the reason");
        for (int f = 0; f < 12; f++) {
            v.frame(-1, NOTHING, true, true);
            said += v.holds() ? 1 : 0;
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
}
