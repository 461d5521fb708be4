/**
 * Networks declared as data: {@link dev.numera.core.nn.LayerSpec} lists the layers and their
 * hyper-parameters; {@link dev.numera.core.nn.Sequential} owns one flat parameter array, the
 * activation buffers and, for training, the gradients, and runs the kernels forward and backward.
 * A {@link dev.numera.core.nn.LayerAccelerator} lets a platform run a frozen network's conv and
 * dense layers its own way (the web app's WebAssembly SIMD module).
 * The trainer (optimisers, data, schedules) lives in the training module, not here.
 */
package dev.numera.core.nn;
