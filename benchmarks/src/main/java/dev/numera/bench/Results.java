package dev.numera.bench;

import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Reads and writes the JSON results files under bench/results. */
public final class Results {
    private static final Json JSON = new Json();

    private Results() {
    }

    public static Path file(String name) {
        return Project.results().resolve(name + ".json");
    }

    public static void write(String name, Map<String, Object> data) {
        try {
            Files.createDirectories(Project.results());
            Path f = file(name), tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.writeString(tmp, JSON.toJson(data) + "\n");
            Files.move(tmp, f, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.out.println("wrote " + f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The results file's content, or null when it does not exist yet. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> read(String name) {
        Path f = file(name);
        if (!Files.isRegularFile(f)) return null;
        try {
            return (Map<String, Object>) JSON.toType(Files.readString(f), Json.MAP_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toJson(Object o) {
        return JSON.toJson(o);
    }
}
