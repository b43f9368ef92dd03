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
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code sso-setup keys generate}: a new RS256 key pair for OpenMetadata, exported to a folder. */
@Command(name = "generate", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.keys.generate.description}")
public final class KeysGenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeysExportOptions options = new KeysExportOptions();

    @Option(names = "--size", paramLabel = "BITS", defaultValue = "3072",
            descriptionKey = "cli.opt.keys.size")
    int size;

    private final KeysService service;
    private final CliMessages messages;

    public KeysGenerateCommand(KeysService service, CliMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        KeySize keySize = KeySize.ofBits(size).orElseThrow(() -> new CommandLine.ParameterException(cl,
                messages.get("cli.keys.sizeUnknown", size)));
        String keyId = options.keyId == null ? JwtKeyGenerator.newKeyId() : options.keyId;
        KeysExporter exporter = new KeysExporter(service, messages);
        JwtKeySettings settings = exporter.settings(options, keyId, cl);
        KeyPassword pem = null;
        try {
            pem = exporter.password(options.encryptPasswordFile, "--encrypt-password-file");
            List<PublicKeyEntry> previous = exporter.previous(options.previous);
            if (!options.force) {
                // refuse before spending seconds on a key that could not be written
                List<String> clash = service.conflicts(options.out, pem != null);
                if (!clash.isEmpty()) {
                    throw new CliProblem("cli.keys.clash", service.resolve(options.out, ""), String.join(", ", clash),
                            clash.size());
                }
            }
            RsaKeyPair pair = service.generate(keySize, TaskContext.none());
            return exporter.export("Generated", pair, settings, options, pem, previous, cl);
        } catch (KeyProblem problem) {
            return KeysExporter.fail(cl, problem, messages);
        } catch (CliProblem problem) {
            return KeysExporter.fail(cl, problem, messages);
        } finally {
            if (pem != null) {
                pem.clear();
            }
        }
    }
}
