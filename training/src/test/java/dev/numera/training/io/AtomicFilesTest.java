package dev.numera.training.io;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A failed write is said of the path the user gave (or its folder), never of the random temporary
 * file; a symbolic link is written through.
 */
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

    /** models/current.nmod -> ../runs/a.nmod: the run's file gets the bytes, the link stays a link, no file appears beside it. */
    @Test
    void aLinkIsWrittenThroughAndStays() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs")), models = Files.createDirectories(dir.resolve("models"));
        Path real = Files.write(runs.resolve("a.nmod"), new byte[] {1});
        Path link = Files.createSymbolicLink(models.resolve("current.nmod"), Path.of("../runs/a.nmod"));
        Path chain = Files.createSymbolicLink(dir.resolve("latest.nmod"), link);   // a link to the link
        AtomicFiles.checkWritable(chain);
        AtomicFiles.write(chain, new byte[] {2, 3});
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chain), "both links stay links");
        assertArrayEquals(new byte[] {2, 3}, Files.readAllBytes(real));
        try (var inModels = Files.list(models); var inRuns = Files.list(runs)) {
            assertEquals(List.of(link), inModels.toList(), "nothing beside the link");
            assertEquals(List.of(real), inRuns.toList(), "no temporary file left");
        }
    }

    /** A link to a file not there yet: that file is made, where the link says. */
    @Test
    void aDanglingLinkMakesTheFileItNames() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("out.nmod"), Path.of("later.nmod"));
        AtomicFiles.write(link, new byte[] {4});
        assertTrue(Files.isSymbolicLink(link));
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(dir.resolve("later.nmod")));
    }

    @Test
    void aLoopOfLinksIsAClearError() throws IOException {
        Path a = dir.resolve("a.nmod"), b = dir.resolve("b.nmod");
        Files.createSymbolicLink(a, b.getFileName());
        Files.createSymbolicLink(b, a.getFileName());
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(a, new byte[] {1}));
        assertEquals(a + ": too many levels of symbolic links", e.getMessage());
    }

    /** home/models -> ../data/models, and there cur.nmod -> ../runs/new.nmod (not there yet): ".." goes up from data/models. */
    @Test
    void aDanglingLinkInALinkedFolderIsResolvedAsTheSystemDoes() throws IOException {
        Path models = Files.createDirectories(dir.resolve("data/models"));
        Files.createDirectories(dir.resolve("data/runs"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createSymbolicLink(home.resolve("models"), Path.of("../data/models"));
        Files.createSymbolicLink(models.resolve("cur.nmod"), Path.of("../runs/new.nmod"));
        AtomicFiles.write(home.resolve("models/cur.nmod"), new byte[] {5});
        assertArrayEquals(new byte[] {5}, Files.readAllBytes(dir.resolve("data/runs/new.nmod")));
        assertArrayEquals(new byte[] {5}, Files.readAllBytes(home.resolve("models/cur.nmod")), "the link now leads to the model");
        assertFalse(Files.exists(home.resolve("runs")), "nothing made where text-level '..' would point");
    }

    /** A link into a folder that takes no files: the error names the link the user gave, and where it leads. */
    @Test
    void aLinkIntoAFolderThatTakesNoFilesIsNamed() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        Path link = Files.createSymbolicLink(dir.resolve("out.nmod"), Path.of("/proc/x.nmod"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(link, new byte[] {1}));
        assertEquals(link + " (a link to /proc/x.nmod): /proc: cannot create files in this folder", e.getMessage());
        e = assertThrows(IOException.class, () -> AtomicFiles.checkWritable(link));
        assertEquals(link + " (a link to /proc/x.nmod): /proc: cannot create files in this folder", e.getMessage());
    }

    /**
     * A pipe (or a device, a socket) where the file should go is refused and stays what it is: renamed over,
     * it became a plain file (root's export --out /dev/null made /dev/null a 321 KB file).
     */
    @Test
    void aPipeInTheTargetsPlaceIsRefusedAndLeftAsItWas() throws Exception {
        Path fifo = dir.resolve("pipe.onnx");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available here");
        for (IoCall call : List.<IoCall>of(() -> AtomicFiles.write(fifo, new byte[] {2}), () -> AtomicFiles.checkWritable(fifo))) {
            IOException e = assertThrows(IOException.class, call::run);
            assertEquals(fifo + ": is not a regular file (a device, a pipe or a socket), so it was left as it was; give a file name", e.getMessage());
        }
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "still a pipe");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(fifo), files.toList(), "no temporary file left");
        }
    }

    /**
     * A file the user may not write is refused, not replaced: the rename needs only the folder's permission, so
     * a read-only model was replaced all the same and came out rw-r--r--. The refusal names the file as given.
     * Root may write any file, so for root (as here in CI) a file whose owner may not write it is read-only:
     * it was replaced.
     */
    @Test
    void aReadOnlyFileIsRefusedAndLeftAsItWas() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path file = Files.write(dir.resolve("kept.nmod"), new byte[] {1});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        for (IoCall call : List.<IoCall>of(() -> AtomicFiles.write(file, new byte[] {2}), () -> AtomicFiles.checkWritable(file))) {
            IOException e = assertThrows(IOException.class, call::run);
            assertEquals(file + ": is read-only for you, so it was left as it was; make it writable or give another file", e.getMessage());
        }
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(file));
        assertEquals("r--r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    /**
     * A folder whose owner may not write it takes nothing: no file, no folder on the way to one, no report. Root may
     * write in any folder (as here in CI), so model.nmod, sub/model.nmod and a report went into a chmod 555 folder.
     */
    @Test
    void aReadOnlyFolderIsRefusedAndLeftEmpty() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            for (IoCall call : List.<IoCall>of(() -> AtomicFiles.write(ro.resolve("m.nmod"), new byte[] {2}),
                    () -> AtomicFiles.checkWritable(ro.resolve("m.nmod")), () -> AtomicFiles.write(ro.resolve("sub/m.nmod"), new byte[] {2}),
                    () -> AtomicFiles.checkWritable(ro.resolve("sub/m.nmod")), () -> AtomicFiles.checkWritableFolder(ro),
                    () -> AtomicFiles.checkWritableFolder(ro.resolve("report")))) {
                IOException e = assertThrows(IOException.class, call::run);
                assertEquals(ro + ": is a read-only folder, so nothing was written in it; make it writable or give another folder", e.getMessage());
            }
            try (var files = Files.list(ro)) {
                assertEquals(List.of(), files.toList());
            }
        } finally {
            Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));   // so that @TempDir can delete it
        }
    }

    private interface IoCall {
        void run() throws IOException;
    }

    /** A file replaced keeps its permissions (a private one stays private); a new one is rw-r--r--, as before. */
    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        for (String mode : List.of("rw-------", "rw-rw----", "rwxr-x---")) {
            Path file = Files.write(dir.resolve(mode + ".nmod"), new byte[] {1});
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
            AtomicFiles.write(file, new byte[] {2});
            assertArrayEquals(new byte[] {2}, Files.readAllBytes(file));
            assertEquals(mode, PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        Path fresh = dir.resolve("new.nmod");
        AtomicFiles.write(fresh, new byte[] {3});
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    /**
     * A file system that keeps no Unix modes (a FAT memory stick) refuses chmod; the write goes through all the same, a
     * new file and a replaced one, and a download's file too. A FAT image mounted through FUSE (fusefat, which answers
     * chmod with ENOSYS; the kernel's own FAT driver says EPERM), where it can be mounted (root, /dev/fuse: CI installs
     * fusefat and dosfstools). Before, every write there failed: "m.nmod: Function not implemented".
     */
    @Test
    void aFileSystemWithoutUnixModesTakesTheWriteAllTheSame() throws Exception {
        String mkfs = installed("mkfs.fat"), fusefat = installed("fusefat");
        Assumptions.assumeTrue(mkfs != null && fusefat != null, "mkfs.fat or fusefat not installed (apt-get install dosfstools fusefat)");
        Path image = dir.resolve("stick.img");
        try (var f = new java.io.RandomAccessFile(image.toFile(), "rw")) {
            f.setLength(8 << 20);
        }
        assertEquals(0, run(mkfs, image.toString()), "mkfs.fat");
        Path stick = Files.createDirectory(dir.resolve("stick"));
        int mounted = run(fusefat, "-o", "rw+", image.toString(), stick.toString());
        Assumptions.assumeTrue(mounted == 0, "fusefat could not mount a FAT image here (exit " + mounted + "; it needs /dev/fuse and root)");
        try {
            Assumptions.assumeTrue(Files.getFileStore(stick).type().startsWith("fuse"), "fusefat exited 0 but mounted nothing");
            Path model = stick.resolve("runs/m.nmod");
            AtomicFiles.checkWritable(model);
            AtomicFiles.write(model, new byte[] {1, 2, 3});
            AtomicFiles.write(model, new byte[] {4});
            assertArrayEquals(new byte[] {4}, Files.readAllBytes(model));
            Path part = Files.write(stick.resolve("t10k-labels-idx1-ubyte.part"), new byte[] {5});
            AtomicFiles.readableByAll(part);
            AtomicFiles.replace(part, stick.resolve("t10k-labels-idx1-ubyte"));
            try (var files = Files.list(stick.resolve("runs"))) {
                assertEquals(List.of(model), files.toList(), "no temporary file left");
            }
        } finally {
            if (run("umount", stick.toString()) != 0 && installed("fusermount") != null) {
                run(installed("fusermount"), "-u", stick.toString());   // as a user FUSE allows to mount
            }
        }
    }

    /** The same refusal where every Linux has it: /proc's files take no chmod (EPERM). */
    @Test
    void aModeTheFileSystemRefusesIsNoError() throws IOException {
        Path proc = Path.of("/proc/self/comm");
        Assumptions.assumeTrue(Files.exists(proc), "no /proc here");
        AtomicFiles.readableByAll(proc);
    }

    /** The command's path, from PATH or the sbin folders (mkfs.fat is in /usr/sbin, which a user's PATH may lack); null if none. */
    private static String installed(String command) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")),
                        java.util.stream.Stream.of("/usr/sbin", "/sbin"))
                .filter(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, command)))
                .map(d -> Path.of(d, command).toString()).findFirst().orElse(null);
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    /** The checks make the folders they probe and remove them again, so a usage error found after them leaves none; write makes them. */
    @Test
    void checksLeaveNoFolderBehind() throws IOException {
        Path out = dir.resolve("a/b/m.nmod");
        AtomicFiles.checkWritable(out);
        AtomicFiles.checkName(dir.resolve("a/b/" + "n".repeat(60) + ".nmod"));
        AtomicFiles.checkWritableFolder(dir.resolve("r/s"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.checkWritableFolder(dir.resolve("c/" + "x".repeat(300))));
        assertTrue(IoErrors.describe(e).endsWith(": File name too long"), IoErrors.describe(e));   // still found up front
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.toList());
        }
        AtomicFiles.write(out, new byte[] {7});
        assertArrayEquals(new byte[] {7}, Files.readAllBytes(out));
    }

    /**
     * Runs started together into a new folder (a seed sweep in parallel) each check their outputs, and each check removes the
     * folders it made: another run's folder can vanish under it. None may fail for that. Eight threads, each round into a
     * folder that none of them has made yet, every check and a write: before the checks made a vanished folder again, a
     * run of 40 rounds failed ("cannot create files in this folder"); 8 of 24 processes started together failed so.
     */
    @Test
    void checksRacingIntoOneNewFolderAllPass() throws Exception {
        int threads = 8, rounds = 40;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.concurrent.ConcurrentLinkedQueue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Thread> all = new java.util.ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (int r = 0; r < rounds; r++) {
                    Path runs = dir.resolve("round" + r + "/runs");
                    try {
                        start.await();
                        AtomicFiles.checkWritable(runs.resolve("s" + id + ".nmod"));
                        AtomicFiles.checkName(runs.resolve("s" + id + "-" + "n".repeat(60) + ".nmod"));
                        AtomicFiles.checkWritableFolder(runs.resolve("report" + id));
                        if (r % 4 == 0) {
                            AtomicFiles.write(runs.resolve("s" + id + ".nmod"), new byte[] {(byte) id});
                        }
                    } catch (Exception e) {
                        failures.add("round " + r + ", run " + id + ": " + e);
                    }
                }
            });
            thread.start();
            all.add(thread);
        }
        for (Thread thread : all) {
            thread.join();
        }
        assertEquals(List.of(), List.copyOf(failures));
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(dir.resolve("round0/runs/s3.nmod")));
    }

    /** A plain target under a linked folder is no link: it is written where it is, and errors name it as given. */
    @Test
    void aTargetUnderALinkedFolderIsNoLink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real.getFileName());
        assertEquals(linked.resolve("m.nmod"), AtomicFiles.throughLinks(linked.resolve("m.nmod")));
        AtomicFiles.write(linked.resolve("m.nmod"), new byte[] {6});
        assertArrayEquals(new byte[] {6}, Files.readAllBytes(real.resolve("m.nmod")));
        Path folder = Files.createDirectories(real.resolve("f.nmod"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(linked.resolve("f.nmod"), new byte[] {1}));
        assertEquals(linked.resolve("f.nmod") + ": Is a directory", IoErrors.describe(e), "said of the path given, not " + folder);
    }
}
