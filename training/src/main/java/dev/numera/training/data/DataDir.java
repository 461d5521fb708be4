package dev.numera.training.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where MNIST lives when {@code --data} is not given:
 * <ol>
 *   <li>{@code ../shared/mnist} next to the project root, when that folder exists (this checkout's
 *       layout; the project root is found by {@code ProjectRoot});</li>
 *   <li>otherwise a per-user cache, {@code $XDG_CACHE_HOME/numera/mnist} or
 *       {@code ~/.cache/numera/mnist}, where {@code --download} puts the files.</li>
 * </ol>
 */
public final class DataDir {
    private DataDir() {
    }

    /** Applies the rule above. {@code xdgCacheHome} may be null or blank. */
    public static Path resolve(Optional<Path> projectRoot, Path userHome, String xdgCacheHome) {
        if (projectRoot.isPresent()) {
            Path shared = projectRoot.get().resolve("../shared/mnist").normalize();
            if (Files.isDirectory(shared)) {
                return shared;
            }
        }
        return userCache(userHome, xdgCacheHome);
    }

    /** {@code $XDG_CACHE_HOME/numera/mnist}, or {@code ~/.cache/numera/mnist}. */
    public static Path userCache(Path userHome, String xdgCacheHome) {
        Path cache = xdgCacheHome != null && !xdgCacheHome.isBlank()
                ? Path.of(xdgCacheHome) : userHome.resolve(".cache");
        return cache.resolve("numera").resolve("mnist");
    }

    /** The message shown when files are missing: which ones, where to put them, how to fetch them. */
    public static String missingMessage(Path dir, List<MnistFile> missing) {
        String names = missing.stream().map(MnistFile::gzName).collect(Collectors.joining(", "));
        return "MNIST files missing in " + dir.toAbsolutePath().normalize() + ": " + names
                // only the files this command reads: evaluate needs the two test files, not all four
                + ". Put them (.gz or uncompressed) there, point --data at a folder holding them,"
                + " or add --download to fetch and verify them";
    }
}
