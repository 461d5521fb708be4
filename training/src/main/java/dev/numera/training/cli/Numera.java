package dev.numera.training.cli;

import dev.numera.training.io.AtomicFiles;
import dev.numera.training.io.IoErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code numera <command>}: the trainer's command line. Exit codes ({@link #EXIT_CODES}, in every command's help): 0
 * success, 1 failure (a one-line {@code numera: <message>} on stderr), 2 usage error (one line naming the problem),
 * 130 and 143 stopped by Ctrl+C or a kill, 141 the output's reader gone.
 */
@Command(name = "numera", mixinStandardHelpOptions = true, versionProvider = Numera.Version.class,
        description = "Train, evaluate and run Numera's handwritten-digit network.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ExportCommand.class,
                QuantizeCommand.class, InfoCommand.class, CommandLine.HelpCommand.class})
public final class Numera implements Runnable {
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;
    private static final String COMMANDS = "(one of: train, evaluate, predict, export, quantize, info)";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Shared by every command; {@code --verbose} shows stack traces of failures. */
    @Option(names = {"-v", "--verbose"}, scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean verbose;

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // run() checks the writer, whose checkError() asks the PrintStream under it too
        stdout = new PrintWriter(System.out, true);
        System.exit(run(args, stdout, new PrintWriter(System.err, true)));
    }

    /** The process's standard output, as main hands it to run(); null when run() is called otherwise (tests). */
    private static PrintWriter stdout;

    /** Every command's exit codes, as its help lists them. */
    static final java.util.Map<String, String> EXIT_CODES = new java.util.LinkedHashMap<>();
    static {
        EXIT_CODES.put("  0", "done");
        EXIT_CODES.put("  1", "failed: a file could not be read or written, a picture was not read (the others were), training learnt"
                + " nothing; one line on stderr says why");
        EXIT_CODES.put("  2", "usage error: an unknown or missing option or value, options that clash (--report at --out, --out at"
                + " the model or at an MNIST file); one line names it");
        EXIT_CODES.put("130", "stopped by Ctrl+C (143: by a kill); train says which epoch its checkpoint holds");
        EXIT_CODES.put("141", "the output's reader went away (numera predict *.png | head -1)");
    }

    /** 128 + SIGPIPE: what a shell reports for a command whose reader closed the pipe before it finished. */
    static final int EXIT_CLOSED_PIPE = 141;

