package dev.numera.core.nn;

import dev.numera.core.tensor.Tensor;

/**
 * A named parameter tensor inside a network's one flat parameter array.
 * Names are {@code layer<i>.<role>}: roles weight, bias (conv2d, dense) and gamma, beta,
 * running_mean, running_var (batchnorm). These names and shapes are the model file's.
 */
public final class ParamTensor {
    public final String name;
    public final int layer;
    public final int offset;
    public final int[] shape;
    public final int length;
    /** Updated by the optimiser (false for batchnorm running statistics). */
    public final boolean trainable;
    /** Weight decay applies (weights only: not biases, not batchnorm). */
    public final boolean decayed;

    ParamTensor(String name, int layer, int offset, int[] shape, boolean trainable, boolean decayed) {
        this.name = name;
        this.layer = layer;
        this.offset = offset;
        this.shape = shape;
        this.length = Tensor.sizeOf(shape);   // refuses overflow (Sequential's limits keep it far below)
        this.trainable = trainable;
        this.decayed = decayed;
    }

    /** Size of dimension 0: output channels of a weight tensor, the quantisation axis. */
    public int outChannels() {
        return shape[0];
    }
}
