package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testserver.Fault;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.En;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.BOT_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole plan/apply flow against the OpenMetadata test server and an embedded mock-oauth2-server. */
class PushFlowTest {
    private static final String PUT = "PUT " + OpenMetadataTestServer.CONFIG;
    private static final LockoutEvidence ADMIN_LOGIN = new LockoutEvidence(true, true, "admin@example.com");
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path backups;
    private final List<StepReport> reported = new ArrayList<>();
    private PushService service;

    @BeforeEach
    void reset() {
        fx.om.version("1.10.4");
        service = new PushService(new FileBackupStore(backups), Clock.systemUTC());
    }

    private OpenMetadataClient client(String token) {
        return client(token, HttpExchange.Limits.DEFAULT);
    }

    private OpenMetadataClient client(String token, HttpExchange.Limits limits) {
        return new OpenMetadataClient(JdkHttpGateway.create(), ServerAddress.parse(fx.om.baseUrl()),
                Secret.of(token), limits);
    }

    private Plan plan(OpenMetadataClient client, ObjectNode body) {
        return service.plan(client, new DesiredConfiguration(body, Secret.of(CLIENT_SECRET)), TaskContext.none(),
                reported::add);
    }

    private ApplyResult apply(OpenMetadataClient client, Plan plan) {
        return service.apply(client, plan, LockoutGuard.check(fx.confidentialBody(), ADMIN_LOGIN, ""),
                TaskContext.none(), reported::add);
    }

    @Test
    void plansAppliesAndVerifiesAConfidentialClient() throws Exception {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        Plan plan = plan(client, fx.confidentialBody());
        assertTrue(plan.readyToApply(), () -> "plan: " + plan.steps());
        List<Object> diff = plan.diff().orElseThrow().lines();
        assertTrue(diff.contains("~ authenticationConfiguration.provider: \"basic\" -> \"custom-oidc\""), diff::toString);
        assertTrue(diff.contains("+ authenticationConfiguration.oidcConfiguration.secret: (hidden)"), diff::toString);
        assertEquals(0, fx.om.count(PUT), "planning changes nothing");

        ApplyResult result = apply(client, plan);
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, result.outcome(), () -> lines(result.steps()));
        assertEquals(ServerState.APPLIED, result.serverState());
        assertEquals(4, result.verification().size());
        // the served key ids are compared only with a key id from the Keys step (none here: --config)
        assertTrue(result.verification().stream().allMatch(s -> s.status() == StepReport.Status.OK
                || s.step() == PushStep.VERIFY_KEY_IDS && s.status() == StepReport.Status.SKIPPED),
                () -> lines(result.steps()));
        assertEquals(CLIENT_SECRET, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText(),
                "the real secret is sent, never the mask");
        assertEquals("custom-oidc", fx.om.stored().at("/authenticationConfiguration/provider").asText());
        assertEquals(1, fx.om.count(PUT));
        assertEquals(0, fx.om.count("PATCH " + OpenMetadataTestServer.CONFIG), "PUT, never PATCH");

        Path backup = Path.of(result.backup().orElseThrow().backupFile());
        Path recovery = Path.of(result.backup().orElseThrow().recoveryFile());
        assertEquals(backup.getParent(), recovery.getParent(), "recovery text beside the backup");
        assertTrue(backup.getFileName().toString().matches("openmetadata-security-backup-127.0.0.1-\\d{8}T\\d{6}Z\\.json"),
                backup.getFileName().toString());
        for (Path p : List.of(backup, recovery)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        Backup saved = Backup.parse(Files.readAllBytes(backup));
        assertEquals("basic", saved.configuration().at("/authenticationConfiguration/provider").asText());
        assertEquals(fx.om.baseUrl(), saved.serverUrl());
        assertEquals("1.10.4", saved.serverVersion());
        String recoveryText = Files.readString(recovery);
        assertTrue(recoveryText.contains("./bootstrap/openmetadata-ops.sh remove-security-config --force"));
        assertTrue(recoveryText.contains("restart"));
        assertTrue(Files.readString(backup).contains("remove-security-config --force"));
        assertNoCanary(Files.readString(backup) + Files.readString(recovery) + lines(reported) + plan
                + result + plan.diff().orElseThrow().lines());
        try (Stream<Path> files = Files.list(backups)) {
            assertEquals(2, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void theBackupOfAConfidentialClientNotesTheMaskedSecretAndRestoreAsksForIt() throws Exception {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        ApplyResult first = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, first.outcome(), () -> lines(first.steps()));
        ObjectNode second = fx.publicBody();
        ApplyResult again = apply(client, plan(client, second));
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, again.outcome(), () -> lines(again.steps()));

        Backup backup = new FileBackupStore(backups).load(again.backup().orElseThrow().backupFile());
        assertTrue(backup.secretMaskedByServer());
        assertTrue(backup.needsClientSecret());
        assertTrue(new String(backup.toJson()).contains("masked"));
        assertFalse(new String(backup.toJson()).contains(CLIENT_SECRET));

        Plan withoutSecret = service.planRestore(client, backup, Secret.empty(), TaskContext.none(), reported::add);
        assertFalse(withoutSecret.readyToApply());
        assertEquals(PushException.Kind.REFUSED_LOCALLY, withoutSecret.failure().orElseThrow().kind());
        assertTrue(En.text(withoutSecret.failure().orElseThrow().text()).contains("client secret"));

        Plan restore = service.planRestore(client, backup, Secret.of("restored-" + CLIENT_SECRET), TaskContext.none(),
                reported::add);
        assertTrue(restore.readyToApply(), () -> lines(restore.steps()));
        ApplyResult restored = service.apply(client, restore, new LockoutGuard.Decision(true, dev.ssosetup.core.text.Text.of("push.guard.confirmed")),
                TaskContext.none(), reported::add);
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, restored.outcome(), () -> lines(restored.steps()));
        assertEquals("confidential", fx.om.stored().at("/authenticationConfiguration/clientType").asText());
        assertEquals("restored-" + CLIENT_SECRET,
                fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());
    }

