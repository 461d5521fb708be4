/**
 * MNIST as the trainer sees it: the IDX file reader, the {@link dev.numera.training.data.Dataset}
 * of float images in 0..1, the verified download, the seeded validation split, and where the files
 * live by default. The 10,000 test digits are loaded by {@code evaluate}, and by {@code train} only
 * to score the finished model; nothing here lets them influence training.
 */
package dev.numera.training.data;
