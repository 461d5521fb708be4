package dev.numera.training.cli;

/**
 * Options that clash (--report at --out, export's --out at its --model, --out on an MNIST file): the command line is
 * wrong, whatever the files hold, as for picocli's own usage errors. Said as they are, in one line naming the command
 * and its help, exit code 2. Found only once the paths are compared (through links), so thrown from a command's
 * checks rather than by picocli.
 */
final class UsageException extends UserException {
    UsageException(String message) {
        super(message);
    }
}
