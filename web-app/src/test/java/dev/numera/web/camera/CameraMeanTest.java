package dev.numera.web.camera;

import dev.numera.core.recognize.Prediction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** A sure 7 at {@code p}, fresh, a 1 its runner-up, shown. */
    private static void seven(CameraMean m, float p) {
        m.frame(probs(7, p, 1, (1 - p) / 2), 7, false, false, true, true);
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
        m.frame(probs(3, 0.95f, 8, 0.04f), 3, false, false, true, true);
        assertArrayEquals(probs(3, 0.95f, 8, 0.04f), m.probabilities(), "another digit: its picture's own numbers");
        assertFalse(m.unsure());
        m.frame(probs(3, 0.60f, 8, 0.30f), 3, true, false, true, true);
        assertEquals(0.95f, m.probabilities()[3], "one picture read as a guess: nothing changes");
        m.frame(probs(3, 0.60f, 5, 0.30f), 3, true, false, true, true);
        assertEquals(0.60f, m.probabilities()[3], "two in a row, far under the 95 % shown: the same digit turned a guess, a new verdict");
        assertTrue(m.unsure());
        assertEquals(5, m.top3()[1], "with its runner-up");
        m.frame(probs(3, 0.99f, 8, 0.005f), 3, true, true, true, true);
        m.frame(probs(3, 0.98f, 8, 0.01f), 3, true, true, true, true);
        assertEquals(0.98f, m.probabilities()[3], "now twice at the box's side (a guess whatever the network says): new again");
        assertTrue(m.unsure() && m.atSide());
        m.frame(new float[10], -1, false, false, true, true);
        assertArrayEquals(new float[10], m.probabilities(), "no digit");
        assertFalse(m.unsure() || m.atSide());
        m.frame(probs(3, 0.80f, 8, 0.1f), 3, false, false, true, true);
        assertEquals(0.80f, m.probabilities()[3], "a digit again after none");
        for (int k = 1; k < BLOCK; k++) {
            m.frame(probs(3, 0.90f, 8, 0.05f), 3, false, false, true, true);
        }
        assertEquals((0.80f + 9 * 0.90f) / BLOCK, m.probabilities()[3], 1e-6f, "counted from the verdict's first picture");
    }

    @Test
    void aPictureReadAgainAddsNothing() {
        CameraMean m = new CameraMean();
        seven(m, 0.97f);
        for (int k = 0; k < 3 * BLOCK; k++) {
            m.frame(probs(7, 0.80f, 1, 0.1f), 7, false, false, false, true);   // the camera sent no new picture
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
            m.frame(k % 3 == 0 ? probs(4, 0.55f, 9, 0.40f) : probs(4, 0.60f, 1, 0.30f), 4, true, false, true, true);
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
            m.frame(p, 3, true, false, true, true);
        }
        assertEquals(3, m.top3()[0], "the digit shown");
        assertEquals(2, m.top3()[1]);
        assertArrayEquals(p, m.probabilities(), "the numbers shown before (the verdict's first picture's), whose top it is");
    }

    /** A 4 held before a camera: {@code frames} pictures read at {@code mean} with a camera's noise of {@code sd} (seeded). */
    private static float[] held(float mean, float sd, long seed, int frames) {
        java.util.Random r = new java.util.Random(seed);
        float[] p = new float[frames];
        for (int f = 0; f < frames; f++) {
            p[f] = (float) Math.max(0.35, Math.min(0.99, mean + sd * r.nextGaussian()));
        }
        return p;
    }

    /** Each picture's guess as the recogniser gives it: under SURE, under SURE_AGAIN after a guess of the same digit. */
    private static boolean[] guesses(float[] p) {
        boolean[] g = new boolean[p.length];
        for (int f = 0; f < p.length; f++) {
            g[f] = p[f] < (f > 0 && g[f - 1] ? Prediction.SURE_AGAIN : Prediction.SURE);
        }
        return g;
    }

    /** How often the guess CameraMean shows turned over these pictures of a 4, all new and shown (m ends with the last). */
    private static int turns(CameraMean m, float[] p) {
        boolean[] g = guesses(p);
        int turns = 0;
        for (int f = 0; f < p.length; f++) {
            boolean before = m.unsure();
            m.frame(probs(4, p[f], 9, (1 - p[f]) * 0.6f), 4, g[f], false, true, true);
            turns += f > 0 && m.unsure() != before ? 1 : 0;
        }
        return turns;
    }

    /** The same decided per picture, as CameraVerdict showed it before: a picture's guess once two in a row agree on it. */
    private static int pictureTurns(float[] p) {
        boolean[] g = guesses(p);
        boolean shown = g[0];
        int turns = 0;
        for (int f = 1; f < p.length; f++) {
            if (g[f] == g[f - 1] && g[f] != shown) {
                shown = g[f];
                turns++;
            }
        }
        return turns;
    }

    /**
     * A camera's noise moves a digit read near 70 % by several points from picture to picture: the recogniser's guess of each
     * picture turned the page between "4" and "Not sure" several times a second. The guess shown is the numbers shown's.
     */
    @Test
    void aDigitReadNear70IsAGuessOrNotByTheMeansShownNotByEachPicture() {
        // a 4 read at 68 % and one at 73 %, sd 5 points, each 10 s at 30 frames a second
        float[] at68 = held(0.68f, 0.05f, 1, 300), at73 = held(0.73f, 0.05f, 2, 300);
        CameraMean m = new CameraMean();
        int turns68 = turns(m, at68);
        boolean guess = m.unsure();
        m.reset();
        int turns73 = turns(m, at73);
        String figures = String.format("turned %d times at 68 %%, %d at 73 %%", turns68, turns73);
        System.out.println("CameraMean: a 4 held near 70 % " + figures);
        assertTrue(turns68 <= 2 && turns73 <= 2, figures);
        assertTrue(guess && !m.unsure(), "a guess at 68 %, sure at 73 %");
        // decided per picture (before: a new verdict whenever a picture's guess changed), 30 and 39 times
        assertEquals(30, pictureTurns(at68));
        assertEquals(39, pictureTurns(at73));
    }

    /** A 4 at {@code p}, a 9 its runner-up, with its guess as the recogniser reads it alone (under 70 %). */
    private static void four(CameraMean m, float p, boolean fresh, boolean asResult) {
        m.frame(probs(4, p, 9, (1 - p) * 0.6f), 4, p < Prediction.SURE, false, fresh, asResult);
    }

    /**
     * A picture of another digit is a close call against the digit shown, a guess or sure, when it reads the digit shown at
     * least half as probable as its own; never a picture of the digit shown or of none, nor one whose digit is far over it.
     */
    @Test
    void aCloseCallIsAnotherDigitLessThanTwiceAsProbableAsTheOneShown() {
        CameraMean m = new CameraMean();
        assertFalse(m.closeCall(probs(9, 0.5f, 4, 0.45f), 9), "nothing shown yet");
        four(m, 0.5f, true, true);
        assertTrue(m.unsure(), "a 4 at 50 %: a guess");
        assertTrue(m.closeCall(probs(9, 0.5f, 4, 0.45f), 9), "a 9 at 50 % against the 4's 45 %");
        assertTrue(m.closeCall(probs(9, 0.6f, 4, 0.31f), 9), "1.94 times as probable");
        assertFalse(m.closeCall(probs(9, 0.62f, 4, 0.3f), 9), "2.07 times as probable");
        assertFalse(m.closeCall(probs(7, 0.3f, 1, 0.25f), 7), "a 7 at 30 % where the 4 reads 5.6 %: a real change, however unsure");
        assertFalse(m.closeCall(probs(4, 0.5f, 9, 0.45f), 4), "the digit shown");
        assertFalse(m.closeCall(probs(4, 0.5f, 9, 0.45f), -1), "no digit");
        // every picture a 9 (not shown, as CameraVerdict leaves close calls): close calls until the 4 went unread a block long
        for (int k = 0; k < BLOCK; k++) {
            assertTrue(m.closeCall(probs(9, 0.55f, 4, 0.4f), 9), "picture " + k + " of 9s");
            m.frame(probs(9, 0.55f, 4, 0.4f), 9, true, false, true, false);
        }
        assertFalse(m.closeCall(probs(9, 0.55f, 4, 0.4f), 9), "the 4 unread " + BLOCK + " pictures: the 9 is a candidate");
        four(m, 0.5f, true, true);
        assertTrue(m.closeCall(probs(9, 0.5f, 4, 0.45f), 9), "the 4 read again");
        for (int k = 0; k < 2 * BLOCK; k++) {
            four(m, 0.75f, true, true);
        }
        assertFalse(m.unsure(), "the 4 at 75 %: sure");
        // a 3 read sure in most pictures and as a 5 in some (938 of MNIST's test digits at noise sd 6): the 5 is no candidate
        assertTrue(m.closeCall(probs(9, 0.62f, 4, 0.37f), 9), "against a sure digit shown too");
        assertFalse(m.closeCall(probs(9, 0.9f, 4, 0.05f), 9), "another digit held up");
        m.reset();
        assertFalse(m.closeCall(probs(9, 0.5f, 4, 0.45f), 9), "after a reset, nothing shown");
    }

    /**
     * Close calls keep the digit shown while it is read in a third of the pictures, not while it is read now and then: a
     * sure 4, then a 9 read as the 4 in one picture of four, kept the 4 on screen for good when close calls held while the
     * 4 was read once in {@link CameraMean#BLOCK} pictures.
     */
    @Test
    void aDigitShownReadInAQuarterOfThePicturesGivesWay() {
        for (int every : new int[]{3, 4}) {
            CameraMean m = new CameraMean();
            for (int k = 0; k < 2 * BLOCK; k++) {
                four(m, 0.9f, true, true);
            }
            assertFalse(m.unsure(), "a sure 4");
            boolean close = true;
            for (int k = 1; k <= 4 * BLOCK; k++) {   // not shown, as CameraVerdict leaves close calls and the pictures after them
                close = m.closeCall(probs(9, 0.6f, 4, 0.35f), 9);
                if (k % every == 0) {
                    m.frame(probs(4, 0.5f, 9, 0.45f), 4, true, false, true, false);
                } else {
                    m.frame(probs(9, 0.6f, 4, 0.35f), 9, true, false, true, false);
                }
            }
            if (every == 3) {
                assertTrue(close, "the 4 read in a third of the pictures: kept");
            } else {
                assertFalse(close, "the 4 read in a quarter of the pictures: the 9 is a candidate");
            }
        }
    }

    /**
     * A sure digit shown is kept by close calls only while one of the last SURE_RECENT (3) new pictures read it (a guess,
     * one of the last BLOCK): a sure 2 swapped for a 4 that reads the 2 as its runner-up, never as its digit, stayed 12
     * pictures.
     */
    @Test
    void aSureDigitUnreadThreePicturesInARowGivesWay() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < 2 * BLOCK; k++) {
            four(m, 0.9f, true, true);
        }
        assertFalse(m.unsure(), "a sure 4");
        for (int k = 0; k < 3; k++) {
            assertTrue(m.closeCall(probs(9, 0.55f, 4, 0.4f), 9), "picture " + k + " of 9s");
            m.frame(probs(9, 0.55f, 4, 0.4f), 9, true, false, true, false);
        }
        assertFalse(m.closeCall(probs(9, 0.55f, 4, 0.4f), 9), "the sure 4 unread 3 pictures: the 9 is a candidate");
    }

    /** A real change shows as fast as a guess per picture did: at the second new picture that reads it. */
    @Test
    void aSureDigitTurnedARealGuessOrBackIsShownAtTheSecondPicture() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < 2 * BLOCK + 3; k++) {
            four(m, 0.97f, true, true);
        }
        four(m, 0.55f, true, true);
        assertFalse(m.unsure(), "one picture of an ambiguous 4: nothing yet");
        four(m, 0.56f, true, true);
        assertTrue(m.unsure(), "the second: a guess at once");
        assertEquals(0.56f, m.probabilities()[4], "with that picture's own numbers, a new verdict's first");
        for (int k = 0; k < 2 * BLOCK + 3; k++) {
            four(m, 0.55f, true, true);
        }
        four(m, 0.95f, true, true);
        assertTrue(m.unsure());
        four(m, 0.96f, true, true);
        assertFalse(m.unsure(), "and sure again at the second clear picture");
        assertEquals(0.96f, m.probabilities()[4]);
        four(m, 0.55f, false, true);
        four(m, 0.55f, true, true);
        assertFalse(m.unsure(), "a picture read again is no second picture");
    }

    /**
     * Two pictures under 70 % do not turn a digit whose numbers shown are near them: noise, for the blocks' means to weigh.
     * A sure 4 shown at 73 %: two pictures at 65 % leave it; one block's mean under 70 % is held back (its numbers not shown),
     * two in a row turn it; a block back over 70 % after one under leaves it sure, with its own numbers. The same from a
     * guess: two blocks at SURE_AGAIN in a row turn it sure.
     */
    @Test
    void twoPicturesNearTheNumbersShownAreLeftToTheBlocksMeans() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.73f, true, true);
        }
        assertEquals(0.73f, m.probabilities()[4], 1e-6f);
        assertFalse(m.unsure());
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.65f, true, true);
            assertFalse(m.unsure(), "picture " + k + " at 65 %, 8 points under the 73 % shown");
        }
        assertEquals(0.73f, m.probabilities()[4], 1e-6f, "one block's mean at 65 %: held back, the numbers before it stay");
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.74f, true, true);
        }
        assertFalse(m.unsure(), "the next block back over 70 %: sure as it was");
        assertEquals(0.74f, m.probabilities()[4], 1e-6f, "with its own numbers");
        for (int k = 0; k < 2 * BLOCK - 1; k++) {
            four(m, 0.65f, true, true);
            assertFalse(m.unsure(), "picture " + k + " of two blocks at 65 %");
        }
        four(m, 0.65f, true, true);
        assertTrue(m.unsure(), "the second block's mean at 65 % in a row: a guess");
        assertEquals(0.65f, m.probabilities()[4], 1e-6f);
        for (int k = 0; k < 2 * BLOCK; k++) {
            four(m, 0.71f, true, true);
        }
        assertTrue(m.unsure(), "a guess stays one until its means reach SURE_AGAIN");
        assertEquals(0.71f, m.probabilities()[4], 1e-6f);
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.72f, true, true);
        }
        assertTrue(m.unsure(), "one block at 72 %: held back");
        assertEquals(0.71f, m.probabilities()[4], 1e-6f);
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.72f, true, true);
        }
        assertFalse(m.unsure(), "two in a row: sure");
        assertEquals(0.72f, m.probabilities()[4], 1e-6f);
    }

    /** The picture the verdict did not show (the one before it read another digit) still counts as the one before the next. */
    @Test
    void aPictureNotShownIsStillThePictureBeforeTheNext() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.97f, true, true);
        }
        four(m, 0.55f, true, false);
        four(m, 0.55f, true, true);
        assertTrue(m.unsure(), "two ambiguous pictures in a row, the first not shown");
        m.reset();
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.97f, true, true);
        }
        four(m, 0.55f, true, true);
        m.frame(probs(9, 0.6f, 4, 0.3f), 9, true, false, true, false);   // a picture of a 9 between
        four(m, 0.55f, true, true);
        assertFalse(m.unsure(), "not two in a row");
    }

    /** A 4 held at the box's side, a third of its pictures there: a guess from two in a row there, until a block has none. */
    @Test
    void aDigitAtTheSideIsAGuessUntilABlockHasNoneThere() {
        CameraMean m = new CameraMean();
        for (int k = 0; k < BLOCK; k++) {
            four(m, 0.99f, true, true);
        }
        m.frame(probs(4, 0.99f, 9, 0.005f), 4, true, true, true, true);
        assertFalse(m.atSide() || m.unsure(), "one picture at the side");
        four(m, 0.99f, true, true);
        m.frame(probs(4, 0.99f, 9, 0.005f), 4, true, true, true, true);
        m.frame(probs(4, 0.99f, 9, 0.005f), 4, true, true, true, true);
        assertTrue(m.atSide() && m.unsure(), "two in a row: a guess at once, the first picture of its first block");
        for (int k = 1; k < 10 * BLOCK; k++) {
            m.frame(probs(4, 0.99f, 9, 0.005f), 4, k % 3 == 0, k % 3 == 0, true, true);
            assertTrue(m.atSide(), "picture " + k + ", a third of them at the side: it stays at the side");
        }
        for (int k = 0; k < BLOCK - 1; k++) {
            four(m, 0.99f, true, true);
            assertTrue(m.atSide(), "picture " + k + " of a block with none at the side");
        }
        four(m, 0.99f, true, true);
        assertFalse(m.atSide() || m.unsure(), "that block complete: sure, 99 %");
    }

    /**
     * What the class promises, on every frame of seeded noisy sequences (digits read at 40-100 %, sd up to 10 points, some
     * at the side, misread as another digit, read again or not shown): the digit shown is the top of the numbers shown, a
     * sure one at least SURE (shown as 70.0 % or more), a guess under SURE_AGAIN unless at the side, a digit at the side a guess.
     */
    @Test
    void itsPromisesHoldOnEveryFrame() {
        java.util.Random r = new java.util.Random(7);
        CameraMean m = new CameraMean();
        int guessed = -1, checked = 0;
        for (int segment = 0; segment < 200; segment++) {
            int digit = r.nextInt(10);
            float mean = 0.4f + 0.6f * r.nextFloat(), sd = 0.1f * r.nextFloat(), side = r.nextInt(3) == 0 ? 0.4f : 0f;
            for (int f = 0; f < 60; f++) {
                int d = r.nextInt(20) == 0 ? (digit + 1) % 10 : digit;
                float p = (float) Math.max(0.3, Math.min(0.999, mean + sd * r.nextGaussian()));
                boolean atSide = r.nextFloat() < side;
                boolean unsure = p < (guessed == d ? Prediction.SURE_AGAIN : Prediction.SURE) || atSide;
                guessed = unsure ? d : -1;
                boolean asResult = r.nextInt(10) != 0;
                m.frame(probs(d, p, (d + 3) % 10, Math.min(0.95f * p, (1 - p) * r.nextFloat())), d, unsure, atSide, r.nextInt(8) != 0, asResult);
                if (asResult) {
                    checked++;
                    float shown = m.probabilities()[d];
                    assertEquals(d, m.top3()[0], "segment " + segment + " frame " + f);
                    assertTrue(m.unsure() || shown >= Prediction.SURE, "a sure digit at " + shown);
                    assertTrue(!m.unsure() || m.atSide() || shown < Prediction.SURE_AGAIN, "a guess at " + shown);
                    assertTrue(!m.atSide() || m.unsure());
                }
            }
        }
        assertTrue(checked > 10000);
    }
}
