package dev.numera.training.cli;

import com.sun.net.httpserver.HttpServer;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.LayerSpec;
import dev.numera.core.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end through {@link Numera#run}: exit codes and one-line messages. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\\R");
            return lines[lines.length - 1];
        }
    }

    /** {@code out} holds what went to System.out (train's log of epochs, which the Trainer prints there) before the writer's text. */
    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        System.setOut(new java.io.PrintStream(log, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = Numera.run(args, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setOut(stdout);
        }
        return new Result(code, log.toString(java.nio.charset.StandardCharsets.UTF_8) + out, err.toString());
    }

    static void assertOneLineNoStackTrace(Result r) {
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertFalse(r.err.contains("\tat "), r.err);
        assertFalse(r.err.contains("Exception"), r.err);
    }

    /** A dense 784→10 model whose weights make class = (mean pixel > 0.5 ? 1 : 0), saved to a file. */
    Path tinyModel() throws IOException {
        Sequential net = Sequential.create(new int[] {1, 28, 28}, new LayerSpec[] {LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        float[] p = net.params();
        for (int i = 0; i < 784; i++) {
            p[784 + i] = 10f / 784;               // class 1 logit grows with ink
        }
        p[7840 + 1] = -5f;                         // class 1 bias
        Path file = dir.resolve("tiny.nmod");
        Files.write(file, ModelFile.of(net, Map.of(ModelFile.META_ARCH, "tiny"), false).write());
        return file;
    }

    /** A model file of any shape the format allows (random weights). */
    Path modelFile(String name, int[] input, LayerSpec... layers) throws IOException {
        Sequential net = Sequential.create(input, layers, 1);
        Path file = dir.resolve(name);
        Files.write(file, ModelFile.of(net, Map.of(), false).write());
        return file;
    }

    static byte[] idx(int[] dims, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) 8).put((byte) dims.length);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.put(data).array();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        }
        return out.toByteArray();
    }

    /** 20 test digits: even ones blank (label 0), odd ones full ink (label 1). */
    Path syntheticTestSet() throws IOException {
        Path d = Files.createDirectories(dir.resolve("mnist"));
        byte[] pixels = new byte[20 * 784];
        byte[] labels = new byte[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = (byte) (i % 2);
            Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) (i % 2 == 1 ? 255 : 0));
        }
        labels[19] = 7;                            // one deliberate mistake
        Files.write(d.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(new int[] {20, 28, 28}, pixels)));
        Files.write(d.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {20}, labels));
        return d;
    }

    /**
     * Out of heap (a small machine's default heap), a command says so in one line with the heap's size, exit 1; it ended in
     * an OutOfMemoryError's stack trace, which picocli does not hand to the exception handler. Run in a JVM of its own:
     * 10,000 blank test digits (8 KB gzipped) are 31 MB as floats, more than a 24 MB heap holds.
     */
    @Test
    void outOfHeapIsOneLine() throws Exception {
        Path d = Files.createDirectories(dir.resolve("big-mnist"));
        int n = 10_000;
        Files.write(d.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(new int[] {n, 28, 28}, new byte[n * 784])));
        Files.write(d.resolve("t10k-labels-idx1-ubyte"), idx(new int[] {n}, new byte[n]));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(javaBin, "-Xmx24m", "-cp", System.getProperty("java.class.path"), Numera.class.getName(),
                "evaluate", "--model", tinyModel().toString(), "--data", d.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
        String text = Files.readString(err).strip();
        assertEquals(Numera.EXIT_FAILURE, child.exitValue(), text);
        assertTrue(text.matches("numera: not enough memory \\(Java's heap is [0-9]+ MB; give Java more, e\\.g\\. java -Xmx2g -jar numera\\.jar \\.\\.\\.\\)"),
                text);
    }

    @Test
    void helpOnEveryCommand() {
        for (String cmd : List.of("train", "evaluate", "predict", "export", "quantize", "info")) {
            Result r = run(cmd, "--help");
            assertEquals(0, r.code, cmd);
            assertTrue(r.out.startsWith("Usage: numera " + cmd), r.out);
        }
        assertEquals(0, run("--help").code);
    }

    /** Every command's help advertises -V, --version: each prints what 'numera --version' prints. */
    @Test
    void versionOnEveryCommand() {
        Result top = run("--version");
        assertEquals(0, top.code);
        assertTrue(top.out.startsWith("numera "), top.out);
        for (String cmd : List.of("train", "evaluate", "predict", "export", "quantize", "info")) {
            for (String option : List.of("--version", "-V")) {
                Result r = run(cmd, option);
                assertEquals(0, r.code, cmd + " " + option + ": " + r.err);
                assertEquals(top.out, r.out, cmd + " " + option);
            }
        }
    }

    @Test
    void usageErrorsExitTwoWithOneLine() {
        for (String[] args : List.of(new String[] {}, new String[] {"bogus"}, new String[] {"train", "--arch", "x"},
                new String[] {"train", "--epochs", "many"}, new String[] {"evaluate", "--limit", "0", "--data", "."},
                new String[] {"predict", "--mode", "sideways", "a.png"}, new String[] {"export", "--format", "tflite"},
                new String[] {"train", "--bits", "9"}, new String[] {"train", "--dtype", "float32", "--bits", "4"},
                new String[] {"quantize", "--bits", "1", "--out", "x.nmod"})) {
            Result r = run(args);
            assertEquals(2, r.code, Arrays.toString(args) + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertTrue(r.err.startsWith("numera"), r.err);
        }
    }

    /** A mistyped command is named as one, not as picocli's "Unmatched argument at index 0". */
    @Test
    void aMistypedCommandIsNamedWithTheCommands() {
        Result r = run("evalute", "--limit", "10");
        assertEquals(2, r.code, r.err);
        assertEquals("numera: unknown command 'evalute' (one of: train, evaluate, predict, export, quantize, info) (see 'numera --help')", r.err.strip());
        Result help = run("help", "evalute");
        assertEquals(2, help.code, help.err);
        assertEquals("numera: unknown command 'evalute' (one of: train, evaluate, predict, export, quantize, info) (see 'numera --help')", help.err.strip());
        Result option = run("--limt", "10");                   // an unknown option keeps picocli's words
        assertTrue(option.err.startsWith("numera: Unknown options: '--limt'"), option.err);
    }

    /** A word after a command that takes options only is named as such, not as "Unmatched arguments from index 1". */
    @Test
    void anArgumentACommandDoesNotTakeIsNamed() {
        Result one = run("info", "extra");
        assertEquals(2, one.code, one.err);
        assertEquals("numera info: unexpected argument 'extra' (info takes options only) (see 'numera info --help')", one.err.strip());
        Result two = run("info", "extra", "more");
        assertEquals("numera info: unexpected arguments 'extra' 'more' (info takes options only) (see 'numera info --help')", two.err.strip());
    }

    @Test
    void missingDataFolderSaysWhereToPutTheFiles() throws IOException {
        Path nowhere = dir.resolve("no-mnist-here");
        Result r = run("evaluate", "--model", tinyModel().toString(), "--data", nowhere.toString());
        assertEquals(1, r.code);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains(nowhere.toString()) && r.err.contains("t10k-images-idx3-ubyte.gz") && r.err.contains("--download"), r.err);
        assertFalse(r.err.contains("four"), "evaluate needs only the two test files: " + r.err);
    }

    @Test
    void evaluatePrintsTheSummaryLineLast() throws IOException {
        Path data = syntheticTestSet();
        Path report = dir.resolve("report");
        Result r = run("evaluate", "--model", tinyModel().toString(), "--data", data.toString(), "--report", report.toString());
        assertEquals(0, r.code, r.err);
        assertEquals("accuracy=0.9500 n=20", r.lastLine());
        assertTrue(r.out.contains("confusion matrix"), r.out);
        assertTrue(Files.size(report.resolve("confusion.png")) > 1000);
        assertTrue(Files.size(report.resolve("mistakes.png")) > 1000);
    }

    /**
     * A format-valid model whose outputs are NaN (int8 weights of scale ~1e36: the sums overflow) is
     * refused as predict refuses it, before anything is printed or written; it was scored 0.085.
     */
    @Test
    void evaluateRefusesAModelWhoseOutputIsNotANumber() throws IOException {
        Sequential net = Sequential.create(new int[] {1, 28, 28}, new LayerSpec[] {LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Arrays.fill(net.params(), 0, 7840, 1e38f);
        Path model = dir.resolve("overflow.nmod");
        Files.write(model, ModelFile.of(net, Map.of(), true).write());
        Path report = dir.resolve("report");
        Result r = run("evaluate", "--model", model.toString(), "--data", syntheticTestSet().toString(), "--report", report.toString());
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.startsWith("numera: " + model + ": the network's output is not a number (the model is damaged) for "), r.err);
        assertEquals("", r.out);
        assertFalse(Files.exists(report.resolve("index.html")));
        assertFalse(Files.exists(report.resolve("metrics.json")));
    }

    @Test
    void truncatedIdxFile() throws IOException {
        Path data = syntheticTestSet();
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        byte[] raw = idx(new int[] {20, 28, 28}, new byte[20 * 784]);
        Files.delete(images);
        Files.write(data.resolve("t10k-images-idx3-ubyte"), Arrays.copyOf(raw, raw.length - 784));
        Result r = run("evaluate", "--model", tinyModel().toString(), "--data", data.toString());
        assertEquals(1, r.code);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("t10k-images-idx3-ubyte") && r.err.contains("truncated") && r.err.contains("784 missing"), r.err);
    }

    @Test
    void corruptModel() throws IOException {
        byte[] good = Files.readAllBytes(tinyModel());
        good[good.length / 2] ^= 0x55;
        Path bad = Files.write(dir.resolve("bad.nmod"), good);
        for (String[] args : List.of(new String[] {"info", "--model", bad.toString()},
                new String[] {"evaluate", "--model", bad.toString(), "--data", dir.toString()})) {
            Result r = run(args);
            assertEquals(1, r.code, args[0]);
            assertOneLineNoStackTrace(r);
            assertTrue(r.err.contains("bad.nmod") && r.err.contains("CRC"), r.err);
        }
    }

    /** --verbose before or after the command (each command's --help lists it); without it, see corruptModel: one line, no trace. */
    @Test
    void verboseAnywherePrintsTheStackTrace() throws IOException {
        byte[] good = Files.readAllBytes(tinyModel());
        good[good.length / 2] ^= 0x55;
        String bad = Files.write(dir.resolve("bad.nmod"), good).toString();
        for (String[] args : List.of(new String[] {"info", "--verbose", "--model", bad}, new String[] {"--verbose", "info", "--model", bad},
                new String[] {"info", "-v", "--model", bad})) {
            Result r = run(args);
            assertEquals(1, r.code, String.join(" ", args));
            assertTrue(r.err.startsWith("numera: ") && r.err.contains("CRC"), r.err);
            assertTrue(r.err.contains("UserException") && r.err.contains("\tat "), String.join(" ", args) + ":\n" + r.err);
        }
    }

    /**
     * A valid model file that is not 28x28 → 10 is refused by every command that runs it, in one
     * line, before any data is read: it would fail deep inside them.
     */
    @Test
    void modelsOfOtherShapesAreNotDigitModels() throws IOException {
        String data = syntheticTestSet().toString();
        Path image = dir.resolve("digit.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(28, 28, java.awt.image.BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        for (Path model : List.of(
                modelFile("five.nmod", new int[] {1, 28, 28}, LayerSpec.flatten(), LayerSpec.dense(5)),
                modelFile("small.nmod", new int[] {1, 14, 14}, LayerSpec.flatten(), LayerSpec.dense(10)),
                modelFile("colour.nmod", new int[] {3, 28, 28}, LayerSpec.flatten(), LayerSpec.dense(10)),
                modelFile("empty.nmod", new int[] {1, 28, 28}))) {
            for (String[] args : List.of(new String[] {"evaluate", "--model", model.toString(), "--data", data},
                    new String[] {"export", "--model", model.toString(), "--format", "onnx", "--out", dir.resolve("x.onnx").toString()},
                    new String[] {"predict", "--model", model.toString(), image.toString()})) {
                Result r = run(args);
                assertEquals(1, r.code, String.join(" ", args) + ": " + r.err);
                assertOneLineNoStackTrace(r);
                assertTrue(r.err.startsWith("numera: " + model + ": not a digit model (the commands need a network from [1, 28, 28] to 10 classes"),
                        String.join(" ", args) + ": " + r.err);
            }
        }
        assertTrue(run("evaluate", "--model", modelFile("five.nmod", new int[] {1, 28, 28}, LayerSpec.flatten(), LayerSpec.dense(5)).toString(),
                "--data", data).err.contains("this one is from [1, 28, 28] to 5)"));
        assertFalse(Files.exists(dir.resolve("x.onnx")));
    }

    /** A digit model whose layer order ONNX cannot express: one line naming the layer, and no file. */
    @Test
    void exportRefusesAConvAfterDense() throws IOException {
        Path model = modelFile("late-conv.nmod", new int[] {1, 28, 28}, LayerSpec.flatten(), LayerSpec.dense(10), LayerSpec.conv2d(10, 1, 1, 0));
        Path onnx = dir.resolve("late-conv.onnx");
        Result r = run("export", "--model", model.toString(), "--format", "onnx", "--out", onnx.toString());
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertEquals("numera: " + model + ": cannot export to ONNX: layer 2 (conv2d(10, 1x1, s1, p0)) comes after a flatten or dense layer: "
                + "the ONNX export supports conv2d and maxpool2d only before the first flatten or dense", r.err.strip());
        assertFalse(Files.exists(onnx));
    }

    /** A folder, a device or a file of gigabytes as --model: one line each, before anything tries to read it whole. */
    @Test
    void modelPathsThatCannotBeModelFiles() throws IOException {
        Path huge = dir.resolve("huge.nmod");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L << 30);                 // sparse: no disk space taken
        }
        Path folder = Files.createDirectories(dir.resolve("models"));
        List<String[]> cases = new java.util.ArrayList<>(List.of(
                new String[] {huge.toString(), ": 3221225472 bytes, larger than any model file can be (at most 2147483639)"},
                new String[] {folder.toString(), ": is a folder, not a model file"}));
        if (Files.exists(Path.of("/dev/zero"))) {
            cases.add(new String[] {"/dev/zero", ": is not a regular file, not a model file"});
        }
        for (String[] c : cases) {
            for (String[] args : List.of(new String[] {"info", "--model", c[0]}, new String[] {"evaluate", "--model", c[0], "--data", dir.toString()})) {
                Result r = run(args);
                assertEquals(1, r.code, c[0] + ": " + r.err);
                assertOneLineNoStackTrace(r);
                assertEquals("numera: " + c[0] + c[1], r.err.strip());
            }
        }
    }

    /**
     * A large file that is not a model (here 2 GB, sparse, starting like a zip archive) is refused from
     * its first bytes: the heap's peak shows whether it was read whole first (a 2 GB array).
     */
    @Test
    void aLargeFileThatIsNotAModelIsRefusedWithoutReadingItWhole() throws IOException {
        Path archive = dir.resolve("photos.zip");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(archive.toFile(), "rw")) {
            f.write(new byte[] {'P', 'K', 3, 4});
            f.setLength(2_000_000_000L);          // sparse: no disk space taken
        }
        List<java.lang.management.MemoryPoolMXBean> heap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP).toList();
        System.gc();                              // what earlier tests left must not count
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long before = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        Result r = run("info", "--model", archive.toString());
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - before;
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertEquals("numera: " + archive + ": not a Numera model file (wrong magic, expected \"NMOD\")", r.err.strip());
        assertTrue(peak < 1_000_000_000L, "the heap grew by " + peak + " bytes: the file was read whole");
    }

    @Test
    void infoDescribesAModel() throws IOException {
        Result r = run("info", "--model", tinyModel().toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("parameters    7850") && r.out.contains("float32") && r.out.contains("tiny"), r.out);
    }

    /**
     * A model's metadata is anyone's text: info shows its control characters escaped, so that an ESC
     * sequence cannot reach the terminal and a newline cannot print a line that looks like info's own.
     */
    @Test
    void infoEscapesControlCharactersInTheMetadata() throws IOException {
        Sequential net = Sequential.create(new int[] {1, 28, 28}, new LayerSpec[] {LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put(ModelFile.META_ARCH, "mlp\u001b[2J\u001b[31m");
        meta.put("note", "fine\nmeta          accuracy = 0.9999\r\ttab \\n \u202eevil \u0085");
        meta.put("key\u0007", "caf\u00e9 \u2192");
        Path file = dir.resolve("odd.nmod");
        Files.write(file, ModelFile.of(net, meta, false).write());
        Result r = run("info", "--model", file.toString());
        assertEquals(0, r.code, r.err);
        for (String line : r.out.split("\n")) {
            assertTrue(line.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0x202E), line);
        }
        assertTrue(r.out.contains("\narchitecture  mlp\\u001B[2J\\u001B[31m\n"), r.out);
        assertTrue(r.out.contains("\nmeta          note = fine\\nmeta          accuracy = 0.9999\\r\\ttab \\\\n \\u202Eevil \\u0085\n"), r.out);
        assertTrue(r.out.contains("\nmeta          key\\u0007 = caf\u00e9 \u2192\n"), r.out);   // other text as it is
        assertEquals(1, r.out.lines().filter(l -> l.startsWith("accuracy")).count(), r.out);
    }

    /**
     * A file this process may not read, or the test is skipped: the file made unreadable (chmod 000),
     * or, where that does not stop the process (root), a link to a write-only file of the kernel's.
     */
    Path unreadable(String name) throws IOException {
        Path file = Files.write(dir.resolve(name), new byte[] {1, 2, 3});
        try {
            Files.setPosixFilePermissions(file, java.util.Set.of());
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: try the link
        }
        if (!Files.isReadable(file) && deniesReading(file)) {
            return file;
        }
        Files.delete(file);
        Path writeOnly = Path.of("/sys/bus/pci/rescan");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(writeOnly) && deniesReading(writeOnly),
                "needs a file this process cannot read");
        return Files.createSymbolicLink(file, writeOnly);
    }

    private static boolean deniesReading(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return false;
        } catch (java.nio.file.AccessDeniedException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A file that cannot be read is said to be so, with the reason: not "not an image", nor the path alone. */
    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        Path image = unreadable("digit.png");
        Result r = run("predict", "--model", tinyModel().toString(), image.toString());
        assertEquals(1, r.code, r.err);
        assertEquals("numera: " + image + ": cannot read image file: permission denied", r.err.strip());
        Path model = unreadable("model.nmod");
        r = run("info", "--model", model.toString());
        assertEquals(1, r.code, r.err);
        assertEquals("numera: " + model + ": cannot read model file: permission denied", r.err.strip());
    }

    @Test
    void nonImageForPredict() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.png"), "not a picture");
        Result r = run("predict", "--model", tinyModel().toString(), text.toString());
        assertEquals(1, r.code);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("notes.png: not a PNG, JPEG, GIF, BMP, WBMP or TIFF image"), r.err);
    }

    @Test
    void wrongChecksumDownloadFailsAndLeavesNoFile() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] fake = gzip(idx(new int[] {1}, new byte[] {3}));
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, fake.length);
            try (OutputStream o = exchange.getResponseBody()) {
                o.write(fake);
            }
        });
        server.start();
        try {
            Path cache = dir.resolve("cache");
            Result r = run("evaluate", "--model", tinyModel().toString(), "--data", cache.toString(), "--download",
                    "--mirror", "http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
            assertEquals(1, r.code);
            assertTrue(r.err.contains("checksum mismatch for t10k-images-idx3-ubyte.gz"), r.err);
            assertFalse(r.err.contains("\tat "), r.err);
            try (var files = Files.list(cache)) {
                assertEquals(0, files.count());
            }
        } finally {
            server.stop(0);
        }
    }

    /**
     * A training set of {@code count} digits (labels 0..9 in turn) plus the synthetic test set, in one
     * folder. Each image is faint noise (0..63 of 255: about MNIST's mean, so it adds no bias of its
     * own) with its label drawn in as ink: digit k fills rows 2k+4 and 2k+5. A network learns that
     * in a step or two, and train refuses a run that learned nothing.
     */
    Path syntheticTrainingSet(int count) throws IOException {
        Path d = syntheticTestSet();
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        java.util.Random r = new java.util.Random(1);
        r.nextBytes(pixels);
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 63;
        }
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
            int band = i * 784 + (2 * labels[i] + 4) * 28;
            Arrays.fill(pixels, band, band + 2 * 28, (byte) 255);
        }
        Files.write(d.resolve("train-images-idx3-ubyte"), idx(new int[] {count, 28, 28}, pixels));
        Files.write(d.resolve("train-labels-idx1-ubyte"), idx(new int[] {count}, labels));
        return d;
    }

    /**
     * More --threads than a batch has parts trains with one thread per part, and says so: it was a usage error, which broke
     * 'train --threads $(nproc)' on a machine with more cores than the batch's parts (mlp-16 on 2). The weights are the same
     * on any number of threads.
     */
    @Test
    void moreThreadsThanPartsTrainWithOnePerPart() throws IOException {
        Path out = dir.resolve("t.nmod");
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10", "--threads", "20",
                "--out", out.toString(), "--data", syntheticTrainingSet(30).toString());
        assertEquals(0, r.code, r.err);
        assertEquals("numera: --threads 20: a batch of 10 has 1 part (of up to 32 images), one thread each: training with 1", r.err.strip());
        assertTrue(Files.isRegularFile(out));
    }

    /** Settings that cannot work are usage errors (exit 2, one line naming the option), not crashes. */
    @Test
    void impossibleTrainingSettingsAreUsageErrors() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        String out = dir.resolve("m.nmod").toString();
        record Case(String expected, String... args) {
        }
        for (Case c : List.of(
                new Case("--limit must be at least 1, got -5", "--limit", "-5"),
                new Case("--schedule onecycle needs at least 5 steps, and 20 training digits in batches of 10 for 1 epoch make 2",
                        "--schedule", "onecycle", "--batch", "10", "--validation", "10"),
                new Case("--momentum must be in [0, 1), got 1.5", "--momentum", "1.5"),
                new Case("--flagged-ones must be in 0..1, got 1.5", "--flagged-ones", "1.5"),
                new Case("--flagged-ones must be in 0..1, got NaN", "--flagged-ones", "NaN"),
                new Case("--lr must be a positive number, got Infinity", "--lr", "Infinity"),
                new Case("--weight-decay must be a finite number, not negative, got Infinity", "--weight-decay", "Infinity"),
                new Case("--weight-decay must be a finite number, not negative, got 1.0E39", "--weight-decay", "1e39"),
                new Case("the batch (64) is larger than the 20 training digits", "--validation", "10"),
                new Case("--validation 30 leaves no training digits (of 30)", "--validation", "30"))) {
            List<String> args = new java.util.ArrayList<>(List.of("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1",
                    "--out", out, "--data", data));
            args.addAll(List.of(c.args));
            Result r = run(args.toArray(new String[0]));
            assertEquals(2, r.code, c.expected + ": " + r.err);
            assertEquals(1, r.err.strip().lines().count(), r.err);
            assertTrue(r.err.startsWith("numera train: " + c.expected), r.err);
        }
        assertFalse(Files.exists(dir.resolve("m.nmod")));
    }

    /**
     * Where the results go is checked before anything else (data included): a file where --out's
     * folder should be, a file given as --report, the root folder as --out. One line each, the reason in it.
     */
    @Test
    void unusableOutputPathsFailBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        String noData = dir.resolve("no-mnist-here").toString();   // had training started, this would be the error
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", file.resolve("m.nmod").toString(),
                "--data", noData);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("afile: already exists"), r.err);
        r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", dir.resolve("m.nmod").toString(),
                "--report", file.toString(), "--data", noData);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("afile: is a file, not a folder"), r.err);
        r = run("export", "--model", tinyModel().toString(), "--format", "onnx", "--out", "/");
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("/: is a folder; give a file name"), r.err);   // as train says it
        assertFalse(Files.exists(dir.resolve("m.nmod")));
    }

    /** '--out -' is standard output to a shell user: export says it writes a file (before, it wrote one named '-' where it ran). */
    @Test
    void exportToADashIsAUsageError() throws IOException {
        Path dash = Path.of("-").toAbsolutePath();
        assertFalse(Files.exists(dash), dash + " is there before the test");
        Result r = run("export", "--model", tinyModel().toString(), "--format", "onnx", "--out", "-");
        assertEquals(2, r.code, r.err);
        assertEquals("numera export: --out - would be standard output; export writes a file: give it a name (a file named '-' is ./-)"
                + " (see 'numera export --help')", r.err.strip());
        assertFalse(Files.exists(dash), "no file named '-'");
    }

    /** Skips the test unless names here may be 255 bytes long and no longer (ext4, xfs, btrfs, tmpfs), the names' bytes UTF-8. */
    void assumeNamesOf255Bytes() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are not UTF-8 here");
        Path longest = Files.createFile(dir.resolve("n".repeat(255)));
        Files.delete(longest);
        boolean refused;
        try {
            Files.delete(Files.createFile(dir.resolve("n".repeat(256))));
            refused = false;
        } catch (java.nio.file.FileSystemException e) {
            refused = true;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(refused, "this file system takes names of more than 255 bytes");
    }

    /**
     * A long but legal --out is written (a temporary name of the whole name plus about 23 bytes passed 255
     * and failed after the training, "cannot create files in this folder"), and one that cannot be, or whose
     * checkpoint FILE.ckpt cannot, is refused before any data is read, saying the name is too long.
     */
    @Test
    void longNamesAreWrittenOrRefusedUpFrontAsTooLong() throws IOException {
        assumeNamesOf255Bytes();
        String data = syntheticTrainingSet(30).toString();
        String noData = dir.resolve("no-mnist-here").toString();   // had training started, this would be the error
        String[] train = {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10", "--data"};
        Path legal = dir.resolve("m".repeat(225) + ".nmod");   // 230 bytes; its checkpoint 235
        Result r = run(concat(train, data, "--out", legal.toString()));
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(legal) && Files.isRegularFile(Path.of(legal + ".ckpt")));

        Path nearLimit = dir.resolve("c".repeat(247) + ".nmod");   // 252 bytes: --out can be, its checkpoint (257) cannot
        r = run(concat(train, noData, "--out", nearLimit.toString()));
        assertEquals(1, r.code, r.err);
        assertEquals("numera: " + nearLimit + ".ckpt: the file name is too long for the file system there (257 bytes in UTF-8; File name too long):"
                + " train keeps the checkpoint for --out there; give --out a shorter name", r.err.strip());

        Path tooLong = dir.resolve("t".repeat(251) + ".nmod");   // 256 bytes
        r = run(concat(train, noData, "--out", tooLong.toString()));
        assertEquals(1, r.code, r.err);
        assertEquals("numera: " + tooLong + ": the file name is too long for the file system there (256 bytes in UTF-8; File name too long)", r.err.strip());

        String model = tinyModel().toString();
        Path onnx = dir.resolve("e".repeat(245) + ".onnx");   // 250 bytes
        r = run("export", "--model", model, "--format", "onnx", "--out", onnx.toString());
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(onnx));
        Path accented = dir.resolve("\u00e9".repeat(120) + ".onnx");   // 125 characters, 245 bytes: legal
        r = run("export", "--model", model, "--format", "onnx", "--out", accented.toString());
        assertEquals(0, r.code, r.err);
        Path tooManyBytes = dir.resolve("\u00e9".repeat(126) + ".onnx");   // 131 characters, 257 bytes
        r = run("export", "--model", model, "--format", "onnx", "--out", tooManyBytes.toString());
        assertEquals(1, r.code, r.err);
        assertEquals("numera: " + tooManyBytes + ": the file name is too long for the file system there (257 bytes in UTF-8; File name too long)",
                r.err.strip());
        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith("numera-name-check-")
                    || p.getFileName().toString().endsWith(".tmp")).toList(), "no probe or temporary file left");
        }
    }

    static String[] concat(String[] head, String... tail) {
        String[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    /**
     * --report where a result of train goes (--out itself, its checkpoint FILE.ckpt, a folder below --out,
     * or a link to one of them), or --out among the report's files, is refused in one line before anything
     * is made or read: the run trained fully, then found a folder at --out and lost the model.
     */
    @Test
    void aReportWhereTrainWritesItsResultsIsRefusedUpFront() throws IOException {
        Path o = dir.resolve("o");
        String noData = dir.resolve("no-mnist-here").toString();   // had anything been read, this would be the error
        Path alias = Files.createSymbolicLink(dir.resolve("alias"), o.resolve("rep.nmod"));   // dangling: o does not exist
        String give = "; give the report a folder of its own";
        String[][] cases = {
                {o.resolve("rep.nmod").toString(), o.resolve("rep.nmod").toString(), o.resolve("rep.nmod") + ": --report is --out" + give},
                {o.resolve("rep.nmod").toString(), alias.toString(), alias + ": --report is --out" + give},
                {o.resolve("c.nmod").toString(), o.resolve("c.nmod.ckpt").toString(),
                        o.resolve("c.nmod.ckpt") + ": --report is where train keeps the checkpoint for --out " + o.resolve("c.nmod") + give},
                {o.resolve("m.nmod").toString(), o.resolve("m.nmod/r").toString(), o.resolve("m.nmod/r") + ": --report is inside --out" + give},
                {o.resolve("index.html").toString(), o.toString(), o.resolve("index.html") + ": --out is the report's index.html, which --report "
                        + o + " would replace" + give}};
        for (String[] c : cases) {
            Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", c[0], "--report", c[1], "--data", noData);
            assertEquals(2, r.code, r.err);   // options that clash: a usage error
            assertEquals("numera train: " + c[2] + " (see 'numera train --help')", r.err.strip());
            assertFalse(Files.exists(o), "nothing made");
        }
        // a report beside --out, or around it, is fine
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10",
                "--out", o.resolve("m.nmod").toString(), "--report", o.toString(), "--data", syntheticTrainingSet(30).toString());
        assertEquals(0, r.code, r.err);
        assertTrue(Files.isRegularFile(o.resolve("m.nmod")) && Files.isRegularFile(o.resolve("index.html")));
    }

    /**
     * An output that is one of the command's own input files is refused: train's --out on an MNIST file
     * (it wrote the model over the labels, exit 0), also through a symbolic or a hard link; evaluate's
     * report over its model or its test digits.
     */
    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        Path data = syntheticTrainingSet(30);
        Path labels = data.resolve("train-labels-idx1-ubyte");
        byte[] before = Files.readAllBytes(labels);
        Path link = Files.createSymbolicLink(dir.resolve("link.nmod"), labels);
        Path hard = Files.createLink(dir.resolve("hard.nmod"), labels);
        for (Path out : List.of(labels, link, hard)) {
            Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10",
                    "--out", out.toString(), "--data", data.toString());
            assertEquals(2, r.code, r.err);
            assertEquals("numera train: " + out + ": --out is the MNIST file " + labels + ", which this command reads (see 'numera train --help')", r.err.strip());
            assertEquals("", r.out, "nothing read");
        }
        // one that --download would make is an input too
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", data.resolve("t10k-labels-idx1-ubyte.gz").toString(),
                "--data", data.toString());
        assertEquals("numera train: " + data.resolve("t10k-labels-idx1-ubyte.gz") + ": --out is the MNIST file " + data.resolve("t10k-labels-idx1-ubyte.gz")
                + ", which this command reads (see 'numera train --help')", r.err.strip());
        assertArrayEquals(before, Files.readAllBytes(labels));

        Path test = syntheticTestSet();
        Path report = Files.createDirectories(dir.resolve("rep"));
        Path model = Files.copy(tinyModel(), report.resolve("index.html"));
        byte[] modelBytes = Files.readAllBytes(model);
        r = run("evaluate", "--model", model.toString(), "--report", report.toString(), "--data", test.toString());
        assertEquals(2, r.code, r.err);
        assertEquals("numera evaluate: " + model + ": --model is the report's index.html, which --report " + report + " would replace; give the report"
                + " a folder of its own (see 'numera evaluate --help')", r.err.strip());
        assertArrayEquals(modelBytes, Files.readAllBytes(model));
        r = run("evaluate", "--model", model.toString(), "--report", model.toString(), "--data", test.toString());
        assertEquals("numera evaluate: " + model + ": --report is --model; give the report a folder of its own (see 'numera evaluate --help')", r.err.strip());
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.createSymbolicLink(other.resolve("metrics.json"), test.resolve("t10k-labels-idx1-ubyte"));
        r = run("evaluate", "--model", tinyModel().toString(), "--report", other.toString(), "--data", test.toString());
        assertEquals(2, r.code, r.err);
        assertEquals("numera evaluate: " + other.resolve("metrics.json") + ": --report's metrics.json is the MNIST file " + test.resolve("t10k-labels-idx1-ubyte")
                + ", which this command reads (see 'numera evaluate --help')", r.err.strip());
        assertEquals("", r.out);
    }

    /** evaluate's --report is checked before the model is scored, as train's is, not after the run. */
    @Test
    void evaluateChecksItsReportFolderFirst() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        Result r = run("evaluate", "--model", tinyModel().toString(), "--report", file.toString(),
                "--data", dir.resolve("no-mnist-here").toString());   // had scoring started, this would be the error
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("afile: is a file, not a folder"), r.err);
        assertEquals("", r.out);
    }

    /** A folder (or a file the system makes no room in) where a file is expected: one line naming the path the user gave. */
    @Test
    void foldersAndOddPathsAreNamedAsSuch() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("folder"));
        String model = tinyModel().toString();
        String noData = dir.resolve("no-mnist-here").toString();
        Path list = Files.writeString(dir.resolve("list.txt"), "# images\n" + dir.resolve("a.png") + "\nb\0.png\n");
        List<String[]> cases = new java.util.ArrayList<>(List.of(
                new String[] {folder + ": is a folder; give a file name", "export", "--model", model, "--format", "onnx", "--out", folder.toString()},
                new String[] {folder + ": is a folder, not an image file", "predict", "--model", model, folder.toString()},
                new String[] {folder + ": is a folder, not an image list (give a text file with one image path per line)",
                        "predict", "--model", model, "--list", folder.toString()},
                new String[] {list + ": line 3 is not a usable path (Nul character not allowed)", "predict", "--model", model, "--list", list.toString()},
                new String[] {dir.resolve("none.txt") + ": image list not found", "predict", "--model", model, "--list", dir.resolve("none.txt").toString()},
                new String[] {model + ": the image list is not UTF-8 text (one image path per line)", "predict", "--model", model, "--list", model}));
        Path out = dir.resolve("m.nmod");
        Files.createDirectories(dir.resolve("m.nmod.ckpt"));
        for (String resume : List.of("--resume", "--threads=1")) {
            cases.add(new String[] {out + ".ckpt: is a folder, where train keeps the checkpoint for --out " + out + ": move it or use another --out",
                    "train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", out.toString(), resume, "--data", noData});
        }
        if (Files.isDirectory(Path.of("/proc/self"))) {
            cases.add(new String[] {"/proc: cannot create files in this folder", "export", "--model", model, "--format", "onnx", "--out", "/proc/x.onnx"});
        }
        // a trailing '/' names a folder: a Path drops it, and a file 'newdir' was written
        String newFolder = dir.resolve("newdir") + "/";
        cases.add(new String[] {newFolder + ": ends in '/', which names a folder; give a file name",
                "export", "--model", model, "--format", "onnx", "--out", newFolder});
        cases.add(new String[] {newFolder + ": ends in '/', which names a folder; give a file name",
                "train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out=" + newFolder, "--data", noData});
        cases.add(new String[] {folder + ": is a folder; give a file name", "export", "--model", model, "--format", "onnx", "--out", folder + "/"});
        // so do '.' and '..' at its end: the folder was made, then the system's "Device or resource busy"
        for (String dots : List.of(".", "..")) {
            String typed = dir.resolve("newdir") + "/" + dots;
            cases.add(new String[] {typed + ": ends in '" + dots + "', which names a folder; give a file name",
                    "export", "--model", model, "--format", "onnx", "--out", typed});
        }
        for (String[] c : cases) {
            Result r = run(Arrays.copyOfRange(c, 1, c.length));
            assertEquals(1, r.code, r.err);
            assertOneLineNoStackTrace(r);
            assertEquals("numera: " + c[0], r.err.strip());
        }
        assertFalse(Files.exists(dir.resolve("newdir")));
    }

    /**
     * A folder whose owner may not write it (chmod 555) takes no --out and no --report, for root too (CI): as root, train
     * --out ro/m.nmod, export --out ro/x.onnx and evaluate --report ro/rep wrote into it.
     */
    @Test
    void aReadOnlyFolderIsRefusedForOutAndReport() throws IOException {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
        String model = tinyModel().toString(), noData = dir.resolve("no-mnist-here").toString();
        try {
            String[][] commands = {
                    {"export", "--model", model, "--format", "onnx", "--out", ro.resolve("x.onnx").toString()},
                    {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", ro.resolve("m.nmod").toString(), "--data", noData},
                    {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", dir.resolve("m.nmod").toString(),
                            "--report", ro.toString(), "--data", noData},
                    {"evaluate", "--model", model, "--report", ro.resolve("rep").toString(), "--data", noData}};
            for (String[] c : commands) {
                Result r = run(c);
                assertEquals(1, r.code, r.err);
                assertEquals("numera: " + ro + ": is a read-only folder, so nothing was written in it; make it writable or give another folder",
                        r.err.strip(), String.join(" ", c));
            }
            try (var files = Files.list(ro)) {
                assertEquals(List.of(), files.toList());
            }
        } finally {
            Files.setPosixFilePermissions(ro, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * A file where a folder of the path should be is said alike for --out and --report: --report afile/rep said the system's
     * bare "afile/rep: Not a directory", as did --out afile/sub/m.onnx, where --out afile/m.onnx was told what is wrong.
     */
    @Test
    void aFileWhereAFolderIsNeededIsSaidAlikeForOutAndReport() throws IOException {
        Path file = Files.writeString(dir.resolve("afile"), "x");
        String model = tinyModel().toString(), noData = dir.resolve("no-mnist-here").toString();
        String[][] commands = {
                {"export", "--model", model, "--format", "onnx", "--out", file.resolve("m.onnx").toString()},
                {"export", "--model", model, "--format", "onnx", "--out", file.resolve("sub/m.onnx").toString()},
                {"evaluate", "--model", model, "--report", file.resolve("rep").toString(), "--data", noData},
                {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", dir.resolve("m.nmod").toString(),
                        "--report", file.resolve("sub/rep").toString(), "--data", noData}};
        for (String[] c : commands) {
            Result r = run(c);
            assertEquals(1, r.code, r.err);
            assertEquals("numera: " + file + ": already exists (a file where a folder is needed?)", r.err.strip(), String.join(" ", c));
        }
        assertEquals("x", Files.readString(file));
    }

    /** A learning rate that blows the weights up stops the run at that epoch with advice, not as a bug at the end. */
    @Test
    void divergedTrainingSaysSoAndWritesNothing() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("nan.nmod");
        // (the perceptron's loss stays finite at any rate: one layer, a bounded gradient; two ReLU layers overflow)
        Result r = run("train", "--arch", "mlp", "--epochs", "2", "--seed", "1", "--batch", "5", "--validation", "10",
                "--lr", "1e30", "--out", out.toString(), "--data", data);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.startsWith("numera: training diverged at epoch 1 (train loss NaN)") && r.err.contains("try a lower --lr"), r.err);
        assertTrue(r.out.contains("epoch 1/2 ") && !r.out.contains("(best)"), "an epoch that is not a number is no one's best: " + r.out);
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(Path.of(out + ".ckpt")), "no checkpoint of NaN weights");
    }

    /**
     * A run that learned nothing (mlp-16 at --lr 1e30: its sigmoids saturate and every digit gets the same
     * answer, at a finite loss) is an error with advice, and the file already at --out, which may be the
     * user's good model, stays as it was.
     */
    @Test
    void aRunThatLearnedNothingIsRefusedAndLeavesOutAsItWas() throws IOException {
        String data = syntheticTrainingSet(200).toString();
        Path out = Files.write(dir.resolve("good.nmod"), Files.readAllBytes(tinyModel()));
        byte[] before = Files.readAllBytes(out);
        FileTime modified = Files.getLastModifiedTime(out);
        Path report = dir.resolve("report");
        Result r = run("train", "--arch", "mlp-16", "--epochs", "5", "--seed", "1", "--batch", "5", "--validation", "50",
                "--lr", "1e30", "--out", out.toString(), "--report", report.toString(), "--data", data);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        // one answer for every digit, right on 4 of the 50; the commonest is 8 of them: 0.16 + 3 sqrt(0.16 * 0.84 / 50) = 0.3155
        assertEquals("numera: training learned nothing: validation accuracy 0.0800 is no better than always answering the commonest digit "
                + "(0.1600 of 50 digits; learning scores above 0.3155, three standard errors higher); the learning rate 1.0E30 is too high "
                + "for this run; try a lower --lr", r.err.strip());
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(modified, Files.getLastModifiedTime(out));
        assertFalse(Files.exists(report.resolve("index.html")));
    }

    /** With every setting at the architecture's defaults (which train) the divergence advice would be wrong: the run was too short. */
    @Test
    void aShortRunAtTheDefaultsIsToldToTrainLonger() throws IOException {
        String data = syntheticTrainingSet(200).toString();
        Result r = run("train", "--arch", "mlp-16", "--epochs", "1", "--seed", "1", "--batch", "5", "--validation", "10", "--limit", "30",
                "--out", dir.resolve("short.nmod").toString(), "--data", data);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.startsWith("numera: training learned nothing: ") && r.err.strip().endsWith("; no setting is above mlp-16's defaults, "
                + "which train, so the run was likely too short: try more --epochs or a larger --limit"), r.err);
        assertFalse(Files.exists(dir.resolve("short.nmod")));
    }

    /** The same digits and network at the default rate, which learns them: not refused, and --out is replaced. */
    @Test
    void aRunThatLearnsIsNotRefused() throws Exception {
        String data = syntheticTrainingSet(200).toString();
        Path out = Files.write(dir.resolve("old.nmod"), Files.readAllBytes(tinyModel()));
        Result r = run("train", "--arch", "mlp-16", "--epochs", "5", "--seed", "1", "--batch", "5", "--validation", "50",
                "--out", out.toString(), "--data", data);
        assertEquals(0, r.code, r.err);
        assertEquals("mlp-16", ModelFile.read(Files.readAllBytes(out)).metadata().get(ModelFile.META_ARCH));
    }

    /** Validation digits so few that not even a perfect score could show learning: refused before training. */
    @Test
    void tooFewValidationDigitsAreAUsageError() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "3",
                "--out", dir.resolve("v.nmod").toString(), "--data", data);
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("numera train: --validation 3 is too few digits: even a network right on every one could not be told "
                + "from always answering their commonest digit ("), r.err);
        assertFalse(Files.exists(dir.resolve("v.nmod.ckpt")), "refused before the first epoch");
    }

    /** A weight decay far from the architecture's is named with the learning rate when the run diverges. */
    @Test
    void divergenceAdviceNamesAChangedWeightDecay() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("wd.nmod");
        Result r = run("train", "--arch", "mlp", "--epochs", "2", "--seed", "1", "--batch", "5", "--validation", "10",
                "--weight-decay", "1e30", "--out", out.toString(), "--data", data);
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.startsWith("numera: training diverged at epoch 1 (train loss NaN): the learning rate 0.002 or the weight decay 1.0E30 "
                + "(mlp's default 1.0E-4) is too high for this run; try a lower --lr or --weight-decay"), r.err);
        assertFalse(Files.exists(out));
    }

    /** A mirror that is not http(s) is the user's to fix, said in one line. */
    @Test
    void mirrorMustBeHttp() throws IOException {
        Result r = run("evaluate", "--model", tinyModel().toString(), "--data", dir.resolve("empty").toString(), "--download",
                "--mirror", "ftp://127.0.0.1/");
        assertEquals(2, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("--mirror must be an http:// or https:// URL, got 'ftp://127.0.0.1/'"), r.err);
    }

    /**
     * A usage error leaves the file system as it was, --mirror's (now checked with the other options) and --validation's (found
     * once the data are read, after the output checks) too: both left behind the empty --out and --report folders the checks made.
     */
    @Test
    void aLateUsageErrorLeavesNoFolderBehind() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Path fresh = dir.resolve("fresh");
        String[] train = {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10",
                "--out", fresh.resolve("models/m.nmod").toString(), "--report", fresh.resolve("report").toString(), "--data", data};
        Result r = run(concat(train, "--mirror", "ftp://127.0.0.1/"));
        assertEquals(2, r.code, r.err);
        assertEquals("numera train: --mirror must be an http:// or https:// URL, got 'ftp://127.0.0.1/' (see 'numera train --help')", r.err.strip());
        assertFalse(Files.exists(fresh), "made: " + fresh);
        r = run(concat(train, "--validation", "60000"));
        assertEquals(2, r.code, r.err);
        assertEquals("numera train: --validation 60000 leaves no training digits (of 30) (see 'numera train --help')", r.err.strip());
        assertFalse(Files.exists(fresh), "made: " + fresh);
    }

    /**
     * Empty paths and an MNIST file given for its folder are usage errors said as such, before anything is read or made.
     * Before: train --out '' said ": is a folder; give a file name" (exit 1, the current folder being what '' names), and
     * --data FILE said the MNIST files were "missing in" the file.
     */
    @Test
    void emptyPathsAndAFileForTheDataFolderAreUsageErrors() throws IOException {
        Path data = syntheticTrainingSet(30);
        String model = dir.resolve("m.nmod").toString(), file = data.resolve("train-images-idx3-ubyte").toString();
        String[] train = {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10"};
        String[][] cases = {
                concat(train, "--out", "", "--data", data.toString()),
                concat(train, "--out", model, "--report", "", "--data", data.toString()),
                concat(train, "--out", model, "--data", ""),
                concat(train, "--out", model, "--data", file),
                {"export", "--format", "onnx", "--out", ""},
                {"evaluate", "--report", "", "--data", data.toString()},
                {"evaluate", "--data", file},
        };
        String[] said = {
                "numera train: --out must name a file, got '' (see 'numera train --help')",
                "numera train: --report must name a folder, got '' (see 'numera train --help')",
                "numera train: --data must name a folder, got '' (see 'numera train --help')",
                "numera train: --data takes the folder that holds the MNIST files, and " + file + " is a file: try --data " + data.toAbsolutePath()
                        + " (see 'numera train --help')",
                "numera export: --out must name a file, got '' (see 'numera export --help')",
                "numera evaluate: --report must name a folder, got '' (see 'numera evaluate --help')",
                "numera evaluate: --data takes the folder that holds the MNIST files, and " + file + " is a file: try --data "
                        + data.toAbsolutePath() + " (see 'numera evaluate --help')",
        };
        for (int i = 0; i < cases.length; i++) {
            Result r = run(cases[i]);
            assertEquals(2, r.code, String.join(" ", cases[i]) + ": " + r.err);
            assertEquals(said[i], r.err.strip(), String.join(" ", cases[i]));
        }
        assertFalse(Files.exists(dir.resolve("m.nmod")) || Files.exists(dir.resolve("m.nmod.ckpt")), "nothing written");
    }

    /**
     * A run stopped by a signal (Ctrl+C's SIGINT, here the SIGTERM of a kill: the JVM runs its exit hooks for both) says which
     * epoch its checkpoint holds and how to go on; before, it ended without a word (exit 130). A real process, as only a real
     * signal shows it; the run's --resume is then the same command's.
     */
    @Test
    void aRunStoppedMidwaySaysWhatIsKeptAndHowToGoOn() throws Exception {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("stopped.nmod");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Numera.class.getName(), "train", "--arch", "mlp", "--epochs", "100000",
                "--seed", "1", "--batch", "5", "--validation", "10", "--out", out.toString(), "--data", data);
        pb.redirectError(dir.resolve("stderr.txt").toFile());
        Process p = pb.start();
        try (java.io.BufferedReader stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = stdout.readLine()) != null && !line.startsWith("epoch 2/100000 ")) {
                // the second epoch's line: the first epoch's checkpoint was written before that epoch started
            }
            assertTrue(line != null, "the run ended before its second epoch: " + Files.readString(dir.resolve("stderr.txt")));
            p.destroy();
            assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped");
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(dir.resolve("stderr.txt"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("numera: stopped; " + java.util.regex.Pattern.quote(out + ".ckpt")
                + " holds epoch ([0-9]+) of 100000: run the same command with --resume to go on from there").matcher(err.strip());
        assertTrue(m.matches(), err);
        assertTrue(Integer.parseInt(m.group(1)) >= 1, err);
        assertTrue(Files.exists(Path.of(out + ".ckpt")));
        assertFalse(Files.exists(out));
    }

    /** The test digits are read before training: a damaged test file ends the run before its first epoch, not after its last. */
    @Test
    void aDamagedTestFileEndsTrainingBeforeItStarts() throws IOException {
        Path data = syntheticTrainingSet(30);
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        byte[] whole = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(whole, whole.length / 2));
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10",
                "--out", dir.resolve("t.nmod").toString(), "--data", data.toString());
        assertEquals(1, r.code, r.err);
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("t10k-images-idx3-ubyte.gz"), r.err);
        assertFalse(r.out.contains("epoch 1/1"), "trained first:\n" + r.out);
        assertFalse(Files.exists(dir.resolve("t.nmod.ckpt")));
    }

    /** A checkpoint already there is named at the start of a run without --resume, which would replace it. */
    @Test
    void anExistingCheckpointIsNamedWhenTheRunWillReplaceIt() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("c.nmod");
        String[] args = {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10",
                "--out", out.toString(), "--data", data};
        Result first = run(args);
        assertEquals(0, first.code, first.err);
        assertFalse(first.err.contains(".ckpt"), first.err);
        Result again = run(args);
        assertEquals(0, again.code, again.err);
        assertTrue(again.err.contains("numera: " + out + ".ckpt exists (an earlier run's progress): without --resume this run"
                + " starts over and replaces it after its first epoch"), again.err);
        String[] resumed = Arrays.copyOf(args, args.length + 1);
        resumed[args.length] = "--resume";
        assertFalse(run(resumed).err.contains("exists"), "--resume continues it: nothing to say");
    }

    /**
     * A file name holding a newline or a tab is shown escaped in every line that names it, as info and predict show it:
     * export's "wrote" line, evaluate's model line and an error line. Before, 'export --out $'evil\naccuracy=1.0000
     * n=10000.onnx'' printed a line that began "accuracy=1.0000 n=10000.onnx", which a script reading evaluate's last
     * line takes for a result.
     */
    @Test
    void aControlCharacterInAFileNameIsShownEscapedInEveryLine() throws IOException {
        Path evil = dir.resolve("evil\naccuracy=1.0000 n=10000\t.onnx");
        Result r = run("export", "--model", tinyModel().toString(), "--format", "onnx", "--out", evil.toString());
        assertEquals(0, r.code, r.err);
        assertEquals(1, r.out.strip().lines().count(), r.out);
        assertTrue(r.out.startsWith("wrote " + dir + "/evil\\naccuracy=1.0000 n=10000\\t.onnx: "), r.out);
        Path model = Files.copy(tinyModel(), dir.resolve("m\nfake.nmod"));
        r = run("evaluate", "--model", model.toString(), "--data", syntheticTestSet().toString());
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("model           " + dir + "/m\\nfake.nmod ("), r.out);
        r = run("info", "--model", dir.resolve("no\nsuch.nmod").toString());
        assertEquals(1, r.code, r.err);
        assertEquals(1, r.err.strip().lines().count(), r.err);
        assertTrue(r.err.startsWith("numera: " + dir + "/no\\nsuch.nmod"), r.err);
    }

    /**
     * An output under '~' that the shell left as it is ('--out=~/m.onnx': the shell expands ~ only at a word's start) is a
     * usage error, before anything is made: it made a folder named ~ in the working folder and said "wrote ~/m.onnx".
     */
    @Test
    void anOutputUnderAnUnexpandedTildeIsRefused() throws IOException {
        Path tilde = Path.of("~");
        try {
            Result r = run("export", "--model", tinyModel().toString(), "--format", "onnx", "--out", "~/numera-test.onnx");
            assertEquals(2, r.code, r.err);
            assertEquals("numera export: ~/numera-test.onnx: --out starts with '~', which the shell did not turn into your home folder (it does so"
                    + " only at the start of a word, not after '=' or in quotes); write $HOME/numera-test.onnx instead (see 'numera export --help')",
                    r.err.strip());
            assertFalse(Files.exists(tilde), "no folder named ~ made");
            r = run("evaluate", "--model", tinyModel().toString(), "--report", "~/rep", "--data", syntheticTestSet().toString());
            assertEquals(2, r.code, r.err);
            assertFalse(Files.exists(tilde), "no folder named ~ made");
        } finally {
            if (Files.isDirectory(tilde)) {   // made by a failure of this test: not left in the module's folder
                try (var all = Files.walk(tilde)) {
                    for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** export with --out naming its own --model would replace the model by the ONNX file. */
    @Test
    void exportOntoItsOwnModelIsRefused() throws IOException {
        Path model = tinyModel();
        byte[] before = Files.readAllBytes(model);
        Result r = run("export", "--model", model.toString(), "--format", "onnx", "--out", model.toString());
        assertEquals(2, r.code, r.err);   // options that clash: a usage error
        assertOneLineNoStackTrace(r);
        assertTrue(r.err.contains("is the model being exported (--model)"), r.err);
        assertTrue(Arrays.equals(before, Files.readAllBytes(model)), "the model is untouched");
        Path other = dir.resolve("tiny.onnx");
        assertEquals(0, run("export", "--model", model.toString(), "--format", "onnx", "--out", other.toString()).code);
    }

    /**
     * An --out the user may not write is refused in one line and left as it was: by export, and by train before any data is
     * read. Each command runs in a JVM of its own; where the tests run as root (CI does), whom permissions do not bind, that
     * JVM runs without root's override of them (setpriv drops CAP_DAC_OVERRIDE), as any other user would.
     */
    @Test
    void aReadOnlyOutIsRefusedAndLeftAsItWas() throws Exception {
        Path out = Files.write(dir.resolve("kept.onnx"), new byte[] {1});
        Files.setPosixFilePermissions(out, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        List<String> asUser = new ArrayList<>();
        if (Files.isWritable(out)) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(setpriv),
                    "r--r--r-- is writable here (root) and there is no /usr/bin/setpriv (util-linux) to drop that: nothing to refuse");
            asUser.addAll(List.of(setpriv.toString(), "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"));
        }
        String refused = "numera: " + out + ": is read-only for you, so it was left as it was; make it writable or give another file";
        String[][] commands = {
                {"export", "--model", tinyModel().toString(), "--format", "onnx", "--out", out.toString()},
                {"train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--out", out.toString(),
                        "--data", dir.resolve("no-mnist-here").toString()},   // had anything been read, this would be the error
        };
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String[] args : commands) {
            List<String> cmd = new ArrayList<>(asUser);
            cmd.addAll(List.of(javaBin, "-cp", System.getProperty("java.class.path"), Numera.class.getName()));
            cmd.addAll(List.of(args));
            Path err = dir.resolve("err.txt");
            Process child = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
            assertTrue(child.waitFor(120, java.util.concurrent.TimeUnit.SECONDS));
            String text = Files.readString(err).strip();
            assertEquals(Numera.EXIT_FAILURE, child.exitValue(), args[0] + ": " + text);
            assertEquals(refused, text, args[0]);
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(out));
    }

    /** --momentum is sgd's: with adamw it is said to do nothing, and the recorded command leaves it out. */
    @Test
    void momentumWithAdamIsIgnoredAloud() throws Exception {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("adam.nmod");
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "10", "--validation", "10",
                "--optimizer", "adamw", "--momentum", "0.5", "--out", out.toString(), "--data", data);
        assertEquals(0, r.code, r.err);
        assertTrue(r.err.contains("numera: --momentum 0.5 has no effect with adamw (it is sgd's and nesterov's); ignored"), r.err);
        String command = ModelFile.read(Files.readAllBytes(out)).metadata().get("train.command");
        assertFalse(command.contains("--momentum"), command);
        assertTrue(command.contains(" --optimizer adamw "), command);
    }

    /**
     * Batchnorm normalises over each part of a batch: a part of one image leaves every output the same,
     * so a batch of 1 can never train numera (the run ended "learned nothing ... try more --epochs"): a usage
     * error before any data is read. A batch of 33 is two parts of 16 and 17, and is not refused.
     */
    @Test
    void aBatchOfOneCannotTrainBatchnorm() throws IOException {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("bn.nmod");
        Result r = run("train", "--arch", "numera", "--epochs", "1", "--seed", "1", "--batch", "1", "--validation", "10",
                "--out", out.toString(), "--data", data);
        assertEquals(2, r.code, r.err);
        assertEquals("numera train: --batch 1 cannot train numera: its batchnorm layers would normalise each image against itself, which leaves"
                + " the same output for every image; use --batch 2 or more (see 'numera train --help')", r.err.strip());
        assertEquals("", r.out);
        assertFalse(Files.exists(out));
        r = run("train", "--arch", "numera", "--epochs", "1", "--seed", "1", "--batch", "33", "--validation", "10",
                "--out", out.toString(), "--data", dir.resolve("no-mnist-here").toString());
        assertEquals(1, r.code, r.err);
        assertTrue(r.err.startsWith("numera: no folder " + dir.resolve("no-mnist-here")), r.err);   // past the settings' checks
    }

    /** Without --threads the trainer uses at most one thread per part of the batch: batch 1 trains on any machine. */
    @Test
    void defaultThreadsNeverExceedTheBatch() throws Exception {
        String data = syntheticTrainingSet(30).toString();
        Path out = dir.resolve("b1.nmod");
        Result r = run("train", "--arch", "perceptron", "--epochs", "1", "--seed", "1", "--batch", "1", "--validation", "10",
                "--out", out.toString(), "--data", data);
        assertEquals(0, r.code, r.err);
        ModelFile m = ModelFile.read(Files.readAllBytes(out));
        assertEquals("1", m.metadata().get("train.threads"));
        assertTrue(m.metadata().get("train.command").contains(" --batch 1 "), m.metadata().get("train.command"));
    }

    /**
     * A command whose output cannot be written ('numera info > /dev/full', a closed pipe) fails, and says so: before, the
     * write failed unseen and the exit code was 0, so a script took an empty file for a result.
     */
    @Test
    void outputThatCannotBeWrittenIsAFailure() throws IOException {
        Path model = tinyModel();
        java.io.Writer full = new java.io.Writer() {
            @Override public void write(char[] b, int off, int len) throws IOException { throw new IOException("No space left on device"); }
            @Override public void flush() throws IOException { throw new IOException("No space left on device"); }
            @Override public void close() { }
        };
        StringWriter err = new StringWriter();
        int code = Numera.run(new String[] {"info", "--model", model.toString()}, new PrintWriter(full), new PrintWriter(err));
        assertEquals(Numera.EXIT_FAILURE, code, err.toString());
        assertEquals(Numera.OUTPUT_FAILED, err.toString().strip());
        assertEquals(0, run("info", "--model", model.toString()).code(), "written, it succeeds");
    }

    /**
     * Numera's own text on the console is ASCII: under a C/POSIX locale Java 17 prints anything else as '?' (info's layers
     * read 'conv2d(16, 5x5, s1, p2) ? relu ? maxpool2d(2, s2)' with arrows between them). Only what the user gave (a path,
     * a model's metadata) may not be.
     */
    @Test
    void numerasOwnOutputIsAscii() throws IOException {
        Path model = dir.resolve("conv.nmod");
        Sequential net = Sequential.create(new int[] {1, 28, 28}, new LayerSpec[] {LayerSpec.conv2d(4, 3, 1, 1), LayerSpec.relu(),
                LayerSpec.maxPool2d(2, 2), LayerSpec.flatten(), LayerSpec.dense(10)}, 1);
        Files.write(model, ModelFile.of(net, new java.util.LinkedHashMap<>(), false).write());
        for (String[] args : new String[][] {{"info", "--model", model.toString()}, {"train", "--help"}, {"evaluate", "--help"},
                {"predict", "--help"}, {"export", "--help"}, {"--help"}}) {
            Result r = run(args);
            assertEquals(0, r.code(), r.err());
            assertTrue((r.out() + r.err()).chars().allMatch(c -> c < 128), String.join(" ", args) + ":\n" + r.out());
        }
        assertTrue(run("info", "--model", model.toString()).out().contains("conv2d(4, 3x3, s1, p1) -> relu -> maxpool2d(2, s2)"));
        for (dev.numera.training.train.Architecture a : dev.numera.training.train.Architecture.all()) {
            assertTrue(a.description().chars().allMatch(c -> c < 128), a.description());   // train prints it as it starts
        }
    }

    /**
     * Under a C/POSIX locale Java hands a non-ASCII argument over as U+FFFD replacement characters ('ü字.png' as five of
     * them, then '.png'): one usage line saying so and how to mend it. Before, 'predict ü字.png' said "Unmatched argument
     * at index 1" and 'info --model dír/p.nmod' a raw InvalidPathException.
     */
    @Test
    void anArgumentTheLocaleCouldNotCarryIsSaidAsSuch() {
        Result r = run("predict", "\uFFFD\uFFFD.png");
        assertEquals(Numera.EXIT_USAGE, r.code(), r.err());
        assertOneLineNoStackTrace(r);
        assertTrue(r.err().startsWith("numera: an argument holds characters this locale's character set (") && r.err().strip().endsWith(
                "cannot carry: \uFFFD\uFFFD.png; run numera in a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), r.err());
    }
}
