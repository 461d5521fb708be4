package dev.numera.training.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the Numera checkout the program runs from, to default {@code --model} to the shipped
 * {@code src-webapp/model/numera.nmod} and {@code --data} to {@code ../shared/mnist}.
 *
 * <p>Search order: the system property {@code numera.home}; the working directory and its
 * parents; the jar's directory and its parents (so {@code java -jar training/target/numera.jar}
 * works from anywhere). A project root is a directory holding {@code src-webapp/}, or a
 * {@code pom.xml} next to a {@code training/} folder.
 */
public final class ProjectRoot {
    public static final String SHIPPED_MODEL = "src-webapp/model/numera.nmod";

    private ProjectRoot() {
    }

    public static Optional<Path> find() {
        List<Path> starts = new ArrayList<>();
        String home = System.getProperty("numera.home");
        if (home != null && !home.isBlank()) {
            return Optional.of(Path.of(home).toAbsolutePath().normalize());
        }
        starts.add(Path.of("").toAbsolutePath());
        jarDirectory().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (isRoot(p)) {
                    return Optional.of(p.normalize());
                }
            }
        }
        return Optional.empty();
    }

    static boolean isRoot(Path p) {
        return Files.isDirectory(p.resolve("src-webapp"))
                || (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("training")));
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = ProjectRoot.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path p = Path.of(source.getLocation().toURI()).toAbsolutePath();
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The shipped model under the project root, or a relative path that will say "not found". */
    public static Path defaultModel() {
        return find().map(r -> r.resolve(SHIPPED_MODEL)).orElse(Path.of(SHIPPED_MODEL));
    }
}
