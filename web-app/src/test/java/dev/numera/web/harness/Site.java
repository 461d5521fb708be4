package dev.numera.web.harness;

import dev.numera.web.server.StaticServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The built site (web-app/target/site) and one shared server for all test classes of a run. */
public final class Site {
    private static StaticServer shared;

    private Site() {
    }

    public static Path dir() {
        Path p = Path.of(System.getProperty("numera.site.dir", "target/site"));
        if (!Files.isRegularFile(p.resolve("index.html"))) {
            throw new IllegalStateException("no built site at " + p.toAbsolutePath() + "; run mvn package");
        }
        return p;
    }

    /**
     * The model is committed (src-webapp/model/numera.nmod) and copied into every build, so a site
     * without it is a broken build: the tests that need it fail on it rather than skip.
     */
    public static void requireModel() {
        if (!Files.isRegularFile(dir().resolve("model/numera.nmod"))) {
            throw new AssertionError("the built site " + dir().toAbsolutePath() + " has no model/numera.nmod (src-webapp/model/numera.nmod missing?)");
        }
    }

    public static synchronized StaticServer server() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A copy of the built site in a new temporary folder, to break on purpose. {@link #delete} it. */
    public static Path copy() {
        try {
            Path copy = Files.createTempDirectory("numera-site-copy");
            try (Stream<Path> files = Files.walk(dir())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path to = copy.resolve(dir().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path copy) {
        try (Stream<Path> files = Files.walk(copy)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server of one's own (e.g. to switch it off for the offline test). Close it. */
    public static StaticServer start() {
        try {
            return new StaticServer(dir(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
