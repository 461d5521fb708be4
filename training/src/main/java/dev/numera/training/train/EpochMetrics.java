package dev.numera.training.train;

/**
 * One epoch's figures. Train figures are running means over the epoch's augmented mini-batches
 * (with dropout and batchnorm in training mode); validation figures come from a clean pass over
 * the held-out digits.
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy,
                           double learningRate, double seconds) {
}
