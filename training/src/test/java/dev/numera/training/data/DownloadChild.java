package dev.numera.training.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Run by {@link DownloadTest} in a JVM of its own, to be stopped mid-download: args are the mirror and the folder. */
public final class DownloadChild {
    private DownloadChild() {
    }

    public static void main(String[] args) throws Exception {
        new Download(URI.create(args[0]), System.out::println).fetch(Path.of(args[1]), List.of(MnistFile.TEST_LABELS));
    }
}
