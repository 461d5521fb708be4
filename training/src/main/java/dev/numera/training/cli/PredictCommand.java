package dev.numera.training.cli;

import dev.numera.training.io.IoErrors;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Read digits from PNG or JPEG images with the same Recognizer the browser runs.",
                "Prints one line per image: '<digit> <confidence> <path>', or '- <reason> <path>' when there is no digit."})
final class PredictCommand implements Callable<Integer> {
    /** The recogniser's limits: per side, and in pixels (inference-core's Check.MAX_PIXELS, not public). */
    static final int MAX_SIDE = 4096;
    static final long MAX_PIXELS = 8_000_000;

    enum Mode { camera, drawn, raw }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "camera",
            description = "Pipeline: camera (a photo crop of the target box, dark ink on paper: threshold, downscale, normalise), "
                    + "drawn (a canvas drawing, light ink on dark: downscale, normalise), "
                    + "raw (a small digit image of any size, light ink on dark, e.g. MNIST: normalise). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--list", paramLabel = "FILE", description = "Text file with one image path per line (blank lines and # comments skipped); relative paths are "
            + "taken from the working folder, like IMAGE arguments and like the output of find.")
    Path list;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files (PNG or JPEG).")
    List<Path> images = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> paths = new ArrayList<>(images);
        if (list != null) {
            paths.addAll(readList(list));
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no images given (IMAGE ... or --list FILE)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Recognizer recognizer = new Recognizer(Models.readDigitModel(model.path()));
        InputKind kind = switch (mode) {
            case camera -> InputKind.CAMERA;
            case drawn -> InputKind.DRAWN;
            case raw -> InputKind.RAW;
        };
        int failures = 0;
        for (Path p : paths) {
            try {
                BufferedImage image = decode(p);
                Prediction result = recognizer.recognizeRgba(rgba(image), image.getWidth(), image.getHeight(), kind);
                out.println(line(result, p));
                out.flush();
            } catch (UserException e) {
                err.println("numera: " + e.getMessage());
                err.flush();
                failures++;
            }
        }
        return failures > 0 ? Numera.EXIT_FAILURE : 0;
    }

    /** {@code <digit> <confidence> <path>} or {@code - <reason> <path>}. */
    static String line(Prediction p, Path path) {
        if (!p.hasDigit()) {
            return "- " + p.noDigitReason() + " " + path;
        }
        return p.digit() + " " + String.format(Locale.ROOT, "%.4f", p.confidence()) + " " + path;
    }

    /**
     * Any decoded image (RGB, ARGB, grey, indexed, 16-bit) to unsigned RGBA bytes, row-major, as
     * canvas getImageData gives them: {@code getRGB} converts every colour model to non-premultiplied
     * sRGB ARGB, and alpha is kept so the recogniser composites transparent pixels itself.
     */
    static byte[] rgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        byte[] out = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0, o = 4 * y * w; x < w; x++, o += 4) {
                int argb = row[x];
                out[o] = (byte) (argb >>> 16);
                out[o + 1] = (byte) (argb >>> 8);
                out[o + 2] = (byte) argb;
                out[o + 3] = (byte) (argb >>> 24);
            }
        }
        return out;
    }

    // a UserException per image, so that one such image is one error line, not the end of the batch
    private static void checkSize(Path p, int w, int h) {
        if (w > MAX_SIDE || h > MAX_SIDE) {
            throw new UserException(p + ": image is " + w + "x" + h + ", larger than " + MAX_SIDE + "x" + MAX_SIDE
                    + " (crop it to the digit)");
        }
        if ((long) w * h > MAX_PIXELS) {
            throw new UserException(p + ": image is " + w + "x" + h + " = " + (long) w * h + " pixels, more than "
                    + MAX_PIXELS + " (crop it to the digit)");
        }
    }

    static List<Path> readList(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a folder, not an image list (give a text file with one image path per line)");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": image list not found", e);
        } catch (CharacterCodingException e) {
            throw new UserException(file + ": the image list is not UTF-8 text (one image path per line)", e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the image list: " + IoErrors.describe(e), e);
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String s = lines.get(i).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                out.add(Path.of(s));
            } catch (InvalidPathException e) {   // a NUL byte, say: before any image is read, so nothing is lost
                throw new UserException(file + ": line " + (i + 1) + " is not a usable path (" + e.getReason() + ")", e);
            }
        }
        return out;
    }

    /**
     * Decodes a PNG or JPEG within the recogniser's limits; a missing, unreadable, non-image or too
     * large file is a one-line error.
     */
    static BufferedImage decode(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UserException(p + (Files.isDirectory(p) ? ": is a folder, not an image file"
                    : Files.exists(p) ? ": is not a regular file, not an image file" : ": image file not found"));
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new UserException(p + ": not a PNG or JPEG image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                // the size from the header: a 100 KB file can hold 30000x30000 pixels, seconds and a gigabyte to decode
                checkSize(p, reader.getWidth(0), reader.getHeight(0));
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(p + ": cannot decode image (" + e.getMessage() + ")", e);
        }
    }
}
