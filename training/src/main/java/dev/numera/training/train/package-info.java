/**
 * Training: the architecture presets ({@link dev.numera.training.train.Architecture}: layers plus the
 * recipe that suits them), the data-parallel {@link dev.numera.training.train.Trainer} (validation
 * after every epoch, the best epoch kept, early stopping), checkpoints and resume
 * ({@link dev.numera.training.train.Checkpoint}), per-epoch metrics and the live progress bar.
 */
package dev.numera.training.train;
