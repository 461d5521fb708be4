/** Turning a trained network into the shipped one: batchnorm folding (int8 quantisation is in inference-core's model package, ONNX in the onnx package). */
package dev.numera.training.export;
