/** ONNX export of a Numera model, written with a tiny protobuf encoder (no dependency). */
package dev.numera.training.onnx;
