/**
 * The training report: loss and accuracy per epoch as XChart line charts, and in Java2D the
 * confusion matrix (counts in the cells, colour on log count) and a grid of the worst mistakes
 * with their top-3 probabilities; metrics.json and an index.html that shows them all.
 */
package dev.numera.training.report;
