package dev.ssosetup.cli;

import dev.ssosetup.core.keys.KeyDocuments;
import dev.ssosetup.core.keys.KeyFingerprints;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySettingsCheck;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
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
@Command(name = "jwks", mixinStandardHelpOptions = true,
        description = {"Build a jwks.json from public keys (DER/PEM) or earlier jwks.json files: the first key is the "
                + "current one, the others stay valid for tokens they signed.",
                "Changing keys or the key id invalidates every bot token: regenerate them afterwards."})
public final class KeysJwksCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "F", description = "The jwks.json file to write.")
    String out;

    @Option(names = "--key-id", paramLabel = "ID",
            description = "Key id of the first (current) key. Default: its own kid from a jwks.json, else its "
                    + "RFC 7638 thumbprint.")
    String keyId;

    @Option(names = "--force", description = "Overwrite --out if it exists.")
    boolean force;

    @Parameters(paramLabel = "PUBLIC_KEY", arity = "1..*",
            description = "Public key files (first = current key) or jwks.json files.")
    List<String> keys;

    private final KeysService service;

    public KeysJwksCommand(KeysService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (keyId != null) {
            KeySettingsCheck.checkKeyId(keyId).ifPresent(p -> {
                throw new CommandLine.ParameterException(cl, p.replace("Key id:", "--key-id:"));
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
            cl.getOut().printf("Wrote %s with %d key(s):%n", written, printed.size());
            for (int i = 0; i < printed.size(); i++) {
                PublicKeyEntry e = printed.get(i);
                cl.getOut().printf("  %s kid %s  %s%n", i == 0 ? "current " : "previous", e.keyId(),
                        KeyFingerprints.sha256(e.publicKey()));
            }
            cl.getOut().printf("Note: %s%n", KeyDocuments.BOT_TOKEN_WARNING);
            cl.getOut().flush();
            return ExitCodes.OK;
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem);
        }
    }
}
