/**
 * File helpers used by the commands, the MNIST download, checkpoints and reports: atomic writes
 * ({@link dev.numera.training.io.AtomicFiles}: temporary file, then rename) and
 * {@link dev.numera.training.io.IoErrors} (an I/O failure as one line a user can act on).
 */
package dev.numera.training.io;
