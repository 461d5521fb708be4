/**
 * Optimisers and learning-rate schedules on a network's one flat parameter array. An
 * {@link dev.numera.training.optim.Optimizer} updates {@code params} in place from {@code grads}
 * (same layout) over the trainable ranges of a {@link dev.numera.training.optim.ParamLayout},
 * applying weight decay only where the layout says so (weights, not biases or batchnorm).
 * Schedules are pure functions of the step number.
 */
package dev.numera.training.optim;
