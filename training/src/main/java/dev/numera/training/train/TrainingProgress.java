package dev.numera.training.train;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * The progress of one epoch: batches done, running loss, running accuracy and images per second.
 * On a terminal, a live bar (me.tongfei:progressbar) redrawn in place; otherwise (a log file, a
 * pipe) a plain line every {@link #PLAIN_INTERVAL_NANOS}, since a bar's carriage returns would
 * fill a log with thousands of half-lines.
 */
public final class TrainingProgress implements AutoCloseable {
    /** Often enough to see a long epoch move, rarely enough to keep a log readable. */
    static final long PLAIN_INTERVAL_NANOS = 30_000_000_000L;

    private final ProgressBar bar;                 // null when the output is not a terminal
    private final PrintStream plain;
    private final String task;
    private final int batches;
    private final long plainIntervalNanos;
    private final long startNanos = System.nanoTime();
    private long nextPlainNanos;
    private int done;
    private double lossSum;
    private long correct;
    private long seen;

    /** The bar's widest, on a wide terminal. */
    static final int MAX_WIDTH = 140;

    /** {@code stream} is standard output: the bar is drawn when there is a console to draw it on. */
    public TrainingProgress(int epoch, int epochs, int batches, PrintStream stream) {
        this(epoch, epochs, batches, stream, System.console() != null, PLAIN_INTERVAL_NANOS);
    }

    TrainingProgress(int epoch, int epochs, int batches, PrintStream stream, boolean terminal, long plainIntervalNanos) {
        this.task = String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs);
        this.batches = batches;
        this.plain = stream;
        this.plainIntervalNanos = plainIntervalNanos;
        this.nextPlainNanos = startNanos + plainIntervalNanos;
        this.bar = !terminal ? null : new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(batches)
                .setUnit(" batches", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(stream) {
                    // the terminal's width (the library's own reading of it), at most 140: a fixed 140 wrapped every redraw of
                    // the bar on an 80-column terminal into a new half-line
                    @Override
                    public int getMaxRenderedLength() {
                        return Math.min(MAX_WIDTH, super.getMaxRenderedLength());
                    }
                })
                .setEtaFunction(state -> {
                    long n = state.getCurrent() - state.getStart();
                    if (n <= 0) {
                        return java.util.Optional.empty();
                    }
                    Duration elapsed = Duration.between(state.getStartInstant(), java.time.Instant.now());
                    return java.util.Optional.of(elapsed.dividedBy(n).multipliedBy(state.getMax() - state.getCurrent()));
                })
                .build();
    }

    /** Records one finished mini-batch: its mean loss, correct predictions and size. */
    public void batchDone(double meanLoss, int batchCorrect, int batchSize) {
        lossSum += meanLoss * batchSize;
        correct += batchCorrect;
        seen += batchSize;
        done++;
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - startNanos) / 1e9);
        if (bar != null) {
            bar.setExtraMessage(String.format(Locale.ROOT, " loss %.4f acc %.4f %5.0f img/s", loss(), accuracy(), seen / seconds));
            bar.step();
        } else if (now - nextPlainNanos >= 0 && done < batches) {   // the last batch is followed by the epoch's own line
            nextPlainNanos = now + plainIntervalNanos;
            plain.println(String.format(Locale.ROOT, "%s %3d%% %d/%d batches  loss %.4f acc %.4f  %.0f img/s  %.0f s left",
                    task, 100L * done / batches, done, batches, loss(), accuracy(), seen / seconds, seconds / done * (batches - done)));
        }
    }

    public double loss() {
        return seen == 0 ? 0 : lossSum / seen;
    }

    public double accuracy() {
        return seen == 0 ? 0 : (double) correct / seen;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
