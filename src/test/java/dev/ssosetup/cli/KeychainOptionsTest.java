package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.testsupport.MemorySecretStore;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The keychain flags' usage rules, in process over an in-memory keychain (the real one: KeychainCliTest). */
class KeychainOptionsTest {
    private final MemorySecretStore keychain = new MemorySecretStore();
    @TempDir
    Path dir;
    private String out;
    private String err;

    private int run(String stdin, String... args) {
        PushEnvironment env = PushCli.environment(dir, LockoutEvidence::none, PushCli.stdin(stdin));
        CommandLine cl = new CommandLine(new SsoSetupCommand());
        cl.addSubcommand(new PushCommand(env, () -> keychain));
        cl.addSubcommand(SecretCommand.create(() -> keychain, PushCli.stdin(stdin)));
        CliRun r = CliRun.of(cl, args);
        out = r.out();
        err = r.err();
        return r.code();
    }

    @Test
    void secretStoreReadsStandardInputOnlyAndNeverPrintsTheSecret() {
        assertEquals(0, run("  s3cret-value \n", "secret", "store", "--issuer", "https://idp.example.com/",
                "--client-id", "c1"), err);
        assertEquals(Secret.of("s3cret-value"), keychain.entries().get(SecretKey.clientSecret("https://idp.example.com",
                "c1")));
        assertFalse((out + err).contains("s3cret-value"));
        assertEquals(0, run("", "secret", "forget", "--issuer", "https://idp.example.com", "--client-id", "c1"));
        assertTrue(keychain.entries().isEmpty());
        assertEquals(0, run("", "secret", "forget", "--issuer", "https://idp.example.com", "--client-id", "c1"));
        assertTrue(out.contains("nothing to forget"), out);
        assertEquals(2, run("two\nlines\n", "secret", "store", "--server", "https://om.example.com"));
        assertTrue(err.contains("more than one line"), err);
        assertEquals(2, run("x\n", "secret", "store", "--issuer", "https://idp.example.com", "--client-id", "c1",
                "--server", "https://om.example.com"), "an entry is a client secret or a token, not both");
        assertEquals(2, run("x\n", "secret", "store", "--issuer", "https://idp.example.com"),
                "an issuer without a client ID keys nothing");
        assertEquals(2, run("x\n", "secret", "store", "--server", "not a url"));
        assertFalse(err.contains("x\n"), err);
    }

    @Test
    void theTokenComesFromExactlyOnePlace() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "file-token");
        Path config = Files.writeString(dir.resolve("c.json"), "{\"authenticationConfiguration\":{},"
                + "\"authorizerConfiguration\":{}}");
        assertEquals(2, run("", "push", "--server", "https://om.example.com", "--config", config.toString()));
        assertTrue(err.contains("--token-file FILE or --token-from-keychain"), err);
        assertEquals(2, run("", "push", "--server", "https://om.example.com", "--config", config.toString(),
                "--token-file", token.toString(), "--token-from-keychain"));
        assertTrue(err.contains("one of them"), err);
    }

    @Test
    void nothingRememberedOrNoKeychainNamesTheFix() throws Exception {
        Path config = Files.writeString(dir.resolve("c.json"), "{\"authenticationConfiguration\":{},"
                + "\"authorizerConfiguration\":{}}");
        assertEquals(2, run("", "push", "--server", "https://om.example.com", "--config", config.toString(),
                "--token-from-keychain"));
        assertTrue(err.contains("no admin token is remembered"), err);
        assertTrue(err.contains("sso-setup secret store --server " + ServerAddress.parse("https://om.example.com")),
                err);

        keychain.fail(new KeychainProblem(KeychainProblem.Kind.NO_SESSION, ""));
        assertEquals(2, run("", "push", "--server", "https://om.example.com", "--config", config.toString(),
                "--token-from-keychain"));
        assertTrue(err.contains("no D-Bus session"), err);
        assertTrue(err.contains("give --token-file FILE"), err);
        assertEquals(1, run("", "secret", "show-status", "--server", "https://om.example.com"));
        assertTrue(err.contains("no D-Bus session"), err);
    }
}
