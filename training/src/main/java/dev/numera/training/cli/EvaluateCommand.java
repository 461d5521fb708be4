package dev.numera.training.cli;

import dev.numera.core.model.ModelFile;
import dev.numera.core.nn.Sequential;
import dev.numera.core.recognize.Recognizer;
import dev.numera.training.data.Dataset;
import dev.numera.training.data.Mnist;
import dev.numera.training.eval.Evaluation;
import dev.numera.training.eval.NetworkEvaluator;
import dev.numera.training.io.AtomicFiles;
import dev.numera.training.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = {"Score a model on the 10,000 MNIST test digits: accuracy, per-class accuracy, confusion matrix, "
                + "mean confidence.", "The last line is 'accuracy=A n=N' for scripts, e.g. 'accuracy=0.9967 n=10000' for the shipped model."})
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    DataOptions data;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write confusion.png, mistakes.png, metrics.json and index.html there.")
    Path report;

    @Option(names = "--limit", paramLabel = "N", description = "Only the first N test digits (quick checks).")
    Integer limit;

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, got " + limit);
        }
        if (report != null && report.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--report must name a folder, got ''");
        }
        data.check();
        Path file = model.path();
        // as train does: a bad --report is said now, not after the data is read and scored, and one whose files
        // would replace the model or the test digits (a link among them, or --model REPORT/index.html) before anything is made
        if (report != null) {
            Clashes.notAnUnexpandedHome(report, "--report");
            Clashes.apart(report, file, "--model");
            List<Path> mnist = data.files(Mnist.Part.TEST);
            for (Path f : Clashes.reportFiles(report)) {
                Clashes.notAnInput(f, "--report's " + f.getFileName(), mnist, "the MNIST file");
            }
            AtomicFiles.checkWritableFolder(report);
        }
        PrintWriter out = spec.commandLine().getOut();
        ModelFile m = Models.readDigitModel(file);
        Path dir = data.resolve(spec.commandLine().getErr(), Mnist.Part.TEST);
        Dataset test = Mnist.load(dir, Mnist.Part.TEST);
        if (limit != null) {
            test = test.head(limit);
        }
        Sequential net = m.toNetwork(256);
        float[] norm = Models.inputNorm(m);
        Evaluation ev = NetworkEvaluator.evaluate(net, test, norm[0], norm[1], 32);
        // said as predict says it, before anything is printed or written: an accuracy of such a model means nothing
        if (ev.notANumber() > 0) {
            throw new UserException(file + ": " + Recognizer.NOT_A_NUMBER + " for " + ev.notANumber() + " of " + ev.count() + " test digits");
        }
        out.println("model           " + InfoCommand.shown(file.toString()) + " (" + m.dtype() + ")");
        out.print(ev.describe());
        if (report != null) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("model", file.toString());
            run.put("dtype", m.dtype());
            run.putAll(m.metadata());
            Report.write(report, run, List.of(), ev, "MNIST test (" + test.count() + " digits)", Mnist.SIDE);
            out.println("report          " + InfoCommand.shown(report.resolve("index.html").toString()));
        }
        out.println(ev.summaryLine());
        return 0;
    }
}
