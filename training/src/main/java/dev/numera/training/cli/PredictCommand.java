package dev.numera.training.cli;

import dev.numera.training.io.IoErrors;
import dev.numera.core.recognize.InputKind;
import dev.numera.core.recognize.Photo;
import dev.numera.core.recognize.Prediction;
import dev.numera.core.recognize.Recognizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.numera.core.image.InkCheck;
import dev.numera.core.image.Luminance;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = {"Read digits from " + PredictCommand.FORMATS + " images with the same Recognizer the browser runs.",
                "Prints one line per image read, its three fields split by tabs: '<digit> <confidence> <path>', or '- <reason> <path>'"
                        + " when there is no digit;"
                        + " an image that cannot be read gets an error line on standard error instead (exit 1 after the batch);"
                        + " control characters in the path are escaped (a newline as \\n, a backslash as \\\\), as info shows metadata."})
final class PredictCommand implements Callable<Integer> {
    /**
     * The formats {@link #decode} reads, as the help and the "not an image" error name them: every one
     * the JDK's ImageIO has a reader for, none refused (PredictCommandTest checks the list against
     * ImageIO's readers, so that it cannot drift from them, and reads a picture in each).
     */
    static final String FORMATS = "PNG, JPEG, GIF, BMP, WBMP or TIFF";

    /** The recogniser's limits: per side, and in pixels (inference-core's Check.MAX_PIXELS, not public). */
    static final int MAX_SIDE = 4096;
    static final long MAX_PIXELS = 8_000_000;

    /**
     * Camera mode's limit, in pixels and on no side: a phone's photo of 12, 24, 48 or 50 MP (8160x6120) is
     * read, since it ends as a 140 px box anyway ({@link Photo}: the limit is its own). Decoded it takes 3 to 8 bytes a
     * pixel and as RGBA 4 more, so the largest needs some 350-600 MB of heap for a moment; a 100 MP
     * picture is refused from its header, before any of that.
     */
    static final long MAX_CAMERA_PIXELS = Photo.MAX_PIXELS;

    enum Mode { picture, camera, drawn, raw }

