package dev.numera.training.augment;

import java.util.List;
import java.util.function.Supplier;

/**
 * What the {@link Augmenter} does, each op gated by its own probability (0 = off). Ranges are
 * symmetric unless noted; lengths are in pixels of the 28x28 image.
 *
 * @param name         the preset's name (none, standard, app, calm), part of the checkpoint's run check
 * @param affineP      probability of the affine part
 * @param rotationDeg  rotation uniform in ±rotationDeg degrees, about the MNIST centre of mass (14, 14)
 * @param scale        isotropic scale factor uniform in 1 ± scale
 * @param aspect       extra x/y scale ratio uniform in 1 ± aspect (handwriting varies in width)
 * @param shearDeg     horizontal shear angle uniform in ±shearDeg degrees (slant)
 * @param shiftPx      translation uniform in ±shiftPx on each axis
 * @param elasticP     probability of the elastic distortion (Simard, Steinkraus and Platt 2003)
 * @param elasticAlpha displacement scale applied to the smoothed field, in pixels
 * @param elasticSigma standard deviation of the Gaussian smoothing the uniform(-1, 1) field, in pixels
 * @param strokeP      probability of thickening or thinning the strokes
 * @param strokeMax    amount uniform in ±strokeMax: +1 is a full 3x3-cross grey dilation, -1 a full erosion
 * @param blurP        probability of a Gaussian blur
 * @param blurSigmaMax blur standard deviation uniform in [0.3, blurSigmaMax] pixels
 * @param contrastP    probability of the intensity change v -> clamp(gain * v^gamma)
 * @param gainMin      gain log-uniform in [gainMin, 1/gainMin] (as likely to darken as to brighten); the result is clamped to 0..1
 * @param gammaLog     gamma = exp(uniform ±gammaLog)
 * @param flagOneP     probability that a 1 gets a European flag ({@link FlagOne}), before everything else
 * @param extras       further stages, applied last, in order (pipeline imitations)
 */
public record AugmentConfig(
        String name,
        double affineP, double rotationDeg, double scale, double aspect, double shearDeg, double shiftPx,
        double elasticP, double elasticAlpha, double elasticSigma,
        double strokeP, double strokeMax,
        double blurP, double blurSigmaMax,
        double contrastP, double gainMin, double gammaLog,
        double flagOneP,
        List<Extra> extras) {

    /** A further stage with its probability and a factory making one instance per worker. */
    public record Extra(String name, double probability, Supplier<ImageOp> factory) {
    }

    /** Nothing: images pass through unchanged (validation and test). */
    public static AugmentConfig none() {
        return new AugmentConfig("none", 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0.3, 0, 1, 0, 0, List.of());
    }

    /**
     * Strong but label-preserving: no flips, rotation ±12°, scale ±12 %, aspect ±8 %, slant ±10°,
     * shift ±2.5 px, elastic alpha 34 / sigma 4 (Simard's values for a 29-px image) on half the
     * images, light stroke, blur and contrast changes.
     */
    public static AugmentConfig standard() {
        return new AugmentConfig("standard",
                0.9, 12, 0.12, 0.08, 10, 2.5,
                0.5, 34, 4,
                0.3, 0.5,
                0.15, 0.8,
                0.3, 0.75, 0.3,
                0,
                List.of());
    }

    /**
     * What the shipped network trains on: a milder {@link #standard()} (rotation ±10°, scale ±10 %,
     * slant ±8°, shift ±2 px, elastic on a quarter of the images) plus the app's own pipelines, so
     * the network also learns what the app will feed it: 12 % of images go through the camera path
     * ({@link CameraImitation}: printed on shaded paper, thresholded, downscaled, re-normalised) and
     * 12 % through the drawing path ({@link DrawnImitation}: skeleton redrawn with the round brush),
     * each with its own draw, so an image can (rarely, 1.4 %) go through both. Milder than standard
     * because the imitations add their own variety: with standard's full strength plus 15 % + 15 %
     * imitations a 14-epoch run still underfit (augmented training accuracy 97 % and rising).
     */
    public static AugmentConfig app() {
        return new AugmentConfig("app",
                0.9, 10, 0.10, 0.08, 8, 2,
                0.25, 34, 4,
                0.2, 0.5,
                0.1, 0.8,
                0.2, 0.75, 0.3,
                0,
                List.of())
                .with(new Extra("camera", 0.12, CameraImitation::new))
                .with(new Extra("drawn", 0.12, DrawnImitation::new));
    }

    /**
     * For the last epochs, while the learning rate anneals: small shifts, turns and scalings only,
     * and a few pipeline imitations so the app's inputs stay in view. Training ends close to the
     * data the network is judged on (augmentation annealing), instead of on distortions it never
     * meets.
     */
    public static AugmentConfig calm() {
        return new AugmentConfig("calm",
                0.5, 5, 0.05, 0.04, 4, 1,
                0, 34, 4,
                0, 0,
                0, 0.3,
                0, 1, 0,
                0,
                List.of())
                .with(new Extra("camera", 0.05, CameraImitation::new))
                .with(new Extra("drawn", 0.05, DrawnImitation::new));
    }

    /** The preset {@code --augment} and the architectures name: none, standard or app. */
    public static AugmentConfig named(String name) {
        switch (name) {
            case "none":
                return none();
            case "standard":
                return standard();
            case "app":
                return app();
            default:
                throw new IllegalArgumentException("unknown augmentation preset '" + name + "' (one of: none, standard, app)");
        }
    }

    /**
     * This configuration with a share of the 1s given a European flag ({@link FlagOne}, {@code train --flagged-ones}).
     * Off in every preset: the recipe's runs with it read flagged 1s right but more 7s as 1 (docs/training/history.md).
     */
    public AugmentConfig withFlaggedOnes(double share) {
        return new AugmentConfig(name, affineP, rotationDeg, scale, aspect, shearDeg, shiftPx,
                elasticP, elasticAlpha, elasticSigma, strokeP, strokeMax, blurP, blurSigmaMax,
                contrastP, gainMin, gammaLog, share, extras);
    }

    /** This configuration with one more stage appended. */
    public AugmentConfig with(Extra extra) {
        List<Extra> all = new java.util.ArrayList<>(extras);
        all.add(extra);
        return new AugmentConfig(name, affineP, rotationDeg, scale, aspect, shearDeg, shiftPx,
                elasticP, elasticAlpha, elasticSigma, strokeP, strokeMax, blurP, blurSigmaMax,
                contrastP, gainMin, gammaLog, flagOneP, List.copyOf(all));
    }
}
