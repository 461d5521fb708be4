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
            Architecture.Loss.CROSS_ENTROPY, "adamw", 0.01, 20, "onecycle", 1e-4, "standard", 4, 0);

    static Trainer.Settings settings(int epochs, int threads, Path ckpt, boolean resume) {
        return new Trainer.Settings(SMALL, epochs, 42, threads, 20, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0,
                AugmentConfig.standard(), ckpt, resume, AugmentConfig.calm(), 1);   // the last epoch calm: resume must cross the switch
    }

    static Trainer.Result run(Trainer.Settings s, int stopAfter) throws Exception {
        Trainer t = new Trainer(s, new PrintStream(new ByteArrayOutputStream()), false);
        t.stopAfterEpoch(stopAfter);
        return t.train(bars(400, 1), bars(100, 2));
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

    @Test
    void sameSeedAndThreadsGiveTheSameWeightsBitForBit() throws Exception {
        float[] a = run(settings(2, 2, null, false), 99).network().params();
        float[] b = run(settings(2, 2, null, false), 99).network().params();
        assertArrayEquals(a, b);   // (another thread count may differ: batchnorm statistics are per shard)
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

    @Test
    void resumeRefusesACheckpointOfAnotherRun(@TempDir Path dir) throws Exception {
        Path ckpt = dir.resolve("c.ckpt");
        run(settings(2, 2, ckpt, false), 1);
        Trainer.Settings other = new Trainer.Settings(SMALL, 2, 43, 2, 20, "adamw", 0.01, "onecycle", 1e-4, 0.9, 0,
                AugmentConfig.standard(), ckpt, true);
        Exception e = assertThrows(java.io.IOException.class, () -> run(other, 99));
        assertTrue(e.getMessage().contains("another run"), e.getMessage());
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
}
