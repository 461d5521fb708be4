package dev.numera.web.camera;

import dev.numera.core.kernels.Softmax;
import dev.numera.core.recognize.Prediction;

/**
 * The probabilities shown for the camera's result, and whether its digit is shown as a guess: the mean over the last
 * {@link #BLOCK} new pictures of the digit shown, taken anew every {@link #BLOCK} of them, so a digit held still does not
 * have its confidence, bars or "Not sure" change with every picture. Pure logic, no page.
 * <ul>
 * <li>Why a mean: a real camera's picture is never the same twice, and its sensor's noise moved the result's confidence by
 *     a few tenths of a point every frame. ChromiumCameraSteadyTest's fake camera (then a 7 and a 5 of about 98 %, 30 frames a
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
 * <li>Whether it is a guess is decided on the numbers shown, not on each picture: a verdict's first picture as it reads
 *     ({@link Prediction#isUnsure}), then each block's mean, a guess under {@link Prediction#SURE} (under
 *     {@link Prediction#SURE_AGAIN} when a guess is shown), once two blocks in a row say so (one alone is held back, its
 *     numbers not shown; see heldTurn). Decided per picture, the noise turned a digit read near 70 %
 *     (that 3, a 6 at 73 %, sd 4-6 points) from guess to sure and back several times a second, each turn restarting the
 *     mean, so its numbers never settled either: the page in Chromium over ChromiumCameraSteadyTest's fake camera turned
 *     three such digits 37, 47 and 44 times in 10 s, now 2, 5 and 0. On the JVM, 78 camera runs of 10 s at 30 frames a
 *     second per noise level (63 MNIST test digits in the box's middle, 42 of them read at 38-84 %, and 15 moved near or
 *     onto its side; CameraVerdict and this as App runs them) turned 318, 481 and 672 times at noise sd 2, 4 and 6 grey
 *     levels, up to 66 times in one run; now 11, 28 and 95, at most 14.</li>
 * <li>A real change shows as fast as per picture: two new pictures in a row that read the other way (under 70 % for a sure
 *     digit shown, at least 70 % for a guess, as the recogniser reads them), each at least {@link #TURN} from the
 *     confidence shown, turn it at once, a new verdict. A noisy digit near 70 % seldom reads that far from its own mean
 *     twice in a row; a sure digit gone ambiguous does (for one shown at 87 % or more, or a guess at 55 % or less, the rule
 *     is the one per picture). Frames from the change to the page showing it, on those runs at sd 2 / 4 / 6, per picture
 *     and now: another digit 2 / 2 / 2, both; a digit at 97-100 % turned one read under 62 % 2.5 / 3.0 / 3.1 (at most
 *     8), both, or one read at 62-70 % 2.8 / 3.0 / 3.3, both; a guess turned sure 2, both; a digit at 78-92 % turned one
 *     read under 62 % 2.0 / 4.8 / 3.8, now 2.0 / 5.3 / 4.5 (at most 8 both: 3 of 23 later, read at 60-64 %, within TURN
 *     of the 78-82 % shown).</li>
 * <li>A digit reaching the box's side is a guess whatever the network says: from two new pictures in a row at the side,
 *     until a whole block has none there. A digit held with its edge at the side (a third of its pictures there) turned 44-46
 *     times in 10 s at noise sd 2-4; now once. Moved back inside, it shows sure after 11 frames, not 2.</li>
 * <li>The mean starts anew when the digit changes or its guess turns at once (a new verdict, as {@link CameraVerdict} counts
 *     one, and the words said of it), so every picture in the mean is of the verdict shown, and its first picture is shown
 *     as it is until its first block is complete. So the digit shown stays the top of the numbers shown, a sure digit never
 *     shows under 70 %, a guess stays under {@link Prediction#SURE_AGAIN} unless at the box's side, and the words for a
 *     guess ("Not sure: 5 or 3?") name the mean's runner-up, as the bars show it.</li>
 * <li>A picture read again (the camera sent none, {@link Camera#freshPicture}) is no new evidence: it adds nothing.</li>
 * </ul>
 * Protocol: {@link #frame} for every frame while the camera's result is shown (the pad empty), with whether that frame is
 * shown; {@link #reset} when the camera stops or the pad is cleared under it (the pictures before the drawing are not this
 * verdict's). Allocates nothing per frame.
 */
