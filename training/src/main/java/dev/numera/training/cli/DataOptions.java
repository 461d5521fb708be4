package dev.numera.training.cli;

import dev.numera.training.data.DataDir;
import dev.numera.training.data.DataException;
import dev.numera.training.data.Download;
import dev.numera.training.data.Mnist;
import dev.numera.training.data.MnistFile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --data}, {@code --download}, {@code --mirror}: where MNIST is and how to get it. */
public final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the MNIST IDX files (.gz or raw). Default: ../shared/mnist next to the project root "
                    + "if it exists, else ~/.cache/numera/mnist ($XDG_CACHE_HOME/numera/mnist).")
    Path data;

    @Option(names = "--download", description = "Fetch missing MNIST files from the mirror and verify their SHA-256.")
    boolean download;

    @Option(names = "--mirror", paramLabel = "URL", description = "Base URL of the MNIST mirror (default: ${DEFAULT-VALUE}).",
            defaultValue = Download.DEFAULT_MIRROR)
    URI mirror;

    /** The data folder, as given or by default; nothing is looked at in it. */
    public Path folder() {
        return data != null ? data
                : DataDir.resolve(ProjectRoot.find(), DataDir.home(System.getenv("HOME"), System.getProperty("user.home")),
                        System.getenv("XDG_CACHE_HOME"));
    }

    /**
     * The files of {@code parts} a command may read from the data folder, in either form (.gz or raw), as
     * paths whether they exist or not (--download makes them): what no output of the command may be.
     */
    public List<Path> files(Mnist.Part... parts) {
        Path dir = folder();
        List<Path> files = new ArrayList<>();
        for (Mnist.Part part : parts) {
            for (MnistFile f : part.files()) {
                files.add(dir.resolve(f.gzName()));
                files.add(dir.resolve(f.baseName()));
            }
        }
        return files;
    }

    /**
     * Usage errors (exit 2), before anything is read or made: a --mirror that is not http(s), whether or not anything is
     * to be downloaded; a --data that is empty, or a file (an MNIST file given for the folder that holds it: said with
     * that folder, which is what was meant).
     */
    public void check() {
        String scheme = mirror.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new ParameterException(spec.commandLine(), "--mirror must be an http:// or https:// URL, got '" + mirror + "'");
        }
        if (data != null && data.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--data must name a folder, got ''");
        }
        if (data != null && Files.isRegularFile(data)) {
            Path folder = data.toAbsolutePath().getParent();
            throw new ParameterException(spec.commandLine(), "--data takes the folder that holds the MNIST files, and " + data
                    + " is a file: try --data " + folder);
        }
    }

    /** The data folder, after downloading what is missing if asked; throws with the where-to-put-them message otherwise. */
    public Path resolve(PrintWriter log, Mnist.Part... parts) throws IOException {
        check();
        Path dir = folder();
        List<MnistFile> missing = Mnist.missing(dir, parts);
        if (!missing.isEmpty()) {
            if (!download) {
                throw new DataException(DataDir.missingMessage(dir, missing));
            }
            new Download(mirror, line -> {
                log.println(line);
                log.flush();
            }).fetch(dir, missing);
        }
        return dir;
    }
}
