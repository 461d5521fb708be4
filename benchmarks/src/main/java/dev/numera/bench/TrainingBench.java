package dev.numera.bench;

import dev.numera.core.kernels.CrossEntropy;
import dev.numera.core.kernels.Standardize;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import dev.numera.training.augment.AugmentConfig;
import dev.numera.training.data.Dataset;
import dev.numera.training.train.Architecture;
import dev.numera.training.train.Trainer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training throughput, images/s on 1 and 2 threads:
 * <ul>
 *   <li>forward + backward (training mode, gradients accumulated, cross-entropy; no optimiser step,
 *       no augmentation) of the trainer's default architecture and of the reference CNN;
 *       each thread owns a {@link Sequential#replica} on the shared parameters and an equal share
 *       of every batch;</li>
 *   <li>one real {@link Trainer} epoch of the default architecture with its recipe (augmentation,
 *       the parts' gradient sum, optimiser step, a small validation pass).</li>
 * </ul>
 * <pre>
 *   training [--batch 64] [--seconds 10] [--threads 1,2] [--trainer-images 2048] [--smoke]
 * </pre>
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        int batch = 64, trainerImages = 2048;
        double seconds = 10;
        int[] threads = {1, 2};
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch": batch = Bench.intValue(args, i++, 1); break;
                case "--seconds": seconds = Bench.intValue(args, i++, 1); break;
                case "--threads": threads = Bench.intList(args, i++, 1); break;
                case "--trainer-images": trainerImages = Bench.intValue(args, i++, 0); break;
                case "--smoke": smoke = true; seconds = 0.2; trainerImages = 128; break;
                default: throw new Bench.UsageError("unknown option " + args[i]);
            }
        }
        Map<String, Object> out = run(batch, seconds, threads, trainerImages);
        if (smoke) {
            System.out.println(Results.toJson(out));
        } else {
            out.put("command", "java -jar benchmarks/target/benchmarks.jar training --batch " + batch + " --seconds " + (int) seconds
                    + " --trainer-images " + trainerImages);
            Results.write("training", out);
            BenchDoc.generate();
        }
    }

    public static Map<String, Object> run(int batch, double seconds, int[] threadCounts, int trainerImages) throws Exception {
        Map<String, Object> machine = Project.machine();
        if (trainerImages > 0) trainerImages = Math.max(trainerImages, 16 * batch);   // one-cycle needs some steps; 0 = skip
        int pool = Math.max(1024, trainerImages + 256);
        float[] raw = BenchData.trainImagesRaw(pool);
        byte[] labels = BenchData.trainLabels(pool);
        float[] normalised = new float[raw.length];
        Standardize.forward(normalised, raw, 0, raw.length, Trainer.INPUT_MEAN, Trainer.INPUT_STD);
        Architecture def = Architecture.named(Architecture.DEFAULT);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object[] net : new Object[][]{{def.name() + " (default)", def.layers()}, {"reference CNN (the issue's)", BenchData.REFERENCE_CNN}}) {
            Sequential master = Sequential.create(BenchData.INPUT, (LayerSpec[]) net[1], 1);
            Random r = new Random(3);
            float[] p = master.params();
            for (int i = 0; i < p.length; i++) p[i] = (float) (r.nextGaussian() * 0.05);
            for (int t : threadCounts) {
                Map<String, Object> row = forwardBackward(master, normalised, labels, 1024, batch, t, seconds);
                row.put("what", "forward + backward, " + net[0]);
                row.put("architecture", master.describe());
                row.put("macsPerImage", BenchData.macs(master));
                rows.add(row);
                print(row);
            }
        }
        for (int t : trainerImages > 0 ? threadCounts : new int[0]) {
            Map<String, Object> row = trainerEpoch(def, raw, labels, trainerImages, batch, t);
            rows.add(row);
            print(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        machine.put("loadAverageEnd", Project.loadAverage());
        out.put("machine", machine);
        out.put("data", BenchData.hasMnist() ? "MNIST training images" : "Gaussian noise (MNIST absent)");
        out.put("results", rows);
        return out;
    }

    private static void print(Map<String, Object> row) {
        System.out.printf("training: %s, %s thread(s), batch %s: %.0f images/s (load %s)%n",
                row.get("what"), row.get("threads"), row.get("batch"), (Double) row.get("imagesPerSecond"), row.get("loadAverage"));
    }

    static Map<String, Object> forwardBackward(Sequential master, float[] images, byte[] labels, int pool, int batch, int t, double seconds)
            throws Exception {
        int share = (batch + t - 1) / t;
        Sequential[] nets = new Sequential[t];
        float[][] dlogits = new float[t][share * 10];
        for (int i = 0; i < t; i++) {
            nets[i] = master.replica(share);
            nets[i].enableTraining();
            nets[i].setBatchNormMomentum(i == 0 ? 0.1f : 0f);
        }
        ExecutorService ex = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "bench-train");
            th.setDaemon(true);
            return th;
        });
        try {
            int[] cursor = {0};
            long warmEnd = System.nanoTime() + (long) (Math.min(3, seconds / 2) * 1e9);
            while (System.nanoTime() < warmEnd) step(ex, nets, dlogits, images, labels, pool, share, cursor);
            long done = 0, steps = 0;
            long t0 = System.nanoTime(), end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                done += step(ex, nets, dlogits, images, labels, pool, share, cursor);
                steps++;
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("threads", t);
            row.put("batch", share * t);
            row.put("steps", steps);
            row.put("imagesPerSecond", done / elapsed);
            row.put("msPerStep", elapsed * 1000 / steps);
            row.put("loadAverage", Project.loadAverage());
            return row;
        } finally {
            ex.shutdownNow();
        }
    }

    private static long step(ExecutorService ex, Sequential[] nets, float[][] dlogits, float[] images, byte[] labels,
                             int pool, int share, int[] cursor) throws Exception {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < nets.length; i++) {
            Sequential net = nets[i];
            float[] dl = dlogits[i];
            int start = cursor[0];
            cursor[0] = (cursor[0] + share) % (pool - share);
            fs.add(ex.submit(() -> {
                net.zeroGrads();
                System.arraycopy(images, start * 784, net.inputBuffer(), 0, share * 784);
                net.forward(net.inputBuffer(), share, true);
                java.util.Arrays.fill(dl, 0f);
                CrossEntropy.backward(dl, net.probabilities(), labels, start, share, 10);
                net.backward(dl, share);
            }));
        }
        for (Future<?> f : fs) f.get();
        return (long) share * nets.length;
    }

    /** One epoch of the real trainer on {@code count} images (validation on 256 more). */
    static Map<String, Object> trainerEpoch(Architecture arch, float[] raw, byte[] labels, int count, int batch, int t) throws Exception {
        Dataset all = new Dataset(raw, labels, 28);
        int[] tr = new int[count], va = new int[256];
        for (int i = 0; i < count; i++) tr[i] = i;
        for (int i = 0; i < 256; i++) va[i] = count + i;
        Trainer.Settings s = new Trainer.Settings(arch, 1, 42, t, batch, arch.optimizer(), arch.lr(), arch.schedule(), arch.weightDecay(),
                0.9, 0, AugmentConfig.named(arch.augment()), null, false);
        Trainer trainer = new Trainer(s, new PrintStream(new ByteArrayOutputStream()), false);
        Trainer.Result res = trainer.train(all.subset(tr), all.subset(va));
        double secs = res.history().get(0).seconds();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("what", "Trainer epoch (" + arch.augment() + " augmentation, " + arch.optimizer() + ", validation on 256), " + arch.name());
        row.put("threads", t);
        row.put("batch", batch);
        row.put("steps", count / batch);
        row.put("imagesPerSecond", (count / batch) * batch / secs);
        row.put("msPerStep", secs * 1000 / (count / batch));
        row.put("loadAverage", Project.loadAverage());
        return row;
    }
}
