package dev.numera.training.onnx;

import dev.numera.core.kernels.Sigmoid;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import dev.numera.core.tensor.Tensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a Numera model as ONNX (opset 13), so it runs in any ONNX runtime.
 * <pre>
 *   input "image" [N, C, H, W] (a digit model's [N, 1, 28, 28]), 0..1 ink-high
 *   → Sub(input.mean) → Div(input.std) → the layers (Conv, BatchNormalization, Relu, Sigmoid,
 *     MaxPool, Flatten, Gemm with transB = 1; dropout is the identity) → "logits" [N, K]
 *   → Div(softmax.temperature) → Softmax(axis 1) → "probabilities" [N, K]
 * </pre>
 * A network whose last layer is a sigmoid (mlp-16) has outputs in [0, 1], not logits: its "logits" go through
 * Max(1e-30) → Log first, so the probabilities are y^(1/T) / sum y^(1/T), as Numera computes them.
 * int8 weights are written dequantised (float32), exactly the values Numera computes with.
 * Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, TensorProto, ...).
 */
public final class OnnxExporter {
    static final int IR_VERSION = 8;
    static final int OPSET = 13;
    static final int FLOAT = 1;                 // TensorProto.DataType.FLOAT
    static final int ATTR_FLOAT = 1, ATTR_INT = 2, ATTR_INTS = 7;

    /** A valid Numera model that this exporter cannot express in ONNX: the user's to know, not a bug. */
    public static final class Unsupported extends IllegalArgumentException {
        Unsupported(String message) {
            super(message);
        }
    }

    private OnnxExporter() {
    }

    public static byte[] export(ModelFile model) {
        Protobuf graph = new Protobuf();
        List<Protobuf> nodes = new ArrayList<>();
        List<Protobuf> inits = new ArrayList<>();

        float mean = model.floatMeta(ModelFile.META_INPUT_MEAN, 0f), std = model.floatMeta(ModelFile.META_INPUT_STD, 1f);
        float temperature = model.floatMeta(ModelFile.META_TEMPERATURE, 1f);
        inits.add(tensor("input_mean", new int[0], new float[]{mean}));
        inits.add(tensor("input_std", new int[0], new float[]{std}));
        inits.add(tensor("temperature", new int[0], new float[]{temperature}));
        nodes.add(node("Sub", "normalise_sub", new String[]{"image", "input_mean"}, "x_centred"));
        nodes.add(node("Div", "normalise_div", new String[]{"x_centred", "input_std"}, "x"));

        String x = "x";
        boolean flat = false;                   // whether x is [N, F] rather than [N, C, H, W]
        LayerSpec[] layers = model.layers();
        for (int i = 0; i < layers.length; i++) {
            LayerSpec s = layers[i];
            String y = "layer" + i;
            // Numera reads a flat [F] as an image [F, 1, 1]; ONNX's Conv and MaxPool refuse [N, F], and
            // nothing here reshapes it back, so the file would not load
            if (flat && (s.type == LayerSpec.Type.CONV2D || s.type == LayerSpec.Type.MAXPOOL2D)) {
                throw new Unsupported("layer " + i + " (" + s + ") comes after a flatten or dense layer: "
                        + "the ONNX export supports conv2d and maxpool2d only before the first flatten or dense");
            }
            switch (s.type) {
                case CONV2D:
                    addParams(model, i, new String[]{"weight", "bias"}, inits);
                    nodes.add(node("Conv", y, new String[]{x, y + ".weight", y + ".bias"}, y + "_out")
                            .message(5, ints("kernel_shape", s.kernel, s.kernel))
                            .message(5, ints("strides", s.stride, s.stride))
                            .message(5, ints("pads", s.padding, s.padding, s.padding, s.padding)));
                    break;
                case MAXPOOL2D:
                    nodes.add(node("MaxPool", y, new String[]{x}, y + "_out")
                            .message(5, ints("kernel_shape", s.kernel, s.kernel))
                            .message(5, ints("strides", s.stride, s.stride)));
                    break;
                case DENSE:
                    if (!flat) {                // Numera's dense reads its input flattened
                        nodes.add(node("Flatten", y + "_flatten", new String[]{x}, y + "_flat").message(5, intAttr("axis", 1)));
                        x = y + "_flat";
                        flat = true;
                    }
                    addParams(model, i, new String[]{"weight", "bias"}, inits);
                    nodes.add(node("Gemm", y, new String[]{x, y + ".weight", y + ".bias"}, y + "_out").message(5, intAttr("transB", 1)));
                    break;
                case RELU:
                    nodes.add(node("Relu", y, new String[]{x}, y + "_out"));
                    break;
                case SIGMOID:
                    nodes.add(node("Sigmoid", y, new String[]{x}, y + "_out"));
                    break;
                case BATCHNORM:
                    addParams(model, i, new String[]{"gamma", "beta", "running_mean", "running_var"}, inits);
                    nodes.add(node("BatchNormalization", y, new String[]{x, y + ".gamma", y + ".beta", y + ".running_mean", y + ".running_var"}, y + "_out")
                            .message(5, floatAttr("epsilon", s.value)));
                    break;
                case FLATTEN:
                    nodes.add(node("Flatten", y, new String[]{x}, y + "_out").message(5, intAttr("axis", 1)));
                    flat = true;
                    break;
                case DROPOUT:
                    continue;                   // identity at inference
                default:
                    throw new Unsupported("no ONNX mapping for layer " + i + " (" + s + ")");
            }
            x = y + "_out";
        }
        if (!flat) {
            nodes.add(node("Flatten", "logits_flatten", new String[]{x}, "logits").message(5, intAttr("axis", 1)));
        } else {
            nodes.add(node("Identity", "logits", new String[]{x}, "logits"));
        }
        String scores = "logits";
        if (Sequential.sigmoidOutput(layers)) {   // as Numera reads sigmoid outputs: softmax of their logarithms (Sigmoid.probabilities)
            inits.add(tensor("log_floor", new int[0], new float[]{Sigmoid.FLOOR}));
            nodes.add(node("Max", "log_floor_max", new String[]{"logits", "log_floor"}, "logits_floored"));
            nodes.add(node("Log", "log", new String[]{"logits_floored"}, "log_logits"));
            scores = "log_logits";
        }
        nodes.add(node("Div", "temperature_div", new String[]{scores, "temperature"}, "logits_t"));
        nodes.add(node("Softmax", "softmax", new String[]{"logits_t"}, "probabilities").message(5, intAttr("axis", 1)));

        for (Protobuf n : nodes) graph.message(1, n);
        graph.string(2, "numera");
        for (Protobuf t : inits) graph.message(5, t);
        int[] in = model.inputShape();
        int classes = classes(model);
        graph.message(11, valueInfo("image", in[0], in[1], in[2]));
        graph.message(12, valueInfo("logits", classes));
        graph.message(12, valueInfo("probabilities", classes));

        return new Protobuf()
                .int64(1, IR_VERSION)
                .string(2, "numera")
                .string(3, "1")
                .message(7, graph)
                .message(8, new Protobuf().string(1, "").int64(2, OPSET))
                .toByteArray();
    }

