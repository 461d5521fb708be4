package dev.numera.training.optim;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Adam (Kingma and Ba 2015) and AdamW (Loshchilov and Hutter 2019), as in PyTorch:
 * <pre>
 * t += 1
 * Adam:  g = grad + wd * p                    (L2 decay, goes through the moments)
 * AdamW: p -= lr * wd * p;  g = grad          (decoupled decay)
 * m = b1 m + (1 - b1) g;   v = b2 v + (1 - b2) g^2
 * p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 * </pre>
 * wd applies only on decayed ranges.
 */
public final class Adam implements Optimizer {
    private final ParamLayout layout;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final boolean decoupled;
    private final float[] m;
    private final float[] v;
    private long t;

    public Adam(ParamLayout layout, float beta1, float beta2, float eps, float weightDecay, boolean decoupled) {
        this.layout = layout;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.decoupled = decoupled;
        this.m = new float[layout.size()];
        this.v = new float[layout.size()];
    }

    /** Adam with PyTorch's defaults (0.9, 0.999, 1e-8) and L2 decay {@code wd}. */
    public static Adam adam(ParamLayout layout, float wd) {
        return new Adam(layout, 0.9f, 0.999f, 1e-8f, wd, false);
    }

    /** AdamW with PyTorch's defaults and decoupled decay {@code wd} (PyTorch's default is 0.01). */
    public static Adam adamW(ParamLayout layout, float wd) {
        return new Adam(layout, 0.9f, 0.999f, 1e-8f, wd, true);
    }

    @Override
    public void step(float[] params, float[] grads, float lr) {
        t++;
        // bias corrections in double: for large t, 1 - b^t in float loses digits
        float c1 = (float) (1 - Math.pow(beta1, t));
        float c2 = (float) (1 - Math.pow(beta2, t));
        for (ParamLayout.Range r : layout.ranges()) {
            float wd = r.decay() ? weightDecay : 0f;
            for (int i = r.offset(); i < r.offset() + r.length(); i++) {
                float g = grads[i];
                if (decoupled) {
                    params[i] -= lr * wd * params[i];
                } else {
                    g += wd * params[i];
                }
                m[i] = beta1 * m[i] + (1 - beta1) * g;
                v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                float mHat = m[i] / c1;
                float vHat = v[i] / c2;
                params[i] -= lr * mHat / ((float) Math.sqrt(vHat) + eps);
            }
        }
    }

    @Override
    public String describe() {
        return (decoupled ? "adamw" : "adam") + "(b1=" + beta1 + ", b2=" + beta2 + ", eps=" + eps + ", wd=" + weightDecay + ")";
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeLong(t);
        Optimizer.writeFloats(out, m);
        Optimizer.writeFloats(out, v);
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        t = in.readLong();
        Optimizer.readFloats(in, m);
        Optimizer.readFloats(in, v);
    }
}
