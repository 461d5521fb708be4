package dev.numera.training.train;

import dev.numera.core.nn.LayerSpec;
import dev.numera.training.augment.AugmentConfig;
import dev.numera.training.data.Dataset;
import dev.numera.training.eval.NetworkEvaluator;
import dev.numera.training.random.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Training on data the test makes itself: ten classes of noisy bars at ten angles. */
class TrainerTest {
    /** Class k: a bar through the centre at k * 18 degrees, random length, offset, width and noise. */
    static Dataset bars(int n, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        float[] images = new float[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = i % 10;
            labels[i] = (byte) k;
            double a = Math.toRadians(k * 18 + rng.symmetric(4)), len = 7 + rng.uniform(0, 4), w = 1 + rng.uniform(0, 0.8);
            double cx = 14 + rng.symmetric(2), cy = 14 + rng.symmetric(2);
            for (int y = 0; y < 28; y++) {
                for (int x = 0; x < 28; x++) {
                    double dx = x - cx, dy = y - cy;
                    double along = dx * Math.cos(a) + dy * Math.sin(a), across = -dx * Math.sin(a) + dy * Math.cos(a);
                    double v = Math.abs(along) < len ? Math.max(0, 1 - Math.abs(across) / w) : 0;
                    images[i * 784 + y * 28 + x] = (float) Math.min(1, v + 0.1 * rng.nextDouble());
                }
            }
        }
        return new Dataset(images, labels, 28);
    }

    static final Architecture SMALL = new Architecture("test-cnn", "tiny conv net for tests",
            new LayerSpec[]{LayerSpec.conv2d(4, 3, 2, 1), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                    LayerSpec.flatten(), LayerSpec.dense(16), LayerSpec.relu(), LayerSpec.dropout(0.1f), LayerSpec.dense(10)},
            Architecture.Loss.CROSS_ENTROPY, "adamw", 0.01, 0.9, 20, "onecycle", 1e-4, "standard", 0);

    /** The tests' mini-batch: two parts of 20 images, so two threads have one part each. */
    static final int BATCH = 40;

    /** Training digits: 20 steps an epoch. */
    static final int TRAIN = 800;

    static Trainer.Settings settings(int epochs, int threads, Path ckpt, boolean resume) {
        return new Trainer.Settings(SMALL, epochs, 42, threads, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0,
                AugmentConfig.standard(), ckpt, resume, AugmentConfig.calm(), 1);   // the last epoch calm: resume must cross the switch
    }

    static Trainer.Result run(Trainer.Settings s, int stopAfter) throws Exception {
        return run(s, stopAfter, bars(100, 2));
    }

    static Trainer.Result run(Trainer.Settings s, int stopAfter, Dataset validation) throws Exception {
        Trainer t = new Trainer(s, new PrintStream(new ByteArrayOutputStream()), false);
        t.stopAfterEpoch(stopAfter);
        return t.train(bars(TRAIN, 1), validation);
    }

    /** SMALL's settings without a calm phase, with early stopping after {@code patience} epochs. */
    static Trainer.Settings patient(int epochs, int patience, Path ckpt, boolean resume) {
        return recipe(epochs, 42, patience, AugmentConfig.standard(), ckpt, resume);
    }

    /** The small run without a calm phase, with the seed and augmentation a test varies. */
    static Trainer.Settings recipe(int epochs, long seed, int patience, AugmentConfig augment, Path ckpt, boolean resume) {
        return new Trainer.Settings(SMALL, epochs, seed, 2, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.9, patience, augment, ckpt, resume);
    }

    /**
     * Validation digits labelled one class off: the better the network learns the bars, the worse
     * it does here, so validation stops improving after an epoch or two.
     */
    static Dataset mislabelled() {
        Dataset d = bars(100, 2);
        byte[] labels = new byte[d.count()];
        for (int i = 0; i < labels.length; i++) labels[i] = (byte) ((d.label(i) + 1) % 10);
        return new Dataset(d.images(), labels, 28);
    }

