package dev.numera.training.report;

import dev.numera.training.io.AtomicFiles;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Turns flat float images (0 paper, 1 ink) into pictures: dark ink on white, enlarged. */
public final class DigitImages {
    private DigitImages() {
    }

    /** Paints one image into {@code target} with its top-left corner at (x0, y0). */
    public static void paint(BufferedImage target, int x0, int y0, float[] images, int offset, int side, int scale) {
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float v = Math.max(0f, Math.min(1f, images[offset + y * side + x]));
                int g = Math.round(255 * (1 - v));
                int rgb = (g << 16) | (g << 8) | g;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        target.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                    }
                }
            }
        }
    }

    /** Encoded in memory, then written atomically: a crash never leaves half a PNG. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", png)) {
            throw new IOException("no PNG writer available");
        }
        AtomicFiles.write(file, png.toByteArray());
    }
}
