package dev.numera.training.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import dev.numera.training.data.Mnist;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * ONNX Runtime, an independent implementation of every operator, must give the same probabilities
 * as Numera's own forward pass on 100 MNIST test digits.
 */
class OnnxExporterTest {

    static Path mnistDir() {
        String dir = System.getProperty("numera.mnist.dir", "../../shared/mnist");
        return Path.of(dir);
    }

    /** The first n test images as floats 0..1, through the trainer's own MNIST loader. */
    static float[] testImages(int n) throws IOException {
        Path dir = mnistDir();
        Assumptions.assumeTrue(Mnist.missing(dir, Mnist.Part.TEST).isEmpty(), "MNIST not found at " + dir + ": skipping (CI always has ../shared/mnist)");
        return Mnist.load(dir, Mnist.Part.TEST).head(n).images();
    }

    /** Every exportable layer type, deterministic weights; batchnorm unfolded so it is exported too. */
    static ModelFile model(boolean int8) {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{
                LayerSpec.conv2d(8, 5, 1, 2), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                LayerSpec.conv2d(16, 3, 2, 1), LayerSpec.relu(), LayerSpec.flatten(), LayerSpec.dense(32),
                LayerSpec.sigmoid(), LayerSpec.dropout(0.3f), LayerSpec.dense(10)}, 1);
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.sin(i * 0.71) * 0.3f;
        for (ParamTensor t : net.paramTensors()) {
            if (t.name.endsWith("running_var") || t.name.endsWith("gamma")) {
                for (int i = 0; i < t.length; i++) p[t.offset + i] = 0.8f + 0.05f * i;
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.META_INPUT_MEAN, "0.1307");
        meta.put(ModelFile.META_INPUT_STD, "0.3081");
        meta.put(ModelFile.META_TEMPERATURE, "1.3");
        return ModelFile.of(net, meta, int8);
    }

    /** An mlp-16-like network, sigmoid last: its probabilities are its outputs' shares, not their softmax. */
    static ModelFile sigmoidOutputModel() {
        Sequential net = Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{
                LayerSpec.flatten(), LayerSpec.dense(16), LayerSpec.sigmoid(), LayerSpec.dense(10), LayerSpec.sigmoid()}, 1);
        float[] p = net.params();
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.sin(i * 0.37) * 0.8f;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.META_INPUT_MEAN, "0.1307");
        meta.put(ModelFile.META_INPUT_STD, "0.3081");
        meta.put(ModelFile.META_TEMPERATURE, "1.3");
        return ModelFile.of(net, meta, false);
    }

    @Test
    void onnxRuntimeAgreesWithNumeraOn100MnistDigits() throws Exception {
        float[] images = testImages(100);
        Path shipped = Path.of("../src-webapp/model/numera.nmod");
        ModelFile[] models = Files.exists(shipped)
                ? new ModelFile[]{model(false), model(true), sigmoidOutputModel(), ModelFile.read(Files.readAllBytes(shipped))}
                : new ModelFile[]{model(false), model(true), sigmoidOutputModel()};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        for (ModelFile m : models) {
            Sequential net = m.toNetwork(100);
            float mean = m.floatMeta(ModelFile.META_INPUT_MEAN, 0), std = m.floatMeta(ModelFile.META_INPUT_STD, 1);
            float[] x = new float[images.length];
            for (int i = 0; i < x.length; i++) x[i] = (images[i] - mean) / std;
            net.forward(x, 100, false);
            float[] ours = net.probabilities();

            try (OrtSession session = env.createSession(OnnxExporter.export(m), new OrtSession.SessionOptions());
                 OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(images), new long[]{100, 1, 28, 28});
                 OrtSession.Result result = session.run(Map.of("image", input))) {
                float[][] theirs = (float[][]) result.get("probabilities").get().getValue();
                double worst = 0;
                for (int b = 0; b < 100; b++) {
                    for (int k = 0; k < 10; k++) worst = Math.max(worst, Math.abs(theirs[b][k] - ours[b * 10 + k]));
                }
                assertTrue(worst < 1e-5, m.dtype() + " model: max |ORT - Numera| = " + worst);
                float[][] logits = (float[][]) result.get("logits").get().getValue();
                assertEquals(net.activation(net.layerCount() - 1)[5], logits[0][5], 1e-4f);
            }
        }
    }

    /** Numera runs a conv or a pool on a flat vector as on a 1x1 image; ONNX refuses it, so the export must. */
    @Test
    void convAndPoolAfterFlattenOrDenseAreRefused() {
        for (LayerSpec[] layers : new LayerSpec[][]{
                {LayerSpec.flatten(), LayerSpec.dense(10), LayerSpec.conv2d(10, 1, 1, 0)},
                {LayerSpec.flatten(), LayerSpec.maxPool2d(1, 1), LayerSpec.dense(10)}}) {
            ModelFile m = ModelFile.of(Sequential.create(new int[]{1, 28, 28}, layers, 1), Map.of(), false);
            OnnxExporter.Unsupported e = assertThrows(OnnxExporter.Unsupported.class, () -> OnnxExporter.export(m));
            assertTrue(e.getMessage().matches("layer [12] \\((conv2d|maxpool2d)\\(.*\\)\\) comes after a flatten or dense layer: .*"), e.getMessage());
        }
    }

    /** The graph declares the model's own class count, not always 10. */
    @Test
    void outputsHaveTheModelsClassCount() throws Exception {
        ModelFile m = ModelFile.of(Sequential.create(new int[]{1, 28, 28}, new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(5)}, 1),
                Map.of(), false);
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(OnnxExporter.export(m), new OrtSession.SessionOptions())) {
            for (String name : new String[]{"logits", "probabilities"}) {
                long[] shape = ((ai.onnxruntime.TensorInfo) s.getOutputInfo().get(name).getInfo()).getShape();
                assertArrayEquals(new long[]{-1, 5}, shape, name);
            }
        }
    }

    @Test
    void exportCommandWritesAModelOnnxRuntimeLoads(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path nmod = dir.resolve("m.nmod"), onnx = dir.resolve("m.onnx");
        Files.write(nmod, model(true).write());
        java.io.StringWriter out = new java.io.StringWriter(), err = new java.io.StringWriter();
        int code = dev.numera.training.cli.Numera.run(new String[]{"export", "--model", nmod.toString(), "--format", "onnx", "--out", onnx.toString()},
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("wrote " + onnx + ": "), out.toString());
        assertTrue(out.toString().contains(" input 'image' [N, 1, 28, 28] 0..1, outputs 'logits' and 'probabilities' [N, 10]"), out.toString());
        try (OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
            assertTrue(s.getOutputNames().contains("probabilities"));
        }
    }
}
