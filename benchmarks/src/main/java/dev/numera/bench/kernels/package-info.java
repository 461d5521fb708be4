/**
 * One set of kernel workloads ({@link dev.numera.bench.kernels.KernelSet}) run three ways, so that
 * kernel efficiency compares the same Java: under JMH on the JVM, and compiled by TeaVM (with the
 * site's settings) to WebAssembly GC and to JavaScript in bench/pages/kernels-*.html
 * ({@link dev.numera.bench.kernels.KernelPage}). TeaVM-safe code only.
 */
package dev.numera.bench.kernels;
