/**
 * The SIMD path: {@link dev.numera.web.simd.SimdLayers} runs the network's convolution and dense
 * layers on wasm/numera-simd.wasm (128-bit WebAssembly SIMD, C source in web-app/src/main/c). In
 * Wasm GC the module shares the Java module's linear memory; in the JavaScript build it has a
 * memory of its own. A browser without SIMD (or without WebAssembly) keeps the Java kernels.
 */
package dev.numera.web.simd;
