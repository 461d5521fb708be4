package dev.numera.training.io;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A failed write is said of the path the user gave (or its folder), never of the random temporary file. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFolderInTheTargetsPlaceIsNamedNotTheTemporaryFile() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(empty, new byte[] {1}));
        assertEquals(empty + ": Is a directory", IoErrors.describe(e));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left");
        }
    }

    /** /proc takes no new files, and says so with ENOENT and no reason. */
    @Test
    void aFolderThatTakesNoFilesIsNamed() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/proc/x.nmod"), new byte[] {1}));
        assertEquals("/proc: cannot create files in this folder", IoErrors.describe(e));
    }
}
