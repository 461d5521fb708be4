package dev.numera.training.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The live bar of one epoch (me.tongfei:progressbar): batches done of the epoch, ETA, and an
 * extra message with the running loss, running accuracy and images per second. The library
 * redraws in place on a terminal and prints plain lines when the output is not one.
 */
public final class TrainingProgress implements AutoCloseable {
    private final ProgressBar bar;
    private final long startNanos = System.nanoTime();
    private double lossSum;
    private long correct;
    private long seen;

    public TrainingProgress(int epoch, int epochs, int batches, PrintStream stream) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                .setInitialMax(batches)
                .setUnit(" batches", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                                .setConsumer(new ConsoleProgressBarConsumer(stream, 140))
                .setEtaFunction(state -> {
                    long done = state.getCurrent() - state.getStart();
                    if (done <= 0) {
                        return java.util.Optional.empty();
                    }
                    Duration elapsed = Duration.between(state.getStartInstant(), java.time.Instant.now());
                    return java.util.Optional.of(elapsed.dividedBy(done).multipliedBy(state.getMax() - state.getCurrent()));
                })
                .build();
    }

    /** Records one finished mini-batch: its mean loss, correct predictions and size. */
    public void batchDone(double meanLoss, int batchCorrect, int batchSize) {
        lossSum += meanLoss * batchSize;
        correct += batchCorrect;
        seen += batchSize;
        double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f %5.0f img/s",
                loss(), accuracy(), seen / seconds));
        bar.step();
    }

    public double loss() {
        return seen == 0 ? 0 : lossSum / seen;
    }

    public double accuracy() {
        return seen == 0 ? 0 : (double) correct / seen;
    }

    @Override
    public void close() {
        bar.close();
    }
}
