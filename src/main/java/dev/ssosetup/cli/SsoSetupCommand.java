package dev.ssosetup.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

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

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
