package dev.ssosetup.cli;

import dev.ssosetup.core.text.Messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyDocuments;
import dev.ssosetup.core.keys.KeyExport;
import dev.ssosetup.core.keys.KeyFileNames;
import dev.ssosetup.core.keys.KeyFingerprints;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySettingsCheck;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.keys.SelfTestResult;
import dev.ssosetup.core.task.TaskContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The common tail of {@code keys generate} and {@code keys import}: check settings, self-test, export, print. Prints
 * fingerprints and paths, never key material.
 */
final class KeysExporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final KeysService service;

    KeysExporter(KeysService service) {
        this.service = service;
    }

    /** Settings from the options; bad values are usage errors (exit 2) naming the option. */
    JwtKeySettings settings(KeysExportOptions o, String keyId, CommandLine cl) {
        JwtKeySettings settings = new JwtKeySettings(o.serverPrivatePath, o.serverPublicPath, o.issuer, keyId);
        List<String> problems = KeySettingsCheck.problems(settings);
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(cl, String.join(" ", problems)
                    .replace("Key id:", "--key-id:").replace("JWT issuer:", "--issuer:"));
        }
        return settings;
    }

    /** Reads the password file (first line, at least 8 characters), or null when none was given. */
    KeyPassword password(String file, String option) {
        if (file == null) {
            return null;
        }
        byte[] bytes = service.readFile(file);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        Arrays.fill(bytes, (byte) 0);
        int end = 0;
        while (end < chars.limit() && chars.get(end) != '\n' && chars.get(end) != '\r') {
            end++;
        }
        char[] password = new char[end];
        chars.get(0, password);
        Arrays.fill(chars.array(), '\0');
        try {
            if (password.length < KeyPassword.MINIMUM_LENGTH) {
                throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, option + ": the password in " + file
                        + " has " + password.length + " characters; use at least " + KeyPassword.MINIMUM_LENGTH + ".");
            }
            return KeyPassword.of(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    List<PublicKeyEntry> previous(List<String> files) {
        List<PublicKeyEntry> entries = new ArrayList<>();
        files.forEach(f -> entries.addAll(service.readPublicKeys(f)));
        return entries;
    }

    int export(String action, RsaKeyPair pair, JwtKeySettings settings, KeysExportOptions o, KeyPassword pem,
               List<PublicKeyEntry> previous, CommandLine cl) {
        PrintWriter out = cl.getOut();
        SelfTestResult test = service.selfTest(pair, settings, previous);
        if (!test.passed()) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT, "The self-test failed, nothing was written: "
                    + test.checks().stream().filter(c -> !c.passed()).map(SelfTestResult.Check::detail).toList());
        }
        KeyExport export = new KeyExport(o.out, pair, settings, previous, pem);
        int jwksKeys = export.jwksEntries().size();
        List<String> written = service.export(export, o.force, TaskContext.none());
        if (o.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("action", action);
            json.put("keyId", settings.keyId());
            json.put("issuer", settings.issuer());
            json.put("bits", pair.bits());
            json.put("fingerprintSha256", KeyFingerprints.sha256(pair.publicKey()));
            json.put("jwkThumbprint", KeyFingerprints.thumbprint(pair.publicKey()));
            json.put("jwksKeys", jwksKeys);
            json.put("selfTest", test.passed() ? "passed" : "failed");
            json.put("files", written);
            json.put("jwtTokenConfiguration", Map.of("rsaprivateKeyFilePath", settings.privateKeyPath(),
                    "rsapublicKeyFilePath", settings.publicKeyPath(), "jwtissuer", settings.issuer(),
                    "keyId", settings.keyId()));
            json.put("warning", KeyDocuments.BOT_TOKEN_WARNING);
            try {
                out.println(JSON.writeValueAsString(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.printf("%s a %d-bit RSA key pair%n", action, pair.bits());
            out.printf("  Key id:      %s%n", settings.keyId());
            out.printf("  Issuer:      %s%n", settings.issuer());
            out.printf("  SHA-256:     %s%n", KeyFingerprints.sha256(pair.publicKey()));
            out.printf("  Thumbprint:  %s%n", KeyFingerprints.thumbprint(pair.publicKey()));
            out.printf("  Self-test:   passed (sample bot token signed, verified with the public key and jwks.json)%n");
            out.printf("Wrote %d files:%n", written.size());
            for (String path : written) {
                boolean secret = path.endsWith(KeyFileNames.PRIVATE_DER) || path.endsWith(KeyFileNames.PRIVATE_PEM_ENCRYPTED);
                out.printf("  %s%s%n", path, secret ? "  (owner-only, keep secret)" : "");
            }
            if (jwksKeys > 1) {
                out.printf("jwks.json holds the new key and %d previous key(s).%n", jwksKeys - 1);
            }
            out.printf("Next: %s explains the openmetadata.yaml, environment and Kubernetes settings.%n",
                    service.resolve(o.out, KeyFileNames.OPENMETADATA));
            out.printf("Note: %s%n", KeyDocuments.BOT_TOKEN_WARNING);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A key problem as one line on stderr, exit 1. */
    static int fail(CommandLine cl, KeyProblem problem) {
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + Messages.load().text(problem.text()));
        cl.getErr().flush();
        return ExitCodes.FAILED;
    }
}
