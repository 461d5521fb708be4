package dev.numera.web.camera;

import dev.numera.core.model.ModelFile;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import dev.numera.web.harness.Mnist;
import dev.numera.web.harness.Y4m;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A digit held still before a noisy camera, through the recogniser on the JVM and CameraVerdict and CameraMean as App runs
 * them: the box of ChromiumCameraSteadyTest's fake camera (an MNIST test digit on ruled paper with a shadow), 10 s at 30
 * frames a second with noise of sd 4 grey levels on every pixel, as the page grabs it from Chromium's video.
 */
class CameraNoiseTest {
    /**
     * Three MNIST test digits the camera reads near 70 %, sd 4-6 points from picture to picture (a 3, a 6 and a 2), and a 7
     * read at 100 %. Deciding the guess per picture, the page turned the first three between the digit and "Not sure" 37,
     * 47 and 44 times in 10 s (the page in Chromium, its Wasm GC build, over this fake camera; now 2, 5 and 0), and
     * CameraVerdict and CameraMean as App ran them here 36, 38 and 38 times.
     */
    @Test
    void aDigitHeldStillNear70PercentDoesNotTurnBetweenGuessAndSure() throws Exception {
        Mnist mnist = Mnist.testSet();
        Recognizer recognizer = new Recognizer(ModelFile.read(Files.readAllBytes(Path.of("../src-webapp/model/numera.nmod"))));
        int[] box = new int[Camera.BOX * Camera.BOX];
        StringBuilder figures = new StringBuilder();
        int worst = 0;
        for (int index : new int[]{938, 1182, 583, mnist.firstOf(7, 100)}) {
            byte[] frame = Y4m.frame(mnist, index);
            Random noise = new Random(index);
            CameraVerdict verdict = new CameraVerdict();
            CameraMean mean = new CameraMean();
            int digit = -2, turns = 0, changes = 0;
            boolean unsure = false;
            for (int f = 0; f < 300; f++) {
                Y4m.box(frame, Camera.BOX, 4, noise, box);
                Prediction p = recognizer.recognizeRgba(box, Camera.BOX, Camera.BOX, InputKind.CAMERA);
                if (!shownAsApp(p, verdict, mean)) {
                    continue;
                }
                if (p.digit() != digit) {
                    changes += digit != -2 ? 1 : 0;
                } else if (mean.unsure() != unsure) {
                    turns++;
                }
                digit = p.digit();
                unsure = mean.unsure();
                if (digit >= 0) {   // a sure digit shown at 70 % or more, a guess under SURE_AGAIN, the digit the top
                    float confidence = mean.probabilities()[digit];
                    assertTrue(unsure ? mean.atSide() || confidence < Prediction.SURE_AGAIN : confidence >= Prediction.SURE, index + ": " + confidence);
                    assertEquals(digit, mean.top3()[0]);
                }
            }
            figures.append(String.format(" %d (a %d): %d turns, %d digit changes;", index, mnist.labels[index], turns, changes));
            worst = Math.max(worst, turns);
        }
        System.out.println("guess turns in 10 s:" + figures);
        // 0, 2, 4 and 0 with one block's mean turning it and the model in 8-bit codes; in 6-bit ones 0, 8, 5 and 0; with two
        // blocks in a row (CameraMean.heldTurn) 0, 0, 1 and 0
        assertTrue(worst <= 3, "a digit held 10 s turned between guess and sure up to " + worst + " times:" + figures);
    }
    /**
     * Three MNIST test digits the camera box reads between two digits, their two best within a few points of each other from
     * picture to picture (a 4, a 1 and a 9), held still 10 s at noise sd 4: the digit shown changed 47, 58 and 57 times when
     * two pictures in a row of the other digit changed it; a picture that reads the digit shown at least half as probable as
     * its own is no candidate (CameraMean.closeCall, as App passes it to CameraVerdict): 4, 2 and 0 when only a guess shown
     * had close calls and for 20 points over it, now 2, 0 and 0.
     */
    @Test
    void aDigitHeldStillBetweenTwoReadingsKeepsItsGuess() throws Exception {
        assertAtMost(8, 4, 447, 1527, 6571);
    }

    /**
     * At noise sd 6, a 3 read sure in most pictures and as a 5 (a guess) in the others, and a blotchy 8 read as a 0, a 7, an
     * 8, "a filled dark shape" and "ink too small" by turns: the digit shown changed 24 and 32 times in 10 s when close calls
     * guarded a guess only and two pictures of none in a row, whatever their reasons, took a digit away; now 2 and 13
     * (close calls against a sure digit too: 2 and 30; then none on two pictures of blank paper, or three of any: 11; close
     * calls only while the digit shown is read often enough, CameraMean.KEPT: 13).
     */
    @Test
    void aDigitReadSureOneWayAndAGuessTheOtherKeepsIt() throws Exception {
        assertAtMost(16, 6, 938, 7845);
    }

