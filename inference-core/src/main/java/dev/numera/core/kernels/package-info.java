/**
 * The numeric kernels, each a pair of static functions {@code forward} and {@code backward} side by
 * side, written against the math in the class comment. The exceptions: {@link
 * dev.numera.core.kernels.Conv2dWinograd} and {@link dev.numera.core.kernels.Conv2dImplicitGemm} are
 * inference only (forward alone, faster forms of {@link dev.numera.core.kernels.Conv2d}'s forward,
 * tested against it), and {@link dev.numera.core.kernels.Gemm} is the matrix product that dense,
 * the im2col convolution and Winograd share (the implicit GEMM has its own register block, since it
 * reads the padded input directly instead of an im2col buffer), and {@link dev.numera.core.kernels.Standardize},
 * the network's input from an image, has no backward (nothing before it learns). Arguments are flat {@code float[]}
 * arrays with a shape comment; parameters live in one flat array addressed by offsets (the network
 * owns it). Backward passes accumulate ({@code +=}) into gradients that the caller zeroes, so
 * training and in-browser fine-tuning share one implementation. Nothing here allocates.
 */
package dev.numera.core.kernels;
