/**
 * Scoring a classifier on labelled digits: accuracy, per-class accuracy, the confusion matrix,
 * mean confidence and the worst mistakes, accumulated one prediction at a time.
 */
package dev.numera.training.eval;
