package dev.numera.web.camera;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frame sequences by hand, against the rules in CameraMean's comment. */
class CameraMeanTest {
    private static final int BLOCK = CameraMean.BLOCK;

    /** Probabilities with {@code top} at {@code p}, {@code second} at {@code q} and the rest shared out. */
    private static float[] probs(int top, float p, int second, float q) {
        float[] a = new float[10];
        for (int i = 0; i < 10; i++) {
            a[i] = (1 - p - q) / 8;
        }
        a[top] = p;
        a[second] = q;
        return a;
    }

    /** A sure 7 at {@code p}, fresh, a 1 its runner-up. */
    private static void seven(CameraMean m, float p) {
        m.frame(probs(7, p, 1, (1 - p) / 2), 7, false, false, true);
    }

    @Test
    void aVerdictsFirstPictureIsShownUntilItsFirstBlockIsCompleteThenTheBlocksMean() {
        CameraMean m = new CameraMean();
        seven(m, 0.97f);
        assertEquals(0.97f, m.probabilities()[7], "the first picture as it is");
        float sum = 0.97f;
        for (int k = 1; k < BLOCK - 1; k++) {
            float p = k % 2 == 0 ? 0.99f : 0.95f;   // a camera's noise
            sum += p;
            seven(m, p);
            assertEquals(0.97f, m.probabilities()[7], "picture " + k + ": nothing changes within a block");
        }
        seven(m, 0.96f);
        sum += 0.96f;
        assertEquals(sum / BLOCK, m.probabilities()[7], 1e-6f, "the mean of the block's ten pictures, the first among them");
        assertEquals(7, m.top3()[0]);
        assertEquals(1, m.top3()[1]);
        float first = m.probabilities()[7];
        for (int k = 0; k < BLOCK - 1; k++) {
            seven(m, 0.90f);
            assertEquals(first, m.probabilities()[7], "the next block under way: the last mean stays");
        }
        seven(m, 0.90f);
        assertEquals(0.90f, m.probabilities()[7], 1e-6f, "the next block's own mean, not a mix with the last one");
    }

    @Test
    void aNewVerdictStartsAnewWithItsFirstPicture() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK + 3; k++) {
            seven(m, 0.99f);
        }
        m.frame(probs(3, 0.95f, 8, 0.04f), 3, false, false, true);
        assertArrayEquals(probs(3, 0.95f, 8, 0.04f), m.probabilities(), "another digit: its picture's own numbers");
        m.frame(probs(3, 0.60f, 8, 0.30f), 3, true, false, true);
        assertEquals(0.60f, m.probabilities()[3], "the same digit turned a guess: a new verdict");
        assertEquals(8, m.top3()[1], "and its runner-up");
        m.frame(probs(3, 0.99f, 8, 0.005f), 3, true, true, true);
        assertEquals(0.99f, m.probabilities()[3], "the guess now at the box's side (a guess whatever the network says): new again");
        m.frame(new float[10], -1, false, false, true);
        assertArrayEquals(new float[10], m.probabilities(), "no digit");
        m.frame(probs(3, 0.80f, 8, 0.1f), 3, false, false, true);
        assertEquals(0.80f, m.probabilities()[3], "a digit again after none");
        for (int k = 1; k < BLOCK; k++) {
            m.frame(probs(3, 0.90f, 8, 0.05f), 3, false, false, true);
        }
        assertEquals((0.80f + 9 * 0.90f) / BLOCK, m.probabilities()[3], 1e-6f, "counted from the verdict's first picture");
    }

    @Test
    void aPictureReadAgainAddsNothing() {
        CameraMean m = new CameraMean();
        seven(m, 0.97f);
        for (int k = 0; k < 3 * BLOCK; k++) {
            m.frame(probs(7, 0.80f, 1, 0.1f), 7, false, false, false);   // the camera sent no new picture
        }
        assertEquals(0.97f, m.probabilities()[7]);
        for (int k = 1; k < BLOCK; k++) {
            seven(m, 0.97f);
        }
        assertEquals(0.97f, m.probabilities()[7], 1e-6f, "ten new pictures of 97 %: 97 %");
    }

    @Test
    void resetShowsTheNextPictureAsItIs() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK - 1; k++) {
            seven(m, 0.99f);
        }
        m.reset();   // the pad drawn on and cleared, or the camera stopped and started again
        seven(m, 0.91f);
        assertEquals(0.91f, m.probabilities()[7], "the same verdict, and yet its own numbers");
        for (int k = 1; k < BLOCK; k++) {
            seven(m, 0.91f);
        }
        assertEquals(0.91f, m.probabilities()[7], 1e-6f, "a block of its own: nothing from before the reset in it");
    }

    /** A guess whose runner-up flickers (5 or 3, 4 or 9 frame by frame): the words name the mean's runner-up, as the bars. */
    @Test
    void aGuesssRunnerUpIsTheMeans() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK; k++) {
            m.frame(k % 3 == 0 ? probs(4, 0.55f, 9, 0.40f) : probs(4, 0.60f, 1, 0.30f), 4, true, false, true);
        }
        assertEquals(4, m.top3()[0]);
        assertEquals(1, m.top3()[1], "1 at 0.30 in 6 of 10 pictures (mean 0.18) over 9 at 0.40 in 4 (mean 0.17)");
        assertEquals(9, m.top3()[2]);
    }

    /**
     * The digit shown stays the top of the numbers shown: two digits within a rounding error of each other in every
     * picture (the recogniser's 3 a float's last bit over its 2) sum to a tie, which the top 3 gives the lower digit.
     */
    @Test
    void aBlockWhoseSumRoundedATieAwayIsNotShown() {
        CameraMean m = new CameraMean();
        float[] p = probs(3, 0.3f, 2, Math.nextDown(0.3f));   // ten of these sum to 2.9999998 both
        for (int k = 0; k < BLOCK; k++) {
            m.frame(p, 3, true, false, true);
        }
        assertEquals(3, m.top3()[0], "the digit shown");
        assertEquals(2, m.top3()[1]);
        assertArrayEquals(p, m.probabilities(), "the numbers shown before (the verdict's first picture's), whose top it is");
    }
}
