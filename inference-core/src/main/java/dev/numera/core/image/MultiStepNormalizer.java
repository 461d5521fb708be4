package dev.numera.core.image;

/**
 * The size half of the pipeline: an ink image of any size to the network's 28x28, through the smooth
 * multi-step area downscale ({@link AreaDownscale}, e.g. 140→112→56→28 or 280→140→112→56→28, aspect
 * kept) and the MNIST normalisation ({@link MnistNormalizer}: the digit's box to 20 px, centre of mass
 * at 14,14).
 *
 * <p>The normaliser runs on the 28 px target unless the digit spans less than {@link #MIN_BOX} px
 * there; then on the coarsest image of the chain in which it spans at least that, or on the source.
 * The normaliser scales the digit's box to 20 px, so from the target a small digit would be blown up
 * from a few blurred pixels whose shape is already lost: a 30 px "1" on the 280 px pad is 3 px tall
 * at 28 and read as an "8"; MNIST test digits drawn 40 px tall on the pad read about half the time
 * that way (247 of 500 in SmallDigitsTest), 498 times from the 112 px image. A digit that fills its
 * image goes through the target, as in the training's imitations of the pipeline (MNIST's 20 px box
 * is 80 px in their 112 px canvas).
 *
 * <p>Built for one source size; every buffer is allocated in the constructor. Not thread-safe.
 */
public final class MultiStepNormalizer {
    /**
     * The digit's longest side, in pixels of the image it is normalised from, is at least this (when the
     * source has it): the normaliser upscales by at most 20/14 = 1.4x.
     */
    public static final int MIN_BOX = 14;

    private final int width, height;
    private final AreaDownscale downscale;
    /** per image of the chain, index = steps run: [0] the source, [stepCount()] the 28 px target */
    private final MnistNormalizer[] normalizeAt;
    /** the target, (widthAt(stepCount()) x heightAt(stepCount())) */
    private final float[] small;

    /** @param width, height size of the ink images it will receive (each side at most 28 after the chain, aspect kept) */
    public MultiStepNormalizer(int width, int height) {
        Check.pixels(width, height);
        this.width = width;
        this.height = height;
        int longest = Math.max(width, height);
        int sw = Math.max(1, Math.min(width, width * MnistNormalizer.SIZE / longest));
        int sh = Math.max(1, Math.min(height, height * MnistNormalizer.SIZE / longest));
        downscale = new AreaDownscale(width, height, sw, sh);
        small = new float[sw * sh];
        normalizeAt = new MnistNormalizer[downscale.stepCount() + 1];
        for (int i = 0; i < normalizeAt.length; i++) {
            normalizeAt[i] = new MnistNormalizer(downscale.widthAt(i), downscale.heightAt(i));
        }
    }

    /**
     * Which image of the chain a digit whose box spans (boxWidth x boxHeight) source pixels is normalised
     * from: 0 the source ... {@code downscale().stepCount()} the 28 px target (see the class comment).
     */
    public int stepFor(int boxWidth, int boxHeight) {
        for (int i = downscale.stepCount(); i > 0; i--) {
            // the box's longest side in step i's pixels, rounded down alike on both axes
            int side = Math.max(boxWidth * downscale.widthAt(i) / width, boxHeight * downscale.heightAt(i) / height);
            if (side >= MIN_BOX) {
                return i;
            }
        }
        return 0;
    }

    /** {@link #stepFor(int, int)} of the digit's box as the ink check found it (the check must have found a digit). */
    public int stepFor(InkCheck.Result digit) {
        if (!digit.present()) {
            throw new IllegalArgumentException("the ink check found no digit: " + digit.reason());
        }
        return stepFor(digit.boxMaxX() - digit.boxMinX() + 1, digit.boxMaxY() - digit.boxMinY() + 1);
    }

    /**
     * @param ink  (width*height) ink-high image 0..1, the digit only (e.g. after {@link InkCheck#keepDigit})
     * @param step from {@link #stepFor}: the image of the chain to normalise from
     * @param out  (28*28) the network's input, all zero when there is no ink
     * @return whether the image normalised from has ink ({@link MnistNormalizer#normalize(float[], float[])})
     */
    public boolean normalize(float[] ink, int step, float[] out) {
        if (step < 0 || step > downscale.stepCount()) {
            throw new IllegalArgumentException("step must be 0.." + downscale.stepCount() + ", got " + step);
        }
        if (step == downscale.stepCount()) {
            downscale.apply(ink, small);
            return normalizeAt[step].normalize(small, out);
        }
        return normalizeAt[step].normalize(downscale.applySteps(ink, step), out);
    }

    /** The downscale's chain (its sizes, for tests and diagnostics). */
    public AreaDownscale downscale() {
        return downscale;
    }
}
