package dev.numera.training.report;

import dev.numera.training.eval.Evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * The worst mistakes as one picture: each image enlarged, with its true label and the model's
 * top-3 classes and probabilities underneath (wrong top-1 in red).
 */
public final class MistakeGrid {
    private static final int SCALE = 4;
    private static final int COLUMNS = 8;

    private MistakeGrid() {
    }

    public static BufferedImage render(List<Evaluation.Mistake> mistakes, int side) {
        int imagePx = side * SCALE;
        int cellW = imagePx + 24;
        int cellH = imagePx + 62;
        int columns = Math.max(1, Math.min(COLUMNS, mistakes.size()));
        int rows = Math.max(1, (mistakes.size() + columns - 1) / columns);
        BufferedImage out = new BufferedImage(columns * cellW, rows * cellH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 11));
        if (mistakes.isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            g.drawString("no mistakes", 8, 20);
        }
        for (int k = 0; k < mistakes.size(); k++) {
            Evaluation.Mistake m = mistakes.get(k);
            int x = (k % columns) * cellW + 12;
            int y = (k / columns) * cellH + 6;
            DigitImages.paint(out, x, y, m.image(), 0, side, SCALE);
            g.setColor(Color.LIGHT_GRAY);
            g.drawRect(x - 1, y - 1, imagePx + 1, imagePx + 1);
            int ty = y + imagePx + 13;
            g.setColor(Color.BLACK);
            g.drawString("true " + m.label() + "  #" + m.index(), x, ty);
            int[] top = m.top(3);
            for (int r = 0; r < top.length; r++) {
                g.setColor(r == 0 ? new Color(0xB00020) : Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%d: %.3f", top[r], m.probabilities()[top[r]]), x, ty + 13 * (r + 1));
            }
        }
        g.dispose();
        return out;
    }
}
