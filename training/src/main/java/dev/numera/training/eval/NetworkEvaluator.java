package dev.numera.training.eval;

import dev.numera.core.kernels.Standardize;
import dev.numera.core.nn.Sequential;
import dev.numera.training.data.Dataset;

/**
 * Scores a network on a dataset in inference mode, batch by batch through the network's own
 * input buffer. Inputs are standardised as the model expects: (x - mean) / std.
 */
public final class NetworkEvaluator {
    private NetworkEvaluator() {
    }

    public static Evaluation evaluate(Sequential net, Dataset data, float mean, float std, int keepWorst) {
        int pixels = data.pixels();
        if (net.inputSize() != pixels) {
            throw new IllegalArgumentException("the network takes " + net.inputSize() + " inputs, images have " + pixels);
        }
        int classes = net.classes();
        Evaluation ev = new Evaluation(classes, keepWorst);
        float[] in = net.inputBuffer();
        for (int start = 0; start < data.count(); start += net.capacity()) {
            int n = Math.min(net.capacity(), data.count() - start);
            float[] images = data.images();
            int base = start * pixels;
            Standardize.forward(in, images, base, n * pixels, mean, std);
            net.forward(in, n, false);
            float[] probs = net.probabilities();
            for (int b = 0; b < n; b++) {
                ev.add(start + b, data.label(start + b), probs, b * classes, images, base + b * pixels, pixels);
            }
        }
        return ev;
    }
}
