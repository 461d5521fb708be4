/**
 * The Wasm GC build's SIMD path: {@link dev.numera.web.simd.SimdLayers} runs the network's
 * convolution and dense layers on wasm/numera-simd.wasm (128-bit WebAssembly SIMD, C source in
 * web-app/src/main/c), a module that shares the Wasm GC module's linear memory. The JavaScript
 * build, and a browser without SIMD, keep the Java kernels.
 */
package dev.numera.web.simd;
