package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code numera quantize}: the model's weights in fewer bits, the accuracy it records measured on the test digits (as
 * evaluate measures it), and every refusal said in one line with nothing written.
 */
class QuantizeCommandTest {
    @TempDir
    Path dir;

    /** CliTest's model and test-digit makers, in this test's folder. */
    private CliTest files() {
        CliTest c = new CliTest();
        c.dir = dir;
        return c;
    }

    private static CliTest.Result run(String... args) {
        return CliTest.run(args);
    }

    /** The shipped model into 5 bits, on the real test digits: what it records is what evaluate finds, and gzip shrinks it. */
    @Test
    void theShippedModelInFiveBitsRecordsTheAccuracyEvaluateMeasures() throws Exception {
        Path mnist = Path.of(System.getProperty("numera.mnist.dir", "../../shared/mnist"));
        Assumptions.assumeTrue(Files.exists(mnist.resolve("t10k-images-idx3-ubyte.gz")), "MNIST not found at " + mnist + ": skipping");
        Path out = dir.resolve("five.nmod");
        CliTest.Result r = run("quantize", "--model", ShippedModelTest.MODEL.toString(), "--bits", "5", "--out", out.toString(), "--data", mnist.toString());
        assertEquals(0, r.code(), r.err());
        ModelFile shipped = ModelFile.read(Files.readAllBytes(ShippedModelTest.MODEL));
        ModelFile five = ModelFile.read(Files.readAllBytes(out));
        assertEquals("int8", five.dtype());
        assertEquals(5, five.weightBits());
        assertEquals(shipped.parameterCount(), five.parameterCount());
        assertTrue(QuantizeCommand.gzipped(Files.readAllBytes(out)) < 0.93 * QuantizeCommand.gzipped(Files.readAllBytes(ShippedModelTest.MODEL)),
                "5-bit codes gzip smaller than 6-bit ones");
        // the shipped file's own quantisation (8 -> 6 bits, at 0.9966) kept, this one after it
        assertEquals("numera quantize --bits 6; numera quantize --bits 5", five.metadata().get("quantize.command"));
        assertEquals("0.9966; " + shipped.metadata().get(ModelFile.META_ACCURACY), five.metadata().get("quantize.accuracy_before"));
        assertEquals("5", five.metadata().get("quantize.bits"));
        assertEquals(shipped.metadata().get("train.command"), five.metadata().get("train.command"));
        assertTrue(r.out().startsWith("test accuracy (10,000 digits): 6-bit " + shipped.metadata().get(ModelFile.META_ACCURACY) + "  5-bit "
                + five.metadata().get(ModelFile.META_ACCURACY) + "  (5-bit "), r.out());
        CliTest.Result ev = run("evaluate", "--model", out.toString(), "--data", mnist.toString());
        assertEquals(0, ev.code(), ev.err());
        assertEquals("accuracy=" + five.metadata().get(ModelFile.META_ACCURACY) + " n=10000", ev.lastLine());
        assertTrue(Double.parseDouble(five.metadata().get(ModelFile.META_ACCURACY)) >= 0.995, r.out());
        CliTest.Result info = run("info", "--model", out.toString());
        assertTrue(info.out().contains("dtype         int8 (5-bit codes)\n"), info.out());
    }

    /** A float32 model into 8 and 2 bits on the synthetic test digits: codes within the range asked for. */
    @Test
    void aFloat32ModelIntoCodesOfTheBitsAsked() throws Exception {
        Path data = files().syntheticTestSet();
        for (int bits : new int[] {8, 2}) {
            Path out = dir.resolve("q" + bits + ".nmod");
            CliTest.Result r = run("quantize", "--model", files().tinyModel().toString(), "--bits", Integer.toString(bits), "--out", out.toString(), "--data", data.toString());
            assertEquals(0, r.code(), r.err());
            ModelFile m = ModelFile.read(Files.readAllBytes(out));
            assertEquals(bits, m.weightBits());
            assertEquals(Integer.toString(bits), m.metadata().get("quantize.bits"), "the codes' bits, 8 too (which info leaves unsaid)");
            assertEquals("0.9500", m.metadata().get("accuracy.float32"), "a float32 model's accuracy, measured before");
            assertTrue(r.out().startsWith("test accuracy (20 digits): float32 0.9500  " + bits + "-bit "), r.out());
            assertTrue(r.out().contains("wrote " + out + ": "), r.out());
        }
    }

