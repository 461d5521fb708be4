/**
 * One set of kernel workloads ({@link dev.numera.bench.kernels.KernelSet}) run three ways, so that
 * kernel efficiency compares the same Java: on the JVM, and compiled by TeaVM (with the site's
 * settings) to WebAssembly GC and to JavaScript in bench/pages/kernels-*.html
 * ({@link dev.numera.bench.kernels.KernelPage}), all timed by one
 * {@link dev.numera.bench.kernels.BatchTimer}. JMH times the same set for the JVM tables
 * ({@code KernelBench}). TeaVM-safe code only.
 */
package dev.numera.bench.kernels;
