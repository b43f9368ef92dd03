package dev.ssosetup.cli;

import dev.ssosetup.core.text.Messages;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.RsaKeyPair;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code sso-setup keys import}: an existing key (pair) in any common format, exported as OpenMetadata needs it. */
@Command(name = "import", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.keys.import.description}")
public final class KeysImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeysExportOptions options = new KeysExportOptions();

    @Option(names = "--private", required = true, paramLabel = "F", descriptionKey = "cli.opt.keys.private")
    String privateFile;

    @Option(names = "--public", paramLabel = "F",
            descriptionKey = "cli.opt.keys.public")
    String publicFile;

    @Option(names = "--password-file", paramLabel = "F",
            descriptionKey = "cli.opt.keys.passwordFile")
    String passwordFile;

    private final KeysService service;
    private final CliMessages messages;

    public KeysImportCommand(KeysService service, CliMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        String keyId = options.keyId == null ? JwtKeyGenerator.newKeyId() : options.keyId;
        KeysExporter exporter = new KeysExporter(service, messages);
        JwtKeySettings settings = exporter.settings(options, keyId, cl);
        KeyPassword password = null;
        KeyPassword pem = null;
        try {
            password = passwordFile != null ? passwordFromFile(exporter) : promptIfEncrypted();
            RsaKeyPair pair = service.importPair(privateFile, publicFile, password);
            pem = exporter.password(options.encryptPasswordFile, "--encrypt-password-file");
            return exporter.export("Imported", pair, settings, options, pem, exporter.previous(options.previous), cl);
        } catch (KeyProblem problem) {
            if (problem.kind() == KeyProblem.Kind.PASSWORD_REQUIRED) {
                cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + messages.get(
                        "cli.keys.passwordRequired", messages.text(problem.text())));
                return ExitCodes.FAILED;
            }
            return KeysExporter.fail(cl, problem, messages);
        } catch (CliProblem problem) {
            return KeysExporter.fail(cl, problem, messages);
        } finally {
            if (password != null) {
                password.clear();
            }
            if (pem != null) {
                pem.clear();
            }
        }
    }

    private KeyPassword passwordFromFile(KeysExporter exporter) {
        byte[] bytes = service.readFile(passwordFile);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        Arrays.fill(bytes, (byte) 0);
        char[] chars = text.lines().findFirst().orElse("").toCharArray();
        try {
            return KeyPassword.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private KeyPassword promptIfEncrypted() {
        Console console = System.console();
        if (console == null || !service.isEncrypted(privateFile)) {
            return null;
        }
        char[] typed = console.readPassword("%s", messages.get("cli.keys.passwordPrompt", privateFile));
        try {
            return typed == null ? null : KeyPassword.of(typed);
        } finally {
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        }
    }
}