    /**
     * A 6-bit model whose train.command says --bits 6, quantised into 4 bits and that file into 3: quantize.bits says the
     * codes' bits, train.command stays as training wrote it, and the second quantisation keeps the first's command and
     * accuracy before its own. The file is byte for byte what ModelFile.of writes for the 4-bit model's network with that
     * metadata: what quantize wrote when it quantised a second time to record the accuracy.
     */
    @Test
    void aSecondQuantizeKeepsTheFirstsHistory() throws Exception {
        Path data = files().syntheticTestSet();
        String train = "numera train --arch tiny --epochs 1 --seed 1 --dtype int8 --bits 6";
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.META_ARCH, "tiny");
        meta.put("train.command", train);
        meta.put(ModelFile.META_ACCURACY, "0.9500");
        Path six = dir.resolve("six.nmod"), four = dir.resolve("four.nmod"), three = dir.resolve("three.nmod");
        Files.write(six, ModelFile.of(ModelFile.read(Files.readAllBytes(files().tinyModel())).toNetwork(1), meta, 6).write());

        CliTest.Result r = run("quantize", "--model", six.toString(), "--bits", "4", "--out", four.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        ModelFile m4 = ModelFile.read(Files.readAllBytes(four));
        assertEquals(4, m4.weightBits());
        assertEquals("4", m4.metadata().get("quantize.bits"));
        assertEquals(train, m4.metadata().get("train.command"), "how it was trained, kept");
        assertEquals("numera quantize --bits 4", m4.metadata().get("quantize.command"));
        assertEquals("0.9500", m4.metadata().get("quantize.accuracy_before"));

        r = run("quantize", "--model", four.toString(), "--bits", "3", "--out", three.toString(), "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        byte[] written = Files.readAllBytes(three);
        ModelFile m3 = ModelFile.read(written);
        assertEquals(3, m3.weightBits());
        assertEquals("3", m3.metadata().get("quantize.bits"));
        assertEquals(train, m3.metadata().get("train.command"));
        assertEquals("numera quantize --bits 4; numera quantize --bits 3", m3.metadata().get("quantize.command"));
        assertEquals("0.9500; " + m4.metadata().get(ModelFile.META_ACCURACY), m3.metadata().get("quantize.accuracy_before"));
        assertEquals(List.of(ModelFile.META_ARCH, "train.command", ModelFile.META_ACCURACY, "quantize.command", "quantize.accuracy_before", "quantize.bits"),
                List.copyOf(m3.metadata().keySet()), "each key once, where it first came");
        assertArrayEquals(ModelFile.of(m4.toNetwork(250), m3.metadata(), 3).write(), written);

        CliTest.Result info = run("info", "--model", three.toString());
        assertTrue(info.out().contains("dtype         int8 (3-bit codes)\n"), info.out());
        assertTrue(info.out().contains("meta          quantize.command = numera quantize --bits 4; numera quantize --bits 3\n"), info.out());
        assertTrue(info.out().contains("meta          quantize.bits = 3\n"), info.out());
    }

    /** Usage errors exit 2 in one line; a model that is no model is one line of failure; nothing is written either way. */
    @Test
    void refusalsAreOneLineAndWriteNothing() throws Exception {
        String model = files().tinyModel().toString();
        String data = files().syntheticTestSet().toString();
        Path out = dir.resolve("out.nmod");
        for (String[] args : new String[][] {
                {"quantize", "--model", model, "--bits", "9", "--out", out.toString(), "--data", data},
                {"quantize", "--model", model, "--bits", "1", "--out", out.toString(), "--data", data},
                {"quantize", "--model", model, "--bits", "6", "--out", "-", "--data", data},
                {"quantize", "--model", model, "--bits", "6", "--out", "", "--data", data},
                {"quantize", "--model", model, "--out", out.toString(), "--data", data},
                {"quantize", "--model", model, "--bits", "6", "--out", model, "--data", data}}) {
            CliTest.Result r = run(args);
            assertEquals(Numera.EXIT_USAGE, r.code(), String.join(" ", args) + ": " + r.err());
            CliTest.assertOneLineNoStackTrace(r);
        }
        assertEquals("numera quantize: --bits must be in 2..8, got 9 (see 'numera quantize --help')",
                run("quantize", "--model", model, "--bits", "9", "--out", out.toString(), "--data", data).err().strip());
        assertTrue(run("quantize", "--model", model, "--bits", "6", "--out", model, "--data", data).err()
                .startsWith("numera quantize: " + model + ": is the model being quantised (--model)"));
        Path broken = dir.resolve("broken.nmod");
        Files.write(broken, new byte[] {'N', 'M', 'O', 'D', 1, 0, 0, 0});
        CliTest.Result r = run("quantize", "--model", broken.toString(), "--bits", "6", "--out", out.toString(), "--data", data);
        assertEquals(Numera.EXIT_FAILURE, r.code(), r.err());
        CliTest.assertOneLineNoStackTrace(r);
        assertTrue(r.err().startsWith("numera: " + broken + ": "), r.err());
        assertFalse(Files.exists(out));
    }
}
