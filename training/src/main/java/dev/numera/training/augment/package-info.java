/**
 * On-the-fly, seeded augmentation of 28x28 float images (0 paper, 1 ink): affine (rotation,
 * scale, shear, translation) and elastic distortion in one bilinear resample, stroke thickening or
 * thinning, blur, contrast and gamma, plus a hook ({@link dev.numera.training.augment.ImageOp})
 * for stages that imitate the app's own camera and drawing pipelines, and, for 1s when asked,
 * a European flag ({@link dev.numera.training.augment.FlagOne}). An
 * {@link dev.numera.training.augment.Augmenter} owns its scratch buffers (one per worker thread)
 * and allocates nothing per image; every random draw comes from the generator it is handed, which
 * the trainer derives from (seed, epoch, image index).
 */
package dev.numera.training.augment;