public final class CameraMean {
    /** Pictures per mean: a third of a second at a camera's 30 frames a second (1 s at the tests' fake 10). */
    public static final int BLOCK = 10;

    /**
     * How far (probability) from the confidence shown two pictures in a row must read to turn a guess at once. The runs in
     * the class comment at noise sd 6: 10 points turned 155 times, 12 points 119, 15 points 95, 20 points 75; a digit at
     * 78-92 % turned a real guess was shown after 3.8, 3.8, 4.5 and 4.9 frames on average (per picture 3.8).
     */
    public static final float TURN = 0.15f;

    private float[] shown = new float[10];
    private int[] top3 = new int[3];
    private float[] next = new float[10];   // the mean of the block so far, and its top 3: shown once the block is complete
    private int[] nextTop3 = new int[3];
    private final float[] sum = new float[10];
    private int pictures;          // new pictures in sum
    private boolean blockAtSide;   // one of them at the box's side
    private int digit = -2;        // the verdict of the pictures in sum (-2: none yet), as shown
    private boolean unsure, atSide;
    // The last block's mean would have turned the verdict between guess and sure and was not shown: one more that does turns it.
    // A digit read near 70 % has block means within a couple of points of the 70-72 % band, and single blocks crossed it: the
    // 6 of CameraNoiseTest at sd 4 turned 8 times in 10 s with the shipped model in 6-bit codes (2 in 8-bit ones), now 0. On
    // the JVM over the 40 of MNIST's first 1,622 test digits the camera box reads at 50-85 % (10 s each, 30 frames a second,
    // CameraNoiseTest's scene): turns at noise sd 2 / 4 / 6 grey levels 25 / 56 / 66 -> 3 / 11 / 34, the worst digit 12 / 19 / 9
    // -> 1 / 6 / 8. A sure digit (one of 10 read over 97 %) swapped for one of those 40: shown as a guess after 4.2 / 4.8 / 4.7
    // frames on average, now 4.5 / 4.8 / 5.0 (most turn at once, see TURN; the slowest 41 / 53 / 57 -> 51 / 51 / 57).
    private boolean heldTurn;
    // whether each new picture read the digit shown, the last in bit 0, the ones before it higher up (a new verdict's:
    // as if all had, see closeCall)
    private int readShown = -1;
    // the last new picture (shown or not): its digit, whether it read the other way from the verdict shown, at the side
    private int lastDigit = -2;
    private boolean lastOther, lastAtSide;

