package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.config.NetworkntSchemaCheck;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.infra.push.FileBackupStore;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.OpenMetadataTestServer.Mode;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testsupport.En;
import dev.ssosetup.testserver.PushServers;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ssosetup.testserver.PushFixture.ADMIN_TOKEN;
import static dev.ssosetup.testserver.PushFixture.CLIENT_SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Push from the one model against the OpenMetadata test server in 1.10 mode and in 2.0 mode: the body applied is the
 * one for that version, a body for the wrong version is stopped before it is sent, and on 2.0 the server's own
 * verdict on the login test's ID token is in the plan, compared with ours, and used by the lock-out guard.
 */
class PushTwoModesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path backups;
    private final List<StepReport> reported = new ArrayList<>();
    private final DesiredFromModel fromModel = new DesiredFromModel(new ReadinessCheck(new NetworkntSchemaCheck()));
    private PushService service;

    @BeforeEach
    void reset() {
        fx.om.mode(Mode.V1_10);
        service = new PushService(new FileBackupStore(backups), Clock.systemUTC());
    }

    /** The sample profile pointed at the fixture's IdP and server, for {@code version}. */
    static SsoConfiguration model(PushFixture fx, OpenMetadataVersion version) {
        SsoConfiguration c = Samples.confidential();
        var p = c.provider().toBuilder().issuer(fx.issuer).discoveryUrl("").serverUrl(fx.om.baseUrl())
                .scopes(List.of("openid")).clientSecret(Secret.of(CLIENT_SECRET)).openMetadataVersion(version)
                .build();
        return new SsoConfiguration(p, c.authorizerOptions(), c.keys(), fx.issuer + "/jwks");
    }

    private OpenMetadataClient client() {
        return new OpenMetadataClient(JdkHttpGateway.create(), ServerAddress.parse(fx.om.baseUrl()),
                Secret.of(ADMIN_TOKEN), HttpExchange.Limits.DEFAULT);
    }

    private Plan plan(OpenMetadataVersion version, VerdictRequest login) {
        return service.plan(client(), fromModel.from(model(fx, version)), login, TaskContext.none(), reported::add);
    }

    private static OpenMetadataVersion versionOf(Mode mode) {
        return mode == Mode.V2_0 ? OpenMetadataVersion.V2_0 : OpenMetadataVersion.V1_10;
    }

    /** An ID token from the fixture's IdP, as a browser login would bring back. */
    private static Secret idToken(String username) {
        return Secret.of(fx.idp.issueToken("default", "u-" + username, "openmetadata",
                Map.of("email", username + "@example.com", "preferred_username", username), 3600).serialize());
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void eachModeGetsAndStoresTheBodyForItsVersion(Mode mode) {
        fx.om.mode(mode);
        Plan plan = plan(versionOf(mode), VerdictRequest.none());
        assertTrue(plan.readyToApply(), plan.steps() + " " + plan.validation() + " " + plan.findings());
        ApplyResult result = service.apply(client(), plan, LockoutGuard.check(plan.toSend(),
                new LockoutEvidence(true, true, "admin"), ""), TaskContext.none(), reported::add);
        assertEquals(ApplyResult.Outcome.APPLIED_AND_VERIFIED, result.outcome(), result.steps().toString());
        JsonNode auth = fx.om.stored().path("authenticationConfiguration");
        assertEquals("custom-oidc", auth.path("provider").asText());
        assertEquals(mode == Mode.V2_0, auth.has("sessionExpiry"), auth.toString());
        assertEquals(mode == Mode.V2_0, auth.has("maxActiveSessionsPerUser"), auth.toString());
        if (mode == Mode.V2_0) {
            assertEquals(604800, auth.path("sessionExpiry").intValue());
            assertEquals(5, auth.path("maxActiveSessionsPerUser").intValue());
        }
    }

    @Test
    void aTwoPointZeroBodyIsStoppedBeforeItReachesAOnePointTenServer() {
        Plan plan = plan(OpenMetadataVersion.V2_0, VerdictRequest.none());
        assertFalse(plan.readyToApply());
        String issues = plan.validation().orElseThrow().issues().toString();
        assertTrue(issues.contains("authenticationConfiguration.sessionExpiry"), issues);
        assertTrue(issues.contains("1.10"), issues);
        assertEquals(0, fx.om.count("POST " + OpenMetadataTestServer.VALIDATE), "checked before sending");
    }

    @Test
    void aOnePointTenBodyOnATwoPointZeroServerIsValidButWarnsThatTheSessionFieldsStayUnset() {
        fx.om.mode(Mode.V2_0);
        Plan plan = plan(OpenMetadataVersion.V1_10, VerdictRequest.none());
        assertTrue(plan.readyToApply(), plan.steps().toString());
        assertTrue(plan.findings().stream().anyMatch(f -> f.id().equals("session-fields-unset")));
    }

    @Test
    void onTwoPointZeroThePlanShowsTheServersVerdictAndTheGuardUsesIt() throws Exception {
        fx.om.mode(Mode.V2_0);
        Secret token = idToken("alice");
        Plan plan = plan(OpenMetadataVersion.V2_0, new VerdictRequest(token, new LockoutEvidence(true, true, "alice")));
        assertTrue(plan.readyToApply(), plan.steps() + " " + plan.findings());
        ServerVerdict v = plan.serverVerdict().orElseThrow();
        assertTrue(v.success());
        assertEquals("DOMAIN_CHECKED", v.stage());
        assertEquals("alice", v.resolvedPrincipal());
        assertEquals("alice@example.com", v.resolvedEmail());
        assertTrue(v.admin());
        assertEquals(token.reveal(), fx.om.validateTokenRequests().getLast(), "the login test's own token was sent");
        assertTrue(reported.stream().anyMatch(s -> s.step() == PushStep.SERVER_VERDICT
                && s.status() == StepReport.Status.OK && En.text(s.detail()).contains("alice")));
        LockoutGuard.Decision d = LockoutGuard.check(plan.toSend(), LockoutEvidence.none(), v, "");
        assertTrue(d.allowed(), En.text(d.reason()));
        assertTrue(En.text(d.reason()).contains("validate-token"), En.text(d.reason()));
        String json = JSON.writeValueAsString(PushReport.of(plan, null, "planned", En.MESSAGES));
        assertEquals("alice", JSON.readTree(json).path("serverVerdict").path("resolvedPrincipal").asText());
        assertFalse(json.contains(token.reveal()), "the ID token never appears in a report");
        assertFalse(plan.toString().contains(token.reveal()));
    }

    @Test
    void whenTheServerDisagreesWithTheLoginTestThePlanHasAnErrorThatExplainsBothSides() {
        fx.om.mode(Mode.V2_0);
        // our preview believed bob would be an admin; OpenMetadata resolves bob, who is not in adminPrincipals
        Plan plan = plan(OpenMetadataVersion.V2_0, new VerdictRequest(idToken("bob"),
                new LockoutEvidence(true, true, "bob")));
        assertFalse(plan.readyToApply());
        var f = plan.findings().stream().filter(x -> x.id().equals("server-verdict-disagrees")).findFirst()
                .orElseThrow();
        assertTrue(f.isError());
        assertTrue(En.text(f.message()).contains("login test says admin") && En.text(f.message()).contains("NOT an admin"),
                En.text(f.message()));
        LockoutGuard.Decision d = LockoutGuard.check(plan.toSend(), new LockoutEvidence(true, true, "bob"),
                plan.serverVerdict().orElseThrow(), "");
        assertFalse(d.allowed(), "the server's verdict wins over the login test's");
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedAtTheTokenStage() throws Exception {
        fx.om.mode(Mode.V2_0);
        Secret foreign = Secret.of(new com.nimbusds.jwt.SignedJWT(new com.nimbusds.jose.JWSHeader.Builder(
                com.nimbusds.jose.JWSAlgorithm.RS256).keyID("nope").build(), new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .subject("x").build()) {
            {
                sign(new com.nimbusds.jose.crypto.RSASSASigner(new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048)
                        .generate()));
            }
        }.serialize());
        Plan plan = plan(OpenMetadataVersion.V2_0, new VerdictRequest(foreign, new LockoutEvidence(true, true,
                "alice")));
        ServerVerdict v = plan.serverVerdict().orElseThrow();
        assertFalse(v.success());
        assertEquals("TOKEN_VALIDATED", v.stage());
        assertTrue(v.errors().getFirst().startsWith("Token validation failed"), v.errors().toString());
        assertFalse(plan.readyToApply());
    }

    @Test
    void theChecklistFlagsTheShippedKeyBeforeAndAfterAndVerifyComparesKeyIds() {
        fx.om.servedKeyId(PostPushChecklist.SHIPPED_KEY_ID);
        try {
            String kid = Samples.confidential().keys().keyId();
            VerdictRequest ctx = VerdictRequest.none().with(kid, "http://127.0.0.1:8000/callback");
            Plan plan = plan(OpenMetadataVersion.V1_10, ctx);
            assertEquals(List.of("default-jwt-key", "configured-key-served", "delete-basic-admin",
                    "remove-test-redirect", "private-window"), plan.checklist().stream().map(ChecklistItem::id).toList());
            ChecklistItem shipped = plan.checklist().getFirst();
            assertFalse(shipped.done());
            assertEquals(dev.ssosetup.core.common.Severity.ERROR, shipped.severity());
            assertTrue(En.text(shipped.text()).contains("Replace the keys"), En.text(shipped.text()));
            assertTrue(En.text(plan.checklist().get(3).text()).contains("http://127.0.0.1:8000/callback"));
            ApplyResult after = service.apply(client(), plan, LockoutGuard.check(plan.toSend(),
                    new LockoutEvidence(true, true, "admin"), ""), TaskContext.none(), reported::add);
            assertFalse(after.checklist().getFirst().done(), "still an error after the push");
            StepReport keyIds = after.steps().stream().filter(st -> st.step() == PushStep.VERIFY_KEY_IDS).findFirst()
                    .orElseThrow();
            assertEquals(StepReport.Status.WARNING, keyIds.status());
            assertTrue(En.text(keyIds.detail()).contains(PostPushChecklist.SHIPPED_KEY_ID), En.text(keyIds.detail()));

            // after the restart with the Keys step's key: both key items are done, verify says so by key id
            fx.om.servedKeyId(kid);
            fx.om.store(fx.om.basicConfiguration());
            Plan again = plan(OpenMetadataVersion.V1_10, ctx);
            ApplyResult done = service.apply(client(), again, LockoutGuard.check(again.toSend(),
                    new LockoutEvidence(true, true, "admin"), ""), TaskContext.none(), reported::add);
            assertTrue(done.checklist().get(0).done());
            assertTrue(done.checklist().get(1).done());
            assertTrue(done.steps().stream().anyMatch(st -> st.step() == PushStep.VERIFY_KEY_IDS
                    && st.status() == StepReport.Status.OK && En.text(st.detail()).contains(kid)));
        } finally {
            fx.om.servedKeyId("om-test-key");
        }
    }

    @Test
    void onOnePointTenThereIsNoVerdictAndTheNoteSaysWhy() throws Exception {
        Plan plan = plan(OpenMetadataVersion.V1_10, new VerdictRequest(idToken("alice"),
                new LockoutEvidence(true, true, "alice")));
        assertTrue(plan.readyToApply());
        assertTrue(plan.serverVerdict().isEmpty());
        assertTrue(En.text(plan.serverVerdictNote().orElseThrow()).contains("2.0"), plan.serverVerdictNote().toString());
        assertEquals(0, fx.om.count("POST " + OpenMetadataTestServer.VALIDATE_TOKEN));
        JsonNode json = PushReport.of(plan, null, "planned", En.MESSAGES);
        assertFalse(json.has("serverVerdict"));
        assertTrue(json.path("serverVerdictNote").asText().contains("2.0"));
    }
}
