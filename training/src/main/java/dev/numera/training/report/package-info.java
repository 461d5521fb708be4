/**
 * The training report: PNG charts made with XChart (loss and accuracy per epoch, the confusion
 * matrix as a heat map), a Java2D grid of the worst mistakes with their top-3 probabilities,
 * metrics.json and an index.html that shows them all.
 */
package dev.numera.training.report;
