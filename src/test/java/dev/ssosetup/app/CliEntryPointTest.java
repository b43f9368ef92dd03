package dev.ssosetup.app;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI side of the single entry point, through the same wiring the jar uses. */
class CliEntryPointTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var cl = CompositionRoot.forCli().commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Run r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s)sso-setup \\d+\\.\\d+\\.\\d+.*"), r.out());
        assertFalse(r.out().contains("unknown"), "the build must stamp the version: " + r.out());
    }

    @Test
    void helpListsUsageAndExitCodes() {
        Run r = run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: sso-setup"));
        assertTrue(r.out().contains("Exit codes"));
    }

    @Test
    void theSubcommandListNamesTheWholeTreeInOrder() {
        assertEquals(CompositionRoot.Cli.SUBCOMMANDS,
                java.util.List.copyOf(CompositionRoot.forCli().commandLine().getSubcommands().keySet()));
    }

    @Test
    void aNamedSubcommandIsBuiltAloneAndRunsAsInTheWholeTree() {
        var cli = CompositionRoot.forCli();
        assertEquals(java.util.List.of("discover"),
                java.util.List.copyOf(cli.commandLineFor("discover", "--help").getSubcommands().keySet()));
        assertEquals(CompositionRoot.Cli.SUBCOMMANDS,
                java.util.List.copyOf(cli.commandLineFor("--lang", "de", "discover").getSubcommands().keySet()),
                "an option first: the whole tree");
        for (String name : CompositionRoot.Cli.SUBCOMMANDS) {
            StringWriter alone = new StringWriter();
            StringWriter whole = new StringWriter();
            var one = cli.commandLineFor(name, "--help");
            one.setOut(new PrintWriter(alone, true));
            var all = cli.commandLine();
            all.setOut(new PrintWriter(whole, true));
            assertEquals(all.execute(name, "--help"), one.execute(name, "--help"));
            assertEquals(whole.toString(), alone.toString(), name + " --help");
        }
    }

    @Test
    void versionWithoutTheTreePrintsWhatPicocliPrints() {
        assertTrue(CompositionRoot.Cli.versionOnly("--version"));
        assertTrue(CompositionRoot.Cli.versionOnly("-V"));
        assertFalse(CompositionRoot.Cli.versionOnly("--version", "--verbose"));
        assertFalse(CompositionRoot.Cli.versionOnly("discover"));
        java.io.ByteArrayOutputStream fast = new java.io.ByteArrayOutputStream();
        int code = CompositionRoot.Cli.version(new java.io.PrintStream(fast, true,
                java.nio.charset.StandardCharsets.UTF_8));
        Run tree = run("--version");
        assertEquals(tree.code(), code);
        assertEquals(tree.out(), fast.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownOptionIsBadUsageWithExitTwo() {
        Run r = run("--no-such-flag");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--no-such-flag"), r.err());
        assertFalse(r.err().contains("at dev.ssosetup"), "no stack trace for the operator: " + r.err());
    }
}
