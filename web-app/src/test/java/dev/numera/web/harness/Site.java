package dev.numera.web.harness;

import dev.numera.web.server.StaticServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    public static boolean hasModel() {
        return Files.isRegularFile(dir().resolve("model/numera.nmod"));
    }

    public static synchronized StaticServer server() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
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
