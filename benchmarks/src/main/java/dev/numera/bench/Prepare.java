package dev.numera.bench;

import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import dev.numera.training.onnx.OnnxExporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes bench/generated/: the benchmark's model as ONNX (for onnxruntime-web) and as a layer list
 * plus float32 weights in TF.js layouts (NHWC, kernels [kh, kw, in, out], dense [in, out] with the
 * flatten order permuted from CHW to HWC), 100 MNIST test digits, a 140x140 camera box, and what the
 * JVM predicts for them (so every browser runtime is checked against the same numbers).
 */
public final class Prepare {
    private Prepare() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = run();
        System.out.println("wrote " + dir);
    }

    public static Path run() throws IOException {
        Path dir = Project.generated();
        Files.createDirectories(dir);
        BenchData.Model model = BenchData.model();
        ModelFile m = model.file;
        Files.write(dir.resolve("model.onnx"), OnnxExporter.export(m));
        Files.write(dir.resolve("numera.nmod"), model.bytes);
        writeTfjs(m, dir);

        float[] digits = BenchData.digits(BenchData.DIGITS);
        ByteBuffer bb = ByteBuffer.allocate(digits.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : digits) bb.putFloat(f);
        Files.write(dir.resolve("digits.bin"), bb.array());
        byte[] camera = BenchData.cameraBox(digits, 0);
        Files.write(dir.resolve("camera.rgba"), camera);

        Recognizer r = new Recognizer(m);
        List<Integer> predictions = new ArrayList<>();
        float[] one = new float[784];
        for (int i = 0; i < BenchData.DIGITS; i++) {
            System.arraycopy(digits, i * 784, one, 0, 784);
            predictions.add(r.infer(one).digit());
        }
        System.arraycopy(digits, 0, one, 0, 784);
        float[] p0 = r.infer(one).probabilities().clone();
        List<Double> probs0 = new ArrayList<>();
        for (float f : p0) probs0.add((double) f);
        Prediction cam = r.recognizeRgba(camera, 140, 140, InputKind.CAMERA);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("model", model.source);
        expected.put("modelBytes", model.bytes.length);
        expected.put("macs", BenchData.macs(m.toNetwork(1)));
        expected.put("digits", BenchData.hasMnist() ? "MNIST test images 0-99" : "synthetic rings (MNIST absent)");
        List<Integer> labels = new ArrayList<>();
        for (byte b : BenchData.labels(BenchData.DIGITS)) labels.add((int) b);
        expected.put("labels", labels);
        expected.put("predictions", predictions);
        expected.put("probabilities0", probs0);
        expected.put("cameraDigit", cam.digit());
        Files.writeString(dir.resolve("expected.json"), Results.toJson(expected) + "\n");
        return dir;
    }

    /** model-tfjs.json (layers) + model-tfjs.bin (float32 little-endian weights in TF.js layouts). */
    static void writeTfjs(ModelFile m, Path dir) throws IOException {
        Map<String, ModelFile.Entry> byName = new LinkedHashMap<>();
        for (ModelFile.Entry e : m.tensors()) byName.put(e.name, e);
        List<Map<String, Object>> layers = new ArrayList<>();
        List<float[]> blobs = new ArrayList<>();
        int[] offset = {0};
        int[] in = m.inputShape();
        int c = in[0], h = in[1], w = in[2];
        int[] flattenedFrom = null;       // [c, h, w] when the tensor was flattened from a spatial one
        boolean flat = false;
        LayerSpec[] specs = m.layers();
        for (int i = 0; i < specs.length; i++) {
            LayerSpec s = specs[i];
            Map<String, Object> l = new LinkedHashMap<>();
            switch (s.type) {
                case CONV2D: {
                    float[] wt = byName.get("layer" + i + ".weight").values().data, b = byName.get("layer" + i + ".bias").values().data;
                    int k = s.kernel, o = s.units;
                    float[] t = new float[k * k * c * o];
                    for (int oo = 0; oo < o; oo++)
                        for (int ci = 0; ci < c; ci++)
                            for (int ky = 0; ky < k; ky++)
                                for (int kx = 0; kx < k; kx++)
                                    t[((ky * k + kx) * c + ci) * o + oo] = wt[((oo * c + ci) * k + ky) * k + kx];
                    l.put("type", "conv2d");
                    l.put("filters", o);
                    l.put("kernel", k);
                    l.put("stride", s.stride);
                    l.put("pad", s.padding);
                    l.put("padding", s.stride == 1 && 2 * s.padding == k - 1 ? "same" : "valid");
                    l.put("weights", List.of(blob(blobs, offset, t, k, k, c, o), blob(blobs, offset, b, o)));
                    h = (h + 2 * s.padding - k) / s.stride + 1;
                    w = (w + 2 * s.padding - k) / s.stride + 1;
                    c = o;
                    break;
                }
                case MAXPOOL2D:
                    l.put("type", "maxpool");
                    l.put("size", s.kernel);
                    l.put("stride", s.stride);
                    h = (h - s.kernel) / s.stride + 1;
                    w = (w - s.kernel) / s.stride + 1;
                    break;
                case FLATTEN:
                    l.put("type", "flatten");
                    flattenedFrom = new int[]{c, h, w};
                    c = c * h * w;
                    h = w = 1;
                    flat = true;
                    break;
                case DENSE: {
                    if (!flat) {                       // Numera's dense reads its input flattened
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("type", "flatten");
                        layers.add(f);
                        flattenedFrom = new int[]{c, h, w};
                        c = c * h * w;
                        h = w = 1;
                        flat = true;
                    }
                    float[] wt = byName.get("layer" + i + ".weight").values().data, b = byName.get("layer" + i + ".bias").values().data;
                    int units = s.units, inF = c;
                    float[] t = new float[inF * units];
                    for (int j = 0; j < units; j++) {
                        for (int q = 0; q < inF; q++) {
                            int tfRow = q;
                            if (flattenedFrom != null) {   // CHW index q → HWC row
                                int fc = flattenedFrom[0], fhw = flattenedFrom[1] * flattenedFrom[2];
                                int ci = q / fhw, yx = q % fhw;
                                tfRow = yx * fc + ci;
                            }
                            t[tfRow * units + j] = wt[j * inF + q];
                        }
                    }
                    flattenedFrom = null;
                    l.put("type", "dense");
                    l.put("units", units);
                    l.put("weights", List.of(blob(blobs, offset, t, inF, units), blob(blobs, offset, b, units)));
                    c = units;
                    break;
                }
                case BATCHNORM: {
                    List<Object> ws = new ArrayList<>();
                    for (String role : new String[]{"gamma", "beta", "running_mean", "running_var"}) {
                        ws.add(blob(blobs, offset, byName.get("layer" + i + "." + role).values().data, c));
                    }
                    l.put("type", "batchnorm");
                    l.put("epsilon", (double) s.value);
                    l.put("weights", ws);
                    break;
                }
                case RELU:
                    l.put("type", "relu");
                    break;
                case SIGMOID:
                    l.put("type", "sigmoid");
                    break;
                case DROPOUT:
                    continue;
                default:
                    throw new IllegalArgumentException("no TF.js mapping for " + s);
            }
            layers.add(l);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputShape", List.of(in[1], in[2], in[0]));
        json.put("mean", (double) m.floatMeta(ModelFile.META_INPUT_MEAN, 0f));
        json.put("std", (double) m.floatMeta(ModelFile.META_INPUT_STD, 1f));
        json.put("temperature", (double) m.floatMeta(ModelFile.META_TEMPERATURE, 1f));
        json.put("layers", layers);
        Files.writeString(dir.resolve("model-tfjs.json"), Results.toJson(json) + "\n");
        ByteBuffer bb = ByteBuffer.allocate(offset[0] * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] f : blobs) for (float v : f) bb.putFloat(v);
        Files.write(dir.resolve("model-tfjs.bin"), bb.array());
    }

    private static Map<String, Object> blob(List<float[]> blobs, int[] offset, float[] data, int... shape) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("offset", offset[0]);
        List<Integer> sh = new ArrayList<>();
        for (int d : shape) sh.add(d);
        b.put("shape", sh);
        blobs.add(data);
        offset[0] += data.length;
        return b;
    }
}
