/**
 * The training loop and what it reports: per-epoch metrics and the live progress bar. (The
 * data-parallel loop, checkpoints and resume are wired here once inference-core's network is used.)
 */
package dev.numera.training.train;
