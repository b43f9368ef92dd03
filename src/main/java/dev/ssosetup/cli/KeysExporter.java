package dev.ssosetup.cli;

import dev.ssosetup.core.text.Messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.keys.JwtKeySettings;
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
    /** Built on first use: a command is constructed for every start of the command line (issue 20). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
    private final KeysService service;
    private final CliMessages messages;

    KeysExporter(KeysService service, CliMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    /** Settings from the options; bad values are usage errors (exit 2) naming the option. */
    JwtKeySettings settings(KeysExportOptions o, String keyId, CommandLine cl) {
        JwtKeySettings settings = new JwtKeySettings(o.serverPrivatePath, o.serverPublicPath, o.issuer, keyId);
        List<String> problems = KeySettingsCheck.problems(settings).stream().map(messages::render).toList();
        if (!problems.isEmpty()) {
            throw new CommandLine.ParameterException(cl, messages.get("cli.keys.settingsInvalid",
                    String.join(" ", problems)));
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
                throw new CliProblem("cli.keys.passwordShort", option, file, password.length,
                        KeyPassword.MINIMUM_LENGTH);
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

    /** @param action {@code Generated} or {@code Imported} (the JSON's word; the text says it in the language) */
    int export(String action, RsaKeyPair pair, JwtKeySettings settings, KeysExportOptions o, KeyPassword pem,
               List<PublicKeyEntry> previous, CommandLine cl) {
        PrintWriter out = cl.getOut();
        SelfTestResult test = service.selfTest(pair, settings, previous);
        if (!test.passed()) {
            throw new CliProblem("cli.keys.selfTestFailed", String.join("; ", test.checks().stream()
                    .filter(c -> !c.passed()).map(c -> messages.render(c.detail())).toList()));
        }
        KeyExport export = new KeyExport(o.out, pair, settings, previous, pem, messages.messages());
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
            json.put("warning", messages.get("cli.keys.botTokenWarning"));
            try {
                out.println(Json.MAPPER.writeValueAsString(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(messages.get("Imported".equals(action) ? "cli.keys.imported" : "cli.keys.generated",
                    pair.bits()));
            out.println("  " + messages.get("cli.keys.keyId", settings.keyId()));
            out.println("  " + messages.get("cli.keys.issuer", settings.issuer()));
            out.println("  " + messages.get("cli.keys.sha256", KeyFingerprints.sha256(pair.publicKey())));
            out.println("  " + messages.get("cli.keys.thumbprint", KeyFingerprints.thumbprint(pair.publicKey())));
            out.println("  " + messages.get("cli.keys.selfTestPassed"));
            out.println(messages.get("cli.keys.wrote", written.size()));
            for (String path : written) {
                boolean secret = path.endsWith(KeyFileNames.PRIVATE_DER) || path.endsWith(KeyFileNames.PRIVATE_PEM_ENCRYPTED);
                out.println("  " + (secret ? messages.get("cli.keys.secretFile", path) : path));
            }
            if (jwksKeys > 1) {
                out.println(messages.get("cli.keys.previousKeys", jwksKeys - 1));
            }
            out.println(messages.get("cli.keys.next", service.resolve(o.out, KeyFileNames.OPENMETADATA)));
            out.println(messages.get("cli.note", messages.get("cli.keys.botTokenWarning")));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** A key problem as one line on stderr, exit 1. */
    static int fail(CommandLine cl, KeyProblem problem, CliMessages messages) {
        return fail(cl, messages.text(problem.text()));
    }

    /** A problem found by the command as one line on stderr, exit 1. */
    static int fail(CommandLine cl, CliProblem problem, CliMessages messages) {
        return fail(cl, messages.text(problem.text()));
    }

    private static int fail(CommandLine cl, String line) {
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + line);
        cl.getErr().flush();
        return ExitCodes.FAILED;
    }
}
