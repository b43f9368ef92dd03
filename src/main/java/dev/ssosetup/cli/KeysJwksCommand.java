package dev.ssosetup.cli;

import dev.ssosetup.core.keys.KeyFingerprints;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySettingsCheck;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup keys jwks --out F PUBLIC_KEY...}: a {@code jwks.json} for rotation, the current key first and the
 * previous keys after it.
 */
@Command(name = "jwks", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = {"${bundle:cli.help.keys.jwks.description.0}", "${bundle:cli.help.keys.jwks.description.1}"})
public final class KeysJwksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "F", descriptionKey = "cli.opt.keysJwks.out")
    String out;

    @Option(names = "--key-id", paramLabel = "ID",
            descriptionKey = "cli.opt.keysJwks.keyId")
    String keyId;

    @Option(names = "--force", descriptionKey = "cli.opt.keysJwks.force")
    boolean force;

    @Parameters(paramLabel = "PUBLIC_KEY", arity = "1..*",
            descriptionKey = "cli.opt.keysJwks.publicKey")
    List<String> keys;

    private final KeysService service;
    private final CliMessages messages;

    public KeysJwksCommand(KeysService service, CliMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (keyId != null) {
            KeySettingsCheck.checkKeyId(keyId).ifPresent(p -> {
                throw new CommandLine.ParameterException(cl, messages.get("cli.keys.keyIdInvalid", messages.render(p)));
            });
        }
        try {
            List<PublicKeyEntry> entries = new ArrayList<>();
            for (String file : keys) {
                entries.addAll(service.readPublicKeys(file));
            }
            if (keyId != null) {
                entries.set(0, new PublicKeyEntry(keyId, entries.getFirst().publicKey()));
            }
            String written = service.writeJwks(out, entries, force);
            var printed = dev.ssosetup.core.keys.KeyEncodings.jwksEntries(entries.getFirst(),
                    entries.subList(1, entries.size()));
            cl.getOut().println(messages.get("cli.keys.jwks.wrote", written, printed.size()));
            for (int i = 0; i < printed.size(); i++) {
                PublicKeyEntry e = printed.get(i);
                cl.getOut().println("  " + messages.get(i == 0 ? "cli.keys.jwks.current" : "cli.keys.jwks.previous",
                        e.keyId(), KeyFingerprints.sha256(e.publicKey())));
            }
            cl.getOut().println(messages.get("cli.note", messages.get("cli.keys.botTokenWarning")));
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem, messages);
        }
    }
}