    /** Modes that read a photo of any size, averaged down to the camera box ({@link Photo}). */
    private static boolean photo(Mode mode) {
        return mode == Mode.picture || mode == Mode.camera;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "picture",
            description = "Pipeline: picture (any picture, as the page's Open a picture reads it: dark ink on paper as camera does, light ink on a dark or "
                    + "transparent background, MNIST's look among them, as drawn does, but a photo of chalk on a board turned dark on light as the camera does), "
                    + "camera (dark ink on paper or on a white canvas, e.g. a photo of up to 50 M pixels, best cropped to the digit: framed with paper when its ink reaches the edge, and "
                    + "averaged down to 140 px when larger, as the page's camera box holds it, then threshold, downscale, normalise), "
                    + "drawn (a canvas drawing, light ink on dark or transparent: downscale, normalise), "
                    + "raw (a small digit image of any size, light ink on dark, e.g. MNIST: normalise). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(names = "--list", paramLabel = "FILE", description = "Text file with one image path per line (blank lines and # comments skipped), or - for "
            + "standard input (find . -name '*.png' | numera predict --list -); relative paths are taken from the working folder, like IMAGE arguments "
            + "and like the output of find.")
    Path list;

    @Parameters(paramLabel = "IMAGE", arity = "0..*", description = "Image files (" + FORMATS
            + "; of an animated GIF or a multi-page TIFF, the first image).")
    List<Path> images = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<Path> paths = new ArrayList<>(images);
        if (list != null) {
            List<Path> listed = readList(list);
            if (listed.isEmpty() && images.isEmpty()) {
                throw new UserException(listName(list) + ": the image list is empty (no line in it but blank ones and # comments)");
            }
            paths.addAll(listed);
        }
        if (paths.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no images given (IMAGE ... or --list FILE)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Recognizer recognizer = new Recognizer(Models.readDigitModel(model.path()));
        try {
            // one inference now builds what the network makes on first use (a 3x3 conv's Winograd weights, 4x its
            // own): a heap too small for those is the model's problem, not the first picture's ("scale it down")
            recognizer.infer(new float[28 * 28]);
        } catch (OutOfMemoryError e) {
            throw new UserException(model.path() + ": not enough memory to run this model (give Java more, e.g. java -Xmx1g -jar ...)", e);
        }
        InputKind kind = switch (mode) {
            case picture, camera -> InputKind.CAMERA;   // (photo modes read through Photo)
            case drawn -> InputKind.DRAWN;
            case raw -> InputKind.RAW;
        };
        int failures = 0;
        // the pictures each hint after the batch is about, named in it (in a batch of 20, "a picture here" left the user to guess)
        Map<Hint, List<Path>> hints = new EnumMap<>(Hint.class);
        for (Path p : paths) {
            try {
                Prediction result;
                if (photo(mode)) {
                    Photo.Picture pic = packed(picture(p, mode));
                    result = mode == Mode.picture ? Photo.read(recognizer, pic.rgba, pic.width, pic.height)
                            : Photo.recognize(recognizer, pic.rgba, pic.width, pic.height);
                    // a sheet on a dark desk (a light middle) is read, not hinted at; chalk on a blackboard is read turned, as the page's
                    // camera reads it; a dim photo of dark ink on paper is dark at its border and middle too, but has no dark border
                    // (Photo.darkGround: no light strokes, no step at a desk's edge)
                    if (mode == Mode.camera && !result.turned() && Photo.lightOnDark(pic.rgba, pic.width, pic.height)
                            && Photo.darkGround(pic)) {
                        hints.computeIfAbsent(Hint.DARK_PAPER, h -> new ArrayList<>()).add(p);
                    }
                    String reason = result.noDigitReason();
                    if (mode == Mode.camera && clearBorder(pic) && drawnOn(pic)
                            && (InkCheck.NO_INK.equals(reason) || InkCheck.TOO_LITTLE_INK.equals(reason))) {
                        hints.computeIfAbsent(Hint.LIGHT_ON_CLEAR, h -> new ArrayList<>()).add(p);
                    } else if (Math.max(pic.width, pic.height) > SMALL_DIGIT_SCALE * Photo.BOX
                            && (InkCheck.TOO_LITTLE_INK.equals(reason) || InkCheck.TOO_SMALL.equals(reason))) {
                        hints.computeIfAbsent(Hint.SMALL_IN_LARGE, h -> new ArrayList<>()).add(p);
                    }
                } else {
                    Picture pic = picture(p, mode);
                    result = recognizer.recognizeRgba(pic.rgba(), pic.width(), pic.height(), kind);
                    // read as blank or all ink: likely the other polarity, unless the picture is one colour throughout (an empty
                    // black or transparent canvas is blank in this mode too: "--mode picture" sent its user to read it again)
                    String reason = result.noDigitReason();
                    if (InkCheck.TOO_MUCH_INK.equals(reason) || InkCheck.NO_INK.equals(reason) && !oneColour(pic)) {
                        hints.computeIfAbsent(Hint.POLARITY, h -> new ArrayList<>()).add(p);
                    }
                }
                out.println(line(result, p));
                if (out.checkError()) {
                    break;   // flushed, and no one reads the answers any more (a pipe closed, a disk full): Numera.run says which
                }
            } catch (UserException e) {
                err.println("numera: " + InfoCommand.shown(e.getMessage()));   // it names the picture: escaped as the answer lines are
                err.flush();
                failures++;
            } catch (IllegalArgumentException e) {
                // inference-core refuses an input it cannot take this way (its image steps' checks, made for the page's
                // messages): that picture's line, not the end of the batch nor a "bug"
                err.println("numera: " + InfoCommand.shown(p.toString()) + ": " + e.getMessage());
                err.flush();
                failures++;
            } catch (OutOfMemoryError e) {
                // a photo within the limits still needs up to a few hundred MB for a moment (MAX_CAMERA_PIXELS), more than a
                // small default heap; what it took is garbage once this throws, so the batch goes on
                err.println("numera: " + InfoCommand.shown(p.toString()) + ": not enough memory to read this image (give Java more, e.g. java -Xmx1g -jar ..., or scale it down)");
                err.flush();
                failures++;
            }
        }
        if (out.checkError()) {
            return failures > 0 ? Numera.EXIT_FAILURE : 0;   // no hints about answers no one reads
        }
        hints.forEach((hint, pictures) -> err.println("numera: " + hint.text(mode, named(pictures))));
        return failures > 0 ? Numera.EXIT_FAILURE : 0;
    }

    /**
     * Averaged down by more than this, a picture read as too little ink or too small most likely holds a digit too
     * small in it: a 7 of 30 px in a 300 px picture ends 14 px tall in the box, the 400 px 7 of a 4000x3000 photo
     * 14 px with a stroke of 1.4 px, and both read "too little ink (blank paper?)"; cropped to the digit, both are read.
     */
    static final int SMALL_DIGIT_SCALE = 2;

    /** RGBA bytes, row-major, width x height: decoded, and turned by its EXIF orientation ({@link ExifOrientation}). */
    record Picture(byte[] rgba, int width, int height) {
    }

    /**
     * The picture's pixels packed one per int, as {@link Photo} takes them (and the page hands them over):
     * {@code R | G << 8 | B << 16 | A << 24}. Made once per picture; the bytes are garbage after it, so a
     * large photo's peak stays two copies (the bytes and the packed pixels), as the EXIF turn's is.
     */
    static Photo.Picture packed(Picture pic) {
        byte[] rgba = pic.rgba();
        int[] out = new int[pic.width() * pic.height()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Luminance.pack(rgba, 4 * i);
        }
        return new Photo.Picture(out, pic.width(), pic.height());
    }

    /** Advice printed after a batch's answers, each naming the pictures it is about (in this order). */
    enum Hint {
        /** Read as blank or as all ink: likely the wrong polarity for the mode. */
        POLARITY,
        /**
         * Camera mode: light ink on a dark ground ({@link Photo#lightOnDark}) not read turned as chalk ({@link Prediction#turned}):
         * an MNIST-style white-on-black image read as a camera box gives confident wrong digits or "ink covers almost everything".
         * Only when the border is a dark ground or surround ({@link Photo#darkGround}: light strokes, or a desk around a sheet),
         * as the hint says: a dim photo of dark ink on paper is dark at its border and middle too, and was told so.
         */
        DARK_PAPER,
        /** Camera mode: transparent around something drawn, read as blank: most likely light ink, which shows as nothing on paper. */
        LIGHT_ON_CLEAR,
        /**
         * Camera mode: too little ink in a picture averaged down a lot: most likely a small digit. No word on how it was read:
         * picture mode reads a dark-ground picture as a drawing, at 28 px, not in the camera box.
         */
        SMALL_IN_LARGE;

        String text(Mode mode, String named) {
            return switch (this) {
                case POLARITY -> "--mode " + mode + " reads light ink on a dark or transparent background, and " + named
                        + " read as blank or all ink; dark ink on paper or on a white canvas is --mode picture (the default)";
                case DARK_PAPER -> "--mode camera reads dark ink on light paper, and " + named + " has a dark border;"
                        + " light ink on a dark background is --mode picture (the default) or drawn, or --mode raw for a 28x28 MNIST-style image";
                case LIGHT_ON_CLEAR -> "--mode camera reads dark ink on light paper, and " + named + " is transparent around"
                        + " light ink, which shows as nothing on paper; a drawing of light ink is --mode picture (the default) or drawn";
                case SMALL_IN_LARGE -> named + " is more than " + SMALL_DIGIT_SCALE + " times larger than the page's " + Photo.BOX
                        + " px camera box and no digit big enough to read was found in it; crop the picture to the digit, with a little paper around it";
            };
        }
    }

    /** The pictures a hint is about: "a.png", or "a.png (and 3 more)". */
    static String named(List<Path> pictures) {
        return InfoCommand.shown(pictures.get(0).toString()) + (pictures.size() > 1 ? " (and " + (pictures.size() - 1) + " more)" : "");
    }

    /** Whether anything is drawn on the picture: a pixel at least half opaque (a transparent picture may hold nothing at all). */
    static boolean drawnOn(Photo.Picture pic) {
        int[] rgba = pic.rgba;
        for (int i = 0, n = pic.width * pic.height; i < n; i++) {
            if (rgba[i] >>> 24 >= 128) {
                return true;
            }
        }
        return false;
    }

    /** Whether every pixel is within a few levels of the first, in each channel and in alpha: nothing drawn on it at all. */
    static boolean oneColour(Picture pic) {
        byte[] rgba = pic.rgba();
        for (int i = 4; i < rgba.length; i++) {
            if (Math.abs((rgba[i] & 0xFF) - (rgba[i % 4] & 0xFF)) > 8) {
                return false;
            }
        }
        return true;
    }

    /** Whether the picture's border ({@link Photo#borderMedian}) is mostly transparent: alpha under half. */
    static boolean clearBorder(Photo.Picture pic) {
        return Photo.borderMedian(pic.rgba, pic.width, pic.height)[3] < 128;
    }

    /**
     * {@code <digit> <confidence> <path>} or {@code - <reason> <path>}, the three fields split by tabs (a reason, "no ink",
     * and a path, "my digit.png", may hold spaces: with spaces between the fields such a line could not be split), the path
     * as info shows a model's text ({@link InfoCommand#shown}): a file name may hold a newline, which split the line in two,
     * or a tab, which is written \t.
     */
    static String line(Prediction p, Path path) {
        String shown = InfoCommand.shown(path.toString());
        if (!p.hasDigit()) {
            return "-\t" + p.noDigitReason() + "\t" + shown;
        }
        return p.digit() + "\t" + String.format(Locale.ROOT, "%.4f", p.confidence()) + "\t" + shown;
    }

    /**
     * Any decoded image (RGB, ARGB, grey, indexed, 16-bit) to unsigned RGBA bytes, row-major, as
     * canvas getImageData gives them, alpha kept so the recogniser composites transparent pixels itself.
     * Colour and indexed images go through {@code getRGB} (non-premultiplied sRGB ARGB). A grey image's
     * levels are taken as they are stored, as browsers show a grey PNG: Java's grey colour space is
     * linear, and {@code getRGB} would brighten its mid-tones (84 became 155) and change the digit read.
     */
    static byte[] rgba(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        // Java's own linear grey (no embedded profile, which getRGB applies as a browser does), integer samples of up to 16 bits
        if (cm instanceof ComponentColorModel && cm.getColorSpace() == ColorSpace.getInstance(ColorSpace.CS_GRAY)
                && (cm.getTransferType() == DataBuffer.TYPE_BYTE || cm.getTransferType() == DataBuffer.TYPE_USHORT)) {
            return greyRgba(image.getRaster(), cm);
        }
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

    /** A grey (or grey + alpha) raster of 1-16 bit integer samples to RGBA bytes, the levels as stored. */
    static byte[] greyRgba(Raster raster, ColorModel cm) {
        int w = raster.getWidth();
        int h = raster.getHeight();
        int greyMax = (1 << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha();
        int alphaBand = raster.getNumBands() - 1;
        int alphaMax = alpha ? (1 << cm.getComponentSize(alphaBand)) - 1 : 1;
        byte[] out = new byte[4 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0, o = 4 * y * w; x < w; x++, o += 4) {
                long g = raster.getSample(x, y, 0);
                long a = alpha ? raster.getSample(x, y, alphaBand) : alphaMax;
                if (alpha && cm.isAlphaPremultiplied()) {
                    g = a > 0 ? Math.min(greyMax, (g * alphaMax + a / 2) / a) : 0;
                }
                byte level = (byte) ((g * 255 + greyMax / 2) / greyMax);
                out[o] = out[o + 1] = out[o + 2] = level;
                out[o + 3] = (byte) ((a * 255 + alphaMax / 2) / alphaMax);
            }
        }
        return out;
    }

    // a UserException per image, so that one such image is one error line, not the end of the batch
    private static void checkSize(Path p, int w, int h, Mode mode) {
        if (photo(mode)) {   // averaged down to the camera box, in halvings first when large (Photo.asCameraBox)
            if ((long) w * h > MAX_CAMERA_PIXELS) {
                throw new UserException(p + ": image is " + w + "x" + h + " = " + (long) w * h + " pixels, more than "
                        + MAX_CAMERA_PIXELS + " (crop it to the digit or scale it down)");
            }
            return;
        }
        if (w > MAX_SIDE || h > MAX_SIDE) {
            // 5000x300 is not "larger than 4096x4096": name the side that is too long
            throw new UserException(p + ": image is " + w + "x" + h + ", " + (w > MAX_SIDE ? "wider" : "taller") + " than " + MAX_SIDE
                    + " px (crop it to the digit)");
        }
        if ((long) w * h > MAX_PIXELS) {
            throw new UserException(p + ": image is " + w + "x" + h + " = " + (long) w * h + " pixels, more than "
                    + MAX_PIXELS + " (crop it to the digit)");
        }
    }

    /** --list - reads the list from standard input (a file named "-" is ./-). */
    static boolean fromStdin(Path list) {
        return list.toString().equals("-");
    }

    static String listName(Path list) {
        return fromStdin(list) ? "standard input (--list -)" : list.toString();
    }

    static List<Path> readList(Path file) {
        if (!fromStdin(file) && Files.isDirectory(file)) {   // "-" is standard input, whatever the working folder holds
            throw new UserException(file + ": is a folder, not an image list (give a text file with one image path per line)");
        }
        List<String> lines;
        try {
            byte[] bytes = fromStdin(file) ? System.in.readAllBytes() : Files.readAllBytes(file);
            // a strict decoder, as Files.readAllLines has: a binary file given as the list is said so
            lines = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString().lines().toList();
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": image list not found", e);
        } catch (CharacterCodingException e) {
            throw new UserException(listName(file) + ": the image list is not UTF-8 text (one image path per line)", e);
        } catch (IOException e) {
            throw new UserException(listName(file) + ": cannot read the image list: " + IoErrors.describe(e), e);
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            // a byte order mark (Notepad saves one) is not part of the first path
            String s = (i == 0 && lines.get(i).startsWith("\uFEFF") ? lines.get(i).substring(1) : lines.get(i)).strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            try {
                out.add(Path.of(s));
            } catch (InvalidPathException e) {   // a NUL byte, say: before any image is read, so nothing is lost
                throw new UserException(listName(file) + ": line " + (i + 1) + " is not a usable path (" + e.getReason() + ")", e);
            }
        }
        return out;
    }

    /**
     * The image as a browser shows it: decoded, as RGBA bytes, then turned by its EXIF orientation
     * (a phone's portrait photo is stored sideways), or a TIFF's own, before anything else looks at
     * it. Turned after {@link #rgba}, the one point its colour and grey paths share.
     */
    static Picture picture(Path p, Mode mode) {
        return ExifOrientation.apply(decoded(p, mode), ExifOrientation.read(p));
    }

    /** {@link #picture} within the limits of --mode raw (the recogniser's). */
    static Picture picture(Path p) {
        return picture(p, Mode.raw);
    }

    // the decoded image is garbage once its RGBA copy is made, before a turn makes another: a large photo's peak is two copies, not three
    private static Picture decoded(Path p, Mode mode) {
        BufferedImage image = decode(p, mode);
        return new Picture(rgba(image), image.getWidth(), image.getHeight());
    }

    /**
     * Why a file ImageIO could not open cannot be read. ImageIO gives no stream and no reason for a file
     * it cannot open (permission denied), which read as "not an image": opened here again, for the reason.
     */
    private static String whyUnreadable(Path p) {
        try (java.nio.channels.SeekableByteChannel ch = Files.newByteChannel(p)) {
            return "cannot open it";   // it opens now: changed in between
        } catch (IOException e) {
            return IoErrors.reason(e);
        }
    }

    /**
     * Decodes the first image of a file in one of the {@link #FORMATS} within the limits of {@code mode}
     * ({@link #MAX_CAMERA_PIXELS} for the camera, which averages it down first; else the recogniser's);
     * a missing, unreadable, non-image or too large file is a one-line error.
     */
    static BufferedImage decode(Path p, Mode mode) {
        if (!Files.isRegularFile(p)) {
            throw new UserException(p + (Files.isDirectory(p) ? ": is a folder, not an image file"
                    : Files.exists(p) ? ": is not a regular file, not an image file"
                    : p.toString().equals("-") ? ": image file not found (a list of image paths on standard input is --list -)"
                    : ": image file not found"));
        }
        if (isEmpty(p)) {   // "not a PNG, JPEG, ... image" said nothing of the likelier story: a save or a copy that never wrote
            throw new UserException(p + ": the file is empty (0 bytes), not an image");
        }
        boolean recognised = false;   // a reader took the file by its signature
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            if (in == null) {
                throw new UserException(p + ": cannot read image file: " + whyUnreadable(p));
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UserException(p + ": not a " + FORMATS + " image");
            }
            ImageReader reader = readers.next();
            recognised = true;
            try {
                reader.setInput(in, true, true);
                // the size from the header: a 100 KB file can hold 30000x30000 pixels, seconds and a gigabyte to decode
                checkSize(p, reader.getWidth(0), reader.getHeight(0), mode);
                // The JPEG reader takes damaged or cut-short data as warnings only and returns the
                // picture with the missing part grey: a wrong answer with exit 0. Its warnings are all
                // of that kind (libjpeg's); the other readers throw on such data instead.
                List<String> damage = new ArrayList<>();
                if (reader.getFormatName().equalsIgnoreCase("jpeg")) {
                    reader.addIIOReadWarningListener((source, warning) -> damage.add(warning));
                }
                BufferedImage image = reader.read(0);
                if (!damage.isEmpty()) {
                    throw new UserException(p + ": the image is damaged or cut short (" + String.join("; ", damage) + ")");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) {
                throw u;
            }
            outOfMemoryIn(e);
            // a reader took the file by its signature and then failed on it: what follows the signature is not all there, or
            // not as it should be (a TIFF cut short fails in its header, "Data segment out of stream", a PNG in its pixels)
            throw new UserException(p + (recognised ? ": the image is damaged or cut short (" : ": cannot decode image (") + why(e) + ")", e);
        }
    }

    /**
     * Throws the OutOfMemoryError that a reader wrapped: the PNG reader wraps running out of heap in an IIOException
     * ("Caught exception during read: "), which is the same line as any picture the heap cannot hold (the caller's), not a
     * damaged file.
     */
    private static void outOfMemoryIn(Exception e) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                throw oom;
            }
        }
    }

    private static boolean isEmpty(Path p) {
        try {
            return Files.size(p) == 0;
        } catch (IOException e) {
            return false;   // the reading below says what is wrong
        }
    }

    /** A reader's failure in a few words (some readers throw with no message: BMP said "(null)"). */
    private static String why(Exception e) {
        return e instanceof java.io.EOFException ? "the file ends before the image does"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
