package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, items 3, 4, 5 and 12 through {@code sso-setup push} and {@code restore}. */
class PushHardeningCliTest {
    private static final String PUT = "PUT " + OpenMetadataTestServer.CONFIG;
    private static final String LDAP_PASSWORD = "canary-ldap-password-2c7e51";
    private static final String LDAP_PATH = "authenticationConfiguration.ldapConfiguration.dnAdminPassword";
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path dir;
    private Path tokenFile;
    private Path secretFile;
    private Path backups;
    private final PushCli cli = new PushCli(() -> backups);

    @BeforeEach
    void files() throws IOException {
        tokenFile = Files.writeString(dir.resolve("token"), ADMIN_TOKEN + "\n");
        secretFile = Files.writeString(dir.resolve("secret"), CLIENT_SECRET);
        backups = dir.resolve("backups");
    }

    private Path backupOf(ObjectNode config, String serverUrl) throws IOException {
        return Files.write(dir.resolve("backup-" + cli.allOutput().size() + ".json"),
                Backup.of(config, Instant.now(), serverUrl, "1.10.4").toJson());
    }

    private String[] restore(Path backup, String... extra) {
        List<String> a = new ArrayList<>(List.of("restore", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--backup", backup.toString(), "--backup-dir", backups.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    /** The public-client example: restoring it needs no client secret. */
    private ObjectNode restorable() {
        return fx.publicBody();
    }

    // ---- item 5: restore gets push's guard and server check

    @Test
    void restoreWithYesButNeitherALoginTestNorThePhraseIsRefusedByTheGuard() throws IOException {
        Path backup = backupOf(restorable(), fx.om.baseUrl());
        assertEquals(ExitCodes.FAILED, cli.run("", restore(backup, "--yes")), cli.out() + cli.err());
        assertTrue(cli.out().contains("FAILED at Lock-out guard"), cli.out());
        assertEquals(0, fx.om.count(PUT));

        assertEquals(ExitCodes.FAILED, cli.run("yes\n", restore(backup)), cli.out() + cli.err());
        assertTrue(cli.out().contains("type exactly: " + LockoutGuard.CONFIRMATION_PHRASE), cli.out());
        assertEquals(0, fx.om.count(PUT), "a plain yes is not enough without a login test");

        assertEquals(ExitCodes.OK, cli.run("", restore(backup, "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)), cli.out() + cli.err());
        assertEquals(1, fx.om.count(PUT));
        assertTrue(cli.out().contains("Changes (live -> ours; secrets hidden):"), "the same diff as push: " + cli.out());
    }

    @Test
    void restoreWithALoginTestThatProvesAdminAccessAsksForYes() throws IOException {
        Path backup = backupOf(restorable(), fx.om.baseUrl());
        LockoutEvidence admin = new LockoutEvidence(true, true, "admin");
        assertEquals(ExitCodes.OK, cli.run("yes\n", admin, restore(backup)), cli.out() + cli.err());
        assertTrue(cli.out().contains("Type yes to restore"), cli.out());
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void aBackupThatDoesNotNameItsServerNeedsTheExplicitOverride() throws IOException {
        Path backup = backupOf(restorable(), "");
        assertEquals(ExitCodes.USAGE, cli.run("", restore(backup, "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)));
        assertTrue(cli.err().contains("does not say which server") && cli.err().contains("--allow-other-server"), cli.err());
        assertEquals(0, fx.om.count(PUT));
        assertEquals(ExitCodes.OK, cli.run("", restore(backup, "--yes", "--allow-other-server", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)), cli.out() + cli.err());
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void theSameServerWrittenDifferentlyIsTheSameServer() throws IOException {
        Path backup = backupOf(restorable(), fx.om.baseUrl() + "/api/");
        assertEquals(ExitCodes.OK, cli.run("", restore(backup, "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)), cli.out() + cli.err());
    }

    // ---- item 4: a masked LDAP password in a backup

    @Test
    void aMaskedLdapPasswordIsRefusedNamingTheFieldUntilItsRealValueIsGiven() throws IOException {
        ObjectNode config = fx.om.basicConfiguration();
        ((ObjectNode) config.path("authenticationConfiguration")).putObject("ldapConfiguration")
                .put("host", "ldap.example.com").put("port", 636)
                .put("dnAdminPrincipal", "cn=admin,dc=example,dc=com").put("dnAdminPassword", "*********")
                .put("userBaseDN", "ou=people,dc=example,dc=com").put("mailAttributeName", "mail");
        Path backup = backupOf(config, fx.om.baseUrl());
        assertEquals(ExitCodes.USAGE, cli.run("", restore(backup, "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)));
        assertTrue(cli.err().contains(LDAP_PATH) && cli.err().contains("--secret-file"), cli.err());
        assertEquals(0, fx.om.count(PUT));

        Path password = Files.writeString(dir.resolve("ldap-password"), LDAP_PASSWORD + "\n");
        assertEquals(ExitCodes.OK, cli.run("", restore(backup, "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE, "--secret-file", LDAP_PATH + "=" + password)), cli.out() + cli.err());
        assertEquals(LDAP_PASSWORD, fx.om.stored().at("/authenticationConfiguration/ldapConfiguration/"
                + "dnAdminPassword").asText());
        assertNoCanary(LDAP_PASSWORD);
    }

    // ---- item 3 through the CLI: the server changes while the operator reads the diff

    @Test
    void aChangeOnTheServerWhileTheQuestionIsAskedStopsThePush() throws IOException {
        Path config = Files.write(dir.resolve("config.json"), new ObjectMapper().writeValueAsBytes(fx.publicBody()));
        ObjectNode someoneElse = fx.om.basicConfiguration();
        ((ObjectNode) someoneElse.path("authorizerConfiguration")).put("principalDomain", "example.org");
        java.io.InputStream answer = new java.io.InputStream() {
            private final byte[] phrase = (LockoutGuard.CONFIRMATION_PHRASE + "\n").getBytes(StandardCharsets.UTF_8);
            private int i;

            @Override
            public int read() {
                if (i == 0) {
                    fx.om.store(someoneElse); // while the operator is typing
                }
                return i < phrase.length ? phrase[i++] : -1;
            }
        };
        PushEnvironment env = PushCli.environment(backups, LockoutEvidence::none, answer);
        CommandLine cl = new CommandLine(new SsoSetupCommand());
        cl.addSubcommand(new PushCommand(env));
        StringWriter o = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(ExitCodes.FAILED, cl.execute("push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", config.toString()));
        assertTrue(o.toString().contains("changed since the plan")
                && o.toString().contains("authorizerConfiguration.principalDomain"), o.toString());
        assertEquals(0, fx.om.count(PUT));
        assertEquals("example.org", fx.om.stored().at("/authorizerConfiguration/principalDomain").asText());
    }

    // ---- item 12: input caps

    @Test
    void oversizedSecretAndConfigFilesAreRefusedBeforeReading() throws IOException {
        Path big = Files.write(dir.resolve("big-secret"), new byte[65 * 1024]);
        Path config = Files.write(dir.resolve("config.json"), new ObjectMapper().writeValueAsBytes(fx.publicBody()));
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", config.toString(), "--client-secret-file", big.toString(),
                "--dry-run"));
        assertTrue(cli.err().contains("--client-secret-file") && cli.err().contains("larger than 64 KiB"), cli.err());
        Path bigConfig = Files.write(dir.resolve("big-config.json"), new byte[1024 * 1024 + 1]);
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", bigConfig.toString(), "--dry-run"));
        assertTrue(cli.err().contains("--config") && cli.err().contains("larger than 1024 KiB"), cli.err());
    }

    @Test
    void aSecretFileThatIsNotUtf8OrAFolderIsNamedWithoutItsContent() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1-secret"),
                (CLIENT_SECRET + "\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        Path config = Files.write(dir.resolve("config.json"), new ObjectMapper().writeValueAsBytes(fx.publicBody()));
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", config.toString(), "--client-secret-file", latin1.toString(),
                "--dry-run"));
        assertTrue(cli.err().contains("--client-secret-file " + latin1 + ": cannot read it (not readable as UTF-8 text)"),
                cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                dir.toString(), "--config", config.toString(), "--dry-run"));
        assertTrue(cli.err().contains("--token-file " + dir + ": cannot read it (it is a folder)"), cli.err());
        assertNoCanary();
    }

    private void assertNoCanary(String... more) {
        List<String> canaries = new ArrayList<>(List.of(ADMIN_TOKEN, CLIENT_SECRET));
        canaries.addAll(List.of(more));
        for (String s : cli.allOutput()) {
            for (String canary : canaries) {
                assertFalse(s.contains(canary), () -> "secret leaked: " + s);
            }
        }
    }
}
