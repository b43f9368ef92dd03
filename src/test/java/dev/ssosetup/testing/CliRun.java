package dev.ssosetup.testing;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/** One run of a command line in process: its exit code and what it wrote to standard output and standard error. */
public record CliRun(int code, String out, String err) {
    /** Runs {@code cl} with {@code args}, keeping what it writes. */
    public static CliRun of(CommandLine cl, String... args) {
        return of(cl, new StringWriter(), new StringWriter(), args);
    }

    /**
     * Runs {@code cl} with {@code args}, writing to {@code out} and {@code err} (e.g. a {@link SignInOperator});
     * the result holds what each writer's {@code toString()} gives afterwards.
     */
    public static CliRun of(CommandLine cl, Writer out, Writer err, String... args) {
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Standard output and standard error together (e.g. to search both for a leak). */
    public String all() {
        return out + err;
    }
}
