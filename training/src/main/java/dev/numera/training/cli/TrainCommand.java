package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.Sequential;
import dev.numera.training.augment.AugmentConfig;
import dev.numera.training.data.Dataset;
import dev.numera.training.data.ValidationSplit;
import dev.numera.training.eval.Evaluation;
import dev.numera.training.eval.NetworkEvaluator;
import dev.numera.training.export.BatchNormFolding;
import dev.numera.training.io.AtomicFiles;
import dev.numera.training.report.Report;
import dev.numera.training.train.Architecture;
import dev.numera.training.train.Trainer;
import dev.numera.training.data.Mnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on the MNIST training digits (5,000 held out for validation; the test digits are never used).",
                "Writes a checkpoint after every epoch (FILE.ckpt); --resume continues from it."})
final class TrainCommand implements Callable<Integer> {
    enum OptimizerName { sgd, nesterov, adam, adamw }

    enum ScheduleName { constant, step, cosine, onecycle }

    enum AugmentName { none, standard, app }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--arch", required = true, paramLabel = "NAME", description = "Architecture: perceptron, mlp-16, mlp, cnn-small or numera (the shipped one).")
    String arch;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "Number of epochs.")
    int epochs;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed for initialisation, shuffling, augmentation and dropout.")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Model file to write (the best epoch on validation).")
    Path out;

    @Option(names = "--report", paramLabel = "DIR", description = "Write charts, metrics.json and index.html there.")
    Path report;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available processors). "
            + "Same seed and thread count give the same weights bit for bit.")
    Integer threads;

    @Option(names = "--resume", description = "Continue from FILE.ckpt.")
    boolean resume;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size (default: the architecture's).")
    Integer batch;

    @Option(names = "--optimizer", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: the architecture's).")
    OptimizerName optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default: the architecture's).")
    Double lr;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "${COMPLETION-CANDIDATES} (default: the architecture's).")
    ScheduleName schedule;

    @Option(names = "--weight-decay", paramLabel = "WD", description = "Weight decay on weights only (default: the architecture's).")
    Double weightDecay;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "5000", description = "Training digits held out for validation (default: ${DEFAULT-VALUE}).")
    int validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0", description = "Stop after N epochs without a validation gain (0: never).")
    int patience;

    @Option(names = "--augment", paramLabel = "PRESET", description = "${COMPLETION-CANDIDATES} (default: the architecture's; app = standard plus the app's camera and drawing pipelines).")
    AugmentName augment;

    @Option(names = "--calm-epochs", paramLabel = "N", description = "Train the last N epochs on the calm augmentation (small shifts and turns) while the learning rate anneals (default: the architecture's, 2 for numera).")
    Integer calmEpochs;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training digits (smoke tests).")
    Integer limit;

    @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "int8", description = "Weights in the written model: int8 or float32 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Override
    public Integer call() throws Exception {
        Architecture a = Architecture.named(arch);
        check(a != null, "unknown architecture '" + arch + "' (one of: " + Architecture.names() + ")");
        check(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        check(batch == null || batch >= 1, "--batch must be at least 1, got " + batch);
        check(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        check(lr == null || lr > 0, "--lr must be positive, got " + lr);
        check(weightDecay == null || weightDecay >= 0, "--weight-decay must not be negative, got " + weightDecay);
        check(validation >= 1, "--validation must be at least 1, got " + validation);
        check(patience >= 0, "--patience must not be negative, got " + patience);
        check(calmEpochs == null || (calmEpochs >= 0 && calmEpochs <= epochs), "--calm-epochs must be in 0.." + epochs + ", got " + calmEpochs);
        check(dtype.equals("int8") || dtype.equals("float32"), "--dtype must be int8 or float32, got " + dtype);
        PrintWriter err = spec.commandLine().getErr();
        PrintStream log = System.out;
        Path dir = data.resolve(err, Mnist.Part.TRAIN, Mnist.Part.TEST);
        Dataset all = Mnist.load(dir, Mnist.Part.TRAIN);
        if (limit != null) all = all.head(limit);
        check(validation < all.count(), "--validation " + validation + " leaves no training digits");
        ValidationSplit split = ValidationSplit.of(all, validation, ValidationSplit.DEFAULT_SEED);
        int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        String augmentName = augment != null ? augment.name() : a.augment();
        Trainer.Settings settings = new Trainer.Settings(a, epochs, seed, nThreads,
                batch != null ? batch : a.batch(), optimizer != null ? optimizer.name() : a.optimizer(),
                lr != null ? lr : a.lr(), schedule != null ? schedule.name() : a.schedule(),
                weightDecay != null ? weightDecay : a.weightDecay(), momentum, patience,
                augmentConfig(augmentName), Path.of(out + ".ckpt"), resume, AugmentConfig.calm(),
                Math.min(epochs, calmEpochs != null ? calmEpochs : augmentName.equals(a.augment()) ? a.calmEpochs() : 0));
        log.println("training " + a.name() + " (" + a.description() + ") on " + split.train().count() + " digits, validating on "
                + split.validation().count() + "; " + nThreads + " threads; " + settings.optimizer() + " lr " + settings.lr() + " "
                + settings.schedule() + ", batch " + settings.batch() + ", augment " + augmentName
                + (settings.calmEpochs() > 0 ? " (calm for the last " + settings.calmEpochs() + ")" : "") + ", seed " + seed);
        Trainer.Result r = new Trainer(settings, log, true).train(split.train(), split.validation());

        // ship: batchnorm folded, then (by default) int8; the test digits only measure, never choose
        Sequential folded = BatchNormFolding.fold(r.network(), 250);
        Dataset test = Mnist.load(dir, Mnist.Part.TEST);
        Evaluation floatEval = NetworkEvaluator.evaluate(folded, test, Trainer.INPUT_MEAN, Trainer.INPUT_STD, 0);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(ModelFile.META_ARCH, a.name());
        meta.put(ModelFile.META_INPUT_MEAN, Float.toString(Trainer.INPUT_MEAN));
        meta.put(ModelFile.META_INPUT_STD, Float.toString(Trainer.INPUT_STD));
        meta.put(ModelFile.META_TEMPERATURE, "1");
        meta.put(ModelFile.META_SEED, Long.toString(seed));
        meta.put(ModelFile.META_DATE, LocalDate.now(ZoneOffset.UTC).toString());
        meta.put("train.epochs", Integer.toString(r.history().size()));
        meta.put("train.best_epoch", Integer.toString(r.bestEpoch()));
        meta.put("train.threads", Integer.toString(nThreads));
        meta.put("train.seconds", String.format(Locale.ROOT, "%.0f", r.seconds()));
        meta.put("train.command", "numera train --arch " + a.name() + " --epochs " + epochs + " --seed " + seed + " --threads " + nThreads
                + (calmEpochs != null ? " --calm-epochs " + calmEpochs : "") + (augment != null ? " --augment " + augment : ""));
        meta.put("params", Integer.toString(folded.paramCount()));
        meta.put("accuracy.validation", String.format(Locale.ROOT, "%.4f", r.bestValidationAccuracy()));
        meta.put("accuracy.float32", String.format(Locale.ROOT, "%.4f", floatEval.accuracy()));
        boolean int8 = dtype.equals("int8");
        Evaluation shipped = int8
                ? NetworkEvaluator.evaluate(ModelFile.of(folded, meta, true).toNetwork(250), test, Trainer.INPUT_MEAN, Trainer.INPUT_STD, 32)
                : NetworkEvaluator.evaluate(folded, test, Trainer.INPUT_MEAN, Trainer.INPUT_STD, 32);
        meta.put(ModelFile.META_ACCURACY, String.format(Locale.ROOT, "%.4f", shipped.accuracy()));
        ModelFile model = ModelFile.of(folded, meta, int8);
        AtomicFiles.write(out, model.write());
        log.println(String.format(Locale.ROOT, "test accuracy (10,000 digits): float32 %.4f  int8 %s  (int8 costs %.2f points)",
                floatEval.accuracy(), int8 ? String.format(Locale.ROOT, "%.4f", shipped.accuracy()) : "-",
                int8 ? 100 * (floatEval.accuracy() - shipped.accuracy()) : 0.0));
        log.println(String.format(Locale.ROOT, "wrote %s: %d bytes, %s, %d parameters, best epoch %d of %d, %.0f s of training",
                out, model.byteSize(), model.dtype(), folded.paramCount(), r.bestEpoch(), r.history().size(), r.seconds()));
        if (report != null) {
            Map<String, Object> run = new LinkedHashMap<>(meta);
            Report.write(report, run, r.history(), shipped, "test (" + test.count() + " digits, " + model.dtype() + ")", Mnist.SIDE);
            log.println("report: " + report.resolve("index.html"));
        }
        return 0;
    }

    static AugmentConfig augmentConfig(String name) {
        switch (name) {
            case "none":
                return AugmentConfig.none();
            case "standard":
                return AugmentConfig.standard();
            default:
                return AugmentConfig.app();
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
