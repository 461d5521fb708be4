package dev.numera.training.cli;

/** A failure the user can fix (bad file, missing data); its message is printed as is, exit code 1. */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
