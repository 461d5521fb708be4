/**
 * The page's Java side: {@link dev.numera.web.Main} is the entry point of both builds (JavaScript
 * and WebAssembly GC), {@link dev.numera.web.App} wires it. In: window.numeraBoot from loader.js
 * (runtime, model bytes or the reason they are missing). Out: the model's bytes to the inference
 * core's Recognizer, the drawing's ink and the camera's pixels to it, its Prediction to the views,
 * and window.numera (runtime, kernels, infer, recognize, cameraFrame, checkKernels) for tests and
 * benchmarks.
 */
package dev.numera.web;