    @Test
    void aServerOlderThan110IsRefusedWithTheRenderedFilesAsTheWayOut() {
        fx.om.version("1.9.0");
        Plan plan = plan(client(ADMIN_TOKEN), fx.confidentialBody());
        PushFailure f = plan.failure().orElseThrow();
        assertEquals(PushException.Kind.TOO_OLD, f.kind());
        assertTrue(En.text(f.text()).contains("1.9.0") && En.text(f.text()).contains("rendered files"), En.text(f.text()));
        assertEquals(0, fx.om.count("GET " + OpenMetadataTestServer.CONFIG + "-never"));
    }

    @Test
    void anInvalidTokenIs401AndABotTokenIs403() {
        Plan bad = plan(client("not-a-token"), fx.confidentialBody());
        assertEquals(PushException.Kind.UNAUTHORIZED, bad.failure().orElseThrow().kind());
        assertTrue(En.text(bad.failure().orElseThrow().text()).contains("invalid or expired"));
        assertEquals(ServerState.UNCHANGED, bad.failure().orElseThrow().serverState());

        Plan bot = plan(client(BOT_TOKEN), fx.confidentialBody());
        PushFailure f = bot.failure().orElseThrow();
        assertEquals(PushException.Kind.FORBIDDEN, f.kind());
        assertEquals(PushStep.READ, f.step());
        assertTrue(En.text(f.text()).contains("Bot tokens are never admins"), En.text(f.text()));
        assertTrue(En.text(f.text()).contains("nothing was changed"), En.text(f.text()));
        assertNoCanary(En.text(f.text()) + lines(reported));
    }

