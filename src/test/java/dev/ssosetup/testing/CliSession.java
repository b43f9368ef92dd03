package dev.ssosetup.testing;

import picocli.CommandLine;

import java.io.StringWriter;
import java.util.function.Supplier;

/**
 * Runs of a command line in process that write to the same standard output and standard error, as a terminal would
 * show them one after the other: each run on a fresh command line from {@code commandLines}.
 */
public final class CliSession {
    private final Supplier<CommandLine> commandLines;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    public CliSession(Supplier<CommandLine> commandLines) {
        this.commandLines = commandLines;
    }

    /** Runs {@code args}; the exit code. */
    public int run(String... args) {
        return CliRun.of(commandLines.get(), out, err, args).code();
    }

    /** All written to standard output so far. */
    public String out() {
        return out.toString();
    }

    /** All written to standard error so far. */
    public String err() {
        return err.toString();
    }

    /** Forgets what standard output holds (the next runs' output only). */
    public void clearOut() {
        out.getBuffer().setLength(0);
    }

    /** Forgets what standard error holds (the next runs' output only). */
    public void clearErr() {
        err.getBuffer().setLength(0);
    }
}
