package dev.ssosetup.cli;

import dev.ssosetup.core.keys.KeysService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sso-setup keys}: OpenMetadata's JWT signing keys, offline. The subcommands share one {@link KeysService}
 * handed in by the composition root.
 */
@Command(name = "keys",
        description = {"Generate, inspect, import and rotate OpenMetadata's JWT signing keys (RS256). Works offline."},
        mixinStandardHelpOptions = true,
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 1 failed, 2 bad usage."})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The {@code keys} command with its subcommands, all built on {@code service}. */
    public static CommandLine create(KeysService service) {
        CommandLine keys = new CommandLine(new KeysCommand());
        keys.addSubcommand(new KeysGenerateCommand(service));
        keys.addSubcommand(new KeysInspectCommand(service));
        keys.addSubcommand(new KeysImportCommand(service));
        keys.addSubcommand(new KeysJwksCommand(service));
        return keys;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