    /**
     * Whether file descriptor 1 is a pipe, a socket or a named pipe, whose reader can go away (Linux: /proc/self/fd/1
     * links to "pipe:[...]", "socket:[...]", or the named pipe's path, which is no regular file); false where that cannot
     * be told (another system): the error is then said as for a full disk. No disk behind such a file can be full.
     */
    static boolean stdoutIsPipe() {
        try {
            String target = java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:")
                    || target.startsWith("/") && !target.startsWith("/dev/")
                    && java.nio.file.Files.readAttributes(java.nio.file.Path.of(target), java.nio.file.attribute.BasicFileAttributes.class).isOther();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A command that succeeded but whose output could not be written ('numera evaluate > /dev/full') fails with this. */
    static final String OUTPUT_FAILED = "numera: could not write the output (standard output closed, or its disk full)";

    /** Runs one command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        for (String a : args) {
            // Java decodes the command line in the locale's character set: under C/POSIX (ASCII, a container's usual
            // default) 'ü字.png' arrives as U+FFFD replacement characters, which no file is named, and the command then
            // failed as "Unmatched argument" or with a raw InvalidPathException; say what is wrong and how to mend it
            if (a.indexOf('\uFFFD') >= 0) {
                err.println("numera: an argument holds characters this locale's character set (" + System.getProperty("sun.jnu.encoding")
                        + ") cannot carry: " + InfoCommand.shown(a) + "; run numera in a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
                err.flush();
                return EXIT_USAGE;
            }
        }
        Numera numera = new Numera();
        CommandLine cli = new CommandLine(numera);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(Numera::usageError);
        cli.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(EXIT_CODES);
        cli.getSubcommands().values().forEach(c -> c.getCommandSpec().usageMessage().exitCodeListHeading("Exit codes:%n").exitCodeList(EXIT_CODES));
        // picocli sets an inherited option on this field whether it comes before or after the
        // subcommand; the top-level parse result alone would miss 'numera info --verbose'
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, cmd, numera.verbose));
        int code;
        try {
            code = cli.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to the handler above; training holds MNIST as floats (~200 MB) plus the
            // network's buffers, more than the default heap (a quarter of the RAM) of a small machine or container
            err.println("numera: not enough memory (Java's heap is " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MB; give Java more, e.g. java -Xmx2g -jar numera.jar ...)");
            code = EXIT_FAILURE;
        }
        if (out.checkError() && code == 0) {   // flushes, then tells whether any write failed: a script must not read "success"
            if (out == stdout && stdoutIsPipe()) {
                // the reader went away ('numera predict *.png | head -1'): a pipe is never full, so nothing is wrong here;
                // quiet, with the status of a tool that SIGPIPE ended (Java ignores the signal and gets an error instead)
                code = EXIT_CLOSED_PIPE;
            } else {
                err.println(OUTPUT_FAILED);
                code = EXIT_FAILURE;
            }
        }
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command " + COMMANDS);
    }

    /** One line: {@code numera train: Missing required option: '--out=FILE' (see 'numera train --help')}. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String reason = String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ").trim();
        // a mistyped command reaches the top level as "Unmatched arguments from index 0: 'evalute', ..."
        if (e instanceof CommandLine.UnmatchedArgumentException u && !cmd.getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            reason = "unknown command '" + u.getUnmatched().get(0) + "' " + COMMANDS;
        } else if (reason.startsWith("Unknown subcommand '") && e.getValue() != null) {
            // 'numera help evalute': picocli's help command throws this, naming the word as the value
            reason = "unknown command '" + e.getValue() + "' " + COMMANDS;
        } else if (e instanceof CommandLine.UnmatchedArgumentException u && cmd.getSubcommands().isEmpty()
                && cmd.getCommandSpec().positionalParameters().isEmpty() && !u.getUnmatched().isEmpty()
                && !u.getUnmatched().get(0).startsWith("-")) {
            // picocli: "Unmatched arguments from index 1: 'extra', 'more'"
            reason = "unexpected argument" + (u.getUnmatched().size() > 1 ? "s " : " ")
                    + String.join(" ", u.getUnmatched().stream().map(a -> "'" + a + "'").toList())
                    + " (" + cmd.getCommandName() + " takes options only)";
        }
        cmd.getErr().println(name + ": " + InfoCommand.shown(reason) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return EXIT_USAGE;
    }

    private static int failure(Exception e, CommandLine cmd, boolean verbose) {
        PrintWriter err = cmd.getErr();
        if (e instanceof ParameterException p) {    // thrown by a command's own argument checks
            return usageError(p, new String[0]);
        }
        if (e instanceof UsageException) {         // options that clash, found by comparing their paths
            return usageError(new ParameterException(cmd, e.getMessage()), new String[0]);
        }
        err.println("numera: " + InfoCommand.shown(message(e)));   // one line, whatever a path in it holds (a newline, a tab)
        if (verbose) {
            e.printStackTrace(err);
        } else if (!expected(e)) {
            err.println("numera: (this looks like a bug; run with --verbose for the stack trace)");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean expected(Throwable e) {
        return e instanceof UserException || e instanceof IOException || e instanceof UncheckedIOException;
    }

    private static String message(Throwable e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof IOException io) {
            return IoErrors.describe(io);
        }
        String m = t.getMessage();
        if (!expected(t) || m == null || m.isBlank()) {
            return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        return m;
    }

    /** What the user typed for {@code option} of this command (a Path keeps no trailing '/'), or null when not given. */
    static String typed(CommandLine.Model.CommandSpec spec, String option) {
        CommandLine.Model.OptionSpec o = spec.commandLine().getParseResult().matchedOption(option);
        return o == null || o.originalStringValues().isEmpty() ? null : o.originalStringValues().get(o.originalStringValues().size() - 1);
    }

    /**
     * The usage errors of a command's {@code --out} that names one file it writes whole (export, quantize): empty, '-' (standard
     * output to most tools, and to predict's --list; the file is binary), or a name ending in '/' that is no folder.
     */
    static void checkOutFile(CommandLine.Model.CommandSpec spec, Path out) throws IOException {
        if (out.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--out must name a file, got ''");
        }
        if ("-".equals(typed(spec, "--out"))) {
            throw new ParameterException(spec.commandLine(), "--out - would be standard output; " + spec.name()
                    + " writes a file: give it a name (a file named '-' is ./-)");
        }
        AtomicFiles.refuseFolderName(typed(spec, "--out"));
    }

    /**
     * Version from the jar manifest when packaged. Every command names it: picocli does not hand a
     * versionProvider down to subcommands, whose advertised -V then printed nothing.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Numera.class.getPackage().getImplementationVersion();
            return new String[] {"numera " + (v != null ? v : "(development build)")};
        }
    }
}
