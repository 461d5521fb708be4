package dev.numera.core.model;

import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the golden v1 files in src/test/resources/model. Run once, by hand, when the fixtures
 * are first made; never to "fix" a failing golden test (the format is pinned forever):
 * {@code java -cp inference-core/target/classes:inference-core/target/test-classes dev.numera.core.model.GoldenFixtures inference-core/src/test/resources/model}
 */
public final class GoldenFixtures {
    /** Every layer type once; input [1, 8, 8]. */
    static final LayerSpec[] LAYERS = {
            LayerSpec.conv2d(3, 3, 1, 1), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
            LayerSpec.conv2d(4, 3, 2, 1), LayerSpec.flatten(), LayerSpec.dense(8), LayerSpec.sigmoid(),
            LayerSpec.dropout(0.25f), LayerSpec.dense(10)};

    static Sequential network() {
        Sequential net = Sequential.create(new int[]{1, 8, 8}, LAYERS, 1);
        float[] p = net.params();
        // values from a closed formula so anyone can regenerate them in any language
        for (int i = 0; i < p.length; i++) p[i] = (float) Math.sin(0.37 * i + 0.1) * 0.6f;
        for (String bn : new String[]{"layer1.gamma", "layer1.running_var"}) {
            var t = net.paramTensor(bn);
            for (int i = 0; i < t.length; i++) p[t.offset + i] = 1f + 0.1f * i;
        }
        return net;
    }

    static Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(ModelFile.META_ARCH, "golden");
        m.put(ModelFile.META_INPUT_MEAN, "0");
        m.put(ModelFile.META_INPUT_STD, "1");
        m.put(ModelFile.META_TEMPERATURE, "1.5");
        m.put(ModelFile.META_ACCURACY, "0.1234");
        m.put(ModelFile.META_SEED, "7");
        m.put(ModelFile.META_DATE, "2026-11-21");
        return m;
    }

    /** The golden input: x[i] = (i % 9) / 8, a ramp pattern. */
    static float[] input() {
        float[] x = new float[64];
        for (int i = 0; i < 64; i++) x[i] = (i % 9) / 8f;
        return x;
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        StringBuilder logits = new StringBuilder("# golden logits of input x[i] = (i % 9) / 8, 64 values; one line per file: name, then 10 logits as float bits (hex)\n");
        for (boolean int8 : new boolean[]{false, true}) {
            ModelFile f = ModelFile.of(network(), metadata(), int8);
            String name = int8 ? "golden-v1-int8.nmod" : "golden-v1-float32.nmod";
            Files.write(dir.resolve(name), f.write());
            float[] z = f.toNetwork(1).forward(input(), 1, false);
            logits.append(name);
            for (int k = 0; k < 10; k++) logits.append(' ').append(Integer.toHexString(Float.floatToIntBits(z[k])));
            logits.append('\n');
        }
        Files.writeString(dir.resolve("golden-logits.txt"), logits.toString(), StandardCharsets.UTF_8);
    }
}
