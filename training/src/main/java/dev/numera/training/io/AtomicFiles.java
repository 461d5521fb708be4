package dev.numera.training.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Atomic writes: the bytes go to a temporary file in the target's folder, are forced to disk, and
 * the file is then renamed over the target. A crash at any moment leaves the old file or the new
 * one, never half of one. (Without the force, a power cut soon after the rename can leave the new
 * name pointing at content the disk never received.) A symbolic link at the target is written
 * through: the file it points to is replaced (renamed over, so it is a new file with the old one's
 * permissions, owned by whoever wrote it) and the link stays. Renamed onto the link itself, the new
 * model would become a plain file in its place and the file the link points to, which other paths
 * may share, would keep the old bytes.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path file = throughLinks(target);
        refuseReadOnly(target, file);
        Path dir = folderOf(file);
        makeFolders(dir);
        Path tmp = viaLink(target, file, () -> createTemp(dir, file.getFileName().toString()));
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            if (Files.exists(file)) {
                samePermissions(file, tmp);
            } else {
                readableByAll(tmp);
            }
            move(tmp, file);
        } catch (IOException e) {
            // the temporary file's name is random and deleted below: the failure is said of the target, the name the user gave
            throw new IOException(target + ": " + (e instanceof FileSystemException f ? IoErrors.reason(f) : IoErrors.describe(e)), e);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Fails now, with the reason, where {@link #write} to {@code target} would fail later: a folder
     * in its place, a file there that the user may not write, a file where a folder of its path should
     * be, a folder that cannot be written, a name too long for the file system. The folder is made (as
     * write would), a temporary file is created there and deleted, and the folders made are removed
     * ({@link #inFolder}). For a long job that writes at its end (training).
     */
    public static void checkWritable(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            throw new IOException(target + ": is a folder; give a file name");
        }
        Path file = throughLinks(target);
        refuseReadOnly(target, file);
        Path dir = folderOf(file);
        inFolder(dir, () -> {
            Files.delete(viaLink(target, file, () -> createTemp(dir, file.getFileName().toString())));
            checkName(target);
        });
    }

    /**
     * Refuses a file's path typed with a separator at its end ("runs/new/") where no folder is: a Path drops the
     * separator, so the file was written under the folder's name (a file "new"). So does one ending in "." or ".."
     * ("runs/new/."), which made the folder and then failed with the system's "Device or resource busy". An
     * existing folder is left to {@link #checkWritable}, which says it is a folder.
     */
    public static void refuseFolderName(String typed) throws IOException {
        Path path = Path.of(typed);
        String last = path.getFileName() == null ? "" : path.getFileName().toString();
        String end = typed.endsWith("/") || typed.endsWith(java.io.File.separator) ? typed.substring(typed.length() - 1)
                : last.equals(".") || last.equals("..") ? last : null;
        if (end != null && !Files.isDirectory(path)) {
            throw new IOException(typed + ": ends in '" + end + "', which names a folder; give a file name");
        }
    }

    /**
     * Fails now when the file system would refuse {@code target}'s name (most take 255 bytes, some fewer):
     * a file whose name is as many bytes long is made in its folder and deleted, so that the file system's
     * own limit decides. Called once a file has been made in that folder ({@link #checkWritable} makes one),
     * so that only the name can fail it. Nothing is made when the file is there already, or when its name
     * is no longer than the probe's own (some 34 bytes, which every file system takes); the folder is made
     * for the probe if missing, and removed again.
     */
    public static void checkName(Path target) throws IOException {
        Path file = throughLinks(target);
        Path dir = folderOf(file);
        int bytes = file.getFileName().toString().getBytes(StandardCharsets.UTF_8).length;
        String probe = "numera-name-check-" + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        if (bytes <= probe.length() || Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path made = dir.resolve(probe + "x".repeat(bytes - probe.length()));
        inFolder(dir, () -> {
            try {
                fileIn(dir, () -> Files.createFile(made));
            } catch (FileSystemException e) {
                throw new IOException(target + ": the file name is too long for the file system there (" + bytes + " bytes in UTF-8; "
                        + IoErrors.reason(e) + ")", e);
            }
            Files.delete(made);
        });
    }

    private interface IoStep<T> {
        T run() throws IOException;
    }

    private interface IoCheck {
        void run() throws IOException;
    }

    /**
     * Makes {@code dir} and the folders above it that are missing. Runs started together into a new folder (a seed sweep in
     * parallel) each check their outputs before they read any data, and each check removes the folders it made
     * ({@link #inFolder}): one run's folder can vanish between its making it and using it, or a folder above it while it
     * is being made. Then it is made again, a few times at most.
     */
    private static void makeFolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            refuseUnfitFolder(dir);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Files.createDirectories(dir);
                return;
            } catch (java.nio.file.NoSuchFileException | java.nio.file.FileAlreadyExistsException e) {
                // a folder above removed while this one was made; or this one, made by another run, removed again before
                // createDirectories saw it was a folder (a file in its place fails every time, and is said as before)
                if (attempt == MAKE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static final int MAKE_ATTEMPTS = 20;

    /** Makes a file in {@code dir} by {@code step}; where the folder was removed meanwhile ({@link #makeFolders}), makes it again and retries. */
    private static Path fileIn(Path dir, IoStep<Path> step) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return step.run();
            } catch (java.nio.file.NoSuchFileException e) {
                if (attempt == MAKE_ATTEMPTS) {
                    throw e;
                }
                makeFolders(dir);   // it may be there again already, made by another run: then this does nothing
            }
        }
    }

    /**
     * Runs a check in {@code dir}, made for it (as write would make it) and removed again with any folder
     * above it that was made: a check leaves the file system as it was. train checks its outputs before it
     * reads the data, and a usage error found in the data (--validation larger than them) left --out's and
     * --report's folders behind, empty.
     */
    private static void inFolder(Path dir, IoCheck check) throws IOException {
        List<Path> missing = new ArrayList<>();   // the deepest first, the order they are removed in
        for (Path p = dir; p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS); p = p.getParent()) {
            missing.add(p);
        }
        try {
            makeFolders(dir);
            check.run();
        } finally {
            for (Path p : missing) {
                // when making one failed (a name too long), those above it were made; that one cannot even be deleted
                try {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        Files.delete(p);
                    }
                } catch (IOException e) {
                    break;   // another process wrote into it meanwhile: it stays, and the check's own error is the one said
                }
            }
        }
    }

    // a failure in the folder a link leads to is said of the link too: the user gave the link's name
    private static <T> T viaLink(Path target, Path file, IoStep<T> step) throws IOException {
        try {
            return step.run();
        } catch (IOException e) {
            if (file.equals(target.toAbsolutePath())) throw e;
            throw new IOException(target + " (a link to " + file + "): " + IoErrors.describe(e), e);
        }
    }

    /**
     * The file a chain of symbolic links at {@code target} ends at ({@code target}, made absolute,
     * when it is no link, so errors keep naming it as given): the system's own resolution where the file exists, otherwise followed link by link, so
     * that a dangling link names the file it would create. A relative link is relative to its folder
     * as the system resolves it: ".." in it goes up from where the folder really is, so no hop is
     * normalised as text (a folder on the way may itself be a link).
     */
    static Path throughLinks(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        if (!Files.isSymbolicLink(p)) {
            return p;   // folders on the way that are links are the system's to follow, as before
        }
        if (Files.exists(p)) {
            return p.toRealPath();
        }
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {   // Linux's own limit (ELOOP)
                throw new IOException(target + ": too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().toRealPath().resolve(link);   // the link exists, so its folder does
        }
        Path parent = p.getParent();
        return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(p.getFileName()) : p.normalize();
    }

    /**
     * Where a path leads: symbolic links at it followed (a dangling one to the file it would make), then
     * its longest existing part resolved by the system (links and ".." in its folders), the rest as given.
     * Two paths that lead to the same place name the same file, whether or not it exists yet.
     */
    public static Path resolved(Path p) throws IOException {
        Path file = throughLinks(p);
        Path existing = file;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return file.normalize();
        }
        return existing.toRealPath().resolve(existing.relativize(file)).normalize();
    }

    /** Whether two paths name one file: they lead to the same place, or both exist and are one file (a hard link too). */
    public static boolean sameFile(Path a, Path b) throws IOException {
        return resolved(a).equals(resolved(b)) || (Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b));
    }

    /** Whether {@code inner} leads to {@code outer} or to a place below it. */
    public static boolean within(Path inner, Path outer) throws IOException {
        return resolved(inner).startsWith(resolved(outer));
    }

    /** {@link #checkWritable} for a folder that files will be written into (a report). */
    public static void checkWritableFolder(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException(dir + ": is a file, not a folder");
        }
        Path folder = dir.toAbsolutePath();
        inFolder(folder, () -> Files.delete(createTemp(folder, "check")));
    }

    // the folder a file name lives in; "/" or "" name no file
    private static Path folderOf(Path target) throws IOException {
        Path name = target.getFileName();
        if (name == null || name.toString().isEmpty()) {
            throw new IOException("'" + target + "' names no file");
        }
        return target.toAbsolutePath().getParent();
    }

    /**
     * The temporary file's name starts with the target's, so that one left by a killed run shows whose it
     * was: its first 24 characters at most, so that the name stays short whatever the target's (with the
     * whole name and the random part, a legal --out of 230 characters passed 255 bytes and failed at its
     * first write, said of the folder).
     */
    static final int TEMP_PREFIX = 24;

    // the temporary file's name is random: a refusal names the folder, which is what the user can fix.
    // A program stopped mid-write (Ctrl-C during a checkpoint) skips the callers' finally blocks; the
    // JVM's exit hook then removes the file (a no-op once it has been renamed or deleted).
    private static Path createTemp(Path dir, String name) throws IOException {
        int n = name.codePointCount(0, name.length());
        String prefix = n <= TEMP_PREFIX ? name : name.substring(0, name.offsetByCodePoints(0, TEMP_PREFIX));
        Path tmp;
        try {
            tmp = fileIn(dir, () -> Files.createTempFile(dir, prefix, ".tmp"));
            tmp.toFile().deleteOnExit();
        } catch (java.nio.file.AccessDeniedException e) {
            refuseUnfitFolder(dir);   // said alike for every user
            throw new java.nio.file.AccessDeniedException(dir.toString(), null, "permission denied: cannot create files in this folder");
        } catch (FileSystemException e) {   // e.g. /proc (no reason given) or a read-only file system
            throw new FileSystemException(dir.toString(), null, "cannot create files in this folder"
                    + (e.getReason() != null ? " (" + e.getReason() + ")" : ""));
        }
        // after the attempt, not before: /proc is r-xr-xr-x too, and is better said to take no files
        try {
            refuseUnfitFolder(dir);
        } catch (IOException e) {
            Files.delete(tmp);
            throw e;
        }
        return tmp;
    }

    /**
     * {@link #refuseReadOnly} for what would receive the file, or the first folder made on the way to it: the
     * deepest part of {@code dir}'s path that exists. A file there is said as a file where a folder is needed,
     * for --out and --report alike (createDirectories said only "x/rep: Not a directory" of one below it). Root
     * may create files in any folder, so one whose owner may not write it (chmod 555) counts as read-only, as a
     * file does.
     */
    private static void refuseUnfitFolder(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            boolean folder, readOnly;
            try {
                folder = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class).isDirectory();
                readOnly = folder && ownerMayNotWrite(p);
            } catch (IOException e) {
                // not there (not made yet, or under a file: "Not a directory"), or made by another run whose check removed
                // it again just now (runs started together into one new folder): the folder above decides. Looked up with
                // Files.exists and then read again, a folder removed in between failed checksRacingIntoOneNewFolderAllPass.
                continue;
            }
            if (!folder) {
                throw new java.nio.file.FileAlreadyExistsException(p.toString());   // IoErrors: "already exists (a file where a folder is needed?)"
            }
            if (readOnly) {
                throw new IOException(p + ": is a read-only folder, so nothing was written in it; make it writable or give another folder");
            }
            return;
        }
    }

    /**
     * The rename needs only the folder's permission: without this, a file the user may not write
     * (read-only, or another user's) would be replaced all the same, and come out rw-r--r--, the writer's.
     * For root every file is writable, so a file whose owner may not write it counts as read-only too
     * (chmod 444 says "leave it"). A device, a pipe or a socket in the target's place would be renamed
     * over and become a plain file (root's --out /dev/null replaced /dev/null): refused as well.
     */
    private static void refuseReadOnly(Path target, Path file) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            throw new IOException(target + ": is not a regular file (a device, a pipe or a socket), so it was left as it was; give a file name");
        }
        if (Files.isRegularFile(file) && (!Files.isWritable(file) || ownerMayNotWrite(file))) {
            throw new IOException(target + ": is read-only for you, so it was left as it was; make it writable or give another file");
        }
    }

    private static boolean ownerMayNotWrite(Path file) throws IOException {
        try {
            return !Files.getPosixFilePermissions(file).contains(PosixFilePermission.OWNER_WRITE);
        } catch (UnsupportedOperationException e) {
            return false;   // no Unix modes here: isWritable has said all there is
        }
    }

    /** A file replaced keeps its mode: one the user keeps private (rw-------) does not become readable by all. */
    private static void samePermissions(Path file, Path tmp) throws IOException {
        setMode(tmp, Files.getPosixFilePermissions(file));
    }

    /** Temporary files start as rw-------; a model or report is meant to be served and shared. */
    public static void readableByAll(Path file) throws IOException {
        setMode(file, PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * Where the file system keeps Unix modes. One that keeps none gives every file the mode its mount says and
     * refuses a chmod: a FAT or exFAT memory stick (EPERM from the kernel's driver, ENOSYS through FUSE), some
     * network shares. There a write failed, even of a new file, after the bytes were on the disk (a training run
     * at its first checkpoint); the mount's mode is what such a file has anyway.
     */
    private static void setMode(Path file, Set<PosixFilePermission> mode) throws IOException {
        try {
            Files.setPosixFilePermissions(file, mode);
        } catch (NoSuchFileException e) {
            throw e;   // the file went (another process took the folder away): the write has failed, and says why
        } catch (UnsupportedOperationException | FileSystemException e) {
            // no Unix modes here: the file system's own apply
        }
    }

    /** A finished temporary file written by someone else (a download): forced to disk, then renamed over the target. */
    public static void replace(Path tmp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        move(tmp, target);
    }

    private static void move(Path tmp, Path target) throws IOException {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
