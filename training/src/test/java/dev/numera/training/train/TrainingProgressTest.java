package dev.numera.training.train;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress written to a log file or a pipe: plain lines at a set interval, no carriage returns. */
class TrainingProgressTest {
    static String plain(int batches, long intervalNanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TrainingProgress p = new TrainingProgress(2, 3, batches, new PrintStream(out, true, StandardCharsets.UTF_8), false, intervalNanos)) {
            for (int i = 0; i < batches; i++) {
                p.batchDone(0.5, i % 2 == 0 ? 10 : 0, 10);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineEachIntervalAndNoneForTheLastBatch() {
        List<String> lines = plain(4, 0).lines().toList();
        assertEquals(3, lines.size(), String.join("\n", lines));     // the trainer's epoch line follows the last batch
        assertTrue(lines.get(0).matches("epoch 2/3  25% 1/4 batches  loss 0\\.5000 acc 1\\.0000  \\d+ img/s  \\d+ s left"), lines.get(0));
        assertTrue(lines.get(1).startsWith("epoch 2/3  50% 2/4 batches  loss 0.5000 acc 0.5000  "), lines.get(1));
    }

    @Test
    void aShortEpochPrintsNothing() {
        assertEquals("", plain(100, TrainingProgress.PLAIN_INTERVAL_NANOS));
    }

    /**
     * On a terminal the bar is redrawn in place, each redraw no wider than the terminal (here none, so the library's
     * fallback width, at most {@link TrainingProgress#MAX_WIDTH}): a fixed 140 columns wrapped every redraw on an
     * 80-column terminal into a half-line of its own.
     */
    @Test
    void theBarFitsTheTerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TrainingProgress p = new TrainingProgress(2, 3, 40, new PrintStream(out, true, StandardCharsets.UTF_8), true, 0)) {
            for (int i = 0; i < 40; i++) {
                p.batchDone(0.5, 5, 10);
                Thread.sleep(10);
            }
        }
        String text = out.toString(StandardCharsets.UTF_8);
        int width = new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.out).getMaxRenderedLength();   // the library's reading
        int widest = java.util.Arrays.stream(text.split("[\\r\\n]")).mapToInt(String::length).max().orElse(0);
        assertTrue(widest > 20 && widest <= Math.min(width, TrainingProgress.MAX_WIDTH), "widest redraw " + widest + " for a terminal " + width + " wide: " + text);
    }
}
