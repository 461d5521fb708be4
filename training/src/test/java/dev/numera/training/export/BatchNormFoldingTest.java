package dev.numera.training.export;

import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Folding batchnorm into the layer before it must not change what the network computes. */
class BatchNormFoldingTest {
    static final int[] INPUT = {1, 28, 28};

    /** Random weights, and batchnorm parameters far from neutral: gamma, beta, running mean and variance. */
    static Sequential randomNetwork(LayerSpec[] specs, long seed) {
        Sequential net = Sequential.create(INPUT, specs, 4);
        Random r = new Random(seed);
        float[] p = net.params();
        for (ParamTensor t : net.paramTensors()) {
            String role = t.name.substring(t.name.indexOf('.') + 1);
            for (int i = t.offset; i < t.offset + t.length; i++) {
                p[i] = switch (role) {
                    case "gamma" -> (float) (0.5 + r.nextDouble());          // 0.5..1.5
                    case "beta", "running_mean" -> (float) r.nextGaussian();
                    case "running_var" -> (float) (0.2 + 2 * r.nextDouble()); // 0.2..2.2
                    default -> (float) (r.nextGaussian() * 0.3);
                };
            }
        }
        return net;
    }

    static float[] forward(Sequential net, float[] x, int n) {
        return net.forward(x, n, false).clone();
    }

    static void assertSameOutputs(Sequential a, Sequential b, long seed) {
        Random r = new Random(seed);
        float[] x = new float[4 * 784];
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        float[] ya = forward(a, x, 4), yb = forward(b, x, 4);
        assertEquals(ya.length, yb.length);
        // relative to the logits' scale: a logit near 0 is a difference of large terms and carries their rounding
        float scale = 0;
        for (int i = 0; i < 4 * a.classes(); i++) scale = Math.max(scale, Math.abs(ya[i]));
        for (int i = 0; i < 4 * a.classes(); i++) {
            assertEquals(ya[i], yb[i], 1e-5 * scale, "logit " + i + ": " + Arrays.toString(ya) + " vs " + Arrays.toString(yb));
        }
    }

    static LayerSpec.Type[] types(Sequential net) {
        return Arrays.stream(net.specs()).map(s -> s.type).toArray(LayerSpec.Type[]::new);
    }

    @Test
    void convAndDenseBatchnormFoldAway() {
        Sequential net = randomNetwork(new LayerSpec[]{
                LayerSpec.conv2d(6, 5, 1, 2), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(8, 3, 1, 1), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.flatten(), LayerSpec.dense(12), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.dense(10)}, 1);
        Sequential folded = BatchNormFolding.fold(net, 4);
        assertArrayEquals(new LayerSpec.Type[]{LayerSpec.Type.CONV2D, LayerSpec.Type.RELU, LayerSpec.Type.MAXPOOL2D,
                LayerSpec.Type.CONV2D, LayerSpec.Type.RELU, LayerSpec.Type.MAXPOOL2D, LayerSpec.Type.FLATTEN,
                LayerSpec.Type.DENSE, LayerSpec.Type.RELU, LayerSpec.Type.DENSE}, types(folded));
        assertSameOutputs(net, folded, 2);
    }

    /** Only a batchnorm right after conv2d or dense folds; the second of two stays, as a batchnorm, and the result still agrees. */
    @Test
    void batchnormAfterBatchnormIsKept() {
        Sequential net = randomNetwork(new LayerSpec[]{
                LayerSpec.conv2d(4, 3, 2, 1), LayerSpec.batchNorm(), LayerSpec.batchNorm(), LayerSpec.relu(),
                LayerSpec.flatten(), LayerSpec.dense(10)}, 3);
        Sequential folded = BatchNormFolding.fold(net, 4);
        assertArrayEquals(new LayerSpec.Type[]{LayerSpec.Type.CONV2D, LayerSpec.Type.BATCHNORM, LayerSpec.Type.RELU,
                LayerSpec.Type.FLATTEN, LayerSpec.Type.DENSE}, types(folded));
        assertSameOutputs(net, folded, 4);
        assertTrue(folded.paramCount() < net.paramCount());
    }
}
