package dev.numera.training.augment;

import dev.numera.training.random.SplitMix64;
import dev.numera.training.report.DigitImages;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Pictures of the augmentation to look at, not a test (surefire runs only *Test classes). From the
 * project root:
 * <pre>
 * mvn -B -q -o -DskipTests package -pl training -am
 * java -cp training/target/numera.jar:training/target/test-classes dev.numera.training.augment.AugmentPreviews [OUT_DIR]
 * </pre>
 * writes into OUT_DIR (default training/target): augment-preview.png (per row an MNIST test digit,
 * then 11 draws of the standard preset), pipeline-imitation-preview.png (per row a digit, 5 camera
 * imitations, 5 drawn imitations, then the app preset 5 times) and camera-render-preview.png
 * (rendered 140x140 photos above their threshold). Digits come from {@code -Dnumera.mnist.dir}
 * (default ../shared/mnist); without MNIST, synthetic rings.
 */
public final class AugmentPreviews {
    private AugmentPreviews() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "training/target");
        if (System.getProperty("numera.mnist.dir") == null) {
            System.setProperty("numera.mnist.dir", "../shared/mnist");
        }
        int rows = 12;
        float[] originals = PipelineImitationTest.mnist(dev.numera.training.data.Mnist.Part.TEST, rows);
        if (originals == null) {
            originals = PipelineImitationTest.digits(rows);
        }

        int cols = 12;
        float[] grid = rowsOf(originals, rows, cols);
        Augmenter standard = new Augmenter(AugmentConfig.standard());
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                standard.apply(grid, (r * cols + c) * 784, SplitMix64.derive(42, r, c));
            }
        }
        write(grid(grid, rows * cols, cols), dir.resolve("augment-preview.png"));

        cols = 16;
        grid = rowsOf(originals, rows, cols);
        CameraImitation camera = new CameraImitation();
        DrawnImitation drawn = new DrawnImitation();
        Augmenter app = new Augmenter(AugmentConfig.app());
        for (int r = 0; r < rows; r++) {
            for (int c = 1; c < cols; c++) {
                int off = (r * cols + c) * 784;
                SplitMix64 rng = SplitMix64.derive(42, r, c);
                if (c <= 5) {
                    camera.apply(grid, off, rng);
                } else if (c <= 10) {
                    drawn.apply(grid, off, rng);
                } else {
                    app.apply(grid, off, rng);
                }
            }
        }
        write(grid(grid, rows * cols, cols), dir.resolve("pipeline-imitation-preview.png"));

        int shots = 6;
        int box = CameraImitation.BOX;
        BufferedImage img = new BufferedImage(shots * (box + 4), 2 * (box + 4), BufferedImage.TYPE_INT_RGB);
        for (int s = 0; s < shots; s++) {
            float[] d = Arrays.copyOfRange(originals, s * 784, (s + 1) * 784);
            camera.apply(d, 0, SplitMix64.derive(43, s));
            for (int y = 0; y < box; y++) {
                for (int x = 0; x < box; x++) {
                    int g = (int) camera.grey()[y * box + x];
                    img.setRGB(s * (box + 4) + x, y, g * 0x010101);
                    int t = camera.thresholded()[y * box + x] > 0 ? 0 : 255;
                    img.setRGB(s * (box + 4) + x, box + 4 + y, t * 0x010101);
                }
            }
        }
        write(img, dir.resolve("camera-render-preview.png"));
    }

    /** Each original repeated across its row of {@code cols} cells, to be augmented from column 1 on. */
    private static float[] rowsOf(float[] originals, int rows, int cols) {
        float[] grid = new float[rows * cols * 784];
        for (int i = 0; i < rows * cols; i++) {
            System.arraycopy(originals, (i / cols) * 784, grid, i * 784, 784);
        }
        return grid;
    }

    /** {@code count} 28x28 images in {@code columns} columns, 3x enlarged, with a grey gutter. */
    private static BufferedImage grid(float[] images, int count, int columns) {
        int side = 28, scale = 3;
        int rows = (count + columns - 1) / columns;
        int cell = side * scale + scale;
        BufferedImage out = new BufferedImage(columns * cell + scale, rows * cell + scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(0x9a9a9a));
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.dispose();
        for (int i = 0; i < count; i++) {
            DigitImages.paint(out, scale + (i % columns) * cell, scale + (i / columns) * cell, images, i * side * side, side, scale);
        }
        return out;
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        DigitImages.writePng(image, file);
        System.out.println("wrote " + file);
    }
}
