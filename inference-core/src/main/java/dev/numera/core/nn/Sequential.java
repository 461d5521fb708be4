package dev.numera.core.nn;

import dev.numera.core.kernels.BatchNorm;
import dev.numera.core.kernels.Conv2d;
import dev.numera.core.kernels.Conv2dGemm;
import dev.numera.core.kernels.Conv2dImplicitGemm;
import dev.numera.core.kernels.Conv2dWinograd;
import dev.numera.core.kernels.Dense;
import dev.numera.core.kernels.Dropout;
import dev.numera.core.kernels.Flatten;
import dev.numera.core.kernels.MaxPool2d;
import dev.numera.core.kernels.Relu;
import dev.numera.core.kernels.Sigmoid;
import dev.numera.core.kernels.Softmax;
import dev.numera.core.tensor.Tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feed-forward network: an input shape [c, h, w] and a list of {@link LayerSpec}s.
 *
 * <p>All parameters live in one flat array ({@link #params()}, named slices in
 * {@link #paramTensors()}); gradients, when training is enabled, in a second array of the same
 * layout. The network owns one activation buffer per layer, sized for {@code capacity} samples,
 * so a forward pass allocates nothing and every layer's output stays readable afterwards
 * ({@link #activation}) for the app's "inside the network" view.
 *
 * <p>Protocol: {@code forward(input, n, training)} → logits [n, classes] and
 * {@link #probabilities()} (softmax at the network's temperature; of the logarithms for a sigmoid output,
 * {@link #sigmoidOutput}). For training:
 * {@link #enableTraining()}, {@link #zeroGrads()}, forward with training = true, then
 * {@code backward(dlogits, n)}, which accumulates into {@link #grads()}.
 * {@link #replica(int)} gives a second network on the same parameters (one per training thread).
 */
public final class Sequential {
    /**
     * Most values a network may hold in each of: its parameters, the activations of one sample (input
     * and every layer's output), one convolution's scratch buffer. 2^24 floats (64 MB) is 200x the
     * shipped network's 79,914 parameters; the bound keeps every size an int and makes a crafted model
     * file an error instead of a gigabyte allocation.
     */
    public static final int MAX_VALUES = 1 << 24;

    private final int[] inputShape;
    private final LayerSpec[] specs;
    private final int[][] shapes;      // shapes[i] = [c, h, w] entering layer i; shapes[L] = output
    private final int[] paramOffset;   // start of layer i's parameter block, -1 if none
    private final float[] params;
    private final List<ParamTensor> tensors;
    private final int capacity;
    private final float[][] acts;      // acts[i] = input of layer i, [capacity, shapes[i]]
    private final float[] probs;       // [capacity, classes]
    private float[] scratch;           // padded-input, im2col and Winograd buffers, shared by the conv layers:
                                       // sized for inference, grown by enableTraining() (training runs every conv by im2col)
    private final int trainingScratch; // floats training needs
    private final float[][] wino;      // wino[i]: conv layer i's Winograd weights U (inference), null until first needed
    private final float[][] winoOf;    // winoOf[i]: the raw weights wino[i] was computed from
    private boolean frozen;            // the parameters will not change again (see freeze())
    private LayerAccelerator accelerator; // offered the conv and dense layers of inference passes first (frozen only)
    private float temperature = 1f;
    private final boolean sigmoidOutput; // see sigmoidOutput(LayerSpec[])

    // training state, allocated by enableTraining()
    private float[] grads;
    private float[][] dacts;
    private float[][] bnMean, bnInvStd, masks;
    private int dropoutState = 1;
    private float bnMomentum = 0.1f;
    private boolean inputGradient;

    private Sequential(int[] inputShape, LayerSpec[] specs, int capacity, float[] sharedParams) {
        if (inputShape.length != 3) throw new IllegalArgumentException("input shape must be [c, h, w], got " + Tensor.describe(inputShape));
        if (!(inputShape[0] > 0 && inputShape[1] > 0 && inputShape[2] > 0)) throw new IllegalArgumentException("input shape must be positive, got " + Tensor.describe(inputShape));
        if (capacity < 1) throw new IllegalArgumentException("capacity must be at least 1");
        this.inputShape = inputShape.clone();
        this.specs = specs.clone();
        this.capacity = capacity;
        this.sigmoidOutput = sigmoidOutput(specs);
        int layers = specs.length;
        shapes = new int[layers + 1][];
        int[] shape = inputShape.clone();
        // sizes are multiplied in long and capped (product) and checked against MAX_VALUES before
        // any int holds them, so a hostile model file gets an error, not a wrapped size
        long values = product(shape[0], shape[1], shape[2]);   // activations of one sample, all buffers
        // the input first: with no layer after it, nothing else would look at it ([1, 65536, 65536] was an
        // input of 0 values in int, [1, 46341, 46341] a negative one)
        if (values > MAX_VALUES) throw new IllegalArgumentException("input " + Tensor.describe(inputShape) + ": more than " + MAX_VALUES + " activation values per sample");
        Layout layout = new Layout(layers);
        for (int i = 0; i < layers; i++) {
            shapes[i] = shape;
            shape = layout.place(i, specs[i], shape);
            values += product(shape[0], shape[1], shape[2]);   // its output buffer
            require(values <= MAX_VALUES, i, specs[i], shapes[i], "more than " + MAX_VALUES + " activation values per sample");
        }
        if (values * capacity > Integer.MAX_VALUE) throw new IllegalArgumentException("capacity " + capacity + " times " + values + " activation values per sample does not fit an array");
        shapes[layers] = shape;
        paramOffset = layout.paramOffset;
        tensors = Collections.unmodifiableList(layout.tensors);
        if (sharedParams != null && sharedParams.length != layout.offset) throw new IllegalArgumentException("shared parameter array has the wrong size");
        params = sharedParams != null ? sharedParams : new float[layout.offset];
        acts = new float[layers + 1][];
        for (int i = 0; i <= layers; i++) acts[i] = new float[capacity * size(shapes[i])];
        probs = new float[capacity * size(shape)];
        scratch = new float[layout.scratch];
        trainingScratch = Math.max(layout.scratch, layout.gemmScratch);
        wino = new float[layers][];
        winoOf = new float[layers][];
        for (ParamTensor t : tensors) {  // a fresh network starts with neutral batchnorm
            if (sharedParams == null && (t.name.endsWith(".gamma") || t.name.endsWith(".running_var"))) {
                java.util.Arrays.fill(params, t.offset, t.offset + t.length, 1f);
            }
        }
    }

    /**
     * Where each layer's parameters go in the flat array, with the checks of its spec against the shape entering it, and the
     * conv layers' scratch sizes: what {@link #place} adds up layer by layer.
     */
    private static final class Layout {
        final int[] paramOffset;                        // start of layer i's parameter block, -1 if none
        final List<ParamTensor> tensors = new ArrayList<>();
        int offset;                                     // parameters so far
        int scratch, gemmScratch;                       // the largest inference scratch, and training's im2col one

        Layout(int layers) {
            paramOffset = new int[layers];
        }

        /** Layer i with spec s on input shape [c, h, w]: its parameters placed, its output shape returned. */
        int[] place(int i, LayerSpec s, int[] shape) {
            paramOffset[i] = -1;
            int c = shape[0], h = shape[1], w = shape[2];
            switch (s.type) {
                case CONV2D: {
                    require(s.units > 0 && s.kernel > 0 && s.stride > 0 && s.padding >= 0, i, s, shape, "needs positive channels, kernel and stride");
                    long ph = h + 2L * s.padding, pw = w + 2L * s.padding;
                    // also keeps (in + 2p - k) / s non-negative: int division rounds toward zero, so a negative
                    // one gave 1 output row instead of a refusal (the format's floor needs it >= 0)
                    require(ph >= s.kernel && pw >= s.kernel, i, s, shape, "kernel larger than the padded input");
                    require(ph <= MAX_VALUES && pw <= MAX_VALUES, i, s, shape, "padded input wider than " + MAX_VALUES);
                    long oh = (ph - s.kernel) / s.stride + 1, ow = (pw - s.kernel) / s.stride + 1;
                    long weights = product(s.units, c, s.kernel, s.kernel);
                    require(weights <= MAX_VALUES && offset + weights + s.units <= MAX_VALUES, i, s, shape, "more than " + MAX_VALUES + " parameters");
                    require(product(2, c, s.kernel, s.kernel, oh, ow) <= MAX_VALUES, i, s, shape, "im2col buffer over " + MAX_VALUES + " values");
                    require(product(s.units, oh, ow) <= MAX_VALUES, i, s, shape, "output over " + MAX_VALUES + " values");
                    // the kernels' int sizes cannot overflow now: im2col bounds the padded input (stride 1)
                    // and, with the output, Winograd's tiles (~40 * MAX_VALUES at most)
                    int gemm = Conv2dGemm.scratchSize(c, h, w, s.kernel, s.stride, s.padding);
                    int infer = Conv2dWinograd.applies(c, s.kernel, s.stride, s.padding) ? Conv2dWinograd.scratchSize(c, h, w, s.units)
                            : Conv2dImplicitGemm.applies(s.stride) ? Conv2dImplicitGemm.scratchSize(c, h, w, s.padding) : gemm;
                    require(infer <= MAX_VALUES, i, s, shape, "scratch buffer over " + MAX_VALUES + " values");
                    gemmScratch = Math.max(gemmScratch, gemm);
                    scratch = Math.max(scratch, infer);
                    weightAndBias(i, new int[]{s.units, c, s.kernel, s.kernel});
                    shape = new int[]{s.units, (int) oh, (int) ow};
                    break;
                }
                case MAXPOOL2D: {
                    require(s.kernel > 0 && s.stride > 0 && s.kernel <= h && s.kernel <= w, i, s, shape, "window must fit the input");
                    shape = new int[]{c, MaxPool2d.outSize(h, s.kernel, s.stride), MaxPool2d.outSize(w, s.kernel, s.stride)};
                    break;
                }
                case DENSE: {
                    require(s.units > 0, i, s, shape, "needs positive output features");
                    int in = c * h * w;
                    long weights = product(s.units, in);
                    require(weights <= MAX_VALUES && offset + weights + s.units <= MAX_VALUES, i, s, shape, "more than " + MAX_VALUES + " parameters");
                    weightAndBias(i, new int[]{s.units, in});
                    shape = new int[]{s.units, 1, 1};
                    break;
                }
                case BATCHNORM: {
                    require(s.value > 0 && s.value <= Float.MAX_VALUE, i, s, shape, "epsilon must be positive and finite");
                    require(offset + 4L * c <= MAX_VALUES, i, s, shape, "more than " + MAX_VALUES + " parameters");
                    paramOffset[i] = offset;
                    String[] roles = {"gamma", "beta", "running_mean", "running_var"};
                    for (int r = 0; r < 4; r++) {
                        tensors.add(new ParamTensor("layer" + i + "." + roles[r], i, offset, new int[]{c}, r < 2, false));
                        offset += c;
                    }
                    break;
                }
                case DROPOUT:
                    require(s.value >= 0 && s.value < 1, i, s, shape, "rate must be in [0, 1)");
                    break;
                case FLATTEN:
                    shape = new int[]{c * h * w, 1, 1};
                    break;
                default:
                    break;  // relu, sigmoid keep the shape
            }
            return shape;
        }

        /** Layer i's weight [units, ...] (decayed) and bias [units], in that order from the current offset. */
        private void weightAndBias(int i, int[] weightShape) {
            int units = weightShape[0];
            paramOffset[i] = offset;
            ParamTensor weight = new ParamTensor("layer" + i + ".weight", i, offset, weightShape, true, true);
            tensors.add(weight);
            offset += weight.length;
            tensors.add(new ParamTensor("layer" + i + ".bias", i, offset, new int[]{units}, true, false));
            offset += units;
        }
    }

    /** A network with zeroed weights (batchnorm neutral) for {@code capacity} samples per pass. */
    public static Sequential create(int[] inputShape, LayerSpec[] specs, int capacity) {
        return new Sequential(inputShape, specs, capacity, null);
    }

    /** Another network on the same parameter array, with its own activations and gradients. */
    public Sequential replica(int capacity) {
        Sequential r = new Sequential(inputShape, specs, capacity, params);
        r.temperature = temperature;
        return r;
    }

    private static void require(boolean ok, int i, LayerSpec s, int[] shape, String why) {
        if (!ok) throw new IllegalArgumentException("layer " + i + " " + s + " on input " + Tensor.describe(shape) + ": " + why);
    }

    /** a * b * ..., or MAX_VALUES + 1 once past MAX_VALUES: no overflow for factors below 2^39. */
    private static long product(long... factors) {
        long n = 1;
        for (long f : factors) {
            n *= f;
            if (n > MAX_VALUES) return MAX_VALUES + 1L;
        }
        return n;
    }

    private static int size(int[] shape) {
        return shape[0] * shape[1] * shape[2];
    }

    // ---------------------------------------------------------------- forward

    /**
     * @param input [n, c, h, w] (may be {@link #inputBuffer()} itself, then nothing is copied)
     * @return logits [n, classes] in a buffer owned by the network (valid until the next call)
     */
    public float[] forward(float[] input, int n, boolean training) {
        if (n < 1 || n > capacity) throw new IllegalArgumentException("batch of " + n + " outside 1.." + capacity);
        int inSize = size(inputShape);
        if (input.length < n * inSize) throw new IllegalArgumentException("input has " + input.length + " values, need " + n * inSize);
        if (training && grads == null) throw new IllegalStateException("call enableTraining() first");
        if (input != acts[0]) System.arraycopy(input, 0, acts[0], 0, n * inSize);
        for (int i = 0; i < specs.length; i++) forwardLayer(i, n, training);
        if (sigmoidOutput) Sigmoid.probabilities(probs, acts[specs.length], n, classes(), temperature);
        else Softmax.forward(probs, acts[specs.length], n, classes(), temperature);
        return acts[specs.length];
    }

    /**
     * Whether the outputs are sigmoids in [0, 1] rather than logits: the last layer that changes values is a
     * sigmoid (dropout and flatten after it pass them on). Such a network's probabilities are the outputs'
     * shares, {@link Sigmoid#probabilities}; the ONNX export asks the same question.
     */
    public static boolean sigmoidOutput(LayerSpec[] specs) {
        for (int i = specs.length - 1; i >= 0; i--) {
            LayerSpec.Type t = specs[i].type;
            if (t != LayerSpec.Type.DROPOUT && t != LayerSpec.Type.FLATTEN) return t == LayerSpec.Type.SIGMOID;
        }
        return false;
    }

    private void forwardLayer(int i, int n, boolean training) {
        LayerSpec s = specs[i];
        float[] in = acts[i], out = acts[i + 1];
        int c = shapes[i][0], h = shapes[i][1], w = shapes[i][2];
        int count = n * c * h * w, p = paramOffset[i];
        switch (s.type) {
            case CONV2D:
                if (!training && accelerator != null && accelerator.forward(i, out, in, n)) break;
                // inference runs 3x3 convolutions by Winograd (4x fewer multiply-adds) and the other stride-1
                // ones as an implicit GEMM (no im2col buffer; the same sums as im2col, bit for bit); training
                // keeps im2col, the exact adjoint of its backward, with its numerics pinned by the tests
                if (!training && Conv2dWinograd.applies(c, s.kernel, s.stride, s.padding)) {
                    Conv2dWinograd.forward(out, in, winogradWeights(i, p, c, s.units), params, p + s.units * c * 9, scratch, n, c, h, w, s.units);
                } else if (!training && Conv2dImplicitGemm.applies(s.stride)) {
                    Conv2dImplicitGemm.forward(out, in, params, p, p + s.units * c * s.kernel * s.kernel, scratch, n, c, h, w, s.units, s.kernel, s.padding);
                } else {
                    Conv2dGemm.forward(out, in, params, p, p + s.units * c * s.kernel * s.kernel, scratch, n, c, h, w, s.units, s.kernel, s.stride, s.padding);
                }
                break;
            case MAXPOOL2D:
                MaxPool2d.forward(out, in, n, c, h, w, s.kernel, s.stride);
                break;
            case DENSE:
                if (!training && accelerator != null && accelerator.forward(i, out, in, n)) break;
                Dense.forward(out, in, params, p, p + s.units * c * h * w, n, c * h * w, s.units);
                break;
            case RELU:
                Relu.forward(out, in, count);
                break;
            case SIGMOID:
                Sigmoid.forward(out, in, count);
                break;
            case BATCHNORM:
                if (training) BatchNorm.forwardTraining(out, in, params, p, n, c, h * w, s.value, bnMean[i], bnInvStd[i], bnMomentum);
                else BatchNorm.forwardInference(out, in, params, p, n, c, h * w, s.value);
                break;
            case DROPOUT:
                if (training && s.value > 0) {
                    dropoutState = Dropout.makeMask(masks[i], count, s.value, dropoutState);
                    Dropout.forward(out, in, masks[i], count);
                } else {
                    Dropout.forward(out, in, null, count);
                }
                break;
            case FLATTEN:
                Flatten.forward(out, in, count);
                break;
            default:
                throw new IllegalStateException("unhandled layer " + s);
        }
    }

    /**
     * Declares that the parameters will not be written again: an inference-only network, such as
     * the one a recognizer builds from a model file. Forward passes then transform the Winograd
     * weights once instead of comparing the raw weights on every pass (3-4 % of a pass in the
     * browser). Training a frozen network is refused.
     */
    public void freeze() {
        if (grads != null) throw new IllegalStateException("a network being trained cannot be frozen");
        frozen = true;
    }

    public boolean frozen() {
        return frozen;
    }

    /**
     * Lets {@code a} compute this frozen network's conv and dense layers at inference (see
     * {@link LayerAccelerator}); null detaches it. Only a frozen network: an accelerator copies the
     * parameters once, so they must not change after.
     */
    public void accelerate(LayerAccelerator a) {
        if (a != null && !frozen) throw new IllegalStateException("only a frozen network can be accelerated");
        accelerator = a;
    }

    /**
     * Conv layer i's Winograd weights, recomputed whenever its weights differ from the copy they
     * were computed from. The parameter array is public and written in place (optimiser steps,
     * model loading, replicas sharing it, tests), so comparing is the one check that cannot go
     * stale; it costs a few percent of a pass ({@link Conv2dWinograd#unchanged}). A frozen
     * network skips it.
     */
    private float[] winogradWeights(int i, int wOff, int c, int oc) {
        if (wino[i] == null) {
            wino[i] = new float[Conv2dWinograd.weightSize(c, oc)];
        } else if (frozen || Conv2dWinograd.unchanged(winoOf[i], params, wOff, c, oc)) {
            return wino[i];
        }
        if (!frozen) {   // a frozen network's weights cannot change: no copy to compare against
            if (winoOf[i] == null) winoOf[i] = new float[oc * c * 9];
            System.arraycopy(params, wOff, winoOf[i], 0, oc * c * 9);
        }
        Conv2dWinograd.transformWeights(wino[i], params, wOff, c, oc, scratch);
        return wino[i];
    }

    // ---------------------------------------------------------------- backward

    /** Allocates gradient and training buffers (once). */
    public void enableTraining() {
        if (frozen) throw new IllegalStateException("a frozen network (inference only) cannot be trained");
        if (grads != null) return;
        if (scratch.length < trainingScratch) scratch = new float[trainingScratch];
        grads = new float[params.length];
        dacts = new float[acts.length][];
        for (int i = 0; i < acts.length; i++) dacts[i] = new float[acts[i].length];
        bnMean = new float[specs.length][];
        bnInvStd = new float[specs.length][];
        masks = new float[specs.length][];
        for (int i = 0; i < specs.length; i++) {
            if (specs[i].type == LayerSpec.Type.BATCHNORM) {
                bnMean[i] = new float[shapes[i][0]];
                bnInvStd[i] = new float[shapes[i][0]];
            }
            if (specs[i].type == LayerSpec.Type.DROPOUT) masks[i] = new float[acts[i].length];
        }
    }

    public void zeroGrads() {
        java.util.Arrays.fill(grads, 0f);
    }

    /**
     * Back-propagates dL/dlogits through a training-mode forward pass of the same n samples,
     * accumulating parameter gradients into {@link #grads()}.
     * @param dlogits [n, classes]
     */
    public void backward(float[] dlogits, int n) {
        if (grads == null) throw new IllegalStateException("call enableTraining() first");
        int layers = specs.length;
        for (int i = 0; i <= layers; i++) java.util.Arrays.fill(dacts[i], 0, n * size(shapes[i]), 0f);
        System.arraycopy(dlogits, 0, dacts[layers], 0, n * classes());
        for (int i = layers - 1; i >= 0; i--) backwardLayer(i, n);
    }

    private void backwardLayer(int i, int n) {
        LayerSpec s = specs[i];
        float[] in = acts[i], out = acts[i + 1], dout = dacts[i + 1];
        float[] din = (i > 0 || inputGradient) ? dacts[i] : null;
        int c = shapes[i][0], h = shapes[i][1], w = shapes[i][2];
        int count = n * c * h * w, p = paramOffset[i];
        switch (s.type) {
            case CONV2D:
                Conv2dGemm.backward(din, grads, dout, in, params, p, p + s.units * c * s.kernel * s.kernel, scratch, n, c, h, w, s.units, s.kernel, s.stride, s.padding);
                break;
            case DENSE:
                Dense.backward(din, grads, dout, in, params, p, p + s.units * c * h * w, n, c * h * w, s.units);
                break;
            case BATCHNORM:
                BatchNorm.backward(din, grads, dout, in, params, p, n, c, h * w, bnMean[i], bnInvStd[i]);
                break;
            default:
                if (din == null) return;   // the rest only pass gradients through
                switch (s.type) {
                    case MAXPOOL2D:
                        MaxPool2d.backward(din, dout, in, n, c, h, w, s.kernel, s.stride);
                        break;
                    case RELU:
                        Relu.backward(din, dout, out, count);
                        break;
                    case SIGMOID:
                        Sigmoid.backward(din, dout, out, count);
                        break;
                    case DROPOUT:
                        Dropout.backward(din, dout, s.value > 0 ? masks[i] : null, count);
                        break;
                    case FLATTEN:
                        Flatten.backward(din, dout, count);
                        break;
                    default:
                        throw new IllegalStateException("unhandled layer " + s);
                }
        }
    }

    // ---------------------------------------------------------------- accessors

    public float[] params() {
        return params;
    }

    /** Gradients, same layout as {@link #params()}; null until {@link #enableTraining()}. */
    public float[] grads() {
        return grads;
    }

    public List<ParamTensor> paramTensors() {
        return tensors;
    }

    /** The tensor with this name, or null. */
    public ParamTensor paramTensor(String name) {
        for (ParamTensor t : tensors) if (t.name.equals(name)) return t;
        return null;
    }

    /** Number of values in the parameter array (trainable and running statistics). */
    public int paramCount() {
        return params.length;
    }

    /** Number of trainable parameters. */
    public int trainableCount() {
        int n = 0;
        for (ParamTensor t : tensors) if (t.trainable) n += t.length;
        return n;
    }

    public int[] inputShape() {
        return inputShape.clone();
    }

    public int inputSize() {
        return size(inputShape);
    }

    public int classes() {
        return size(shapes[specs.length]);
    }

    public int capacity() {
        return capacity;
    }

    public int layerCount() {
        return specs.length;
    }

    public LayerSpec spec(int i) {
        return specs[i];
    }

    public LayerSpec[] specs() {
        return specs.clone();
    }

    /** [c, h, w] of layer i's output (i = -1: the input). */
    public int[] outputShape(int i) {
        return shapes[i + 1].clone();
    }

    /** The buffer that forward reads the input from, [capacity, c, h, w]. */
    public float[] inputBuffer() {
        return acts[0];
    }

    /** Layer i's output buffer, [capacity, c, h, w] (i = -1: the input). Valid after forward. */
    public float[] activation(int i) {
        return acts[i + 1];
    }

    /** Gradient with respect to layer i's output (i = -1: the input; only with {@link #setInputGradient}). */
    public float[] activationGrad(int i) {
        return dacts[i + 1];
    }

    /**
     * Class probabilities of the last forward pass, [capacity, classes]: softmax of the logits at the network's
     * temperature, or for a {@link #sigmoidOutput} network the outputs' shares ({@link Sigmoid#probabilities}).
     */
    public float[] probabilities() {
        return probs;
    }

    public float temperature() {
        return temperature;
    }

    public void setTemperature(float t) {
        if (!(t > 0) || Float.isInfinite(t)) throw new IllegalArgumentException("temperature must be positive and finite, got " + t);
        temperature = t;
    }

    /** Seeds the dropout mask stream (per replica and batch, for reproducible training). */
    public void setDropoutSeed(int seed) {
        dropoutState = seed == 0 ? 1 : seed;
    }

    /** Momentum of the batchnorm running statistics; 0 freezes them (e.g. on all but one replica). */
    public void setBatchNormMomentum(float m) {
        bnMomentum = m;
    }

    /** Also compute dL/dinput in backward (gradient checks, saliency). */
    public void setInputGradient(boolean on) {
        inputGradient = on;
    }

    /** "input[1, 28, 28] → conv2d(16, 5x5, s1, p2) → relu → …" */
    public String describe() {
        StringBuilder sb = new StringBuilder("input").append(Tensor.describe(inputShape));
        for (LayerSpec s : specs) sb.append(" → ").append(s);
        return sb.toString();
    }
}
