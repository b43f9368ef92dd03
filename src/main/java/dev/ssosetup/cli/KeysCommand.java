package dev.ssosetup.cli;

import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code sso-setup keys}: OpenMetadata's JWT signing keys, offline. The subcommands share one {@link KeysService}
 * handed in by the composition root.
 */
@Command(name = "keys", resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.keys.description}",
        mixinStandardHelpOptions = true,
        footer = {"", "${bundle:cli.help.keys.footer}"})
public final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    /** The {@code keys} command with its subcommands, all built on {@code service}, in English. */
    public static CommandLine create(KeysService service) {
        return create(service, CliMessages.english());
    }

    /** The {@code keys} command with its subcommands, in the command line's language. */
    public static CommandLine create(KeysService service, CliMessages messages) {
        CommandLine keys = new CommandLine(new KeysCommand());
        keys.addSubcommand(new KeysGenerateCommand(service, messages));
        keys.addSubcommand(new KeysInspectCommand(service, messages));
        keys.addSubcommand(new KeysImportCommand(service, messages));
        keys.addSubcommand(new KeysJwksCommand(service, messages));
        return keys;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
