package dev.numera.web.camera;

import dev.numera.core.kernels.Softmax;

/**
 * The probabilities shown for the camera's result: the mean over the last {@link #BLOCK} new pictures of the verdict
 * shown, taken anew every {@link #BLOCK} of them, so a digit held still does not have its confidence and bars change with
 * every picture. Pure logic, no page.
 * <ul>
 * <li>Why: a real camera's picture is never the same twice, and its sensor's noise moved the result's confidence by a
 *     few tenths of a point every frame. ChromiumCameraSteadyTest's fake camera (a 7 and a 5 of about 98 %, 30 frames a
 *     second, Gaussian noise of sd 4 grey levels on every pixel): the confidence text changed 24.5 times a second while
 *     a digit was held, in both builds; now 1.2 (at most 30 / BLOCK).</li>
 * <li>Why blocks and not a moving average: the text shows tenths of a point, and a mean taken anew every frame still
 *     crosses a tenth on most frames. The recogniser run on the JVM over the same kind of frames (20 MNIST test digits,
 *     10 s each at 30 frames a second, noise of sd 2, 4 and 6 grey levels): in the 14 runs whose text changed 14-30 times
 *     a second, a mean of the last 10 frames changed it 0.2-29 times a second, one of the last 20 0-27.5, an
 *     exponential average of time constant 20 frames (0.67 s) 0-27.5, the means of blocks of 10 0-2.9. The worst is a 3 read at
 *     57-75 %, sd 3-7 points, whose every average moves by tenths each frame. A block's mean is a true mean of pictures at most
 *     0.67 s old (2 s at the tests' fake 10 frames a second), and nearer the long-run mean than a single picture: rms
 *     0-0.16 points against 0.01-0.33 on the digits read at 97.8-99.9 %, 1.3-3.1 against 2.7-6.5 on that 3.</li>
 * <li>A verdict's first picture is shown as it is until its first block, of which it is the first, is complete: the
 *     mean starts anew when the digit, whether it is a guess or whether it reaches the box's side changes (a new verdict,
 *     as {@link CameraVerdict} counts one, and the words said of it), so every picture in the mean is of the verdict
 *     shown. Pictures that each read digit d sure (d on top, at least 70 %) have a mean with d on top at least 70 %: the
 *     digit shown stays the top of the numbers shown, a sure digit never shows under 70 %, a guess stays under
 *     {@link dev.numera.core.recognize.Prediction#SURE_AGAIN} unless at the box's side (a guess whatever the network
 *     says), and the words for a guess ("Not sure: 5 or 3?") name the mean's runner-up, as the bars show it.</li>
 * <li>A picture read again (the camera sent none, {@link Camera#freshPicture}) is no new evidence: it adds nothing.</li>
 * </ul>
 * Protocol: {@link #frame} for every frame shown as the camera's result; {@link #reset} when the camera stops or the pad
 * is cleared under it (the pictures before the drawing are not this verdict's). Allocates nothing per frame.
 */
public final class CameraMean {
    /** Pictures per mean: a third of a second at a camera's 30 frames a second (1 s at the tests' fake 10). */
    public static final int BLOCK = 10;

    private float[] shown = new float[10];
    private int[] top3 = new int[3];
    private float[] next = new float[10];   // the mean of the block so far, and its top 3: shown once the block is complete
    private int[] nextTop3 = new int[3];
    private final float[] sum = new float[10];
    private int pictures;          // new pictures in sum
    private int digit = -2;        // the verdict of the pictures in sum (-2: none yet)
    private boolean unsure, atSide;

    /**
     * One frame shown as the camera's result.
     *
     * @param probabilities its ten probabilities (read, not kept)
     * @param digit         its digit, or a negative number for none
     * @param unsure        a digit read as a guess
     * @param atSide        a digit reaching the box's side
     * @param fresh         a new picture from the camera, not the last one read again
     */
    public void frame(float[] probabilities, int digit, boolean unsure, boolean atSide, boolean fresh) {
        boolean first = digit != this.digit || unsure != this.unsure || atSide != this.atSide;
        if (first) {
            this.digit = digit;
            this.unsure = unsure;
            this.atSide = atSide;
            clear();
        } else if (!fresh) {
            return;
        }
        // The mean so far on every picture, shown only at a verdict's first and a block's last: code that runs once in ten
        // frames stays in V8's first tiers, where every float is a heap number. The division done on a block's last
        // picture alone made 9-12 B/frame in the JavaScript build's camera loop (BrowserSmokeTest's, 4 runs of 4); done on
        // every picture, none (3 runs: 143-149 B/frame, all of it the grab's, as before this class: 145-152).
        pictures++;
        for (int i = 0; i < 10; i++) {
            sum[i] += probabilities[i];
            next[i] = sum[i] / pictures;
        }
        Softmax.top(next, 0, 10, nextTop3);
        // The digit shown stays the top of the numbers shown: a block's mean whose top is another digit, which only a near
        // tie that the float sum rounded away makes (two digits within a rounding error of each other in every picture of
        // the block; the top 3 gives a tie to the lower digit), is not shown, and the numbers before it stay. (A first
        // picture's numbers are the recogniser's own, whose top is its digit.)
        if (first || pictures == BLOCK && (digit < 0 || nextTop3[0] == digit)) {
            float[] p = shown;
            shown = next;
            next = p;
            int[] t = top3;
            top3 = nextTop3;
            nextTop3 = t;
        }
        if (pictures == BLOCK) {
            clear();
        }
    }

    private void clear() {
        for (int i = 0; i < 10; i++) {
            sum[i] = 0;
        }
        pictures = 0;
    }

    /** The ten probabilities to show (valid until the next frame). */
    public float[] probabilities() {
        return shown;
    }

    /** The three most probable digits of {@link #probabilities}, best first (valid until the next frame). */
    public int[] top3() {
        return top3;
    }

    /** The pictures before this are not the next verdict's: its first frame is shown as it is, whatever it reads. */
    public void reset() {
        digit = -2;
        clear();
    }
}
