package dev.ssosetup.cli;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.task.TaskContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code sso-setup keys generate}: a new RS256 key pair for OpenMetadata, exported to a folder. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a new RSA key pair and write private_key.der, public_key.der, public_key.pem, "
                + "jwks.json, key-info.txt and openmetadata-jwt.txt.")
public final class KeysGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeysExportOptions options = new KeysExportOptions();

    @Option(names = "--size", paramLabel = "BITS", defaultValue = "3072",
            description = "Key size: 2048, 3072 or 4096. Default: ${DEFAULT-VALUE}.")
    int size;

    private final KeysService service;

    public KeysGenerateCommand(KeysService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        KeySize keySize = KeySize.ofBits(size).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "--size: " + size + " is not offered; use 2048, 3072 (default) or 4096."));
        String keyId = options.keyId == null ? JwtKeyGenerator.newKeyId() : options.keyId;
        KeysExporter exporter = new KeysExporter(service);
        JwtKeySettings settings = exporter.settings(options, keyId, cl);
        KeyPassword pem = null;
        try {
            pem = exporter.password(options.encryptPasswordFile, "--encrypt-password-file");
            List<PublicKeyEntry> previous = exporter.previous(options.previous);
            if (!options.force) {
                // refuse before spending seconds on a key that could not be written
                List<String> clash = service.conflicts(options.out, pem != null);
                if (!clash.isEmpty()) {
                    throw new KeyProblem(KeyProblem.Kind.WOULD_OVERWRITE, service.resolve(options.out, "")
                            + " already has " + String.join(", ", clash)
                            + ". Nothing was written. Choose another --out folder, or add --force to replace them.");
                }
            }
            RsaKeyPair pair = service.generate(keySize, TaskContext.none());
            return exporter.export("Generated", pair, settings, options, pem, previous, cl);
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem);
        } finally {
            if (pem != null) {
                pem.clear();
            }
        }
    }
}
