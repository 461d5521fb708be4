package dev.numera.training.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Read digits from PNG or JPEG images with the same Recognizer the browser runs.",
                "Prints one line per image: '<digit> <confidence> <path>', or '- <reason> <path>' when there is no digit."})
final class PredictCommand implements Callable<Integer> {
    enum Mode { camera, drawn, raw }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "camera",
            description = "Pipeline: camera (photo of a digit on paper: threshold, downscale, normalise), "
                    + "drawn (dark strokes on a light canvas), raw (already a 28x28 MNIST-style image). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--list", paramLabel = "FILE", description = "Text file with one image path per line (blank lines and # comments skipped).")
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
        PrintWriter err = spec.commandLine().getErr();
        Models.read(model.path());
        int failures = 0;
        for (Path p : paths) {
            try {
                decode(p);
            } catch (UserException e) {
                err.println("numera: " + e.getMessage());
                failures++;
            }
        }
        if (failures > 0) {
            return Numera.EXIT_FAILURE;
        }
        throw new UserException("predict: recognition not yet implemented (waiting for inference-core's Recognizer)");
    }

    static List<Path> readList(Path file) {
        try {
            List<Path> out = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(Path.of(s));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UserException(file + ": cannot read image list: " + e.getMessage(), e);
        }
    }

    /** Decodes a PNG or JPEG; a missing, unreadable or non-image file is a one-line error. */
    static BufferedImage decode(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new UserException(p + ": image file not found");
        }
        try {
            BufferedImage image = ImageIO.read(p.toFile());
            if (image == null) {
                throw new UserException(p + ": not a PNG or JPEG image");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            throw new UserException(p + ": cannot decode image (" + e.getMessage() + ")", e);
        }
    }
}
