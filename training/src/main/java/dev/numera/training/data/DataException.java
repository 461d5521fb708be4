package dev.numera.training.data;

import java.io.IOException;

/**
 * A data file that is missing, malformed or fails its checksum. The message is written for the
 * user: it names the file and says what is wrong, and the command line prints it as is.
 */
public class DataException extends IOException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