    @Test
    void learnsClearlyBetterThanChance() throws Exception {
        Trainer.Result r = run(settings(4, 2, null, false), 99);
        assertEquals(4, r.history().size());
        double first = r.history().get(0).trainLoss(), last = r.history().get(3).trainLoss();
        assertTrue(last < first * 0.7, "training loss " + first + " → " + last);
        double acc = NetworkEvaluator.evaluate(r.network(), bars(200, 3), Trainer.INPUT_MEAN, Trainer.INPUT_STD, 0).accuracy();
        assertTrue(acc > 0.5, "accuracy on fresh data " + acc + " (chance is 0.1)");
    }

    /** With the progress on and no console (as under the tests, or with the output in a file), no bar's carriage returns. */
    @Test
    void progressWithoutAConsoleIsPlainLines() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(settings(1, 2, null, false), new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8), true)
                .train(bars(TRAIN, 1), bars(100, 2));
        String printed = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(printed.contains("\r"), printed);
        assertTrue(printed.contains("\nepoch 1/1  train loss "), printed);
    }

    /**
     * An MSE network (mlp-16) trains on MSE but is validated, like every network, on cross-entropy:
     * the epoch line names both, or "train loss 0.09 ... validation loss 0.30" reads as overfitting.
     */
    @Test
    void anMseRunNamesItsTwoLosses() throws Exception {
        Architecture mse = new Architecture("test-mse", "tiny MSE net for tests",
                new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10), LayerSpec.sigmoid()},
                Architecture.Loss.MSE, "sgd", 0.1, 0, 20, "constant", 0, "none", 0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new Trainer(new Trainer.Settings(mse, 1, 42, 2, BATCH, "sgd", 0.1, "constant", 0, 0, 0, AugmentConfig.none(), null, false),
                new PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8), false).train(bars(TRAIN, 1), bars(100, 2));
        String printed = log.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.contains("\nepoch 1/1  train loss (MSE) ") && printed.contains("  validation loss (cross-entropy) "), printed);
    }

    /** Cross-entropy's gradient goes through the probabilities, which a sigmoid output forms as shares, not as a softmax. */
    @Test
    void aSigmoidOutputIsRefusedCrossEntropy() {
        Architecture ce = new Architecture("test-ce-sigmoid", "tiny sigmoid-output net on cross-entropy",
                new LayerSpec[]{LayerSpec.flatten(), LayerSpec.dense(10), LayerSpec.sigmoid()},
                Architecture.Loss.CROSS_ENTROPY, "sgd", 0.1, 0, 20, "constant", 0, "none", 0);
        Exception e = assertThrows(IllegalArgumentException.class, () -> new Trainer(new Trainer.Settings(ce, 1, 42, 1, BATCH, "sgd", 0.1,
                "constant", 0, 0, 0, AugmentConfig.none(), null, false), new PrintStream(new ByteArrayOutputStream()), false).train(bars(TRAIN, 1), bars(100, 2)));
        assertEquals("a network ending in a sigmoid trains on MSE, not cross-entropy", e.getMessage());
    }

    /** The parts, not the threads, carry batchnorm's statistics, dropout's masks and the sum's order. */
    @Test
    void sameSeedGivesTheSameWeightsBitForBitOnAnyNumberOfThreads() throws Exception {
        float[] a = run(settings(2, 2, null, false), 99).network().params();
        float[] b = run(settings(2, 2, null, false), 99).network().params();
        float[] one = run(settings(2, 1, null, false), 99).network().params();
        assertArrayEquals(a, b);
        assertArrayEquals(a, one);
        float[] other = run(new Trainer.Settings(SMALL, 2, 43, 1, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0,
                AugmentConfig.standard(), null, false, AugmentConfig.calm(), 1), 99).network().params();
        assertFalse(java.util.Arrays.equals(a, other), "another seed trains other weights");
    }

    /** A batch splits into parts of at most Trainer.PART images; a thread beyond the parts would have nothing to do. */
    @Test
    void aBatchSplitsIntoPartsOfAtMost32AndThreadsCannotOutnumberThem() {
        assertEquals(1, Trainer.parts(1));
        assertEquals(1, Trainer.parts(32));
        assertEquals(2, Trainer.parts(33));
        assertEquals(2, Trainer.parts(64));
        assertEquals(4, Trainer.parts(128));
        Exception e = assertThrows(IllegalArgumentException.class, () -> run(settings(1, 3, null, false), 99));
        assertEquals("3 threads for a batch of 40 in 2 parts: at most 2", e.getMessage());
    }

    /** A checkpoint written on two threads resumes on one, into the same weights as a straight run. */
    @Test
    void resumingOnAnotherThreadCountEqualsTrainingStraight(@TempDir Path dir) throws Exception {
        float[] straight = run(settings(3, 2, null, false), 99).network().params();
        Path ckpt = dir.resolve("t.ckpt");
        run(settings(3, 2, ckpt, false), 2);
        assertArrayEquals(straight, run(settings(3, 1, ckpt, true), 99).network().params());
    }

    @Test
    void stoppingAndResumingEqualsTrainingStraight(@TempDir Path dir) throws Exception {
        float[] straight = run(settings(3, 2, dir.resolve("a.ckpt"), false), 99).network().params();
        Path ckpt = dir.resolve("b.ckpt");
        run(settings(3, 2, ckpt, false), 2);                        // "killed" after epoch 2
        assertTrue(Files.exists(ckpt));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary file left behind");
        }
        Trainer.Result resumed = run(settings(3, 2, ckpt, true), 99);
        assertEquals(3, resumed.history().size());
        assertArrayEquals(straight, resumed.network().params());
    }

    /** One flipped byte anywhere in a checkpoint (here the weights) is refused, not resumed into a worse model. */
    @Test
    void resumeRefusesACorruptCheckpoint(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("k.ckpt");
        run(settings(2, 2, ckpt, false), 1);
        byte[] b = Files.readAllBytes(ckpt);
        b[b.length / 3] ^= 0x40;
        Files.write(ckpt, b);
        Exception e = assertThrows(java.io.IOException.class, () -> run(settings(2, 2, ckpt, true), 99));
        assertTrue(e.getMessage().contains("k.ckpt is corrupt or truncated (CRC mismatch)"), e.getMessage());
        Files.write(ckpt, java.util.Arrays.copyOf(b, b.length - 100));
        e = assertThrows(java.io.IOException.class, () -> run(settings(2, 2, ckpt, true), 99));
        assertTrue(e.getMessage().contains("CRC mismatch"), e.getMessage());
        // empty, or cut inside its first fields: said so, with what to do (before: "is truncated", and nothing more)
        Files.write(ckpt, new byte[0]);
        e = assertThrows(java.io.IOException.class, () -> run(settings(2, 2, ckpt, true), 99));
        assertTrue(e.getMessage().endsWith("k.ckpt is empty: delete it or use another --out"), e.getMessage());
        Files.write(ckpt, java.util.Arrays.copyOf(b, 6));
        e = assertThrows(java.io.IOException.class, () -> run(settings(2, 2, ckpt, true), 99));
        assertTrue(e.getMessage().endsWith("k.ckpt is truncated: delete it or use another --out"), e.getMessage());
    }

    /**
     * A CRC proves the bytes are the ones written, not that they are numbers. A NaN in the weights
     * resumed into a run "diverged" with advice about the learning rate, in the best weights into a
     * crash when the model was saved, in the optimiser's state into NaN weights at the next step:
     * each is refused on read as damaged. (The trainer writes none: see the next test.)
     */
    @Test
    void resumeRefusesACheckpointWhoseValuesAreNotNumbers(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("n.ckpt");
        run(settings(2, 2, ckpt, false), 1);
        byte[] good = Files.readAllBytes(ckpt);
        // magic, version, the fingerprint (writeUTF: 2 + its ASCII length), epochs done, the weights' count
        int weights = 18 + Checkpoint.fingerprint(settings(2, 2, ckpt, false), TRAIN, 100).length();
        int bestWeights = weights + 4 * SMALL_PARAMS + 4;
        int lastOfAdamsState = good.length - 8;   // before the CRC
        String[] said = {"(its weights are not all finite numbers)", "(its best weights are not all finite numbers)",
                "(optimizer state value " + (SMALL_PARAMS - 1) + " is not a number)"};
        int[] at = {weights + 4 * 7, bestWeights, lastOfAdamsState};
        for (int k = 0; k < at.length; k++) {
            byte[] b = good.clone();
            java.nio.ByteBuffer.wrap(b).putFloat(at[k], Float.NaN);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(b, 0, b.length - 4);
            java.nio.ByteBuffer.wrap(b).putInt(b.length - 4, (int) crc.getValue());   // sealed again: only the value is wrong
            Files.write(ckpt, b);
            Exception e = assertThrows(java.io.IOException.class, () -> run(settings(2, 2, ckpt, true), 99), said[k]);
            assertEquals("checkpoint " + ckpt + " is damaged " + said[k] + ": delete it or use another --out", e.getMessage());
        }
    }

    /** The trainer never writes a checkpoint of weights that are not numbers: the writer refuses them as the reader does. */
    @Test
    void aCheckpointOfWeightsThatAreNotNumbersIsNotWritten(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("w.ckpt");
        float[] params = new float[SMALL_PARAMS];
        float[] best = params.clone();
        params[3] = Float.POSITIVE_INFINITY;
        java.util.List<EpochMetrics> h = java.util.List.of(new EpochMetrics(1, 1, 0.5, 1.0, 0.5, 1e-3, 1));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.write(ckpt, "f", 1, params, best, 1, 0.5, h, rawState(new byte[0])));
        params[3] = 0;
        best[5] = Float.NaN;
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.write(ckpt, "f", 1, params, best, 1, 0.5, h, rawState(new byte[0])));
        assertFalse(Files.exists(ckpt));
    }

    /** Parts are cut evenly: no batch but 1 has a part of one image (which batchnorm cannot train on), and the trainer refuses that one. */
    @Test
    void onlyABatchOfOneHasAPartOfOneImage() {
        assertEquals(1, Trainer.smallestPart(1));
        for (int batch = 2; batch <= 4096; batch++) {
            int parts = Trainer.parts(batch), smallest = Integer.MAX_VALUE;
            for (int t = 0; t < parts; t++) smallest = Math.min(smallest, (t + 1) * batch / parts - t * batch / parts);   // as the trainer cuts them
            assertEquals(smallest, Trainer.smallestPart(batch), "batch " + batch);
            assertTrue(Trainer.smallestPart(batch) >= (batch > Trainer.PART ? Trainer.PART / 2 : 2), "batch " + batch);
            assertTrue(Trainer.smallestPart(batch) <= Trainer.PART, "batch " + batch);
        }
        assertEquals(16, Trainer.smallestPart(33));
        Trainer.Settings one = new Trainer.Settings(SMALL, 1, 42, 1, 1, "adamw", 0.01, "constant", 1e-4, 0.9, 0, AugmentConfig.none(), null, false);
        Exception e = assertThrows(IllegalArgumentException.class, () -> run(one, 99));
        assertTrue(e.getMessage().contains("batchnorm"), e.getMessage());
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRun(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("c.ckpt");
        run(settings(2, 2, ckpt, false), 1);
        Trainer.Settings other = recipe(2, 43, 0, AugmentConfig.standard(), ckpt, true);
        Exception e = assertThrows(java.io.IOException.class, () -> run(other, 99));
        assertTrue(e.getMessage().contains("another run"), e.getMessage());
    }

    /**
     * A larger network's checkpoint (--resume with a smaller --arch than the run that wrote it) is
     * larger than any of this run's could be: it is still "from another run, use the same settings",
     * as its head says, not "delete it" (the size check came first and advised deleting it).
     */
    @Test
    void resumeWithASmallerNetworkSaysTheCheckpointIsAnotherRuns(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("c.ckpt");
        run(settings(2, 2, ckpt, false), 1);
        Exception e = assertThrows(java.io.IOException.class, () -> Checkpoint.read(ckpt, "arch=tiny", 10, 2));
        assertTrue(e.getMessage().startsWith("checkpoint " + ckpt + " is from another run ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("this run is (arch=tiny): use the same settings or another --out"), e.getMessage());
    }

    @Test
    void bestEpochIsHigherValidationAccuracyThenLowerValidationLoss() {
        EpochMetrics e9 = new EpochMetrics(9, 0.09, 0.97, 0.0222, 0.9944, 1e-3, 1);
        EpochMetrics e12 = new EpochMetrics(12, 0.02, 0.99, 0.0168, 0.9944, 1e-7, 1);
        EpochMetrics e10 = new EpochMetrics(10, 0.07, 0.98, 0.0100, 0.9928, 5e-4, 1);
        assertTrue(Trainer.better(e12, e9), "tie on accuracy: the lower loss wins");
        assertFalse(Trainer.better(e9, e12));
        assertFalse(Trainer.better(e10, e9), "accuracy first, whatever the loss");
        assertFalse(Trainer.better(e9, e9), "not better than itself");
    }

    @Test
    void patienceStopsEarlyAndTheBestEpochsWeightsAreReturned(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("p.ckpt");
        Trainer.Result r = run(patient(6, 2, ckpt, false), 99, mislabelled());
        int n = r.history().size();
        assertTrue(n < 6, "stopped early: " + n + " of 6 epochs");
        assertEquals(r.bestEpoch() + 2, n, "two epochs without a gain, then stop");
        // the same run stopped after the best epoch returns that epoch's weights; patience does not change the path
        float[] bestWeights = run(patient(6, 2, null, false), r.bestEpoch(), mislabelled()).network().params();
        assertArrayEquals(bestWeights, r.network().params(), "the best epoch's weights");
        Checkpoint c = Checkpoint.read(ckpt, Checkpoint.fingerprint(patient(6, 2, ckpt, false), TRAIN, 100), SMALL_PARAMS, 6);
        assertEquals(n, c.epochsDone());
        assertFalse(java.util.Arrays.equals(c.params(), r.network().params()), "not the last epoch's weights");
    }

    @Test
    void resumeRestartsPatienceWhenTheLastEpochBecomesTheBest(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("r.ckpt");
        run(patient(4, 2, ckpt, false), 3);
        Trainer.Settings s = patient(4, 2, ckpt, true);
        String fingerprint = Checkpoint.fingerprint(s, TRAIN, 100);
        Checkpoint c = Checkpoint.read(ckpt, fingerprint, SMALL_PARAMS, 4);
        // as an older rule might have left it: epoch 1 kept although epoch 3 ties it on accuracy with a lower loss
        java.util.List<EpochMetrics> h = java.util.List.of(new EpochMetrics(1, 1, 0.5, 1.0, 0.5, 1e-3, 1),
                new EpochMetrics(2, 1, 0.5, 1.2, 0.4, 1e-3, 1), new EpochMetrics(3, 1, 0.5, 0.8, 0.5, 1e-3, 1));
        Checkpoint.write(ckpt, fingerprint, 3, c.params(), c.best(), 1, 0.5, h, rawState(c.optimizerState()));
        // epoch 3 is re-chosen on resume; counting from epoch 1 (2 epochs without a gain) would stop at once
        Trainer.Result r = run(s, 99);
        assertEquals(4, r.history().size());
    }

    @Test
    void resumeRefusesOtherAugmentationOrValidation(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("a.ckpt");
        run(patient(2, 0, ckpt, false), 1);
        Trainer.Settings none = recipe(2, 42, 0, AugmentConfig.none(), ckpt, true);
        Exception e = assertThrows(java.io.IOException.class, () -> run(none, 99));
        assertTrue(e.getMessage().contains("augment=standard") && e.getMessage().contains("augment=none"), e.getMessage());
        e = assertThrows(java.io.IOException.class, () -> run(patient(2, 0, ckpt, true), 99, bars(80, 2)));
        assertTrue(e.getMessage().contains("validation=100") && e.getMessage().contains("validation=80"), e.getMessage());
    }

    @Test
    void resumeRefusesACheckpointWithAnotherParameterCount(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("w.ckpt");
        run(patient(2, 0, ckpt, false), 1);
        // same name, hence same fingerprint, but a wider dense layer: the preset changed since
        Architecture wider = new Architecture(SMALL.name(), SMALL.description(),
                new LayerSpec[]{LayerSpec.conv2d(4, 3, 2, 1), LayerSpec.batchNorm(), LayerSpec.relu(), LayerSpec.maxPool2d(2, 2),
                        LayerSpec.flatten(), LayerSpec.dense(32), LayerSpec.relu(), LayerSpec.dropout(0.1f), LayerSpec.dense(10)},
                SMALL.loss(), "adamw", 0.01, 0.9, 20, "onecycle", 1e-4, "standard", 0);
        Trainer.Settings s = new Trainer.Settings(wider, 2, 42, 2, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0,
                AugmentConfig.standard(), ckpt, true);
        Exception e = assertThrows(java.io.IOException.class, () -> run(s, 99));
        assertTrue(e.getMessage().contains("holds " + SMALL_PARAMS + " parameters"), e.getMessage());
    }

    @Test
    void aCorruptOptimizerStateLengthIsAClearError(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("s.ckpt");
        Trainer.Settings s = patient(2, 0, ckpt, false);
        run(s, 1);
        String fingerprint = Checkpoint.fingerprint(s, TRAIN, 100);
        byte[] good = Files.readAllBytes(ckpt);
        // the length field before the state; the file ends with the state, then the CRC
        int at = good.length - 4 - Checkpoint.read(ckpt, fingerprint, SMALL_PARAMS, 2).optimizerState().length - 4;
        for (int bad : new int[]{-1, Integer.MAX_VALUE}) {
            java.nio.ByteBuffer.wrap(good).putInt(at, bad);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();   // sealed again, so the length check itself is reached
            crc.update(good, 0, good.length - 4);
            java.nio.ByteBuffer.wrap(good).putInt(good.length - 4, (int) crc.getValue());
            Files.write(ckpt, good);
            Exception e = assertThrows(java.io.IOException.class, () -> Checkpoint.read(ckpt, fingerprint, SMALL_PARAMS, 2));
            assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(Integer.toString(bad)), e.getMessage());
        }
    }

    /** A folder or a file far larger than any checkpoint of the run: refused before it is read whole. */
    @Test
    void resumeRefusesAFolderOrAHugeFileAsCheckpoint(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("f.ckpt"));
        Exception e = assertThrows(java.io.IOException.class, () -> run(patient(2, 0, folder, true), 99));
        assertEquals("checkpoint " + folder + " is a folder: move it or use another --out", e.getMessage());
        Path huge = dir.resolve("h.ckpt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);                 // sparse: no disk space taken
        }
        e = assertThrows(java.io.IOException.class, () -> run(patient(2, 0, huge, true), 99));
        assertTrue(e.getMessage().startsWith("checkpoint " + huge + " is 3221225472 bytes, more than a checkpoint of this run can be ("), e.getMessage());
    }

    /** The advice on divergence names weight decay and (SGD's) momentum only when they are not the architecture's. */
    @Test
    void divergenceAdviceNamesTheSettingsMovedFromTheArchitecturesDefaults() {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Trainer.Settings defaults = new Trainer.Settings(SMALL, 2, 42, 2, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0, AugmentConfig.none(), null, false);
        assertEquals("the learning rate 0.01 is too high for this run; try a lower --lr", new Trainer(defaults, quiet, false).divergenceAdvice());
        Trainer.Settings adamMomentum = new Trainer.Settings(SMALL, 2, 42, 2, BATCH, "adamw", 0.01, "onecycle", 1e-4, 0.5, 0, AugmentConfig.none(), null, false);
        assertEquals("the learning rate 0.01 is too high for this run; try a lower --lr", new Trainer(adamMomentum, quiet, false).divergenceAdvice(),
                "adamw has no momentum");
        Trainer.Settings sgd = new Trainer.Settings(SMALL, 2, 42, 2, BATCH, "sgd", 0.01, "onecycle", 1e30, 0.99, 0, AugmentConfig.none(), null, false);
        assertEquals("the learning rate 0.01, the weight decay 1.0E30 (test-cnn's default 1.0E-4) or the momentum 0.99 (test-cnn's default 0.9) "
                + "is too high for this run; try a lower --lr, --weight-decay or --momentum", new Trainer(sgd, quiet, false).divergenceAdvice());
    }

    static final int SMALL_PARAMS = dev.numera.core.nn.Sequential.create(new int[]{1, 28, 28}, SMALL.layers(), 1).paramCount();

    /** An optimiser that only writes back saved state bytes, for rewriting a checkpoint. */
    static dev.numera.training.optim.Optimizer rawState(byte[] state) {
        return new dev.numera.training.optim.Optimizer() {
            public void step(float[] params, float[] grads, float lr) {
            }

            public String describe() {
                return "raw";
            }

            public void writeState(java.io.DataOutputStream out) throws java.io.IOException {
                out.write(state);
            }

            public void readState(java.io.DataInputStream in) {
            }
        };
    }
}