    @Test
    void validationErrorsAreMappedToTheWizardField() {
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.path("authenticationConfiguration")).put("clientId", "");
        ((ObjectNode) body.path("authorizerConfiguration")).put("principalDomain", "");
        Plan plan = plan(client(ADMIN_TOKEN), body);
        assertFalse(plan.readyToApply());
        List<FieldIssue> issues = plan.validation().orElseThrow().issues();
        assertTrue(issues.stream().anyMatch(i -> i.field().equals("authenticationConfiguration.clientId")
                && i.location().equals(new WizardLocation("provider", "clientId"))), issues::toString);
        assertTrue(issues.stream().anyMatch(i -> i.location().equals(new WizardLocation("provider", "principalDomain"))),
                issues::toString);
        ApplyResult refused = apply(client(ADMIN_TOKEN), plan);
        assertEquals(ApplyResult.Outcome.FAILED, refused.outcome());
        assertEquals(0, fx.om.count(PUT));
    }

    @Test
    void aSchemaViolationIsReportedByField() {
        ObjectNode body = fx.confidentialBody();
        ((ObjectNode) body.at("/authenticationConfiguration/oidcConfiguration")).put("useNonce", true);
        Plan plan = plan(client(ADMIN_TOKEN), body);
        List<FieldIssue> issues = plan.validation().orElseThrow().issues();
        assertTrue(issues.stream().anyMatch(i -> i.field().equals(
                "authenticationConfiguration.oidcConfiguration.useNonce")), issues::toString);
    }

    @Test
    void aMaskedOrMissingSecretIsNeverSent() {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        ObjectNode body = fx.confidentialBody();
        Plan masked = service.plan(client, new DesiredConfiguration(body, Secret.of("*********")), TaskContext.none(),
                reported::add);
        assertFalse(masked.readyToApply());
        assertEquals(new WizardLocation("provider", "clientSecret"),
                masked.validation().orElseThrow().issues().getFirst().location());
        Plan missing = service.plan(client, new DesiredConfiguration(body, Secret.empty()), TaskContext.none(),
                reported::add);
        assertTrue(En.text(missing.validation().orElseThrow().issues().getFirst().error()).contains("missing"));
        assertEquals(0, fx.om.count("POST " + OpenMetadataTestServer.VALIDATE), "refused before sending");
    }

    @Test
    void theGuardRefusesWithoutEvidenceOrConfirmationAndNothingIsSent() throws IOException {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        Plan plan = plan(client, fx.confidentialBody());
        for (LockoutGuard.Decision d : List.of(
                LockoutGuard.check(fx.confidentialBody(), LockoutEvidence.none(), ""),
                LockoutGuard.check(fx.confidentialBody(), new LockoutEvidence(true, false, "bob"), "yes"),
                LockoutGuard.check(fx.confidentialBody(), new LockoutEvidence(true, true, "mallory"), ""))) {
            assertFalse(d.allowed(), En.text(d.reason()));
            ApplyResult r = service.apply(client, plan, d, TaskContext.none(), reported::add);
            assertEquals(ApplyResult.Outcome.FAILED, r.outcome());
            assertEquals(PushStep.GUARD, r.failure().orElseThrow().step());
        }
        assertEquals(0, fx.om.count(PUT));
        try (Stream<Path> files = Files.list(backups)) {
            assertEquals(0, files.count(), "no backup before the guard passes");
        }
        LockoutGuard.Decision typed = LockoutGuard.check(fx.confidentialBody(), LockoutEvidence.none(),
                "  i accept that this can   lock every admin out ");
        assertTrue(typed.allowed());
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED,
                service.apply(client, plan, typed, TaskContext.none(), reported::add).outcome());
    }

    @Test
    void aPutThatFailsWith500LeavesTheBackupAndSaysTheServerRolledBack() {
        fx.om.fault(PUT, Fault.status(500));
        OpenMetadataClient client = client(ADMIN_TOKEN);
        ApplyResult r = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(ApplyResult.Outcome.FAILED, r.outcome());
        assertEquals(ServerState.UNCHANGED, r.serverState());
        String text = En.text(r.failure().orElseThrow().text());
        assertTrue(text.contains("HTTP 500") && text.contains("rolled back") && text.contains("backup stays"), text);
        assertTrue(Files.exists(Path.of(r.backup().orElseThrow().backupFile())));
        assertEquals(1, fx.om.count(PUT), "no blind retry");
        assertEquals("basic", fx.om.stored().at("/authenticationConfiguration/provider").asText());
    }

    @Test
    void conflictsAndLostCompareAndSetAreExplained() {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        fx.om.fault(PUT, Fault.status(409));
        ApplyResult managed = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(PushException.Kind.MANAGED_ELSEWHERE, managed.failure().orElseThrow().kind());
        assertTrue(En.text(managed.failure().orElseThrow().text()).contains("managed by its environment"));
        assertEquals(ServerState.UNCHANGED, managed.serverState());
        fx.om.fault(PUT, Fault.status(412));
        ApplyResult changed = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(PushException.Kind.CHANGED_SINCE_READ, changed.failure().orElseThrow().kind());
        assertTrue(En.text(changed.failure().orElseThrow().text()).contains("Plan again"));
    }

    @Test
    void aTimedOutPutIsReadBackOnceAndNotRetried() {
        fx.om.fault(PUT, Fault.slow(Duration.ofMillis(2500)));
        OpenMetadataClient client = client(ADMIN_TOKEN,
                new HttpExchange.Limits(Duration.ofSeconds(2), Duration.ofSeconds(1), 1024 * 1024));
        Plan plan = plan(client(ADMIN_TOKEN), fx.confidentialBody());
        ApplyResult r = apply(client, plan);
        assertEquals(PushException.Kind.TIMEOUT, r.failure().orElseThrow().kind());
        assertEquals(ServerState.APPLIED, r.serverState(), En.text(r.failure().orElseThrow().text()));
        assertEquals(ApplyResult.Outcome.APPLIED_NOT_VERIFIED, r.outcome());
        assertTrue(En.text(r.failure().orElseThrow().text()).contains("new configuration is in place"));
        assertEquals(1, fx.om.count(PUT));
    }

    @Test
    void aDroppedConnectionIsReportedWithTheServerState() {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        fx.om.fault(PUT, Fault.dropBefore());
        ApplyResult before = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(PushException.Kind.UNREACHABLE, before.failure().orElseThrow().kind());
        assertEquals(ServerState.UNCHANGED, before.serverState(), En.text(before.failure().orElseThrow().text()));
        assertEquals(1, fx.om.count(PUT), "the JDK client must not resend the PUT");

        fx.om.fault(PUT, Fault.dropAfter());
        ApplyResult after = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(ServerState.APPLIED, after.serverState(), En.text(after.failure().orElseThrow().text()));
        assertEquals(ApplyResult.Outcome.APPLIED_NOT_VERIFIED, after.outcome());
    }

    @Test
    void aRefusedConnectionSaysSo() throws IOException {
        int closedPort;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closedPort = s.getLocalPort();
        }
        OpenMetadataClient client = new OpenMetadataClient(JdkHttpGateway.create(),
                ServerAddress.parse("http://127.0.0.1:" + closedPort), Secret.of(ADMIN_TOKEN),
                HttpExchange.Limits.DEFAULT);
        PushFailure f = plan(client, fx.confidentialBody()).failure().orElseThrow();
        assertEquals(PushException.Kind.UNREACHABLE, f.kind());
        assertTrue(En.text(f.text()).contains("refused") && En.text(f.text()).contains("nothing was changed"), En.text(f.text()));
    }

    @Test
    void aFailedVerificationIsReportedAsAppliedButNotVerified() {
        fx.om.fault("GET /api/v1/system/config/auth", Fault.status(503));
        OpenMetadataClient client = client(ADMIN_TOKEN);
        ApplyResult r = apply(client, plan(client, fx.confidentialBody()));
        assertEquals(ApplyResult.Outcome.APPLIED_NOT_VERIFIED, r.outcome());
        StepReport provider = r.verification().stream().filter(s -> s.step() == PushStep.VERIFY_PROVIDER)
                .findFirst().orElseThrow();
        assertEquals(StepReport.Status.FAILED, provider.status());
        assertTrue(En.text(provider.detail()).contains("503"), En.text(provider.detail()));
    }

    @Test
    void theTokenIsSentOnlyToOpenMetadataNeverInAMessage() {
        OpenMetadataClient client = client(ADMIN_TOKEN);
        apply(client, plan(client, fx.confidentialBody()));
        assertTrue(fx.om.authorizationHeaders().stream().allMatch(h -> h.equals("Bearer " + ADMIN_TOKEN)));
        assertNoCanary(lines(reported));
    }

    @Test
    void anUnwritableBackupFolderStopsThePushBeforeAnythingIsSent() throws IOException {
        Path notAFolder = Files.writeString(backups.resolve("file"), "x");
        PushService blocked = new PushService(new FileBackupStore(notAFolder.resolve("sub")), Clock.systemUTC());
        OpenMetadataClient client = client(ADMIN_TOKEN);
        Plan plan = blocked.plan(client, new DesiredConfiguration(fx.confidentialBody(), Secret.of(CLIENT_SECRET)),
                TaskContext.none(), reported::add);
        ApplyResult r = blocked.apply(client, plan, new LockoutGuard.Decision(true, dev.ssosetup.core.text.Text.of("push.guard.confirmed")), TaskContext.none(),
                reported::add);
        assertEquals(ApplyResult.Outcome.FAILED, r.outcome());
        assertEquals(PushStep.BACKUP, r.failure().orElseThrow().step());
        assertTrue(En.text(r.failure().orElseThrow().text()).contains("No backup, so nothing was sent"));
        assertEquals(ServerState.UNCHANGED, r.serverState());
        assertEquals(0, fx.om.count(PUT));
    }

    @Test
    void nothingSecretReachesStandardOutputOrErrorDuringAWholePush() {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(captured, true);
        System.setOut(capture);
        System.setErr(capture);
        try {
            OpenMetadataClient client = client(ADMIN_TOKEN);
            apply(client, plan(client, fx.confidentialBody()));
            fx.om.fault(PUT, Fault.status(500));
            apply(client, plan(client, fx.confidentialBody()));
            plan(client(BOT_TOKEN), fx.confidentialBody());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertNoCanary(captured.toString());
    }

    static void assertNoCanary(String text) {
        for (String canary : List.of(ADMIN_TOKEN, BOT_TOKEN, CLIENT_SECRET)) {
            assertFalse(text.contains(canary), () -> "secret " + canary + " leaked into: " + text);
        }
    }

    private static String lines(List<StepReport> steps) {
        return String.join("\n", steps.stream().map(s -> s.line(En.MESSAGES)).toList());
    }
}
