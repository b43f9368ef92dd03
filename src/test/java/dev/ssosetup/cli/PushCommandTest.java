package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.Fault;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private static PushFixture fx;
    @TempDir
    Path dir;
    private Path tokenFile;
    private Path botTokenFile;
    private Path secretFile;
    private Path configFile;
    private Path backups;
    private String out;
    private String err;
    private final List<String> allOutput = new ArrayList<>();

    @BeforeAll
    static void start() {
        fx = new PushFixture();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @BeforeEach
    void files() throws IOException {
        fx.om.clearFaults();
        fx.om.version("1.10.4");
        fx.om.store(fx.om.basicConfiguration());
        tokenFile = Files.writeString(dir.resolve("token"), ADMIN_TOKEN + "\n");
        botTokenFile = Files.writeString(dir.resolve("bot-token"), BOT_TOKEN);
        secretFile = Files.writeString(dir.resolve("secret"), CLIENT_SECRET);
        configFile = dir.resolve("security-config.json");
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(fx.confidentialBody()));
        backups = dir.resolve("backups");
    }

    private int run(String stdin, String... args) {
        return run(stdin, LockoutEvidence.none(), args);
    }

    private int run(String stdin, LockoutEvidence evidence, String... args) {
        PushEnvironment env = new PushEnvironment(new JdkHttpGatewayFactory(), FileBackupStore::new, backups,
                Clock.systemUTC(), Optional.empty(), () -> evidence,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new LocalOperatorFiles());
        CommandLine cl = new CommandLine(new SsoSetupCommand());
        cl.addSubcommand(new PushCommand(env));
        cl.addSubcommand(new RestoreCommand(env));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        int code = cl.execute(args);
        out = o.toString();
        err = e.toString();
        allOutput.add(out);
        allOutput.add(err);
        return code;
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
        assertEquals(ExitCodes.OK, run("", push("--dry-run")), err);
        assertTrue(out.contains("[ OK ] Connect: OpenMetadata 1.10.4"), out);
        assertTrue(out.contains("~ authenticationConfiguration.provider: \"basic\" -> \"custom-oidc\""), out);
        assertTrue(out.contains("+ authenticationConfiguration.oidcConfiguration.secret: (hidden)"), out);
        assertTrue(out.contains("[ OK ] Validate"), out);
        assertTrue(out.contains("Dry run: nothing was applied"), out);
        assertEquals(0, fx.om.count(PUT));
        assertNoCanary();
    }

    @Test
    void withYesAndTheTypedRiskItAppliesVerifiesAndBacksUp() throws IOException {
        assertEquals(ExitCodes.OK, run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)),
                out + err);
        assertTrue(out.contains("[ OK ] Verify: read back"), out);
        assertTrue(out.contains("[ OK ] Verify: live provider"), out);
        assertTrue(out.contains("[ OK ] Verify: public keys"), out);
        assertTrue(out.contains("Applied and verified."), out);
        assertTrue(out.contains("Backup: " + backups), out);
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
        assertEquals(ExitCodes.FAILED, run("", push("--yes")));
        assertTrue(out.contains("FAILED at Lock-out guard"), out);
        assertTrue(out.contains(LockoutGuard.CONFIRMATION_PHRASE), out);
        assertEquals(0, fx.om.count(PUT));
        assertFalse(Files.exists(backups), "no backup before the guard passes");
    }

    @Test
    void withALoginTestThatProvesAdminAccessYesIsEnough() {
        LockoutEvidence admin = new LockoutEvidence(true, true, "admin");
        assertEquals(ExitCodes.OK, run("", admin, push("--yes")), out);
        fx.om.store(fx.om.basicConfiguration());
        assertEquals(ExitCodes.OK, run("yes\n", admin, push()), out);
        assertTrue(out.contains("Type yes to apply"), out);
    }

    @Test
    void withoutYesItAsksAndAppliesOnlyOnTheTypedPhrase() {
        assertEquals(ExitCodes.FAILED, run("yes\n", push()));
        assertTrue(out.contains("type exactly: " + LockoutGuard.CONFIRMATION_PHRASE), out);
        assertEquals(0, fx.om.count(PUT));
        assertEquals(ExitCodes.OK, run(LockoutGuard.CONFIRMATION_PHRASE + "\n", push()), out);
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void withoutYesAndNoStandardInputItRefusesAndPointsAtYes() {
        assertEquals(ExitCodes.FAILED, run("", push()));
        assertTrue(out.contains("Run with --yes"), out);
        assertEquals(0, fx.om.count(PUT));
    }

    @Test
    void validationErrorsNameTheWizardStepAndExit1() throws IOException {
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.path("authenticationConfiguration")).put("clientId", "");
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(body));
        assertEquals(ExitCodes.FAILED, run("", push("--dry-run")));
        assertTrue(out.contains("authenticationConfiguration.clientId: clientId is required"), out);
        assertTrue(out.contains("(fix in the provider step, field clientId)"), out);
    }

    @Test
    void aBotTokenIsRefusedWithTheReason() {
        String[] args = push("--dry-run");
        args[4] = botTokenFile.toString();
        assertEquals(ExitCodes.FAILED, run("", args));
        assertTrue(out.contains("Bot tokens are never admins"), out);
        assertTrue(out.contains("nothing was changed"), out);
        assertNoCanary();
    }

    @Test
    void aPutThatFailsExits1AndKeepsTheBackup() {
        fx.om.fault(PUT, Fault.status(500));
        assertEquals(ExitCodes.FAILED, run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        assertTrue(out.contains("HTTP 500") && out.contains("The backup stays at"), out);
        assertTrue(out.contains("previous configuration"), out);
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void appliedButNotVerifiedExits3() {
        fx.om.fault("GET /api/v1/system/config/auth", Fault.status(503));
        assertEquals(ExitCodes.APPLIED_NOT_VERIFIED,
                run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)), out);
        assertTrue(out.contains("[FAIL] Verify: live provider"), out);
    }

    @Test
    void jsonReportsTheOutcomeStepsAndDiff() throws IOException {
        assertEquals(ExitCodes.OK, run("", push("--json", "--yes", "--accept-lockout-risk",
                LockoutGuard.CONFIRMATION_PHRASE)), err);
        JsonNode report = new ObjectMapper().readTree(out);
        assertEquals("applied-and-verified", report.path("outcome").asText());
        assertEquals("applied", report.path("serverState").asText());
        assertTrue(report.path("steps").size() >= 9);
        assertTrue(report.path("backup").path("file").asText().startsWith(backups.toString()));
        assertTrue(report.path("diff").toString().contains("(hidden)"));
        assertNoCanary();
    }

    @Test
    void withJsonTheQuestionGoesToStandardErrorAndOutputStaysJson() throws IOException {
        assertEquals(ExitCodes.OK, run(LockoutGuard.CONFIRMATION_PHRASE + "\n", push("--json")), err);
        assertEquals("applied-and-verified", new ObjectMapper().readTree(out).path("outcome").asText());
        assertTrue(err.contains(LockoutGuard.CONFIRMATION_PHRASE), err);
    }

    @Test
    void badUsageExits2WithoutAStackTrace() throws IOException {
        assertEquals(ExitCodes.USAGE, run("", "push", "--server", fx.om.baseUrl(), "--token-file", tokenFile.toString()));
        assertEquals(ExitCodes.USAGE, run("", "push", "--server", "http://om.example.com", "--token-file",
                tokenFile.toString(), "--config", configFile.toString()));
        assertTrue(err.contains("plain http"), err);
        assertEquals(ExitCodes.USAGE, run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                dir.resolve("nope").toString(), "--config", configFile.toString()));
        assertTrue(err.contains("--token-file") && err.contains("no such file"), err);
        assertEquals(ExitCodes.USAGE, run("", push("--dry-run", "--ca-file", dir.resolve("no-ca.pem").toString())));
        assertTrue(err.contains("--ca-file") && err.contains("no such file"), err);
        assertEquals(ExitCodes.USAGE, run("", push("--profile", "p.json")));
        assertEquals(ExitCodes.USAGE, run("", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--profile", "p.json"));
        assertTrue(err.contains("--profile is not available"), err);
        Files.writeString(configFile, "{\"not\":\"a config\"}");
        assertEquals(ExitCodes.USAGE, run("", push("--dry-run")));
        assertTrue(err.contains("not a SecurityConfiguration"), err);
        assertTrue(allOutput.stream().noneMatch(s -> s.contains("\tat ")), "no stack trace");
    }

    @Test
    void aServerOlderThan110SaysToUseTheRenderedFiles() {
        fx.om.version("1.9.0");
        assertEquals(ExitCodes.FAILED, run("", push("--dry-run")));
        assertTrue(out.contains("has no security-configuration API") && out.contains("Review step"), out);
    }

    @Test
    void restorePutsTheBackupBackAndNeedsTheMaskedSecret() throws IOException {
        assertEquals(ExitCodes.OK, run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        Files.write(configFile, new ObjectMapper().writeValueAsBytes(fx.publicBody()));
        assertEquals(ExitCodes.OK, run("", push("--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE)));
        String backup = out.lines().filter(l -> l.startsWith("Backup: ")).findFirst().orElseThrow().substring(8);
        assertTrue(fx.om.stored().at("/authenticationConfiguration/clientType").asText().equals("public"));

        assertEquals(ExitCodes.USAGE, run("", "restore", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--backup", backup, "--yes"));
        assertTrue(err.contains("--client-secret-file"), err);
        assertEquals(ExitCodes.OK, run("", "restore", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--backup", backup, "--client-secret-file", secretFile.toString(), "--yes",
                "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE), out + err);
        assertEquals("confidential", fx.om.stored().at("/authenticationConfiguration/clientType").asText());
        assertEquals(CLIENT_SECRET, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());
        assertEquals(ExitCodes.USAGE, run("", "restore", "--server", "https://other.example.com", "--token-file",
                tokenFile.toString(), "--backup", backup, "--client-secret-file", secretFile.toString(), "--yes"));
        assertTrue(err.contains("--allow-other-server"), err);
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
        for (String s : allOutput) {
            for (String canary : List.of(ADMIN_TOKEN, BOT_TOKEN, CLIENT_SECRET)) {
                assertFalse(s.contains(canary), () -> "secret leaked: " + s);
            }
        }
    }
}
