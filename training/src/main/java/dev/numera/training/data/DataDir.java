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

    /**
     * {@code $XDG_CACHE_HOME/numera/mnist}, or {@code ~/.cache/numera/mnist}. A relative XDG_CACHE_HOME is ignored, as the
     * XDG specification asks (it was taken from the working folder, so the cache moved with it).
     */
    public static Path userCache(Path userHome, String xdgCacheHome) {
        Path cache = xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()
                ? Path.of(xdgCacheHome) : userHome.resolve(".cache");
        return cache.resolve("numera").resolve("mnist");
    }

    /**
     * The user's home as the shell's {@code ~} is: {@code $HOME} when it is an absolute path, else Java's user.home (the
     * password database's, which ignores a HOME set for a run: 'HOME=/tmp/x numera evaluate' looked in /root/.cache).
     */
    public static Path home(String homeVariable, String userHome) {
        return homeVariable != null && !homeVariable.isBlank() && Path.of(homeVariable).isAbsolute() ? Path.of(homeVariable) : Path.of(userHome);
    }

    /** The message shown when files are missing: which ones, where to put them, how to fetch them. */
    public static String missingMessage(Path dir, List<MnistFile> missing) {
        String names = missing.stream().map(MnistFile::gzName).collect(Collectors.joining(", "));
        if (!Files.exists(dir)) {   // a mistyped --data: say so, rather than ask for files in a folder that is not there
            return "no folder " + dir.toAbsolutePath().normalize() + " (for the MNIST files " + names + "). Point --data at a folder"
                    + " that holds them (.gz or uncompressed), or add --download to make it and fetch and verify them there";
        }
        return "MNIST files missing in " + dir.toAbsolutePath().normalize() + ": " + names
                // only the files this command reads: evaluate needs the two test files, not all four
                + ". Put them (.gz or uncompressed) there, point --data at a folder holding them,"
                + " or add --download to fetch and verify them";
    }
}
