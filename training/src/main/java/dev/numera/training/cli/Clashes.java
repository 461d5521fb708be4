package dev.numera.training.cli;

import dev.numera.training.io.AtomicFiles;
import dev.numera.training.report.Report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A command's outputs that would replace its own inputs or one another, refused in one line before
 * anything is read or made (train's --out on an MNIST file wrote the model over the labels; --report
 * at --out made a folder there after hours of training, and the model was lost). Paths are compared
 * where they lead, through links, and as files on disk where they exist ({@link AtomicFiles#sameFile}). Also an output
 * under a folder named "~" that is not there: the shell's home that the shell did not expand.
 */
final class Clashes {
    private Clashes() {
    }

    /** Refuses {@code output} (said as {@code what}, e.g. "--out") when it is one of {@code inputs} (said as {@code which}). */
    static void notAnInput(Path output, String what, List<Path> inputs, String which) throws IOException {
        for (Path input : inputs) {
            if (AtomicFiles.sameFile(output, input)) {
                throw new UsageException(output + ": " + what + " is " + which + " " + input + ", which this command reads");
            }
        }
    }

    /**
     * Refuses {@code output} (said as {@code what}) when it starts with a folder named "~" that does not exist: the shell
     * expands ~ only at the start of a word, so '--out=~/m.nmod' or '--out "~/m.nmod"' reached train as it is, which made a
     * folder named ~ in the working folder and said "wrote ~/m.nmod", as if in the home folder. A ~ folder that is there
     * is someone's choice, and is used.
     */
    static void notAnUnexpandedHome(Path output, String what) {
        if (output.getNameCount() > 0 && output.getName(0).toString().equals("~") && !output.isAbsolute()
                && !java.nio.file.Files.exists(Path.of("~"))) {
            throw new UsageException(output + ": " + what + " starts with '~', which the shell did not turn into your home folder"
                    + " (it does so only at the start of a word, not after '=' or in quotes); write $HOME/"
                    + (output.getNameCount() > 1 ? output.subpath(1, output.getNameCount()) : "") + " instead");
        }
    }

    /** The files a report in {@code dir} may write (see {@link Report#FILES}). */
    static List<Path> reportFiles(Path dir) {
        return Report.FILES.stream().map(dir::resolve).toList();
    }

    /**
     * Refuses a report folder that is {@code file} (said as {@code what}) or lies below it, where making
     * the folder would put a folder in the file's place, and a {@code file} that is one of the report's files.
     */
    static void apart(Path report, Path file, String what) throws IOException {
        if (AtomicFiles.within(report, file)) {
            throw new UsageException(report + ": --report is " + (AtomicFiles.sameFile(report, file) ? "" : "inside ") + what
                    + "; give the report a folder of its own");
        }
        for (Path r : reportFiles(report)) {
            if (AtomicFiles.sameFile(file, r)) {
                throw new UsageException(file + ": " + what + " is the report's " + r.getFileName() + ", which --report " + report
                        + " would replace; give the report a folder of its own");
            }
        }
    }
}
