package dev.numera.training.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Stochastic gradient descent with momentum, optionally Nesterov, and L2 weight decay added to
 * the gradient (PyTorch's {@code torch.optim.SGD} semantics):
 * <pre>
 * g = grad + wd * p            (wd only on decayed ranges)
 * v = momentum * v + g
 * p -= lr * (nesterov ? g + momentum * v : v)
 * </pre>
 */
public final class Sgd implements Optimizer {
    private final ParamLayout layout;
    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    private final float[] velocity;

    public Sgd(ParamLayout layout, float momentum, boolean nesterov, float weightDecay) {
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1): " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov needs a positive momentum");
        }
        this.layout = layout;
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
        this.velocity = new float[layout.size()];
    }

    @Override
    public void step(float[] params, float[] grads, float lr) {
        for (ParamLayout.Range r : layout.ranges()) {
            float wd = r.decay() ? weightDecay : 0f;
            for (int i = r.offset(); i < r.offset() + r.length(); i++) {
                float g = grads[i] + wd * params[i];
                float v = momentum * velocity[i] + g;
                velocity[i] = v;
                params[i] -= lr * (nesterov ? g + momentum * v : v);
            }
        }
    }

    @Override
    public String describe() {
        return "sgd(momentum=" + momentum + (nesterov ? ", nesterov" : "") + ", wd=" + weightDecay + ")";
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        Optimizer.writeFloats(out, velocity);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        Optimizer.readFloats(in, velocity);
    }
}
