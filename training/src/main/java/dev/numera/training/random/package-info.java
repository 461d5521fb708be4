/**
 * Seedable, splittable pseudo-random numbers for training. Every random choice (validation split,
 * epoch shuffle, augmentation of one image) draws from a generator derived from a tuple such as
 * (seed, epoch, batch, image), so the result never depends on thread scheduling.
 */
package dev.numera.training.random;
