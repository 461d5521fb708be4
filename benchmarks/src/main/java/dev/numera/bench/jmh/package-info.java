/**
 * JMH benchmarks on the JVM: every kernel of the shipped network at batch 1 ({@code KernelBench}, the
 * same {@link dev.numera.bench.kernels.KernelSet} the browser pages run), the whole Recognizer from a
 * camera box or a drawing ({@code RecognizerBench}), and the runner that writes their results
 * ({@code JvmBench}).
 */
package dev.numera.bench.jmh;
