package dev.numera.training.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Atomic writes: the bytes go to a temporary file in the target's folder, which is then renamed
 * over the target. A crash at any moment leaves the old file or the new one, never half of one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            Files.write(tmp, bytes);
            readableByAll(tmp);
            replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files start as rw-------; a model or report is meant to be served and shared. */
    public static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** Renames a finished temporary file over the target, atomically. */
    public static void replace(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
