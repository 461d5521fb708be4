package dev.numera.core.nn;

/**
 * A platform's own implementation of a frozen network's convolution and dense layers at inference:
 * the web app's WebAssembly SIMD module, which TeaVM's Java cannot express.
 *
 * <p>Protocol: {@link Sequential#accelerate} attaches it to a frozen network (it reads the layers'
 * shapes and parameters from the network then, which cannot change afterwards). On every inference
 * pass the network offers each CONV2D and DENSE layer to {@link #forward} first and runs its Java
 * kernel only when that returns false. Training never offers a layer. An implementation computes
 * what the Java kernel computes, in the same layouts, up to float rounding (the order of the
 * additions may differ).
 */
public interface LayerAccelerator {
    /**
     * @param layer index of the layer in {@link Sequential#specs()}
     * @param out   the layer's output, {@code activation(layer)}: [n, outputShape(layer)], to overwrite
     * @param in    its input, {@code activation(layer - 1)}: [n, outputShape(layer - 1)]
     * @return whether out now holds the layer's output; false leaves the layer to the Java kernel
     */
    boolean forward(int layer, float[] out, float[] in, int n);
}
