package dev.numera.bench;

import dev.numera.core.kernels.CrossEntropy;
import dev.numera.core.nn.Sequential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Training throughput of the default architecture: forward + backward (training mode, gradients
 * accumulated, cross-entropy), images/s on 1 and 2 threads. Each thread owns a
 * {@link Sequential#replica} on the shared parameters and takes an equal share of every batch;
 * the step ends when all shares are done (no optimiser step, no gradient reduction).
 * <pre>
 *   training [--batch 64] [--seconds 10] [--threads 1,2] [--smoke]
 * </pre>
 */
public final class TrainingBench {
    private TrainingBench() {
    }

    public static void main(String[] args) throws Exception {
        int batch = 64;
        double seconds = 10;
        int[] threads = {1, 2};
        boolean smoke = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--batch": batch = Integer.parseInt(args[++i]); break;
                case "--seconds": seconds = Double.parseDouble(args[++i]); break;
                case "--threads": threads = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray(); break;
                case "--smoke": smoke = true; seconds = 0.2; break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Map<String, Object> out = run(batch, seconds, threads);
        if (smoke) {
            System.out.println(Results.toJson(out));
        } else {
            out.put("command", "java -jar benchmarks/target/benchmarks.jar training --batch " + batch + " --seconds " + seconds);
            Results.write("training", out);
            BenchDoc.generate();
        }
    }

    public static Map<String, Object> run(int batch, double seconds, int[] threadCounts) throws Exception {
        Map<String, Object> machine = Project.machine();
        int pool = 1024;
        float[] images = BenchData.trainImages(pool);
        byte[] labels = BenchData.trainLabels(pool);
        Sequential master = BenchData.standIn().toNetwork(1);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int t : threadCounts) {
            int share = (batch + t - 1) / t;
            Sequential[] nets = new Sequential[t];
            float[][] dlogits = new float[t][share * 10];
            for (int i = 0; i < t; i++) {
                nets[i] = master.replica(share);
                nets[i].enableTraining();
            }
            ExecutorService ex = Executors.newFixedThreadPool(t);
            try {
                int[] cursor = {0};
                // warm-up (JIT) then timed steps
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
                rows.add(row);
                System.out.printf("training, %d thread(s), batch %d: %.0f images/s (%.1f ms/step, load %s)%n",
                        t, share * t, done / elapsed, elapsed * 1000 / steps, Project.loadAverage());
            } finally {
                ex.shutdownNow();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        machine.put("loadAverageEnd", Project.loadAverage());
        out.put("machine", machine);
        out.put("architecture", master.describe());
        out.put("macsPerImage", BenchData.macs(master));
        out.put("data", BenchData.hasMnist() ? "MNIST training images" : "Gaussian noise (MNIST absent)");
        out.put("results", rows);
        return out;
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
}
