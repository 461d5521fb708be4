package dev.numera.core.nn;

import dev.numera.core.kernels.CrossEntropy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SequentialTest {
    /** A network with every layer type, input [1, 8, 8]. */
    static LayerSpec[] everyLayer() {
        return new LayerSpec[]{
                LayerSpec.conv2d(3, 3, 1, 1), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(4, 3, 2, 1), LayerSpec.flatten(), LayerSpec.dense(8), LayerSpec.sigmoid(),
                LayerSpec.dropout(0.25f), LayerSpec.dense(10)};
    }

    static void fill(Sequential net, int seed) {
        float[] p = net.params();
        int x = seed * 0x9E3779B9 | 1;
        for (ParamTensor t : net.paramTensors()) {
            for (int i = t.offset; i < t.offset + t.length; i++) {
                x ^= x << 13;
                x ^= x >>> 17;
                x ^= x << 5;
                float u = (x >>> 8) * (1f / (1 << 24));
                if (t.name.endsWith("running_var") || t.name.endsWith("gamma")) p[i] = 0.5f + u;
                else p[i] = (u - 0.5f) * (t.name.endsWith("weight") ? 1.2f : 0.4f);
            }
        }
    }

    @Test
    void shapesTensorsAndParameterLayout() {
        Sequential net = Sequential.create(new int[]{1, 8, 8}, everyLayer(), 4);
        assertArrayEquals(new int[]{3, 8, 8}, net.outputShape(0));
        assertArrayEquals(new int[]{3, 4, 4}, net.outputShape(3));
        assertArrayEquals(new int[]{4, 2, 2}, net.outputShape(4));
        assertArrayEquals(new int[]{16, 1, 1}, net.outputShape(5));
        assertEquals(10, net.classes());
        String[] names = {"layer0.weight", "layer0.bias", "layer1.gamma", "layer1.beta", "layer1.running_mean",
                "layer1.running_var", "layer4.weight", "layer4.bias", "layer6.weight", "layer6.bias", "layer9.weight", "layer9.bias"};
        assertEquals(names.length, net.paramTensors().size());
        int offset = 0;
        for (int i = 0; i < names.length; i++) {
            ParamTensor t = net.paramTensors().get(i);
            assertEquals(names[i], t.name);
            assertEquals(offset, t.offset, "tensors are packed in order in one flat array");
            offset += t.length;
        }
        assertEquals(offset, net.paramCount());
        assertEquals(27 + 3 + 6 + 6 + 108 + 4 + 128 + 8 + 80 + 10, net.paramCount());
        assertEquals(net.paramCount() - 6, net.trainableCount());
        assertFalse(net.paramTensor("layer1.running_mean").trainable);
        assertFalse(net.paramTensor("layer0.bias").decayed);
        assertTrue(net.paramTensor("layer0.weight").decayed);
    }

    @Test
    void rejectsImpossibleArchitectures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequential.create(new int[]{1, 4, 4}, new LayerSpec[]{LayerSpec.conv2d(2, 7, 1, 0)}, 1));
        assertTrue(e.getMessage().contains("layer 0 conv2d"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{1, 4, 4}, new LayerSpec[]{LayerSpec.dropout(1f)}, 1));
        assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{1, 4, 4}, new LayerSpec[]{LayerSpec.maxPool2d(5, 1)}, 1));
        LayerSpec infiniteEpsilon = new LayerSpec(LayerSpec.Type.BATCHNORM, 0, 0, 0, 0, Float.POSITIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{1, 4, 4}, new LayerSpec[]{infiniteEpsilon}, 1));
    }

    @Test
    void aStrideAboveOneNeedsThePaddedInputToHoldTheKernel() {
        // [1, 2, 2], kernel 5, stride 4: (2 - 5) / 4 + 1 truncates to 1 row; the padded input is smaller than the kernel
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequential.create(new int[]{1, 2, 2}, new LayerSpec[]{LayerSpec.conv2d(1, 5, 4, 0)}, 1));
        assertTrue(e.getMessage().contains("kernel larger than the padded input"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{1, 3, 4}, new LayerSpec[]{LayerSpec.conv2d(1, 5, 4, 0)}, 1));
        // floor((7 - 3) / 2) + 1 = 3; floor((8 + 2 - 3) / 3) + 1 = 3
        assertArrayEquals(new int[]{2, 3, 3}, Sequential.create(new int[]{1, 7, 7}, new LayerSpec[]{LayerSpec.conv2d(2, 3, 2, 0)}, 1).outputShape(0));
        assertArrayEquals(new int[]{2, 3, 3}, Sequential.create(new int[]{1, 8, 8}, new LayerSpec[]{LayerSpec.conv2d(2, 3, 3, 1)}, 1).outputShape(0));
        // [1, 3, 3] padded by 1 is exactly the 5x5 kernel: one output, the kernel's centre 3x3 over the ones
        Sequential net = Sequential.create(new int[]{1, 3, 3}, new LayerSpec[]{LayerSpec.conv2d(1, 5, 4, 1)}, 1);
        assertArrayEquals(new int[]{1, 1, 1}, net.outputShape(0));
        for (int k = 0; k < 25; k++) net.params()[k] = k;   // w[ky, kx] = 5 ky + kx
        net.params()[25] = 0.5f;                            // bias
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        // sum over ky, kx in 1..3 of (5 ky + kx) = 3 * 5 * 6 + 3 * 6 = 108
        assertEquals(108.5f, net.forward(ones, 1, false)[0], 0f);
    }

    @Test
    void refusesNetworksOverTheSizeLimit() {
        assertEquals(1 << 24, Sequential.MAX_VALUES);
        String[][] cases = {{"parameters", "dense"}, {"activation values", "relu"}, {"padded input", "conv"}, {"im2col", "conv k"}};
        for (String[] c : cases) {
            LayerSpec[] layers;
            int[] input = {1, 28, 28};
            switch (c[1]) {
                case "dense": layers = new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(0xFFFFFF)}; break;   // 784 * (2^24 - 1) weights
                case "relu":                                                                                  // 17 buffers of 2^20
                    input = new int[]{1, 1024, 1024};
                    layers = new LayerSpec[16];
                    java.util.Arrays.fill(layers, LayerSpec.relu());
                    break;
                case "conv": layers = new LayerSpec[]{LayerSpec.conv2d(1, 1, 1 << 30, 1 << 30)}; break;       // 28 + 2^31 would wrap in int
                default: layers = new LayerSpec[]{LayerSpec.conv2d(1, 2000, 1, 1000)}; break;                // 4e6 weights, an im2col of 2 * 4e6 * 29^2
            }
            int[] in = input;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sequential.create(in, layers, 1));
            assertTrue(e.getMessage().contains(c[0]), e.getMessage());
        }
        // the input alone, with no layer after it: its product wrapped in int (2^32 values passed as 0)
        for (int[] in : new int[][]{{1, 65536, 65536}, {1, 46341, 46341}, {1, 4096, 4097}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sequential.create(in, new LayerSpec[0], 1));
            assertTrue(e.getMessage().contains("activation values"), e.getMessage());
        }
        // a sample that fits, times a capacity that does not fit an array
        LayerSpec[] relu = {LayerSpec.relu()};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{1, 1024, 1024}, relu, 1100));
        assertTrue(e.getMessage().contains("capacity 1100"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sequential.create(new int[]{0, 28, 28}, relu, 1));
    }

    @Test
    void batchedForwardEqualsSingleForwardAndReplicasShareParameters() {
        Sequential net = Sequential.create(new int[]{1, 8, 8}, everyLayer(), 3);
        fill(net, 5);
        float[] x = dev.numera.core.kernels.KernelTestAccess.random(3 * 64, 6);
        float[] batched = net.forward(x, 3, false).clone();
        Sequential one = net.replica(1);
        assertSame(net.params(), one.params());
        for (int b = 0; b < 3; b++) {
            float[] single = one.forward(java.util.Arrays.copyOfRange(x, b * 64, b * 64 + 64), 1, false);
            for (int k = 0; k < 10; k++) assertEquals(batched[b * 10 + k], single[k], 0f);
        }
        float sum = 0;
        for (int k = 0; k < 10; k++) sum += one.probabilities()[k];
        assertEquals(1f, sum, 1e-6f);
        // every layer's output stays readable after forward: the last sample's conv maps, alone
        // and as the third of the batch, are the same values
        net.forward(x, 3, false);
        for (int i = 0; i < 3 * 64; i++) assertEquals(net.activation(0)[2 * 192 + i], one.activation(0)[i], 0f);
    }

    /**
     * The whole network (every layer type, batchnorm in training mode, a fixed dropout mask)
     * against central finite differences of the cross-entropy loss, for every parameter.
     */
    @Test
    void wholeNetworkGradientMatchesFiniteDifferences() {
        int n = 4;
        Sequential net = Sequential.create(new int[]{1, 8, 8}, everyLayer(), n);
        fill(net, 7);
        net.enableTraining();
        net.setBatchNormMomentum(0f);          // the check must not move the running statistics
        net.setInputGradient(true);
        float[] x = dev.numera.core.kernels.KernelTestAccess.random(n * 64, 8);
        byte[] labels = {1, 7, 3, 3};
        net.zeroGrads();
        net.setDropoutSeed(99);
        net.forward(x, n, true);
        float[] dlogits = new float[n * 10];
        CrossEntropy.backward(dlogits, net.probabilities(), labels, 0, n, 10);
        net.backward(dlogits, n);
        float[] analytic = net.grads().clone();
        float[] dx = net.activationGrad(-1).clone();

        float[] p = net.params();
        double eps = 1e-3;
        int checked = 0;
        for (ParamTensor t : net.paramTensors()) {
            if (!t.trainable) continue;
            for (int i = t.offset; i < t.offset + t.length; i++) {
                float keep = p[i];
                p[i] = (float) (keep + eps);
                double up = loss(net, x, labels, n);
                p[i] = (float) (keep - eps);
                double down = loss(net, x, labels, n);
                p[i] = keep;
                double numeric = (up - down) / (2 * eps);
                double err = Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-2);
                assertTrue(err < 2e-2, t.name + "[" + (i - t.offset) + "]: analytic " + analytic[i] + ", numeric " + numeric);
                checked++;
            }
        }
        assertEquals(net.trainableCount(), checked);
        for (int i = 0; i < 64; i += 7) {
            float keep = x[i];
            x[i] = (float) (keep + eps);
            double up = loss(net, x, labels, n);
            x[i] = (float) (keep - eps);
            double down = loss(net, x, labels, n);
            x[i] = keep;
            double numeric = (up - down) / (2 * eps);
            assertTrue(Math.abs(dx[i] - numeric) / Math.max(Math.abs(dx[i]) + Math.abs(numeric), 1e-2) < 2e-2, "input grad " + i);
        }
    }

    static double loss(Sequential net, float[] x, byte[] labels, int n) {
        net.setDropoutSeed(99);                // same mask as the analytic pass
        net.forward(x, n, true);
        double l = 0;
        for (int b = 0; b < n; b++) l -= Math.log(net.probabilities()[b * 10 + labels[b]]);
        return l / n;
    }

    /** The shipped architecture with batchnorm folded (input [1, 28, 28]); dropout 0 so training mode is deterministic. */
    static LayerSpec[] shipped() {
        return new LayerSpec[]{
                LayerSpec.conv2d(16, 5, 1, 2), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(32, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(64, 3, 1, 1), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.flatten(), LayerSpec.dense(96), LayerSpec.relu(), LayerSpec.dropout(0f), LayerSpec.dense(10)};
    }

    // weights of fill() (uniform +-0.6) rescaled to He's uniform +-sqrt(6 / fan-in), so activations keep
    // the magnitude of a trained network's instead of growing 3-5x per layer
    static void heScale(Sequential net) {
        for (ParamTensor t : net.paramTensors()) {
            if (!t.name.endsWith(".weight")) continue;
            float k = (float) (Math.sqrt(6.0 / (t.length / t.outChannels())) / 0.6);
            for (int i = t.offset; i < t.offset + t.length; i++) net.params()[i] *= k;
        }
    }

    @Test
    void inferenceEqualsTheTrainingPathLayerByLayer() {
        // inference runs the 3x3 convolutions by Winograd, training by im2col: every layer's
        // activation (the app shows them all) and the probabilities must agree to 1e-4 relative.
        // The network runs inference first: its conv buffer is sized for Winograd until training
        // is enabled, which must grow it for im2col (larger for this architecture).
        Sequential net = Sequential.create(new int[]{1, 28, 28}, shipped(), 2);
        fill(net, 8);
        heScale(net);
        float[] x = dev.numera.core.kernels.KernelTestAccess.random(2 * 784, 9);
        net.forward(x, 2, false);
        float[][] before = activations(net);
        net.enableTraining();
        net.forward(x, 2, true);
        float[][] im2col = activations(net);
        // backward uses the whole im2col buffer: the same gradients as a network trained from the start
        float[] dlogits = dev.numera.core.kernels.KernelTestAccess.random(2 * 10, 10);
        net.zeroGrads();
        net.backward(dlogits, 2);
        Sequential fresh = Sequential.create(new int[]{1, 28, 28}, shipped(), 2);
        System.arraycopy(net.params(), 0, fresh.params(), 0, net.paramCount());
        fresh.enableTraining();
        fresh.forward(x, 2, true);
        fresh.zeroGrads();
        fresh.backward(dlogits, 2);
        assertArrayEquals(fresh.grads(), net.grads(), 0f, "gradients");
        net.forward(x, 2, false);
        float[][] after = activations(net);
        for (int i = 0; i < im2col.length; i++) {
            String what = i < net.layerCount() ? "layer " + i : "probabilities";
            assertArrayEquals(before[i], after[i], 0f, what);
            for (int j = 0; j < im2col[i].length; j++) {
                float want = im2col[i][j];
                assertEquals(want, after[i][j], 1e-4f * Math.max(1f, Math.abs(want)), what + " [" + j + "]");
            }
        }
    }

    /** Copies of every layer's output and of the probabilities, after the last forward pass. */
    private static float[][] activations(Sequential net) {
        float[][] a = new float[net.layerCount() + 1][];
        for (int i = 0; i < net.layerCount(); i++) a[i] = net.activation(i).clone();
        a[net.layerCount()] = net.probabilities().clone();
        return a;
    }

    @Test
    void inferenceSeesEveryChangeOfTheWeights() {
        // the Winograd weights are cached: a weight written in place (optimiser step, loader) must
        // reach the next pass, on this network and on a replica sharing the parameters
        Sequential net = Sequential.create(new int[]{1, 28, 28}, shipped(), 1);
        fill(net, 4);
        Sequential replica = net.replica(1);
        float[] x = dev.numera.core.kernels.KernelTestAccess.random(784, 5);
        net.forward(x, 1, false);
        replica.forward(x, 1, false);
        ParamTensor conv2 = net.paramTensor("layer3.weight"), conv3 = net.paramTensor("layer6.weight");
        for (int at : new int[]{conv2.offset, conv3.offset + conv3.length - 1, conv2.offset + 100}) {
            net.params()[at] += 0.75f;
            Sequential fresh = Sequential.create(new int[]{1, 28, 28}, shipped(), 1);
            System.arraycopy(net.params(), 0, fresh.params(), 0, net.paramCount());
            float[] want = fresh.forward(x, 1, false).clone();
            assertArrayEquals(want, net.forward(x, 1, false), 0f, "weight " + at);
            assertArrayEquals(want, replica.forward(x, 1, false), 0f, "replica, weight " + at);
        }
    }

    @Test
    void aFrozenNetworkComputesTheSameAndRefusesTraining() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, shipped(), 1);
        fill(net, 6);
        Sequential frozen = Sequential.create(new int[]{1, 28, 28}, shipped(), 1);
        System.arraycopy(net.params(), 0, frozen.params(), 0, net.paramCount());
        frozen.freeze();
        assertTrue(frozen.frozen() && !net.frozen());
        for (int seed = 0; seed < 3; seed++) {          // the first pass transforms, the next ones reuse
            float[] x = dev.numera.core.kernels.KernelTestAccess.random(784, 20 + seed);
            assertArrayEquals(net.forward(x, 1, false).clone(), frozen.forward(x, 1, false), 0f, "pass " + seed);
        }
        assertThrows(IllegalStateException.class, frozen::enableTraining);
        net.enableTraining();
        assertThrows(IllegalStateException.class, net::freeze);
    }

    @Test
    void anAcceleratorIsOfferedEveryConvAndDenseLayerAndItsAnswerIsUsed() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, shipped(), 1);
        fill(net, 7);
        float[] x = dev.numera.core.kernels.KernelTestAccess.random(784, 31);
        float[] plain = net.forward(x, 1, false).clone();
        assertThrows(IllegalStateException.class, () -> net.accelerate((layer, out, in, n) -> false), "not frozen");
        net.freeze();
        java.util.List<Integer> offered = new java.util.ArrayList<>();
        net.accelerate((layer, out, in, n) -> {
            offered.add(layer);
            assertTrue(in == net.activation(layer - 1) && out == net.activation(layer) && n == 1, "layer " + layer + "'s own buffers");
            return false;                            // declined: the Java kernels run, the same result
        });
        assertArrayEquals(plain, net.forward(x, 1, false), 0f);
        assertEquals(java.util.List.of(0, 3, 6, 10, 13), offered);   // conv1, conv2, conv3, dense1, dense2
        // an accelerator that takes dense2 and answers 0 for every logit: its answer is the output
        net.accelerate((layer, out, in, n) -> {
            if (layer != 13) return false;
            java.util.Arrays.fill(out, 0, 10, 0f);
            return true;
        });
        assertArrayEquals(new float[10], net.forward(x, 1, false), 0f);
        assertEquals(0.1f, net.probabilities()[3], 1e-6f);
        net.accelerate(null);
        assertArrayEquals(plain, net.forward(x, 1, false), 0f);
    }

    @Test
    void trainingReducesLossOnATinyProblem() {
        // two 4x4 patterns (vertical vs horizontal bar) must be separable by a small conv net with plain SGD
        Sequential net = Sequential.create(new int[]{1, 4, 4}, new LayerSpec[]{
                LayerSpec.conv2d(2, 3, 1, 1), LayerSpec.relu(), LayerSpec.flatten(), LayerSpec.dense(2)}, 2);
        fill(net, 3);
        net.enableTraining();
        float[] x = new float[32];
        for (int i = 0; i < 4; i++) {
            x[i * 4 + 1] = 1;        // vertical bar
            x[16 + 8 + i] = 1;       // horizontal bar
        }
        byte[] y = {0, 1};
        float first = 0, last = 0;
        for (int step = 0; step < 200; step++) {
            net.zeroGrads();
            float l = CrossEntropy.forward(net.forward(x, 2, true), y, 0, 2, 2);
            if (step == 0) first = l;
            last = l;
            float[] d = new float[4];
            CrossEntropy.backward(d, net.probabilities(), y, 0, 2, 2);
            net.backward(d, 2);
            for (int i = 0; i < net.paramCount(); i++) net.params()[i] -= 0.5f * net.grads()[i];
        }
        assertTrue(last < first * 0.05f, "loss " + first + " → " + last);
    }

    /**
     * An MSE network's outputs are sigmoids in [0, 1]: a softmax of them never gave a digit more than
     * e / (e + 9) = 0.232 (a clear 7 read "7 0.2282"). Its probabilities are the outputs' shares.
     * Input [1, 1, 2] = (1, 2); dense weights (0, 0), (1, -0.5), (0, 0) so that with biases (ln 3, 0, -ln 3) the
     * pre-activations are ln 3, 0, -ln 3 and the outputs 0.75, 0.5, 0.25.
     */
    @Test
    void aSigmoidOutputsProbabilitiesAreItsShares() {
        for (LayerSpec[] layers : new LayerSpec[][]{
                {LayerSpec.flatten(), LayerSpec.dense(3), LayerSpec.sigmoid()},
                {LayerSpec.flatten(), LayerSpec.dense(3), LayerSpec.sigmoid(), LayerSpec.dropout(0.5f)}}) {
            Sequential net = Sequential.create(new int[]{1, 1, 2}, layers, 2);
            assertTrue(Sequential.sigmoidOutput(layers));
            float ln3 = (float) Math.log(3);
            System.arraycopy(new float[]{0, 0, 1, -0.5f, 0, 0, ln3, 0, -ln3}, 0, net.params(), 0, 9);
            float[] out = net.forward(new float[]{1, 2}, 1, false);
            assertArrayEquals(new float[]{0.75f, 0.5f, 0.25f}, java.util.Arrays.copyOf(out, 3), 1e-6f);
            // 0.75 / 1.5, 0.5 / 1.5, 0.25 / 1.5
            assertArrayEquals(new float[]{0.5f, 1 / 3f, 1 / 6f}, java.util.Arrays.copyOf(net.probabilities(), 3), 1e-6f);

            // T = 2: y^(1/2) / sum = 0.8660, 0.7071, 0.5 over 2.0731
            net.setTemperature(2);
            net.forward(new float[]{1, 2}, 1, false);
            assertArrayEquals(new float[]{0.41774f, 0.34108f, 0.24118f}, java.util.Arrays.copyOf(net.probabilities(), 3), 1e-5f);

            // biases -200: every output is exactly 0 in float, and reads as no preference
            net.setTemperature(1);
            System.arraycopy(new float[]{0, 0, 0, 0, 0, 0, -200, -200, -200}, 0, net.params(), 0, 9);
            out = net.forward(new float[]{1, 2}, 1, false);
            assertArrayEquals(new float[]{0, 0, 0}, java.util.Arrays.copyOf(out, 3));
            assertArrayEquals(new float[]{1 / 3f, 1 / 3f, 1 / 3f}, java.util.Arrays.copyOf(net.probabilities(), 3), 1e-6f);
        }
        // a sigmoid inside the network leaves the outputs logits
        assertFalse(Sequential.sigmoidOutput(new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(3), LayerSpec.sigmoid(), LayerSpec.dense(3)}));
    }
}
