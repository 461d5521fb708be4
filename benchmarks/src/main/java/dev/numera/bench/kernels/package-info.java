/**
 * One set of kernel workloads ({@link dev.numera.bench.kernels.KernelSet}) run four ways, so that
 * kernel efficiency compares the same Java: on the JVM (in the runner's process, and in a child JVM
 * limited to AVX2 behind {@link dev.numera.bench.kernels.KernelServer}), and compiled by TeaVM (with
 * the site's settings) to WebAssembly GC and to JavaScript in bench/pages/kernels-*.html
 * ({@link dev.numera.bench.kernels.KernelPage}), all timed by one
 * {@link dev.numera.bench.kernels.BatchTimer}. JMH times the same set for the JVM tables
 * ({@code KernelBench}). {@link dev.numera.bench.kernels.CameraBox} is the benchmarks' one synthetic
 * camera box. TeaVM-safe code only (KernelServer runs on the JVM alone).
 */
package dev.numera.bench.kernels;
