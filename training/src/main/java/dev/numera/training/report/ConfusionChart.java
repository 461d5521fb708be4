package dev.numera.training.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The confusion matrix as one picture: rows are true digits, 0 at the top; columns predicted. Each
 * cell holds its count; its fill darkens with log(1 + count), so a single mistake shows beside a
 * diagonal of a thousand. An empty cell stays blank: the mistakes are what the eye should find.
 * Drawn here rather than by the chart library: its heat map writes the coloured value, not a count
 * of one's own, in every cell.
 */
public final class ConfusionChart {
    static final int CELL = 58;
    static final int LEFT = 64;         // room for the "true" title and the row digits
    static final int TOP = 46;          // the chart's title
    static final int BOTTOM = 54;       // the column digits and the "predicted" title

    // the fill from an empty cell to the largest count (ColorBrewer "Blues" ends)
    private static final Color LOW = new Color(0xF7FBFF), HIGH = new Color(0x08306B);
    private static final Color DARK_INK = Color.BLACK;   // black, not a softer grey: with white, every fill has one of them at 4.5:1 or more

    private ConfusionChart() {
    }

    /**
     * @param confusion [true][predicted] counts, square
     * @param title     shown above the matrix
     */
    public static BufferedImage render(long[][] confusion, String title) {
        int k = confusion.length;
        long max = 0;
        for (long[] row : confusion) {
            for (long c : row) {
                max = Math.max(max, c);
            }
        }
        int size = k * CELL;
        BufferedImage out = new BufferedImage(LEFT + size + 16, TOP + size + BOTTOM, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());

        g.setColor(DARK_INK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        centred(g, title, LEFT + size / 2, TOP / 2);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        centred(g, "predicted", LEFT + size / 2, TOP + size + 40);
        Graphics2D turned = (Graphics2D) g.create();
        turned.rotate(-Math.PI / 2, 16, TOP + size / 2.0);
        centred(turned, "true", 16, TOP + size / 2);
        turned.dispose();
        for (int i = 0; i < k; i++) {
            centred(g, Integer.toString(i), LEFT - 14, TOP + i * CELL + CELL / 2);
            centred(g, Integer.toString(i), LEFT + i * CELL + CELL / 2, TOP + size + 14);
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long c = confusion[t][p];
                Color fill = fill(c, max);
                int x = LEFT + p * CELL, y = TOP + t * CELL;
                g.setColor(fill);
                g.fillRect(x, y, CELL, CELL);
                if (c > 0) {
                    g.setColor(ink(fill));
                    centred(g, Long.toString(c), x + CELL / 2, y + CELL / 2);
                }
            }
        }
        g.setColor(new Color(0xC8CED6));
        g.setStroke(new BasicStroke(1));
        g.drawRect(LEFT, TOP, size, size);
        g.dispose();
        return out;
    }

    /** A cell's fill: LOW for 0, HIGH for {@code max}, in between on log(1 + count). */
    static Color fill(long count, long max) {
        double f = max <= 0 ? 0 : Math.log1p(count) / Math.log1p(max);
        return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f), mix(LOW.getBlue(), HIGH.getBlue(), f));
    }

    /** The count's colour on {@code fill}: dark or white, whichever contrasts more (WCAG contrast ratio). */
    static Color ink(Color fill) {
        return contrast(fill, DARK_INK) >= contrast(fill, Color.WHITE) ? DARK_INK : Color.WHITE;
    }

    /** WCAG 2 contrast ratio of two colours, 1 to 21. */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    private static int mix(int from, int to, double f) {
        return (int) Math.round(from + (to - from) * f);
    }

    /** Draws {@code s} centred on (cx, cy). */
    private static void centred(Graphics2D g, String s, int cx, int cy) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(s, cx - m.stringWidth(s) / 2, cy + (m.getAscent() - m.getDescent()) / 2);
    }
}
