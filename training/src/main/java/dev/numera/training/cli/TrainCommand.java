package dev.numera.training.cli;

import dev.numera.core.model.Int8Quantizer;
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

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = {"Train a network on the MNIST training digits. The validation split (--validation, default 5,000 of them, a tenth with --limit) "
                + "chooses the best epoch; the 10,000 test digits are only scored at the end and never choose anything.",
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

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads, one per part of the batch at most (more are capped, with a note; parts of up to "
            + Trainer.PART + " images; default: available processors, capped at the parts). The same seed gives the same weights "
            + "bit for bit on any number of threads.")
    Integer threads;

    @Option(names = "--resume", description = "Continue from FILE.ckpt.")
    boolean resume;

    @Option(names = "--batch", paramLabel = "N", description = "Mini-batch size (default: the architecture's; at least 2 for an architecture with batchnorm, numera).")
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

    @Option(names = "--momentum", paramLabel = "M", description = "Momentum of sgd and nesterov, in [0, 1) (default: the architecture's: "
            + "0 for mlp-16, plain SGD; 0.9 otherwise).")
    Double momentum;

    @Option(names = "--validation", paramLabel = "N",
            description = "Training digits held out for validation (default: " + ValidationSplit.DEFAULT_SIZE + ", or a tenth of --limit's digits when fewer).")
    Integer validation;

    @Option(names = "--patience", paramLabel = "N", defaultValue = "0", description = "Stop after N epochs without a validation gain (0: never).")
    int patience;

    @Option(names = "--augment", paramLabel = "PRESET", description = "${COMPLETION-CANDIDATES} (default: the architecture's; app = a milder standard plus the app's camera and drawing pipelines).")
    AugmentName augment;

    @Option(names = "--calm-epochs", paramLabel = "N", description = "Train the last N epochs on the calm augmentation (small shifts and turns) while the learning rate anneals (default: the architecture's, 2 for numera; 0 when --augment is not the architecture's own).")
    Integer calmEpochs;

    @Option(names = "--flagged-ones", paramLabel = "SHARE", defaultValue = "0", description = "Give this share of the 1s a European flag "
            + "(a stroke from the top down to the left) before the rest of the augmentation, calm epochs too: 0 to 1 (default: ${DEFAULT-VALUE}; "
            + "the recipe with 0.25 read 1s with long flat flags right but more 7s as 1: docs/training/history.md).")
    double flaggedOnes;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training digits (smoke tests).")
    Integer limit;

    @Option(names = "--dtype", paramLabel = "TYPE", defaultValue = "int8", description = "Weights in the written model: int8 or float32 (default: ${DEFAULT-VALUE}).")
    String dtype;

    // 6 by default: the shipped model's 8-bit codes took 75.7 kB gzipped, its 6-bit ones 58.6, at the same test accuracy
    @Option(names = "--bits", paramLabel = "N", defaultValue = "6", description = "Bits of the int8 weights' codes, "
            + Int8Quantizer.MIN_BITS + " to " + Int8Quantizer.MAX_BITS + " (default: ${DEFAULT-VALUE}: codes -31..31, the download a quarter smaller than 8 bits' once gzipped).")
    int bits;

    @Override
    public Integer call() throws Exception {
        Architecture a = Architecture.named(arch);
        check(a != null, "unknown architecture '" + arch + "' (one of: " + Architecture.names() + ")");
        check(epochs >= 1, "--epochs must be at least 1, got " + epochs);
        check(batch == null || batch >= 1, "--batch must be at least 1, got " + batch);
        check(threads == null || threads >= 1, "--threads must be at least 1, got " + threads);
        check(lr == null || (lr > 0 && Double.isFinite(lr)), "--lr must be a positive number, got " + lr);
        // the optimisers take it as a float: 1e39 would be infinite there, and an infinite decay makes NaN weights
        check(weightDecay == null || (weightDecay >= 0 && weightDecay <= Float.MAX_VALUE),
                "--weight-decay must be a finite number, not negative, got " + weightDecay);
        check(momentum == null || (momentum >= 0 && momentum < 1), "--momentum must be in [0, 1), got " + momentum);
        check(validation == null || validation >= 1, "--validation must be at least 1, got " + validation);
        check(flaggedOnes >= 0 && flaggedOnes <= 1, "--flagged-ones must be in 0..1, got " + flaggedOnes);
        check(limit == null || limit >= 1, "--limit must be at least 1, got " + limit);
        check(patience >= 0, "--patience must not be negative, got " + patience);
        check(calmEpochs == null || (calmEpochs >= 0 && calmEpochs <= epochs), "--calm-epochs must be in 0.." + epochs + ", got " + calmEpochs);
        check(dtype.equals("int8") || dtype.equals("float32"), "--dtype must be int8 or float32, got " + dtype);
        check(bits >= Int8Quantizer.MIN_BITS && bits <= Int8Quantizer.MAX_BITS, "--bits must be in " + Int8Quantizer.MIN_BITS + ".." + Int8Quantizer.MAX_BITS + ", got " + bits);
        check(dtype.equals("int8") || Numera.typed(spec, "--bits") == null, "--bits is int8's: with --dtype float32 there are no codes");
        data.check();
        check(!out.toString().isEmpty(), "--out must name a file, got ''");
        AtomicFiles.refuseFolderName(Numera.typed(spec, "--out"));
        check(report == null || !report.toString().isEmpty(), "--report must name a folder, got ''");
        int nBatch = batch != null ? batch : a.batch();
        String optimizerName = optimizer != null ? optimizer.name() : a.optimizer();
        // momentum is sgd's and nesterov's: with adam(w) a given value would change nothing but the checkpoint's
        // fingerprint, so it is said and dropped (a warning, not an error: older models' recorded commands carry it)
        boolean sgd = optimizerName.equals("sgd") || optimizerName.equals("nesterov");
        double m = momentum != null && sgd ? momentum : a.momentum();
        check(!optimizerName.equals("nesterov") || m > 0, "--optimizer nesterov needs a positive --momentum");
        // batchnorm normalises over each part of a batch: a part of one image comes out as 0 whatever the image, and
        // the run ended "learned nothing ... try more --epochs". Parts are cut evenly, so only a batch of 1 has such a part
        check(!a.hasBatchNorm() || Trainer.smallestPart(nBatch) >= 2, "--batch " + nBatch + " cannot train " + a.name()
                + ": its batchnorm layers would normalise each image against itself, which leaves the same output for every image;"
                + " use --batch 2 or more");
        // a batch trains as fixed parts, one thread at a time on each: more threads than parts would have nothing to do, so
        // as many run as there are parts (the weights are the same on any number); refused, '--threads $(nproc)' broke a script
        int nParts = Trainer.parts(nBatch);
        if (threads != null && threads > nParts) {
            spec.commandLine().getErr().println("numera: --threads " + threads + ": a batch of " + nBatch + " has " + nParts + " part"
                    + (nParts == 1 ? "" : "s") + " (of up to " + Trainer.PART + " images), one thread each: training with " + nParts);
            threads = nParts;
        }
        Path checkpoint = Path.of(out + ".ckpt");
        checkOutputs(checkpoint);
        PrintWriter err = spec.commandLine().getErr();
        if (momentum != null && !sgd) {
            err.println("numera: --momentum " + momentum + " has no effect with " + optimizerName + " (it is sgd's and nesterov's); ignored");
        }
        if (!resume && Files.exists(checkpoint)) {   // said before any data is read: time to stop and add --resume
            err.println("numera: " + InfoCommand.shown(checkpoint.toString()) + " exists (an earlier run's progress): without --resume this run starts over"
                    + " and replaces it after its first epoch");
            err.flush();
        }
        PrintStream log = System.out;
        Path dir = data.resolve(err, Mnist.Part.TRAIN, Mnist.Part.TEST);
        Dataset all = Mnist.load(dir, Mnist.Part.TRAIN);
        // read now, not after hours of training: a damaged test file then ends the run before it starts
        Dataset test = Mnist.load(dir, Mnist.Part.TEST);
        if (limit != null) all = all.head(limit);
        // a smoke run's --limit 2000 left nothing beside the default 5,000: then a tenth of what there is
        int validation = this.validation != null ? this.validation
                : limit == null ? ValidationSplit.DEFAULT_SIZE : Math.min(ValidationSplit.DEFAULT_SIZE, Math.max(1, all.count() / 10));
        check(validation < all.count(), "--validation " + validation + " leaves no training digits (of " + all.count() + ")");
        ValidationSplit split = ValidationSplit.of(all, validation, ValidationSplit.DEFAULT_SEED);
        check(nBatch <= split.train().count(), "the batch (" + nBatch + ") is larger than the " + split.train().count()
                + " training digits: use a smaller --batch, a larger --limit or a smaller --validation");
        // the rule that refuses a run that learned nothing (below), applied to a perfect score: when
        // even that counts as guessing, the validation digits are too few, said now and not after the run
        Dataset val = split.validation();
        double p0 = val.commonestLabelShare();
        check(!Evaluation.learnedNothing(1, p0, val.count()), String.format(Locale.ROOT, "--validation %d is too few digits: even a "
                + "network right on every one could not be told from always answering their commonest digit (%.4f of them); use a larger --validation",
                val.count(), p0));
        int nThreads = threads != null ? threads : Math.min(Runtime.getRuntime().availableProcessors(), nParts);
        String scheduleName = schedule != null ? schedule.name() : a.schedule();
        long steps = (long) (split.train().count() / nBatch) * epochs;
        check(steps >= Trainer.minSteps(scheduleName), "--schedule " + scheduleName + " needs at least " + Trainer.minSteps(scheduleName)
                + " steps, and " + split.train().count() + " training digits in batches of " + nBatch + " for " + epochs + " epoch"
                + (epochs == 1 ? "" : "s") + " make " + steps + ": use more digits or epochs, a smaller --batch or --schedule constant");
        String augmentName = augment != null ? augment.name() : a.augment();
        int nCalm = Math.min(epochs, calmEpochs != null ? calmEpochs : augmentName.equals(a.augment()) ? a.calmEpochs() : 0);
        Trainer.Settings settings = new Trainer.Settings(a, epochs, seed, nThreads, nBatch, optimizerName,
                lr != null ? lr : a.lr(), scheduleName,
                weightDecay != null ? weightDecay : a.weightDecay(), m, patience,
                AugmentConfig.named(augmentName).withFlaggedOnes(flaggedOnes), checkpoint, resume,
                AugmentConfig.calm().withFlaggedOnes(flaggedOnes), nCalm);
        Trainer trainer = new Trainer(settings, log, true);
        // Ctrl+C (or a kill) during the run ended it with exit 130 and not a word on what was kept
        Thread stopped = new Thread(() -> said(err, checkpoint, trainer.savedEpoch()));
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            Trainer.Result r;
            try {
                r = trainer.train(split.train(), val);
            } catch (Trainer.Diverged e) {
                throw new UserException(e.getMessage(), e);
            }
            // a finite loss is not yet a network: one whose units saturated (mlp-16 at --lr 1e30) gives every digit the
            // same answer. Refused here, before --out is touched (it may hold the user's good model); the checkpoint
            // written after each epoch stays, as the run's progress
            if (Evaluation.learnedNothing(r.bestValidationAccuracy(), p0, val.count())) {
                throw new UserException(String.format(Locale.ROOT, "training learned nothing: validation accuracy %.4f is no better than "
                                + "always answering the commonest digit (%.4f of %,d digits; learning scores above %.4f, three standard errors higher); %s",
                        r.bestValidationAccuracy(), p0, val.count(), Evaluation.chanceCeiling(p0, val.count()), learnedNothingAdvice(a, settings, trainer)));
            }

            // ship: batchnorm folded, then (by default) int8; the test digits only measure, never choose
            Sequential folded = BatchNormFolding.fold(r.network(), 250);
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
            // every setting that shapes the weights, explicit, so the command reproduces this file
            meta.put("train.command", command(settings, augmentName, validation, sgd));
            meta.put("params", Integer.toString(folded.paramCount()));
            meta.put("accuracy.validation", String.format(Locale.ROOT, "%.4f", r.bestValidationAccuracy()));
            meta.put("accuracy.float32", String.format(Locale.ROOT, "%.4f", floatEval.accuracy()));
            boolean int8 = dtype.equals("int8");
            int weightBits = int8 ? bits : ModelFile.FLOAT32_BITS;
            Evaluation shipped = int8
                    ? NetworkEvaluator.evaluate(ModelFile.of(folded, meta, weightBits).toNetwork(250), test, Trainer.INPUT_MEAN, Trainer.INPUT_STD, 32)
                    : NetworkEvaluator.evaluate(folded, test, Trainer.INPUT_MEAN, Trainer.INPUT_STD, 32);
            // validation saw numbers at every epoch; weights that overflow on a test digit would still make a model of no answer
            if (floatEval.notANumber() > 0 || shipped.notANumber() > 0) {
                throw new UserException("training diverged: the network's output is not a number for " + Math.max(floatEval.notANumber(), shipped.notANumber())
                        + " of " + test.count() + " test digits (--out left as it was): " + trainer.divergenceAdvice());
            }
            meta.put(ModelFile.META_ACCURACY, String.format(Locale.ROOT, "%.4f", shipped.accuracy()));
            ModelFile model = ModelFile.of(folded, meta, weightBits);
            AtomicFiles.write(out, model.write());
            log.println(String.format(Locale.ROOT, "test accuracy (%,d digits): float32 %.4f  int8 %s", test.count(), floatEval.accuracy(),
                    int8 ? String.format(Locale.ROOT, "%.4f  (%s)", shipped.accuracy(), quantisationCost(bits + "-bit int8", floatEval.accuracy(), shipped.accuracy())) : "-"));
            log.println(String.format(Locale.ROOT, "wrote %s: %d bytes, %s, %d parameters, best epoch %d of %d, %.0f s of training",
                    InfoCommand.shown(out.toString()), model.byteSize(), model.dtype(), folded.paramCount(), r.bestEpoch(), r.history().size(), r.seconds()));
            if (report != null) {
                Map<String, Object> run = new LinkedHashMap<>(meta);
                Report.write(report, run, r.history(), shipped, "test (" + test.count() + " digits, " + model.dtype() + ")", Mnist.SIDE);
                log.println("report: " + InfoCommand.shown(report.resolve("index.html").toString()));
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopped);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: it says what is kept
            }
        }
        return 0;
    }

    /**
     * Where the results go (--out, its checkpoint beside it, --report), checked before anything is read or made, not after
     * hours of training: first that none is an input or another result, then that each can be written.
     */
    private void checkOutputs(Path checkpoint) throws IOException {
        String ofOut = "where train keeps the checkpoint for --out " + out;
        List<Path> mnist = data.files(Mnist.Part.TRAIN, Mnist.Part.TEST);
        Clashes.notAnUnexpandedHome(out, "--out");
        if (report != null) {
            Clashes.notAnUnexpandedHome(report, "--report");
        }
        Clashes.notAnInput(out, "--out", mnist, "the MNIST file");
        Clashes.notAnInput(checkpoint, "the checkpoint of --out", mnist, "the MNIST file");
        if (report != null) {
            Clashes.apart(report, out, "--out");
            Clashes.apart(report, checkpoint, ofOut);
            for (Path f : Clashes.reportFiles(report)) {
                Clashes.notAnInput(f, "--report's " + f.getFileName(), mnist, "the MNIST file");
            }
        }
        AtomicFiles.checkWritable(out);
        // written beside --out after every epoch: a folder in its place would end the run after the first
        if (Files.isDirectory(checkpoint)) {
            throw new UserException(checkpoint + ": is a folder, where train keeps the checkpoint for --out " + out + ": move it or use another --out");
        }
        // and its name is 5 bytes longer than --out's: one near the file system's limit failed at the first epoch's end
        try {
            AtomicFiles.checkName(checkpoint);
        } catch (IOException e) {
            throw new UserException(e.getMessage() + ": train keeps the checkpoint for --out there; give --out a shorter name", e);
        }
        if (report != null) AtomicFiles.checkWritableFolder(report);
    }

    /** The command that trains these weights again: every setting that shapes them, explicit (defaults too). */
    private String command(Trainer.Settings settings, String augmentName, int validation, boolean sgd) {
        return "numera train --arch " + settings.arch().name() + " --epochs " + epochs + " --seed " + seed
                + " --threads " + settings.threads() + " --batch " + settings.batch() + " --optimizer " + settings.optimizer()
                + " --lr " + settings.lr() + (sgd ? " --momentum " + settings.momentum() : "") + " --schedule " + settings.schedule()
                + " --weight-decay " + settings.weightDecay() + " --augment " + augmentName + " --calm-epochs " + settings.calmEpochs()
                + (flaggedOnes > 0 ? " --flagged-ones " + flaggedOnes : "")   // absent when 0, as before the option
                + " --validation " + validation + (limit != null ? " --limit " + limit : "") + " --patience " + patience
                + " --dtype " + dtype + (dtype.equals("int8") ? " --bits " + bits : "");
    }

    // Said as the process stops mid-run: what the checkpoint holds, and how to go on from it (the progress bar's line first ended)
    private void said(PrintWriter err, Path checkpoint, int savedEpoch) {
        if (System.console() != null) err.println();
        err.println(savedEpoch > 0
                ? "numera: stopped; " + InfoCommand.shown(checkpoint.toString()) + " holds epoch " + savedEpoch + " of " + epochs + ": run the same command with --resume to go on from there"
                : "numera: stopped during the first epoch; nothing is saved yet");
        err.flush();
    }

    /**
     * What to change when a run learned nothing. A setting above the architecture's default saturates
     * the network as it can blow it up, so the divergence advice names it. With none above (the
     * defaults train), that advice would be wrong: the run was too short (mlp-16 after one epoch on
     * 1,500 digits scores 0.15 against a commonest digit's 0.13 of 500, and 0.34 after three).
     */
    private String learnedNothingAdvice(Architecture a, Trainer.Settings s, Trainer trainer) {
        if (s.lr() > a.lr() || s.weightDecay() > a.weightDecay() || s.momentum() > a.momentum()) {
            return trainer.divergenceAdvice();
        }
        List<String> longer = new ArrayList<>(List.of("more --epochs"));
        if (limit != null) longer.add("a larger --limit");
        if (s.lr() < a.lr()) longer.add("a higher --lr");
        return "no setting is above " + a.name() + "'s defaults, which train, so the run was likely too short: try " + String.join(" or ", longer);
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }

    /**
     * What quantising (named {@code what}: "int8", "6-bit") did to the test accuracy, in words that fit its sign: "int8 costs
     * 0.06 points", "6-bit gains 0.02 points", "int8 changes nothing".
     */
    static String quantisationCost(String what, double before, double after) {
        long hundredths = Math.round(10_000 * (before - after));   // hundredths of a percentage point, as printed
        return hundredths == 0 ? what + " changes nothing"
                : String.format(Locale.ROOT, "%s %s %.2f points", what, hundredths > 0 ? "costs" : "gains", Math.abs(hundredths) / 100.0);
    }
}
