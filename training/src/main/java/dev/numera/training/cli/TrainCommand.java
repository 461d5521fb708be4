package dev.numera.training.cli;

import dev.numera.training.data.Mnist;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a network on the MNIST training digits (5,000 held out for validation; the test digits are never used).",
                "Writes a checkpoint after every epoch (FILE.ckpt); --resume continues from it."})
final class TrainCommand implements Callable<Integer> {
    enum OptimizerName { sgd, nesterov, adam, adamw }

    enum ScheduleName { constant, step, cosine, onecycle }

    enum AugmentName { none, standard }

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--arch", required = true, paramLabel = "NAME", description = "Architecture name.")
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

    @Option(names = "--batch", paramLabel = "N", defaultValue = "64", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adamw",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OptimizerName optimizer;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.003", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--schedule", paramLabel = "NAME", defaultValue = "onecycle",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScheduleName schedule;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0.0001", description = "Weight decay on weights only (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--validation", paramLabel = "N", defaultValue = "5000", description = "Training digits held out for validation (default: ${DEFAULT-VALUE}).")
    int validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0", description = "Stop after N epochs without a validation gain (0: never).")
    int patience;

    @Option(names = "--augment", paramLabel = "PRESET", defaultValue = "standard", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AugmentName augment;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training digits (smoke tests).")
    Integer limit;

    @Override
    public Integer call() throws Exception {
        check(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        check(batch >= 1, "--batch must be at least 1, got " + batch);
        check(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        check(lr > 0, "--lr must be positive, got " + lr);
        check(weightDecay >= 0, "--weight-decay must not be negative, got " + weightDecay);
        check(validation >= 1, "--validation must be at least 1, got " + validation);
        check(patience >= 0, "--patience must not be negative, got " + patience);
        Path dir = data.resolve(spec.commandLine().getErr(), Mnist.Part.TRAIN);
        throw new UserException("train: not yet implemented (data found in " + dir + ")");
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
