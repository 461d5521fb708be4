package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code numera train} for real, kept small (perceptron, one epoch, 2,000 MNIST digits; a few
 * seconds): it writes a model that loads, and {@code evaluate} on that file reports the test
 * accuracy {@code train} printed.
 */
class TrainEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesAModelThatEvaluateScoresTheSame() throws Exception {
        Path mnist = Path.of(System.getProperty("numera.mnist.dir", "../../shared/mnist"));
        Assumptions.assumeTrue(Files.exists(mnist.resolve("train-images-idx3-ubyte.gz")), "MNIST not found at " + mnist + ": skipping");
        Path model = dir.resolve("p.nmod");
        // no --validation: with --limit it holds out a tenth (the default 5,000 left nothing of 2,000 to train on)
        CliTest.Result r = CliTest.run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--threads", "2",
                "--limit", "2000", "--out", model.toString(), "--data", mnist.toString());
        String printed = r.out();   // train's log to System.out, which CliTest.run captures
        assertEquals(0, r.code(), r.err() + printed);
        assertTrue(printed.contains("; 2 threads for 2 parts; sgd(momentum=0.9, wd=0.0), lr 0.1 constant, batch 64,"), printed);   // the optimiser as built
        Matcher m = Pattern.compile("test accuracy \\(10,000 digits\\): float32 (0\\.\\d{4})  int8 (0\\.\\d{4})  \\((.*)\\)").matcher(printed);
        assertTrue(m.find(), printed);
        assertEquals(TrainCommand.quantisationCost("6-bit int8", Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))), m.group(3));
        double int8 = Double.parseDouble(m.group(2));
        assertTrue(int8 > 0.5, "one epoch on 1,800 digits, far above the 0.1 of chance: " + int8);

        ModelFile file = ModelFile.read(Files.readAllBytes(model));
        assertEquals("int8", file.dtype());
        assertEquals(6, file.weightBits(), "train's default --bits");
        assertEquals("perceptron", file.metadata().get(ModelFile.META_ARCH));
        assertTrue(file.metadata().get("train.command").contains(" --calm-epochs 0 --validation 200 --limit 2000 --patience 0 "), file.metadata().get("train.command"));

        CliTest.Result ev = CliTest.run("evaluate", "--model", model.toString(), "--data", mnist.toString());
        assertEquals(0, ev.code(), ev.err());
        assertEquals("accuracy=" + m.group(2) + " n=10000", ev.lastLine());
    }

    /**
     * {@code --flagged-ones} reaches the training (the same seed trains other weights: this perceptron's 1s are a tenth of its
     * digits) and the command it records; its default, 0, is left out of the command, which reads as before the option.
     */
    @Test
    void flaggedOnesTrainOtherWeightsAndAreRecorded() throws Exception {
        Path mnist = Path.of(System.getProperty("numera.mnist.dir", "../../shared/mnist"));
        Assumptions.assumeTrue(Files.exists(mnist.resolve("train-images-idx3-ubyte.gz")), "MNIST not found at " + mnist + ": skipping");
        Path plain = dir.resolve("plain.nmod"), flagged = dir.resolve("flagged.nmod");
        for (Path out : new Path[] {plain, flagged}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--arch", "perceptron", "--epochs", "1",
                    "--seed", "1", "--augment", "standard", "--limit", "1000", "--dtype", "float32", "--out", out.toString(), "--data", mnist.toString()));
            if (out == flagged) args.addAll(java.util.List.of("--flagged-ones", "1"));
            CliTest.Result r = CliTest.run(args.toArray(new String[0]));
            assertEquals(0, r.code(), r.err() + r.out());
        }
        ModelFile a = ModelFile.read(Files.readAllBytes(plain)), b = ModelFile.read(Files.readAllBytes(flagged));
        assertTrue(a.metadata().get("train.command").contains(" --calm-epochs 0 --validation "), a.metadata().get("train.command"));
        assertTrue(b.metadata().get("train.command").contains(" --calm-epochs 0 --flagged-ones 1.0 --validation "), b.metadata().get("train.command"));
        assertTrue(!java.util.Arrays.equals(a.tensors().get(0).values().data, b.tensors().get(0).values().data), "the same weights with and without flags");
    }

    /** The int8 note says what quantisation did in words that fit its sign (it printed "costs -0.06 points" when int8 was better). */
    @Test
    void theInt8NoteFitsItsSign() {
        assertEquals("int8 costs 0.06 points", TrainCommand.quantisationCost("int8", 0.9972, 0.9966));
        assertEquals("6-bit gains 0.06 points", TrainCommand.quantisationCost("6-bit", 0.9966, 0.9972));
        assertEquals("int8 changes nothing", TrainCommand.quantisationCost("int8", 0.9966, 0.9966));
    }
}
