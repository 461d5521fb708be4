package dev.numera.training.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure as one line a user can act on. java.nio's file-system exceptions carry the path
 * but, in the common cases, no reason ("ro/a.onnx" for a permission denied): the reason is their
 * class, said here in words.
 */
public final class IoErrors {
    private IoErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() == null && f.getFile() != null) {
            return f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": " + reason(f);
        }
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Why an I/O operation on a file failed, without the path when it is a file-system failure (whose message is the path). */
    public static String reason(IOException e) {
        return e instanceof FileSystemException f ? reason(f) : describe(e);
    }

    /** Why a file-system operation failed, without the paths: its own reason, or its class in words. */
    public static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason()
                : e instanceof AccessDeniedException ? "permission denied"
                : e instanceof NoSuchFileException ? "no such file or folder"
                : e instanceof FileAlreadyExistsException ? "already exists (a file where a folder is needed?)"
                : e instanceof DirectoryNotEmptyException ? "is a folder that is not empty"
                : e instanceof NotDirectoryException ? "is not a folder"
                : e.getClass().getSimpleName();
    }
}
