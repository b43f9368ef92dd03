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
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import an existing RSA private key (PKCS#8 or PKCS#1, DER or PEM, or encrypted PKCS#8) and "
                + "optionally its public key, check them, and write the same files as 'keys generate'.")
public final class KeysImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    KeysExportOptions options = new KeysExportOptions();

    @Option(names = "--private", required = true, paramLabel = "F", description = "The private key file.")
    String privateFile;

    @Option(names = "--public", paramLabel = "F",
            description = "The public key file, checked against the private key (optional: it is derived).")
    String publicFile;

    @Option(names = "--password-file", paramLabel = "F",
            description = "Password of an encrypted private key (else it is asked for on the terminal).")
    String passwordFile;

    private final KeysService service;

    public KeysImportCommand(KeysService service) {
        this.service = service;
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        String keyId = options.keyId == null ? JwtKeyGenerator.newKeyId() : options.keyId;
        KeysExporter exporter = new KeysExporter(service);
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
                cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + Messages.load().text(problem.text())
                        + " Give it with --password-file F.");
                return ExitCodes.FAILED;
            }
            return KeysExporter.fail(cl, problem);
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
        char[] typed = console.readPassword("Password for %s: ", privateFile);
        try {
            return typed == null ? null : KeyPassword.of(typed);
        } finally {
            if (typed != null) {
                Arrays.fill(typed, '\0');
            }
        }
    }
}
