/**
 * Float tensors: a flat {@code float[]} and a shape, row-major, NCHW for images (batch, channel,
 * height, width). Kernels take raw arrays plus explicit dimensions; {@link dev.numera.core.tensor.Tensor}
 * carries a shape where one is needed (model file tensors).
 */
package dev.numera.core.tensor;