    /**
     * A sure digit, then another held up that the camera reads between a new digit (in seven pictures of ten or so) and the
     * sure one (the others), a close call against it: the one before 77993cd showed the new digit after 2, 2, 2, 2 and 5
     * frames; with close calls against a sure digit while it was read once in {@link CameraMean#BLOCK} pictures, never
     * (within 10 s), never, 108, 237 and never; while it is read in 6 of the last 20, 63, 34, 20, 26 and 61; now a sure
     * digit also only while it was read in one of the last 3, 63, 34, 5, 26 and 8.
     */
    @Test
    void aSureDigitSwappedForOneReadAsItNowAndThenGivesWay() throws Exception {
        Mnist mnist = Mnist.testSet();
        Recognizer recognizer = new Recognizer(ModelFile.read(Files.readAllBytes(Path.of("../src-webapp/model/numera.nmod"))));
        int[] box = new int[Camera.BOX * Camera.BOX];
        // {the sure digit's MNIST test index, the other's, noise sd}: a 1, a 3 read 68 % of the time and as the 1 32 %; a 5, a 3
        // (63 / 37 %); at sd 6 a 9, a 4 (72 / 28 %); a 5, a 3 (72 / 28 %); a 1, a 3 (71 / 29 %)
        int[][] swaps = {{2, 2266, 2}, {8, 2308, 2}, {7, 359, 6}, {8, 2280, 6}, {2, 1527, 6}};
        StringBuilder figures = new StringBuilder();
        int worst = 0;
        for (int[] swap : swaps) {
            byte[] sure = Y4m.frame(mnist, swap[0]), other = Y4m.frame(mnist, swap[1]);
            Random noise = new Random(swap[1] * 31L + swap[2]);
            CameraVerdict verdict = new CameraVerdict();
            CameraMean mean = new CameraMean();
            int took = -1;
            for (int f = 0; f < 390 && took < 0; f++) {
                Y4m.box(f < 90 ? sure : other, Camera.BOX, swap[2], noise, box);
                Prediction p = recognizer.recognizeRgba(box, Camera.BOX, Camera.BOX, InputKind.CAMERA);
                shownAsApp(p, verdict, mean);
                if (f == 89) {
                    assertTrue(verdict.shownDigit() == mnist.labels[swap[0]] && !mean.unsure(), swap[0] + ": shown sure first");
                }
                if (f >= 90 && verdict.shownDigit() != mnist.labels[swap[0]]) {
                    took = f - 89;
                }
            }
            figures.append(String.format(" %d -> %d: %s;", swap[0], swap[1], took < 0 ? "never" : took + " frames"));
            worst = took < 0 ? Integer.MAX_VALUE : Math.max(worst, took);
        }
        System.out.println("a sure digit swapped for one read as it now and then, the new digit shown after:" + figures);
        assertTrue(worst <= 90, "the new digit shown after:" + figures);
    }

    /** The digits shown change at most {@code limit} times over each of these MNIST test digits held 10 s at noise {@code sd}. */
    private static void assertAtMost(int limit, double sd, int... indices) throws Exception {
        Mnist mnist = Mnist.testSet();
        Recognizer recognizer = new Recognizer(ModelFile.read(Files.readAllBytes(Path.of("../src-webapp/model/numera.nmod"))));
        int[] box = new int[Camera.BOX * Camera.BOX];
        StringBuilder figures = new StringBuilder();
        int worst = 0;
        for (int index : indices) {
            byte[] frame = Y4m.frame(mnist, index);
            Random noise = new Random(index * 31L + (long) sd);
            CameraVerdict verdict = new CameraVerdict();
            CameraMean mean = new CameraMean();
            int digit = -2, changes = 0;
            for (int f = 0; f < 300; f++) {
                Y4m.box(frame, Camera.BOX, sd, noise, box);
                Prediction p = recognizer.recognizeRgba(box, Camera.BOX, Camera.BOX, InputKind.CAMERA);
                if (!shownAsApp(p, verdict, mean)) {
                    continue;
                }
                changes += digit != -2 && p.digit() != digit ? 1 : 0;
                digit = p.digit();
            }
            figures.append(String.format(" %d (a %d): %d digit changes;", index, mnist.labels[index], changes));
            worst = Math.max(worst, changes);
        }
        System.out.println("digit changes in 10 s at noise sd " + sd + ":" + figures);
        assertTrue(worst <= limit, "a digit held 10 s changed up to " + worst + " times:" + figures);
    }

    /** One new picture through CameraVerdict and CameraMean as App.frame's camera path runs them (the pad empty): whether it is shown. */
    private static boolean shownAsApp(Prediction p, CameraVerdict verdict, CameraMean mean) {
        boolean shown = verdict.frame(p.digit(), p.noDigitReason(), true, true, mean.closeCall(p.probabilities(), p.digit()));
        mean.frame(p.probabilities(), p.digit(), p.isUnsure(), p.atSide(), true, shown);
        if (shown) {
            verdict.shownAsResult(p.digit(), mean.unsure(), mean.atSide());
        }
        return shown;
    }
}
