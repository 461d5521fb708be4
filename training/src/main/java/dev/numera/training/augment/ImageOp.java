package dev.numera.training.augment;

import dev.numera.training.random.SplitMix64;

/**
 * One in-place transformation of a 28x28 image held at {@code images[offset .. offset+784)}.
 * Implementations own any scratch they need and must not allocate per call; the
 * {@link Augmenter} makes one instance per worker, so an instance is never shared between threads.
 * This is the hook for the pipeline-imitating stages (a digit printed on paper and run through
 * the camera path; a skeleton redrawn with the drawing path's round brush).
 */
@FunctionalInterface
public interface ImageOp {
    void apply(float[] images, int offset, SplitMix64 rng);
}
