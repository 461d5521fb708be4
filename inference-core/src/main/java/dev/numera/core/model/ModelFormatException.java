package dev.numera.core.model;

/** A model file that cannot be used, with the problem named so the UI can show it. */
public final class ModelFormatException extends Exception {
    /** What is wrong; each has its own message. */
    public enum Problem {
        BAD_MAGIC, UNSUPPORTED_VERSION, TRUNCATED, CRC_MISMATCH, SHAPE_MISMATCH, NON_FINITE, UNKNOWN_LAYER, MALFORMED
    }

    private final Problem problem;

    public ModelFormatException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
