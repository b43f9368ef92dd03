package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.testserver.Fault;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.BOT_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup push} and {@code restore} end to end against the OpenMetadata test server: output and exit codes. */
class PushCommandTest {
    private static final String PUT = "PUT " + OpenMetadataTestServer.CONFIG;
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path dir;
    private Path tokenFile;
    private Path botTokenFile;
    private Path secretFile;
    private Path configFile;
    private Path backups;
    private final PushCli cli = new PushCli(() -> backups);

    @BeforeEach
    void files() throws IOException {
        fx.om.version("1.10.4");
        tokenFile = Files.writeString(dir.resolve("token"), ADMIN_TOKEN + "\n");
        botTokenFile = Files.writeString(dir.resolve("bot-token"), BOT_TOKEN);
        secretFile = Files.writeString(dir.resolve("secret"), CLIENT_SECRET);
        configFile = dir.resolve("security-config.json");
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(fx.confidentialBody()));
        backups = dir.resolve("backups");
    }

    private String[] push(String... extra) {
        List<String> a = new ArrayList<>(List.of("push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", configFile.toString(), "--client-secret-file",
                secretFile.toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void dryRunPrintsThePlanAndTheDiffAndChangesNothing() {
        assertEquals(ExitCodes.OK, cli.run("", push("--dry-run")), cli.err());
        assertTrue(cli.out().contains("[ OK ] Connect: OpenMetadata 1.10.4"), cli.out());
        assertTrue(cli.out().contains("~ authenticationConfiguration.provider: \"basic\" -> \"custom-oidc\""), cli.out());
        assertTrue(cli.out().contains("+ authenticationConfiguration.oidcConfiguration.secret: (hidden)"), cli.out());
        assertTrue(cli.out().contains("[ OK ] Validate"), cli.out());
        assertTrue(cli.out().contains("Dry run: nothing was applied"), cli.out());
        assertEquals(0, fx.om.count(PUT));
        assertNoCanary();
    }

    @Test
    void withYesAndTheTypedRiskItAppliesVerifiesAndBacksUp() throws IOException {
        assertEquals(ExitCodes.OK, cli.run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)),
                cli.out() + cli.err());
        assertTrue(cli.out().contains("[ OK ] Verify: read back"), cli.out());
        assertTrue(cli.out().contains("[ OK ] Verify: live provider"), cli.out());
        assertTrue(cli.out().contains("[ OK ] Verify: public keys"), cli.out());
        assertTrue(cli.out().contains("Applied and verified."), cli.out());
        assertTrue(cli.out().contains("Backup: " + backups), cli.out());
        try (Stream<Path> files = Files.list(backups)) {
            List<Path> list = files.toList();
            assertEquals(2, list.size(), list::toString);
            for (Path p : list) {
                assertFalse(Files.readString(p).contains(CLIENT_SECRET));
                assertFalse(Files.readString(p).contains(ADMIN_TOKEN));
            }
        }
        assertEquals(CLIENT_SECRET, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());
        assertNoCanary();
    }

    @Test
    void withYesButNoEvidenceAndNoPhraseTheGuardRefuses() {
        assertEquals(ExitCodes.FAILED, cli.run("", push("--yes")));
        assertTrue(cli.out().contains("FAILED at Lock-out guard"), cli.out());
        assertTrue(cli.out().contains(LockoutGuard.CONFIRMATION_PHRASE), cli.out());
        assertEquals(0, fx.om.count(PUT));
        assertFalse(Files.exists(backups), "no backup before the guard passes");
    }

    @Test
    void withALoginTestThatProvesAdminAccessYesIsEnough() {
        LockoutEvidence admin = new LockoutEvidence(true, true, "admin");
        assertEquals(ExitCodes.OK, cli.run("", admin, push("--yes")), cli.out());
        fx.om.store(fx.om.basicConfiguration());
        assertEquals(ExitCodes.OK, cli.run("yes\n", admin, push()), cli.out());
        assertTrue(cli.out().contains("Type yes to apply"), cli.out());
    }

    @Test
    void withoutYesItAsksAndAppliesOnlyOnTheTypedPhrase() {
        assertEquals(ExitCodes.FAILED, cli.run("yes\n", push()));
        assertTrue(cli.out().contains("type exactly: " + LockoutGuard.CONFIRMATION_PHRASE), cli.out());
        assertEquals(0, fx.om.count(PUT));
        assertEquals(ExitCodes.OK, cli.run(LockoutGuard.CONFIRMATION_PHRASE + "\n", push()), cli.out());
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void withoutYesAndNoStandardInputItRefusesAndPointsAtYes() {
        assertEquals(ExitCodes.FAILED, cli.run("", push()));
        assertTrue(cli.out().contains("Run with --yes"), cli.out());
        assertEquals(0, fx.om.count(PUT));
    }

    @Test
    void validationErrorsNameTheWizardStepAndExit1() throws IOException {
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.path("authenticationConfiguration")).put("clientId", "");
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(body));
        assertEquals(ExitCodes.FAILED, cli.run("", push("--dry-run")));
        assertTrue(cli.out().contains("authenticationConfiguration.clientId: clientId is required"), cli.out());
        assertTrue(cli.out().contains("(fix in the provider step, field clientId)"), cli.out());
    }

    @Test
    void aBotTokenIsRefusedWithTheReason() {
        String[] args = push("--dry-run");
        args[4] = botTokenFile.toString();
        assertEquals(ExitCodes.FAILED, cli.run("", args));
        assertTrue(cli.out().contains("Bot tokens are never admins"), cli.out());
        assertTrue(cli.out().contains("nothing was changed"), cli.out());
        assertNoCanary();
    }

    @Test
    void aPutThatFailsExits1AndKeepsTheBackup() {
        fx.om.fault(PUT, Fault.status(500));
        assertEquals(ExitCodes.FAILED, cli.run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        assertTrue(cli.out().contains("HTTP 500") && cli.out().contains("The backup stays at"), cli.out());
        assertTrue(cli.out().contains("previous configuration"), cli.out());
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void appliedButNotVerifiedExits3() {
        fx.om.fault("GET /api/v1/system/config/auth", Fault.status(503));
        assertEquals(ExitCodes.APPLIED_NOT_VERIFIED,
                cli.run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)), cli.out());
        assertTrue(cli.out().contains("[FAIL] Verify: live provider"), cli.out());
    }

    @Test
    void jsonReportsTheOutcomeStepsAndDiff() throws IOException {
        assertEquals(ExitCodes.OK, cli.run("", push("--json", "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)), cli.err());
        JsonNode report = new ObjectMapper().readTree(cli.out());
        assertEquals("applied-and-verified", report.path("outcome").asText());
        assertEquals("applied", report.path("serverState").asText());
        assertTrue(report.path("steps").size() >= 9);
        assertTrue(report.path("backup").path("file").asText().startsWith(backups.toString()));
        assertTrue(report.path("diff").toString().contains("(hidden)"));
        assertNoCanary();
    }

    @Test
    void withJsonTheQuestionGoesToStandardErrorAndOutputStaysJson() throws IOException {
        assertEquals(ExitCodes.OK, cli.run(LockoutGuard.CONFIRMATION_PHRASE + "\n", push("--json")), cli.err());
        assertEquals("applied-and-verified", new ObjectMapper().readTree(cli.out()).path("outcome").asText());
        assertTrue(cli.err().contains(LockoutGuard.CONFIRMATION_PHRASE), cli.err());
    }

    @Test
    void badUsageExits2WithoutAStackTrace() throws IOException {
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file", tokenFile.toString()));
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", "http://om.example.com", "--token-file",
                tokenFile.toString(), "--config", configFile.toString()));
        assertTrue(cli.err().contains("plain http"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                dir.resolve("nope").toString(), "--config", configFile.toString()));
        assertTrue(cli.err().contains("--token-file") && cli.err().contains("no such file"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("", push("--dry-run", "--ca-file", dir.resolve("no-ca.pem").toString())));
        assertTrue(cli.err().contains("--ca-file") && cli.err().contains("no such file"), cli.err());
        assertEquals(ExitCodes.USAGE, cli.run("", push("--profile", "p.json")));
        assertEquals(ExitCodes.USAGE, cli.run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--profile", "p.json"));
        assertTrue(cli.err().contains("--profile is not available"), cli.err());
        Files.writeString(configFile, "{\"not\":\"a config\"}");
        assertEquals(ExitCodes.USAGE, cli.run("", push("--dry-run")));
        assertTrue(cli.err().contains("not a SecurityConfiguration"), cli.err());
        assertTrue(cli.allOutput().stream().noneMatch(s -> s.contains("\tat ")), "no stack trace");
    }

    @Test
    void aServerOlderThan110SaysToUseTheRenderedFiles() {
        fx.om.version("1.9.0");
        assertEquals(ExitCodes.FAILED, cli.run("", push("--dry-run")));
        assertTrue(cli.out().contains("has no security-configuration API") && cli.out().contains("Review step"), cli.out());
    }

    @Test
    void restorePutsTheBackupBackAndNeedsTheMaskedSecret() throws IOException {
        assertEquals(ExitCodes.OK, cli.run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(fx.publicBody()));
        assertEquals(ExitCodes.OK, cli.run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        String backup = cli.out().lines().filter(l -> l.startsWith("Backup: ")).findFirst().orElseThrow().substring(8);
        assertTrue(fx.om.stored().at("/authenticationConfiguration/clientType").asText().equals("public"));

        assertEquals(ExitCodes.USAGE, cli.run("", "restore", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--backup", backup, "--yes"));
        assertTrue(cli.err().contains("--client-secret-file"), cli.err());
        assertEquals(ExitCodes.OK, cli.run("", "restore", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--backup", backup, "--client-secret-file", secretFile.toString(), "--yes",
                "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE), cli.out() + cli.err());
        assertEquals("confidential", fx.om.stored().at("/authenticationConfiguration/clientType").asText());
        assertEquals(CLIENT_SECRET, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());
        assertEquals(ExitCodes.USAGE, cli.run("", "restore", "--server", "https://other.example.com", "--token-file",
                tokenFile.toString(), "--backup", backup, "--client-secret-file", secretFile.toString(), "--yes"));
        assertTrue(cli.err().contains("--allow-other-server"), cli.err());
        assertNoCanary();
    }

    @Test
    void theCompositionRootWiresPushAndRestore() {
        CommandLine cl = dev.ssosetup.app.CompositionRootAccess.cli();
        StringWriter o = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        assertEquals(0, cl.execute("push", "--help"));
        assertTrue(o.toString().contains("--token-file") && o.toString().contains("--dry-run"));
        assertEquals(0, cl.execute("restore", "--help"));
    }

    private void assertNoCanary() {
        for (String s : cli.allOutput()) {
            for (String canary : List.of(ADMIN_TOKEN, BOT_TOKEN, CLIENT_SECRET)) {
                assertFalse(s.contains(canary), () -> "secret leaked: " + s);
            }
        }
    }
}