    /** The size of the outputs 'logits' and 'probabilities' (the last layer's output, flattened). */
    public static int classes(ModelFile model) {
        return Sequential.create(model.inputShape(), model.layers(), 1).classes();
    }

    private static void addParams(ModelFile model, int layer, String[] roles, List<Protobuf> inits) {
        for (String role : roles) {
            String name = "layer" + layer + "." + role;
            for (ModelFile.Entry e : model.tensors()) {
                if (e.name.equals(name)) {
                    Tensor v = e.values();
                    inits.add(tensor(name, v.shape(), v.data));
                }
            }
        }
    }

    private static Protobuf node(String op, String name, String[] inputs, String output) {
        Protobuf n = new Protobuf();
        for (String i : inputs) n.string(1, i);
        n.string(2, output);
        n.string(3, name);
        n.string(4, op);
        return n;
    }

    private static Protobuf ints(String name, int... values) {
        Protobuf a = new Protobuf().string(1, name);
        for (int v : values) a.int64(8, v);
        return a.int64(20, ATTR_INTS);
    }

    private static Protobuf intAttr(String name, int v) {
        return new Protobuf().string(1, name).int64(3, v).int64(20, ATTR_INT);
    }

    private static Protobuf floatAttr(String name, float v) {
        return new Protobuf().string(1, name).float32(2, v).int64(20, ATTR_FLOAT);
    }

    private static Protobuf tensor(String name, int[] dims, float[] data) {
        Protobuf t = new Protobuf();
        for (int d : dims) t.int64(1, d);
        t.int64(2, FLOAT);
        t.string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data) raw.putFloat(v);
        return t.bytes(9, raw.array());
    }

    /** A float tensor value [N, dims...] with a symbolic batch dimension. */
    private static Protobuf valueInfo(String name, int... dims) {
        Protobuf shape = new Protobuf().message(1, new Protobuf().string(2, "N"));
        for (int d : dims) shape.message(1, new Protobuf().int64(1, d));
        Protobuf tensorType = new Protobuf().int64(1, FLOAT).message(2, shape);
        return new Protobuf().string(1, name).message(2, new Protobuf().message(1, tensorType));
    }
}
