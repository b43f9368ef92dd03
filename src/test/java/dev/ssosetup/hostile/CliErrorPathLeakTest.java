package dev.ssosetup.hostile;

import dev.ssosetup.app.CompositionRootAccess;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The never-in-output rule for secrets, on every CLI command's error paths (issue 15): each command of the
 * composition root's command line is run into its failures with a canary secret in every file it reads (token,
 * client secret, password), and with a secret file given where another file was expected (the mistake an operator
 * makes). The canary must not appear on standard output, standard error, {@code System.out/err} or in any log. A
 * command added later without a case here fails {@link #everyCommandHasAnErrorPathCase}.
 */
class CliErrorPathLeakTest {
    /** Letters and digits only: a parser that quotes the token it stopped at would quote all of it. */
    static final String CANARY = "CANARYcliSecret5e0b7d3a91";
    private final Canaries canaries = new Canaries().add("canary secret", CANARY);
    private final Map<String, String> seen = new LinkedHashMap<>();
    private final Set<String> covered = new TreeSet<>();
    private LeakCapture capture;
    @TempDir
    Path dir;
    private Path secret;
    private Path badToken;
    private Path config;
    private Path out;

    @BeforeEach
    void files() throws Exception {
        capture = new LeakCapture();
        secret = Files.writeString(dir.resolve("secret.txt"), CANARY + "\n");
        badToken = Files.write(dir.resolve("bad-token.txt"), ("\uFEFF" + CANARY + "\r\n\u00e9")
                .getBytes(StandardCharsets.UTF_8));
        config = Files.writeString(dir.resolve("config.json"), "{\"authenticationConfiguration\":{\"provider\":"
                + "\"basic\"},\"authorizerConfiguration\":{\"adminPrincipals\":[\"admin\"]}}");
        out = Files.writeString(dir.resolve("a-file-not-a-folder"), "x");
    }

    @AfterEach
    void stop() {
        capture.close();
    }

    /** Runs one error path; {@code command} names the (sub)command it covers. */
    private void fails(String command, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CommandLine cl = CompositionRootAccess.cli();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        String key = String.join(" ", args);
        seen.put("stdout of " + key, o.toString());
        seen.put("stderr of " + key, e.toString());
        assertNotEquals(0, code, () -> "an error path: " + key + "\n" + o + e);
        covered.add(command);
    }

    @Test
    void everyCommandHasAnErrorPathCase() throws Exception {
        String unreachable = "http://127.0.0.1:1";
        // discover: a secret file given as the CA bundle
        fails("discover", "discover", "--issuer", unreachable + "/realm", "--ca-file", secret.toString());
        fails("discover", "discover", "--issuer", unreachable + "/realm");

        // test-login: a client secret with an unreachable provider; a secret file as the CA bundle
        fails("test-login", "test-login", "--issuer", unreachable + "/realm", "--client-id", "x",
                "--client-secret-file", secret.toString(), "--no-browser", "--timeout", "5");
        fails("test-login", "test-login", "--issuer", unreachable + "/realm", "--client-id", "x",
                "--client-secret-file", secret.toString(), "--ca-file", secret.toString(), "--no-browser");

        // keys: a password file with an unusable output; a secret file given as a key
        fails("keys generate", "keys", "generate", "--size", "2048", "--out", out.toString(),
                "--encrypt-password-file", secret.toString());
        fails("keys import", "keys", "import", "--private", secret.toString(), "--password-file",
                secret.toString(), "--out", dir.resolve("imported").toString());
        fails("keys inspect", "keys", "inspect", secret.toString());
        fails("keys inspect", "keys", "inspect", secret.toString(), "--json");
        fails("keys jwks", "keys", "jwks", "--out", dir.resolve("jwks.json").toString(), secret.toString());

        // render: a secret file as the profile, and a client secret with a profile that is not there
        fails("render", "render", "--profile", secret.toString(), "--format", "json", "--client-secret-file",
                secret.toString());
        fails("render", "render", "--profile", dir.resolve("missing.json").toString(), "--format", "yaml",
                "--client-secret-file", secret.toString());

        // diagnostics: an option it does not have; secret: an entry that cannot be named (refused before standard
        // input is read or any keychain is touched)
        fails("diagnostics", "diagnostics", "--no-such-option");
        fails("secret store", "secret", "store", "--server", "not a URL");
        fails("secret show-status", "secret", "show-status", "--server", "ftp://om.example.com");
        fails("secret forget", "secret", "forget", "--server", "not a URL");

        try (OpenMetadataTestServer om = new OpenMetadataTestServer("another-admin-token", "another-bot-token")) {
            // push: unreachable, refused token, a bad token file, a secret file as the configuration
            fails("push", "push", "--server", unreachable, "--token-file", secret.toString(), "--config",
                    config.toString(), "--client-secret-file", secret.toString(), "--dry-run");
            fails("push", "push", "--server", om.baseUrl(), "--token-file", secret.toString(), "--config",
                    config.toString(), "--client-secret-file", secret.toString(), "--dry-run");
            fails("push", "push", "--server", om.baseUrl(), "--token-file", badToken.toString(), "--config",
                    config.toString(), "--dry-run");
            fails("push", "push", "--server", om.baseUrl(), "--token-file", secret.toString(), "--config",
                    secret.toString(), "--dry-run");
            fails("push", "push", "--server", om.baseUrl(), "--token-file", secret.toString(), "--config",
                    config.toString(), "--dry-run", "--json");
            // restore: a secret file as the backup, a refused token, a bad token file
            fails("restore", "restore", "--server", om.baseUrl(), "--token-file", secret.toString(), "--backup",
                    secret.toString(), "--client-secret-file", secret.toString(), "--yes");
            Path backup = Files.write(dir.resolve("backup.json"), dev.ssosetup.core.push.Backup.of(
                    (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(Files.readString(config)), java.time.Instant.now(), om.baseUrl(), "1.10.4")
                    .toJson());
            fails("restore", "restore", "--server", om.baseUrl(), "--token-file", secret.toString(), "--backup",
                    backup.toString(), "--client-secret-file", secret.toString(), "--yes", "--accept-lockout-risk",
                    dev.ssosetup.core.push.LockoutGuard.CONFIRMATION_PHRASE);
            fails("restore", "restore", "--server", om.baseUrl(), "--token-file", badToken.toString(), "--backup",
                    backup.toString(), "--yes");
        }

        seen.put("System.out", capture.stdout());
        seen.put("System.err", capture.stderr());
        seen.put("java.util.logging", capture.logs());
        List<String> leaks = new ArrayList<>();
        seen.forEach((where, text) -> leaks.addAll(canaries.find(where, text)));
        assertEquals(List.of(), leaks, "the canary secret leaked");
        assertEquals(leafCommands(CompositionRootAccess.cli(), ""), covered,
                "every command of the CLI has an error-path case here");
    }

    private static Set<String> leafCommands(CommandLine cl, String prefix) {
        Set<String> out = new TreeSet<>();
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            String name = prefix.isEmpty() ? e.getKey() : prefix + " " + e.getKey();
            if (e.getValue().getSubcommands().isEmpty()) {
                out.add(name);
            } else {
                out.addAll(leafCommands(e.getValue(), name));
            }
        }
        return out;
    }
}
