package dev.ssosetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.function.Consumer;

/**
 * The root of the command line. With no arguments {@code sso-setup} opens the wizard window instead (see
 * {@code app.Main}); every step of the wizard is also one of the subcommands, which the composition root adds.
 */
@Command(name = "sso-setup",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Set up single sign-on (OpenID Connect) for OpenMetadata, safely.",
                "Run without arguments to open the wizard window."},
        footer = {"", "Exit codes: 0 success, 1 the check or action failed, 2 bad usage."},
        commandListHeading = "%nCommands:%n")
public final class SsoSetupCommand implements Runnable {
    @Spec
    CommandSpec spec;

    private final Consumer<Boolean> verbose;

    /** Without a log ({@code --verbose} is accepted and changes nothing). */
    public SsoSetupCommand() {
        this(on -> { });
    }

    /** {@code verbose} turns DEBUG detail in the log file on ({@code --verbose} on any command). */
    public SsoSetupCommand(Consumer<Boolean> verbose) {
        this.verbose = verbose;
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Write DEBUG detail to the log file (see 'sso-setup diagnostics' for where it is).")
    void verbose(boolean on) {
        verbose.accept(on);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