    /**
     * One frame while the camera's result is shown.
     *
     * @param probabilities its ten probabilities (read, not kept)
     * @param digit         its digit, or a negative number for none
     * @param unsure        a digit read as a guess (the recogniser's {@link Prediction#isUnsure})
     * @param atSide        a digit reaching the box's side
     * @param fresh         a new picture from the camera, not the last one read again
     * @param asResult      the frame is shown as the camera's result ({@link CameraVerdict#frame}); one that is not counts
     *                      only as the picture before the next
     */
    public void frame(float[] probabilities, int digit, boolean unsure, boolean atSide, boolean fresh, boolean asResult) {
        boolean same = digit >= 0 && digit == this.digit;
        // read the other way, and far from the confidence shown: a sure digit's picture read as a guess TURN under it, a
        // guess's read sure TURN over it (at the side, it is the side that counts). The floats are read inside the
        // comparisons: one held in a local made 5 B/frame in the JavaScript build's camera pipeline (BrowserSmokeTest).
        boolean other = same && !atSide && !this.atSide && (this.unsure
                ? !unsure && probabilities[digit] >= shown[digit] + TURN
                : unsure && probabilities[digit] <= shown[digit] - TURN);
        boolean twice = fresh && digit == lastDigit;   // the new picture before this one read the same digit
        boolean toSide = same && !this.atSide && atSide && twice && lastAtSide;
        boolean turn = other && twice && lastOther;
        if (fresh) {
            lastDigit = digit;
            lastOther = other;
            lastAtSide = atSide;
            readShown = readShown << 1 | (digit == this.digit ? 1 : 0);
        }
        if (!asResult) {
            return;
        }
        boolean first = digit != this.digit || toSide || turn;
        if (first) {   // a new verdict: as its first picture reads
            heldTurn = false;
            readShown = -1;
            this.digit = digit;
            this.unsure = digit >= 0 && (unsure || atSide);
            this.atSide = digit >= 0 && atSide;
            lastOther = false;   // read the other way from the verdict before: no evidence against this one
            clear();
        } else if (!fresh) {
            return;
        }
        // The mean so far on every picture, shown only at a verdict's first and a block's last: code that runs once in ten
        // frames stays in V8's first tiers, where every float is a heap number. The division done on a block's last
        // picture alone made 9-12 B/frame in the JavaScript build's camera loop (BrowserSmokeTest's, 4 runs of 4); done on
        // every picture, none (3 runs: 143-149 B/frame, all of it the grab's, as before this class: 145-152).
        pictures++;
        blockAtSide |= atSide;
        for (int i = 0; i < 10; i++) {
            sum[i] += probabilities[i];
            next[i] = sum[i] / pictures;
        }
        Softmax.top(next, 0, 10, nextTop3);
        // The digit shown stays the top of the numbers shown: a block's mean whose top is another digit, which only a near
        // tie that the float sum rounded away makes (two digits within a rounding error of each other in every picture of
        // the block; the top 3 gives a tie to the lower digit), is not shown, and the numbers before it stay. (A first
        // picture's numbers are the recogniser's own, whose top is its digit.)
        boolean complete = pictures == BLOCK && (digit < 0 || nextTop3[0] == digit);
        // A block whose mean alone would turn the verdict between guess and sure (not at the side, where the side decides) is
        // held back, its numbers not shown, until the next block turns it too: a digit read near 70 % has block means that
        // cross the band now and then, one alone (see heldTurn).
        if (pictures == BLOCK && !complete) {
            heldTurn = false;   // a block not shown (the near tie below) parts two blocks: they are not in a row
        }
        if (complete && digit >= 0 && !this.atSide) {
            boolean turns = (this.unsure ? next[digit] < Prediction.SURE_AGAIN : next[digit] < Prediction.SURE) != this.unsure;
            complete = !turns || heldTurn;
            heldTurn = turns && !heldTurn;
        }
        if (first || complete) {
            float[] p = shown;
            shown = next;
            next = p;
            int[] t = top3;
            top3 = nextTop3;
            nextTop3 = t;
        }
        if (complete && digit >= 0) {
            boolean wasUnsure = this.unsure, wasAtSide = this.atSide;
            this.atSide &= blockAtSide;
            this.unsure = this.atSide || (this.unsure ? shown[digit] < Prediction.SURE_AGAIN : shown[digit] < Prediction.SURE);
            lastOther &= this.unsure == wasUnsure && this.atSide == wasAtSide;   // as above, when the block turned it
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
        blockAtSide = false;
    }

    /**
     * How many times as probable as the digit shown another digit must read in a picture for that picture to count towards
     * showing it (see {@link #closeCall}).
     */
    public static final float CLOSE = 2f;

    /**
     * Of the last 2 x {@link #BLOCK} new pictures, how many must read the digit shown for close calls to keep it (see
     * {@link #closeCall}): a digit read in fewer (under 30 %) is no longer the one held.
     */
    public static final int KEPT = 6;

    /**
     * A sure digit shown is kept by close calls only while one of this many of the last new pictures read it (see
     * {@link #closeCall}).
     */
    public static final int SURE_RECENT = 3;

    /**
     * Whether a picture of another digit than the one shown is a close call against it: the picture reads the digit shown
     * at least half as probable as its own. A digit held still between two readings (a 4 or a 9, near 50 % each; a 3 read
     * at 70-80 % in most pictures and as a 5 at 55-65 % in the others) reads one or the other from picture to picture, and
     * two pictures in a row of the other changed the digit shown. A real change (another digit held up) reads the digit
     * before at a few per cent at most. On the JVM over the 30 of MNIST's first 7,857 test digits whose two best readings
     * in the camera box are within 25 points (CameraNoiseTest's scene, 10 s each at 30 frames a second), the digit shown
     * changed 619 / 525 / 516 times at noise sd 2 / 4 / 6 grey levels, up to 59 times in 10 s for one digit; with close
     * calls against a guess shown only, and for 20 points over it, 6 / 22 / 64, the 3 of 938 24 times at sd 6; against a
     * sure digit as well, at half as probable, 0 / 13 / 37 (20 points over it: 4 / 20 / 52; 35 points: 0 / 11 / 33, but then a
     * picture whose best digit reads under 35 % is a close call against any digit). Another digit held up: one
     * of 10 read over 97 % shown after 1.90 / 1.93 / 1.90 frames on average (at most 2) before and after; one of those 30
     * (55 pairs, their two best readings apart) after 2.71 / 6.13 / 4.00 frames before and after (35 points: 3.40 / 6.44 /
     * 5.64). Only while the digit shown was read in one of the last {@link #BLOCK} new pictures, and in at least {@link #KEPT}
     * of the last 2 x {@link #BLOCK}: a digit turned into another ambiguous one (a 4 shown, then every picture a 9 at 55 %
     * over the 4's 40 %) is shown {@link #BLOCK} + 2 pictures on, not never, and so, later, is one that reads the digit
     * before in some of its pictures. With the first alone, a sure digit swapped for another that reads it now and then
     * stayed: a sure digit, then one of MNIST's first 3,000 test digits whose runner-up it is (read under 2.5 times as
     * probable as it, and as it in under 40 % of the pictures; 28 / 26 / 26 such swaps at sd 2 / 4 / 6, a throwaway probe),
     * the new digit shown after 2.0 / 2.5 / 2.2 frames on average before close calls against a sure digit; with them 9.6 /
     * 7.2 / 17.7, at most 64 / 20 / 237, and 3 / 0 / 1 never in 10 s (a sure 1, then 2266 at sd 2, a 3 read as the 1 in 32 %
     * of its pictures); with {@link #KEPT} 13.9 / 7.2 / 7.9, at most 94 / 20 / 61, none never. A sure digit shown is kept
     * only while it was read in one of the last {@link #SURE_RECENT} new pictures, as well: a digit held still that reads
     * sure one way (938) is read that way nearly every third picture, a swapped one's old digit seldom; then 10.6 / 4.5 /
     * 4.4 frames, at most 94 / 20 / 26 (the 94: 938 itself, a 3 read as the 5 before it in 39 % of its pictures). Held
     * still, the 30 above (with CameraVerdict's rule for no digit) changed 6 / 22 / 64 times before close calls against a
     * sure digit, 0 / 10 / 27 with them, 3 / 11 / 28 with {@link #KEPT}, now 3 / 7 / 21 (the worst 1 / 2 / 13); one of
     * them held 2 s, then another (280 pairs whose two best readings are apart), the other shown after 2.77 / 2.89 / 3.02
     * frames before close calls against a sure digit, now 2.64 / 2.95 / 3.25.
     *
     * @param probabilities the picture's ten probabilities
     * @param digit         its digit, or a negative number for none
     */
    public boolean closeCall(float[] probabilities, int digit) {
        return this.digit >= 0 && digit >= 0 && digit != this.digit
                && (readShown & (1 << (unsure ? BLOCK : SURE_RECENT)) - 1) != 0
                && Integer.bitCount(readShown & (1 << 2 * BLOCK) - 1) >= KEPT
                && probabilities[digit] < CLOSE * probabilities[this.digit];
    }

    /** The ten probabilities to show (valid until the next frame). */
    public float[] probabilities() {
        return shown;
    }

    /** The three most probable digits of {@link #probabilities}, best first (valid until the next frame). */
    public int[] top3() {
        return top3;
    }

    /** Whether the digit shown is a guess (at the box's side, or its numbers under 70 %, see the class comment). */
    public boolean unsure() {
        return unsure;
    }

    /** Whether the digit shown reaches the box's side (a guess, maybe cut off). */
    public boolean atSide() {
        return atSide;
    }

    /** The pictures before this are not the next verdict's: its first frame is shown as it is, whatever it reads. */
    public void reset() {
        digit = lastDigit = -2;
        unsure = atSide = heldTurn = false;
        readShown = -1;
        clear();
    }
}
