package dev.numera.training.report;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionChartTest {
    /** The pixels of cell (true t, predicted p), inset so the grid's edge is not counted. */
    private static int colours(BufferedImage img, int t, int p) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        int x0 = ConfusionChart.LEFT + p * ConfusionChart.CELL, y0 = ConfusionChart.TOP + t * ConfusionChart.CELL;
        for (int y = y0 + 2; y < y0 + ConfusionChart.CELL - 2; y++) {
            for (int x = x0 + 2; x < x0 + ConfusionChart.CELL - 2; x++) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /**
     * Rows are true digits from 0 at the top, columns predicted: a count is written in its own cell
     * (ink in it), an empty cell is one flat colour. Before, the library's heat map wrote the
     * coloured value, ln(1 + count) to ten digits, in every cell, zeros too.
     */
    @Test
    void eachCountIsWrittenInItsCellAndEmptyCellsStayBlank() {
        System.setProperty("java.awt.headless", "true");
        long[][] c = new long[10][10];
        for (int i = 0; i < 10; i++) {
            c[i][i] = 980 + i;
        }
        c[3][5] = 2;      // a 3 read as 5, twice
        c[9][4] = 1135;   // larger than the diagonal
        BufferedImage img = ConfusionChart.render(c, "Confusion matrix, test");
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                int n = colours(img, t, p);
                if (c[t][p] == 0) {
                    assertEquals(1, n, "empty cell (" + t + ", " + p + ") is blank");
                } else {
                    assertTrue(n > 2, "cell (" + t + ", " + p + ") holds its count: " + n + " colours");
                }
            }
        }
        // the count's ink is drawn in the cell's own place: a wider number covers more of it
        assertTrue(inked(img, 9, 4) > inked(img, 3, 5), "1135 is wider than 2");
    }

    /** Pixels of cell (t, p) that are not its fill. */
    private static int inked(BufferedImage img, int t, int p) {
        int x0 = ConfusionChart.LEFT + p * ConfusionChart.CELL, y0 = ConfusionChart.TOP + t * ConfusionChart.CELL;
        int fill = img.getRGB(x0 + 2, y0 + 2), n = 0;
        for (int y = y0 + 2; y < y0 + ConfusionChart.CELL - 2; y++) {
            for (int x = x0 + 2; x < x0 + ConfusionChart.CELL - 2; x++) {
                n += img.getRGB(x, y) != fill ? 1 : 0;
            }
        }
        return n;
    }

    /** Colour follows log(1 + count): one mistake is already a tenth of the way to a thousand. */
    @Test
    void fillFollowsLogCountAndEveryCountIsReadable() {
        long max = 1135;
        assertEquals(new Color(0xF7FBFF), ConfusionChart.fill(0, max));
        assertEquals(new Color(0x08306B), ConfusionChart.fill(max, max));
        // hand-computed: ln 2 / ln 1136 = 0.0984; red 247 + (8 - 247) * 0.0984 = 223.5
        assertEquals(224, ConfusionChart.fill(1, max).getRed(), 1);
        for (long n = 1; n <= max; n++) {
            Color f = ConfusionChart.fill(n, max);
            assertTrue(f.getBlue() <= ConfusionChart.fill(n - 1, max).getBlue(), "darker with the count at " + n);
            assertTrue(ConfusionChart.contrast(f, ConfusionChart.ink(f)) >= 4.5, "count " + n + " readable on its fill");
        }
        assertEquals(21.0, ConfusionChart.contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(ConfusionChart.fill(0, 0), ConfusionChart.fill(0, 1), "an all-zero matrix is all blank");
    }
}
