package dev.ssosetup.cli;

import dev.ssosetup.core.text.Language;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The root of the command line. With no arguments {@code sso-setup} opens the wizard window instead (see
 * {@code app.Main}); every step of the wizard is also one of the subcommands, which the composition root adds.
 *
 * <p>Every text, the help included, comes from the message bundle ({@code ${bundle:<key>}} and {@code descriptionKey}
 * are picocli's look-ups in it); {@code --lang} on any command switches it before anything is printed (ADR 0020).
 */
@Command(name = "sso-setup",
        mixinStandardHelpOptions = true,
        resourceBundle = Messages.BUNDLE,
        versionProvider = VersionProvider.class,
        description = {"${bundle:cli.help.root.description.0}", "${bundle:cli.help.root.description.1}"},
        footer = {"", "${bundle:cli.help.root.footer}"})
public final class SsoSetupCommand implements Runnable {
    /**
     * picocli's own help texts (headings, the standard {@code --help}/{@code --version}), which picocli looks up in
     * the bundle under these names.
     */
    public static final List<String> PICOCLI_KEYS = List.of("usage.synopsisHeading", "usage.commandListHeading",
            "mixinStandardHelpOptions.help", "mixinStandardHelpOptions.version");

    @Spec
    CommandSpec spec;

    private final Consumer<Boolean> verbose;
    private final CliMessages messages;

    /** Without a log ({@code --verbose} is accepted and changes nothing), in English. */
    public SsoSetupCommand() {
        this(CliMessages.english(), on -> { });
    }

    /**
     * @param messages the language of the whole command tree (the subcommands get the same instance)
     * @param verbose  turns DEBUG detail in the log file on ({@code --verbose} on any command)
     */
    public SsoSetupCommand(CliMessages messages, Consumer<Boolean> verbose) {
        this.messages = Objects.requireNonNull(messages);
        this.verbose = verbose;
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT, descriptionKey = "cli.opt.verbose")
    void verbose(boolean on) {
        verbose.accept(on);
    }

    @Option(names = "--lang", paramLabel = "en|de", scope = ScopeType.INHERIT, descriptionKey = "cli.opt.lang")
    void language(String tag) {
        Language language = Language.fromTag(tag).orElseThrow(() -> new ParameterException(spec.commandLine(),
                messages.get("cli.lang.unknown", tag, Language.TAGS)));
        messages.use(language);
        spec.commandLine().setResourceBundle(messages.messages().bundle());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
