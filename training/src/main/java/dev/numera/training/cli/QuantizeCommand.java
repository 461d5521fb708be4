package dev.numera.training.cli;

import dev.numera.core.model.Int8Quantizer;
import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.Recognizer;
import dev.numera.training.data.Dataset;
import dev.numera.training.data.Mnist;
import dev.numera.training.eval.Evaluation;
import dev.numera.training.eval.NetworkEvaluator;
import dev.numera.training.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A model's weights quantised again into fewer bits: the same network and file format (int8 codes), a smaller download
 * once gzipped. The weights quantised are the model's own (dequantised, when it is int8 already: each code then moves
 * by at most half a new step plus half an old one), and the new file's recorded accuracy is measured here, on the
 * 10,000 MNIST test digits, as train measures it, with the model's before it for comparison.
 *
 * <p>The metadata is the source's, with the new accuracy, {@value #BITS} (the codes' bits now: train.command's --bits
 * says what training wrote) and this quantisation appended to the source's own: a 6-bit file quantised into 4 bits
 * records {@value #COMMAND} "numera quantize --bits 6; numera quantize --bits 4" and {@value #ACCURACY_BEFORE} the two
 * accuracies before, in the same order.
 */
@Command(name = "quantize", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = {"Quantise a model's weights into fewer bits (per output channel, stored as int8): the same network, "
                + "a smaller download once gzipped. Its accuracy on the 10,000 MNIST test digits is measured and recorded.",
                "The shipped model's 8-bit codes became 6-bit ones this way: 75.7 -> 58.6 kB gzipped, accuracy 0.9966 -> 0.9967."})
final class QuantizeCommand implements Callable<Integer> {
    static final String COMMAND = "quantize.command";
    static final String ACCURACY_BEFORE = "quantize.accuracy_before";
    static final String BITS = "quantize.bits";
    /** Between the quantisations of {@link #COMMAND} and {@link #ACCURACY_BEFORE}, as a shell runs commands in turn. */
    static final String THEN = "; ";

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    DataOptions data;

    @Option(names = "--bits", required = true, paramLabel = "N",
            description = "Bits per weight code, " + Int8Quantizer.MIN_BITS + " to " + Int8Quantizer.MAX_BITS + " (6: codes -31..31).")
    int bits;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the new model, e.g. numera-6bit.nmod.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (bits < Int8Quantizer.MIN_BITS || bits > Int8Quantizer.MAX_BITS) {
            throw new ParameterException(spec.commandLine(), "--bits must be in " + Int8Quantizer.MIN_BITS + ".." + Int8Quantizer.MAX_BITS + ", got " + bits);
        }
        Numera.checkOutFile(spec, out);
        data.check();
        Path file = model.path();
        ModelFile m = Models.readDigitModel(file);
        Clashes.notAnUnexpandedHome(out, "--out");
        // the model is read whole above, so writing over it would lose nothing now, but it would lose the original
        if (AtomicFiles.sameFile(out, file)) {
            throw new UsageException(out + ": is the model being quantised (--model): give --out another file, e.g. numera-" + bits + "bit.nmod");
        }
        Clashes.notAnInput(out, "--out", data.files(Mnist.Part.TEST), "the MNIST file");
        AtomicFiles.checkWritable(out);

        Dataset test = Mnist.load(data.resolve(spec.commandLine().getErr(), Mnist.Part.TEST), Mnist.Part.TEST);
        float[] norm = Models.inputNorm(m);
        Sequential net = m.toNetwork(250);
        Evaluation before = NetworkEvaluator.evaluate(net, test, norm[0], norm[1], 0);
        ModelFile q;
        try {
            q = ModelFile.of(net, m.metadata(), bits);   // with the source's metadata until the new accuracy is measured
        } catch (IllegalArgumentException e) {   // a weight so large that no scale bounds it: said as ModelFile says it
            throw new UserException(file + ": " + e.getMessage(), e);
        }
        Evaluation after = NetworkEvaluator.evaluate(q.toNetwork(250), test, norm[0], norm[1], 0);
        if (after.notANumber() > 0) {
            throw new UserException(file + " in " + bits + " bits: " + Recognizer.NOT_A_NUMBER + " for " + after.notANumber() + " of " + after.count()
                    + " test digits (--out left as it was)");
        }
        Map<String, String> meta = new LinkedHashMap<>(m.metadata());
        if (m.weightBits() == ModelFile.FLOAT32_BITS) {   // the accuracy before quantisation, as train records it
            meta.put("accuracy.float32", String.format(Locale.ROOT, "%.4f", before.accuracy()));
        }
        meta.put(ModelFile.META_ACCURACY, String.format(Locale.ROOT, "%.4f", after.accuracy()));
        appended(meta, COMMAND, "numera quantize --bits " + bits);
        appended(meta, ACCURACY_BEFORE, String.format(Locale.ROOT, "%.4f", before.accuracy()));
        meta.put(BITS, Integer.toString(q.weightBits()));
        ModelFile written = q.withMetadata(meta);   // q's codes, not quantised a second time (the bytes are the same)
        AtomicFiles.write(out, written.write());
        PrintWriter o = spec.commandLine().getOut();
        o.println(String.format(Locale.ROOT, "test accuracy (%,d digits): %s %.4f  %d-bit %.4f  (%s)", test.count(), bitsName(m.weightBits()),
                before.accuracy(), bits, after.accuracy(), TrainCommand.quantisationCost(bits + "-bit", before.accuracy(), after.accuracy())));
        o.println(String.format(Locale.ROOT, "wrote %s: %d bytes, %s in %d-bit codes, %s gzipped (the model read: %s)", InfoCommand.shown(out.toString()),
                written.byteSize(), written.dtype(), bits, kB(gzipped(written.write())), kB(gzipped(m.write()))));
        return 0;
    }

    /** The value under key, this one after the source's when it has one (a model quantised before keeps that history). */
    private static void appended(Map<String, String> meta, String key, String value) {
        String before = meta.get(key);
        meta.put(key, before == null ? value : before + THEN + value);
    }

    static String bitsName(int bits) {
        return bits == ModelFile.FLOAT32_BITS ? "float32" : bits + "-bit";
    }

    /** Bytes once gzipped at gzip's best, as a host that compresses serves the file. */
    static int gzipped(byte[] data) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(sink) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(data);
        }
        return sink.size();
    }

    private static String kB(long bytes) {
        return String.format(Locale.ROOT, "%.1f kB", bytes / 1000.0);
    }
}
