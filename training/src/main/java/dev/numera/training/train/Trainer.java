package dev.numera.training.train;

import dev.numera.core.kernels.CrossEntropy;
import dev.numera.core.kernels.Mse;
import dev.numera.core.kernels.Standardize;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.ParamTensor;
import dev.numera.core.nn.Sequential;
import dev.numera.training.augment.AugmentConfig;
import dev.numera.training.augment.Augmenter;
import dev.numera.training.data.Dataset;
import dev.numera.training.eval.Evaluation;
import dev.numera.training.eval.NetworkEvaluator;
import dev.numera.training.optim.Adam;
import dev.numera.training.optim.LrSchedule;
import dev.numera.training.optim.Optimizer;
import dev.numera.training.optim.ParamLayout;
import dev.numera.training.optim.Sgd;
import dev.numera.training.random.SplitMix64;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Mini-batch training with data parallelism: each mini-batch is split into fixed parts of at most
 * {@link #PART} images ({@link #parts}), each part runs forward and backward on its own
 * {@link Sequential#replica} of the shared parameters, the threads share out the parts, and the
 * parts' gradients are summed in part order before one optimiser step.
 *
 * <p>The part, not the thread, is the unit of the recipe: batchnorm's statistics are taken over a
 * part (a "ghost batch"; only part 0 updates the running statistics), dropout's masks are seeded by
 * seed, step and part, each image's augmentation by seed, epoch and image index, and the sum has a
 * fixed order. So the same seed gives the same weights bit for bit on any number of threads, and
 * more threads can never shrink the batchnorm statistics to a few images (split per thread, 64
 * threads on a batch of 64 normalised every image against itself).
 *
 * <p>After every epoch: validation accuracy, the best weights so far, and an atomic checkpoint
 * ({@link Checkpoint}); {@code resume} continues from it. Early stopping after {@code patience}
 * epochs without a validation gain; the best weights are restored at the end.
 */
public final class Trainer {
    /** The loss stopped being a number (most often a learning rate too high): a property of the settings, not a bug. */
    public static final class Diverged extends RuntimeException {
        Diverged(String message) {
            super(message);
        }
    }

    /** Images per part of a mini-batch at most: batchnorm's statistics cover one part (see the class comment). */
    public static final int PART = 32;

    /** How many parts a mini-batch of {@code batch} images is split into, and so the most threads it can use. */
    public static int parts(int batch) {
        return (batch + PART - 1) / PART;
    }

    /**
     * The fewest images in a part of a mini-batch of {@code batch}. The parts are cut evenly (part t
     * holds images t * batch / parts up to the next part's first), so 33 is 16 + 17, not 32 + 1: this
     * is 1 only for a batch of 1, and 16 or more for any batch over 32.
     */
    public static int smallestPart(int batch) {
        return batch / parts(batch);
    }

    /** MNIST's pixel mean and standard deviation (0..1 scale): the network sees (x - mean) / std. */
    public static final float INPUT_MEAN = 0.1307f, INPUT_STD = 0.3081f;

    /** Everything a run depends on. Fields that change the result are part of the checkpoint check. */
    public record Settings(Architecture arch, int epochs, long seed, int threads, int batch, String optimizer,
                           double lr, String schedule, double weightDecay, double momentum, int patience,
                           AugmentConfig augment, Path checkpoint, boolean resume, AugmentConfig calm, int calmEpochs) {
        /** No calm phase: {@code augment} for every epoch. */
        public Settings(Architecture arch, int epochs, long seed, int threads, int batch, String optimizer, double lr,
                        String schedule, double weightDecay, double momentum, int patience, AugmentConfig augment,
                        Path checkpoint, boolean resume) {
            this(arch, epochs, seed, threads, batch, optimizer, lr, schedule, weightDecay, momentum, patience, augment,
                    checkpoint, resume, augment, 0);
        }

        /** The last {@code calmEpochs} epochs train on {@code calm}, the others on {@code augment}. */
        AugmentConfig augmentFor(int epoch) {
            return epoch > epochs - calmEpochs ? calm : augment;
        }
    }

    /** The outcome: the network holding the best weights and the per-epoch history. */
    public record Result(Sequential network, List<EpochMetrics> history, int bestEpoch, double bestValidationAccuracy,
                         double seconds) {
    }

    private final Settings s;
    private final PrintStream log;
    private final boolean progressBar;
    private int stopAfterEpoch = Integer.MAX_VALUE;
    private volatile int savedEpoch;        // the last epoch the checkpoint holds, 0: none (read by another thread, see savedEpoch())

    public Trainer(Settings settings, PrintStream log, boolean progressBar) {
        this.s = settings;
        this.log = log;
        this.progressBar = progressBar;
    }

    /**
     * The last epoch whose checkpoint is on disk (of this run, or the resumed one's), 0 when none is: what a run stopped
     * now (Ctrl+C) would go on from with --resume. Safe to read from another thread, such as a shutdown hook.
     */
    public int savedEpoch() {
        return savedEpoch;
    }

    /** Ends the run after this epoch as if the process were killed there (for resume tests). */
    public void stopAfterEpoch(int epoch) {
        stopAfterEpoch = epoch;
    }

    public Result train(Dataset train, Dataset validation) throws IOException {
        int threads = s.threads, batch = s.batch;
        int nParts = parts(batch);
        if (threads > nParts) {
            throw new IllegalArgumentException(threads + " threads for a batch of " + batch + " in " + nParts + " parts: at most " + nParts);
        }
        // batchnorm takes its statistics over a part: an image alone is normalised against itself, every value to 0,
        // so the network gives every image the same output and can learn nothing (train refuses --batch 1 for these)
        if (s.arch.hasBatchNorm() && smallestPart(batch) < 2) {
            throw new IllegalArgumentException("a batch of " + batch + " has a part of one image, which batchnorm cannot train on");
        }
        // cross-entropy's gradient is taken through the network's probabilities, which for a sigmoid output are
        // not the softmax of its outputs (Sequential.sigmoidOutput)
        if (s.arch.loss() == Architecture.Loss.CROSS_ENTROPY && Sequential.sigmoidOutput(s.arch.layers())) {
            throw new IllegalArgumentException("a network ending in a sigmoid trains on MSE, not cross-entropy");
        }
        Sequential master = Sequential.create(new int[]{1, train.side(), train.side()}, s.arch.layers(), 250);
        initialise(master, s.seed);
        float[] params = master.params();
        float[] grads = new float[params.length];
        Part[] parts = new Part[nParts];
        for (int t = 0; t < nParts; t++) {
            int lo = t * batch / nParts, hi = (t + 1) * batch / nParts;
            parts[t] = new Part(t, lo, hi, master.replica(hi - lo), new Augmenter(s.augment), new Augmenter(s.calm));
            parts[t].net.enableTraining();
            parts[t].net.setBatchNormMomentum(t == 0 ? 0.1f : 0f);
        }
        int stepsPerEpoch = train.count() / batch;
        if (stepsPerEpoch < 1) throw new IllegalArgumentException("fewer training digits (" + train.count() + ") than one batch (" + batch + ")");
        Optimizer opt = optimizer(master);
        LrSchedule lr = schedule((long) stepsPerEpoch * s.epochs);
        // the settings line: the optimiser as built (its betas, momentum and decay), not just its name
        String sharing = threads + (threads == 1 ? " thread" : " threads") + " for " + nParts + (nParts == 1 ? " part" : " parts");
        log.println("training " + s.arch.name() + " (" + s.arch.description() + ") on " + train.count() + " digits, validating on "
                + validation.count() + "; " + sharing + "; " + opt.describe() + ", lr " + s.lr + " " + s.schedule
                + ", batch " + batch + ", augment " + s.augment.name()
                + (s.calmEpochs > 0 ? " (calm for the last " + s.calmEpochs + ")" : "") + ", seed " + s.seed);

        List<EpochMetrics> history = new ArrayList<>();
        float[] best = params.clone();
        int bestEpoch = 0, startEpoch = 1, sinceBest = 0;
        double bestAcc = -1, seconds = 0;
        String fingerprint = Checkpoint.fingerprint(s, train.count(), validation.count());
        if (s.resume && s.checkpoint != null && java.nio.file.Files.exists(s.checkpoint)) {
            Checkpoint c = Checkpoint.read(s.checkpoint, fingerprint, params.length, s.epochs);
            System.arraycopy(c.params(), 0, params, 0, params.length);
            best = c.best();
            bestEpoch = c.bestEpoch();
            bestAcc = c.bestAccuracy();
            history.addAll(c.history());
            c.restoreOptimizer(opt, s.checkpoint);
            startEpoch = c.epochsDone() + 1;
            savedEpoch = c.epochsDone();
            for (EpochMetrics m : history) seconds += m.seconds();
            // The choice is re-made with the current rule (see better); apart from the best
            // weights the checkpoint holds only the last epoch's, so only that epoch can take over.
            EpochMetrics last = history.get(history.size() - 1);
            EpochMetrics kept = history.get(bestEpoch - 1);
            if (last.epoch() == c.epochsDone() && better(last, kept)) {
                best = params.clone();
                bestEpoch = last.epoch();
                bestAcc = last.validationAccuracy();
            }
            sinceBest = c.epochsDone() - bestEpoch;   // after the re-choice: a new best restarts the patience count
            log.println("resuming after epoch " + c.epochsDone() + " (best validation accuracy " + fmt(bestAcc) + " at epoch " + bestEpoch + ")");
        } else if (s.resume) {
            log.println("no checkpoint at " + s.checkpoint + ": starting from scratch");
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "numera-train");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int epoch = startEpoch; epoch <= Math.min(s.epochs, stopAfterEpoch) && (s.patience == 0 || sinceBest < s.patience); epoch++) {
                long t0 = System.nanoTime();
                int[] order = SplitMix64.derive(s.seed, 1, epoch).permutation(train.count());
                double lossSum = 0;
                long correct = 0, seen = 0;
                double lastLr = 0;
                TrainingProgress bar = progressBar ? new TrainingProgress(epoch, s.epochs, stepsPerEpoch, log) : null;
                try {
                    for (int step = 0; step < stepsPerEpoch; step++) {
                        long globalStep = (long) (epoch - 1) * stepsPerEpoch + step;
                        lastLr = lr.lr(globalStep);
                        Batch b = step(pool, parts, train, order, step * batch, epoch, globalStep, params, grads, opt, lastLr);
                        lossSum += b.loss();
                        correct += b.correct();
                        seen += batch;
                        if (bar != null) bar.batchDone(b.loss() / batch, b.correct(), batch);
                    }
                } finally {
                    if (bar != null) bar.close();
                }
                Evaluation val = NetworkEvaluator.evaluate(master, validation, INPUT_MEAN, INPUT_STD, 0);
                double secs = (System.nanoTime() - t0) / 1e9;
                seconds += secs;
                EpochMetrics m = new EpochMetrics(epoch, lossSum / seen, (double) correct / seen, val.meanLoss(), val.accuracy(), lastLr, secs);
                history.add(m);
                // an epoch whose loss is not a number is no one's best (it ends the run just below, and its line said "(best)")
                boolean finite = Double.isFinite(m.trainLoss()) && val.notANumber() == 0;
                if (finite && (bestEpoch == 0 || better(m, history.get(bestEpoch - 1)))) {
                    bestAcc = val.accuracy();
                    bestEpoch = epoch;
                    System.arraycopy(params, 0, best, 0, params.length);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                // an MSE network is still validated on cross-entropy (as evaluate scores it): the line names
                // both, or a train loss of 0.09 beside a validation loss of 0.30 reads as overfitting
                boolean mse = s.arch.loss() == Architecture.Loss.MSE;
                log.println(String.format(Locale.ROOT, "epoch %d/%d  train loss %s%.4f acc %.4f  validation loss %s%.4f acc %.4f%s  lr %.2e  %.1f s  %.0f img/s",
                        epoch, s.epochs, mse ? "(MSE) " : "", m.trainLoss(), m.trainAccuracy(), mse ? "(cross-entropy) " : "", m.validationLoss(), m.validationAccuracy(),
                        bestEpoch == epoch ? " (best)" : "", lastLr, secs, seen / secs));
                if (!finite) {
                    // the weights are no longer numbers: said now, and no checkpoint of them, rather than a NaN model at the end
                    String what = !Double.isFinite(m.trainLoss()) ? "train loss " + m.trainLoss()
                            : "the network's output is not a number for " + val.notANumber() + " of " + val.count() + " validation digits";
                    throw new Diverged("training diverged at epoch " + epoch + " (" + what + "): " + divergenceAdvice());
                }
                // a weight can stop being a number unseen by the loss (a NaN in front of a ReLU reads as 0): not kept, nor checkpointed
                int nonFinite = Checkpoint.firstNonFinite(params);
                if (nonFinite >= 0) {
                    throw new Diverged("training diverged at epoch " + epoch + " (weight " + nonFinite + " is " + params[nonFinite] + "): "
                            + divergenceAdvice());
                }
                if (s.checkpoint != null) {
                    Checkpoint.write(s.checkpoint, fingerprint, epoch, params, best, bestEpoch, bestAcc, history, opt);
                    savedEpoch = epoch;
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (s.patience > 0 && sinceBest >= s.patience && history.size() < s.epochs) {
            log.println("early stop: no validation gain for " + s.patience + " epochs");
        }
        System.arraycopy(best, 0, params, 0, params.length);
        return new Result(master, history, bestEpoch, bestAcc, seconds);
    }

    /** A batch's summed loss and its right answers. */
    private record Batch(double loss, int correct) {
    }

    /**
     * One step on the batch at {@code first} of the epoch's {@code order}: each part's forward and backward on the pool,
     * their gradients summed in the parts' order (so the same sums on any number of threads), then the optimiser's
     * update of the master's {@code params} at {@code rate}.
     */
    private Batch step(ExecutorService pool, Part[] parts, Dataset train, int[] order, int first, int epoch, long globalStep,
                       float[] params, float[] grads, Optimizer opt, double rate) {
        List<Callable<Void>> work = new ArrayList<>(parts.length);
        for (Part part : parts) {
            work.add(() -> {
                part.run(train, order, first, epoch, globalStep);
                return null;
            });
        }
        runAll(pool, work);
        java.util.Arrays.fill(grads, 0f);
        double loss = 0;
        int correct = 0;
        for (Part part : parts) {
            float[] g = part.net.grads();
            for (int i = 0; i < grads.length; i++) grads[i] += g[i];
            loss += part.loss * (part.hi - part.lo);
            correct += part.correct;
        }
        opt.step(params, grads, (float) rate);
        return new Batch(loss, correct);
    }

    /**
     * The settings that can blow the weights up (or saturate them, so that the network learns
     * nothing): the learning rate, and the weight decay and (for SGD) the momentum when they are
     * not the architecture's, whose defaults are known to train.
     */
    public String divergenceAdvice() {
        List<String> settings = new ArrayList<>(List.of("the learning rate " + s.lr));
        List<String> options = new ArrayList<>(List.of("--lr"));
        if (s.weightDecay != s.arch.weightDecay()) {
            settings.add("the weight decay " + s.weightDecay + " (" + s.arch.name() + "'s default " + s.arch.weightDecay() + ")");
            options.add("--weight-decay");
        }
        boolean sgd = s.optimizer.equals("sgd") || s.optimizer.equals("nesterov");
        if (sgd && s.momentum != s.arch.momentum()) {
            settings.add("the momentum " + s.momentum + " (" + s.arch.name() + "'s default " + s.arch.momentum() + ")");
            options.add("--momentum");
        }
        return or(settings) + " is too high for this run; try a lower " + or(options);
    }

    /** "a", "a or b", "a, b or c". */
    private static String or(List<String> items) {
        int last = items.size() - 1;
        return last == 0 ? items.get(0) : String.join(", ", items.subList(0, last)) + " or " + items.get(last);
    }

    /**
     * Higher validation accuracy wins; on a tie (a few digits out of 5,000 decide it), the lower
     * validation loss: the more confident network, usually the later, annealed one.
     */
    static boolean better(EpochMetrics a, EpochMetrics b) {
        return a.validationAccuracy() > b.validationAccuracy()
                || (a.validationAccuracy() == b.validationAccuracy() && a.validationLoss() < b.validationLoss());
    }

    /** One part of every mini-batch: images [lo, hi) of the batch, on its own replica. */
    private final class Part {
        final int index, lo, hi;
        final Sequential net;
        final Augmenter augmenter, calmAugmenter;
        final SplitMix64 rng = new SplitMix64(0);
        final float[] images;
        final byte[] labels;
        final float[] dlogits;
        float loss;
        int correct;

        Part(int index, int lo, int hi, Sequential net, Augmenter augmenter, Augmenter calmAugmenter) {
            this.index = index;
            this.lo = lo;
            this.hi = hi;
            this.net = net;
            this.augmenter = augmenter;
            this.calmAugmenter = calmAugmenter;
            this.images = new float[(hi - lo) * net.inputSize()];
            this.labels = new byte[hi - lo];
            this.dlogits = new float[(hi - lo) * net.classes()];
        }

        void run(Dataset data, int[] order, int first, int epoch, long globalStep) {
            int n = hi - lo, px = net.inputSize(), k = net.classes();
            float[] x = net.inputBuffer();
            Augmenter aug = s.augmentFor(epoch) == s.augment ? augmenter : calmAugmenter;
            for (int b = 0; b < n; b++) {
                int idx = order[first + lo + b];
                System.arraycopy(data.images(), idx * px, images, b * px, px);
                labels[b] = (byte) data.label(idx);
                rng.reseed(s.seed, 2, epoch, idx);         // the image's augmentation: same whatever the thread
                aug.apply(images, b * px, labels[b], rng);
            }
            Standardize.forward(x, images, 0, n * px, INPUT_MEAN, INPUT_STD);
            net.setDropoutSeed((int) SplitMix64.derive(s.seed, 3, globalStep, index).nextLong());
            net.zeroGrads();
            float[] out = net.forward(x, n, true);
            java.util.Arrays.fill(dlogits, 0f);
            if (s.arch.loss() == Architecture.Loss.MSE) {
                loss = Mse.forward(out, labels, 0, n, k);
                Mse.backward(dlogits, out, labels, 0, n, k);
            } else {
                loss = CrossEntropy.forward(out, labels, 0, n, k);
                CrossEntropy.backward(dlogits, net.probabilities(), labels, 0, n, k);
            }
            // the kernels average over this part; the optimiser wants the mean over the whole batch
            float share = (float) n / s.batch;
            for (int i = 0; i < n * k; i++) dlogits[i] *= share;
            net.backward(dlogits, n);
            correct = 0;
            for (int b = 0; b < n; b++) {
                if (Evaluation.argmax(out, b * k, k) == labels[b]) correct++;
            }
        }
    }

    private static void runAll(ExecutorService pool, List<Callable<Void>> work) {
        try {
            for (Future<Void> f : pool.invokeAll(work)) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Weights ~ N(0, gain^2 / fan_in) with gain sqrt(2) before a ReLU (He et al. 2015) and 1
     * otherwise (LeCun init, for sigmoid and the output layer); biases 0; batchnorm neutral.
     */
    static void initialise(Sequential net, long seed) {
        SplitMix64 rng = SplitMix64.derive(seed, 0);
        LayerSpec[] specs = net.specs();
        float[] p = net.params();
        for (ParamTensor t : net.paramTensors()) {
            if (!t.name.endsWith(".weight")) continue;
            int fanIn = t.length / t.outChannels();
            boolean relu = false;
            for (int j = t.layer + 1; j < specs.length; j++) {
                LayerSpec.Type ty = specs[j].type;
                if (ty == LayerSpec.Type.BATCHNORM || ty == LayerSpec.Type.MAXPOOL2D) continue;
                relu = ty == LayerSpec.Type.RELU;
                break;
            }
            double std = Math.sqrt((relu ? 2.0 : 1.0) / fanIn);
            for (int i = 0; i < t.length; i++) p[t.offset + i] = (float) (rng.gaussian() * std);
        }
    }

    private Optimizer optimizer(Sequential net) {
        List<ParamLayout.Range> ranges = new ArrayList<>();
        for (ParamTensor t : net.paramTensors()) {
            if (t.trainable) ranges.add(new ParamLayout.Range(t.offset, t.length, t.decayed));
        }
        ParamLayout layout = new ParamLayout(net.paramCount(), ranges);
        float wd = (float) s.weightDecay;
        switch (s.optimizer) {
            case "sgd":
                return new Sgd(layout, (float) s.momentum, false, wd);
            case "nesterov":
                return new Sgd(layout, (float) s.momentum, true, wd);
            case "adam":
                return Adam.adam(layout, wd);
            case "adamw":
                return Adam.adamW(layout, wd);
            default:
                throw new IllegalArgumentException("unknown optimizer " + s.optimizer);
        }
    }

    /** One-cycle's warm-up: this share of the run's steps. */
    private static final double ONE_CYCLE_WARMUP = 0.25;

    /** The fewest optimiser steps a run on this schedule can have: one-cycle's warm-up must end after the first step. */
    public static long minSteps(String schedule) {
        return schedule.equals("onecycle") ? (long) Math.floor(1 / ONE_CYCLE_WARMUP) + 1 : 1;
    }

    private LrSchedule schedule(long totalSteps) {
        switch (s.schedule) {
            case "constant":
                return LrSchedule.constant(s.lr);
            case "step":                                   // x0.1 at 50 % and 75 % of the run
                return step -> s.lr * (step < totalSteps / 2 ? 1 : step < totalSteps * 3 / 4 ? 0.1 : 0.01);
            case "cosine":
                return LrSchedule.cosine(s.lr, s.lr * 0.01, Math.min(totalSteps / 20, 500), totalSteps);
            case "onecycle":
                return LrSchedule.oneCycle(s.lr, totalSteps, ONE_CYCLE_WARMUP, 25, 1e3);
            default:
                throw new IllegalArgumentException("unknown schedule " + s.schedule);
        }
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
