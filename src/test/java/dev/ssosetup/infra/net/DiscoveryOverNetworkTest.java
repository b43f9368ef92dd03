package dev.ssosetup.infra.net;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.CraftedProvider;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.provider.MockIdp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The discovery check end to end over real sockets on 127.0.0.1: the JDK gateway against mock-oauth2-server and a
 * crafted provider. Every finding id has a case that triggers it; the valid crafted provider triggers none of them.
 */
class DiscoveryOverNetworkTest {
    private static final HttpExchange.Limits FAST =
            new HttpExchange.Limits(Duration.ofMillis(500), Duration.ofMillis(1200), 1024 * 1024);
    private final CraftedProvider idp = new CraftedProvider();
    private final JdkHttpGateway gateway = JdkHttpGateway.create();

    @AfterEach
    void stop() {
        idp.close();
    }

    private DiscoveryReport check(DiscoveryRequest request) {
        return new DiscoveryService(gateway, FAST, Clock.systemUTC()).check(request, TaskContext.none());
    }

    private DiscoveryReport check() {
        return check(DiscoveryRequest.forIssuer(idp.issuer()));
    }

    private static Set<String> ids(DiscoveryReport r, Severity severity) {
        return r.findings().stream().filter(f -> f.severity() == severity).map(Finding::id)
                .collect(Collectors.toSet());
    }

    private static Finding only(DiscoveryReport r, String id) {
        List<Finding> found = r.findings().stream().filter(f -> f.id().equals(id)).toList();
        assertEquals(1, found.size(), "expected one " + id + " in " + r.findings());
        return found.getFirst();
    }

    @Test
    void mockOauth2ServerIsAValidProvider() throws Exception {
        try (MockIdp server = new MockIdp()) {
            String issuer = server.issuer();
            DiscoveryReport r = check(DiscoveryRequest.forIssuer(issuer));
            assertFalse(r.hasErrors(), () -> "errors: " + r.findings());
            assertEquals(issuer, r.metadata().get("issuer"));
            assertEquals(Optional.of(issuer + "/jwks"), r.jwksUri());
            assertTrue(r.tokenEndpoint().isPresent());
            assertEquals(Set.of("insecure-endpoint"), ids(r, Severity.WARNING).stream()
                    .filter(id -> id.equals("insecure-endpoint")).collect(Collectors.toSet()),
                    "plain http on loopback is only a warning");
        }
    }

    @Test
    void theValidCraftedProviderHasNoFindingExceptLoopbackHttp() {
        DiscoveryReport r = check(DiscoveryRequest.forIssuer(idp.issuer()));
        assertEquals(List.of("insecure-endpoint"), r.findings().stream().map(Finding::id).toList(), r::toString);
        assertEquals(Severity.WARNING, r.findings().getFirst().severity());
        assertFalse(r.hasErrors());
        assertEquals("issuer", r.metadata().keySet().iterator().next(), "metadata keeps the document's order");
        assertThrows(UnsupportedOperationException.class, () -> r.metadata().put("x", "y"));
    }

    @Test
    void issuerMismatch() {
        idp.doc.put("issuer", "https://other.example.com");
        Finding f = only(check(), "issuer-mismatch");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(En.text(f.message()).contains("https://other.example.com"), En.text(f.message()));
    }

    @Test
    void issuerMismatchByATrailingSlashSaysSo() {
        idp.doc.put("issuer", idp.issuer() + "/");
        Finding f = only(check(), "issuer-mismatch");
        assertTrue(En.text(f.message()).contains("trailing slash"), En.text(f.message()));
        assertTrue(En.text(f.hint()).contains(idp.issuer() + "/"), En.text(f.hint()));
    }

    /**
     * Issue 13: the login test reads the discovery document through the Provider step's checks, so a trailing slash
     * on the issuer gets one verdict in both (it was a warning in one and an error in the other).
     */
    @Test
    void theLoginTestGivesTheProviderStepsVerdictOnAnIssuerWithATrailingSlash() {
        idp.doc.put("issuer", idp.issuer() + "/");
        Finding providerStep = only(check(), "issuer-mismatch");
        assertEquals(Severity.ERROR, providerStep.severity());

        ProviderSettings settings = ProviderSettings.builder().issuer(idp.issuer()).clientId("om")
                .scopes(List.of("openid", "email")).build();
        dev.ssosetup.core.login.LoginTest loginTest = new dev.ssosetup.core.login.LoginTest(
                new JdkHttpGatewayFactory(), new dev.ssosetup.infra.login.JdkLoopbackReceiver(),
                url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("test"), Clock.systemUTC());
        var result = loginTest.run(settings, dev.ssosetup.core.login.LoginOptions.defaults().withOpenBrowser(false)
                        .withTimeout(Duration.ofSeconds(10)), Optional.empty(),
                dev.ssosetup.core.login.LoginEvents.none(), TaskContext.none());
        var failed = assertInstanceOf(dev.ssosetup.core.login.LoginTestResult.Failed.class, result);
        assertEquals(dev.ssosetup.core.login.FailureStage.DISCOVERY, failed.stage());
        assertEquals(providerStep.message(), failed.reason(), "the same key and arguments as the Provider step");
        assertEquals(providerStep.hint(), failed.hint());
    }

    @Test
    void missingMetadataNamesTheMember() {
        idp.doc.remove("subject_types_supported");
        idp.doc.remove("token_endpoint");
        Finding f = only(check(), "missing-metadata");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(En.text(f.message()).contains("token_endpoint") && En.text(f.message()).contains("subject_types_supported"),
                En.text(f.message()));
    }

    @Test
    void insecureEndpointIsAnErrorOffLoopback() {
        idp.doc.put("token_endpoint", "http://idp.example.com/token");
        DiscoveryReport r = check();
        Finding error = r.findings().stream().filter(f -> f.id().equals("insecure-endpoint") && f.isError())
                .findFirst().orElseThrow();
        assertTrue(En.text(error.message()).contains("token_endpoint"), En.text(error.message()));
        assertFalse(En.text(error.message()).contains("authorization_endpoint"), "loopback endpoints are only warned about");
    }

    private DiscoveryReport checkFlow(ResponseType flow) {
        return check(new DiscoveryRequest(idp.issuer(), "", ProviderSettings.DEFAULT_SCOPES, "RS256",
                ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS, Optional.empty(), "", flow));
    }

    @Test
    void noCodeFlow() {
        idp.doc.put("response_types_supported", List.of("id_token", "token id_token"));
        assertEquals(Severity.ERROR, only(checkFlow(ResponseType.CODE), "no-code-flow").severity());
        assertTrue(checkFlow(ResponseType.ID_TOKEN).findings().stream().noneMatch(Finding::isError),
                "an implicit client does not need the code flow");
    }

    @Test
    void noImplicitFlowIsAnErrorOnlyForAnImplicitClient() {
        idp.doc.put("response_types_supported", List.of("code"));
        Finding f = only(checkFlow(ResponseType.ID_TOKEN), "no-implicit-flow");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(En.text(f.hint()).contains("Authorization code with PKCE"), En.text(f.hint()));
        assertTrue(checkFlow(ResponseType.CODE).findings().stream().noneMatch(Finding::isError));
        idp.doc.put("response_types_supported", List.of("code", "id_token"));
        idp.doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        assertEquals(Severity.ERROR, only(checkFlow(ResponseType.ID_TOKEN), "no-implicit-grant").severity());
        idp.doc.put("grant_types_supported", List.of("authorization_code", "implicit"));
        assertTrue(checkFlow(ResponseType.ID_TOKEN).findings().stream().noneMatch(Finding::isError));
    }

    @Test
    void formPostSupportIsNotedForAnImplicitClient() {
        idp.doc.put("response_types_supported", List.of("code", "id_token"));
        idp.doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        assertEquals(Severity.INFO, only(checkFlow(ResponseType.ID_TOKEN), "form-post").severity());
        assertTrue(checkFlow(ResponseType.CODE).findings().stream().noneMatch(x -> x.id().equals("form-post")));
    }

    @Test
    void pkceNotAdvertisedIsAWarningAndPlainOnlyAnError() {
        idp.doc.remove("code_challenge_methods_supported");
        assertEquals(Severity.WARNING, only(checkFlow(ResponseType.CODE), "pkce-s256").severity());
        idp.doc.put("code_challenge_methods_supported", List.of("plain"));
        assertEquals(Severity.ERROR, only(checkFlow(ResponseType.CODE), "pkce-s256").severity());
    }

    @Test
    void scopeUnsupported() {
        idp.doc.put("scopes_supported", List.of("openid", "profile"));
        Finding f = only(check(), "scope-unsupported");
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(En.text(f.message()).contains("email"), En.text(f.message()));
        idp.doc.remove("scopes_supported");
        assertFalse(check().has("scope-unsupported"), "no scopes_supported: nothing to compare");
    }

    @Test
    void algUnsupported() {
        idp.doc.put("id_token_signing_alg_values_supported", List.of("ES256"));
        Finding f = only(check(), "alg-unsupported");
        assertTrue(En.text(f.hint()).contains("ES256"), En.text(f.hint()));
    }

    @Test
    void authMethodUnsupportedOnlyForAConfidentialClientsMethod() {
        DiscoveryRequest confidential = new DiscoveryRequest(idp.issuer(), "", List.of("openid"), "RS256",
                List.of("sub"), Optional.of(ClientAuthMethod.CLIENT_SECRET_POST), "");
        assertFalse(check(confidential).has("auth-method-unsupported"));
        idp.doc.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
        assertEquals(Severity.WARNING, only(check(confidential), "auth-method-unsupported").severity());
        assertFalse(check().has("auth-method-unsupported"), "a public client has no secret to send");
    }

    @Test
    void claimUnsupported() {
        idp.doc.put("claims_supported", List.of("sub", "email"));
        Finding f = only(check(), "claim-unsupported");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(En.text(f.message()).contains("preferred_username"), En.text(f.message()));
    }

    @Test
    void jwksUnreachable() {
        idp.jwksStatus = 500;
        assertEquals(Severity.ERROR, only(check(), "jwks-unreachable").severity());
        idp.jwksStatus = 200;
        idp.doc.put("jwks_uri", "http://127.0.0.1:" + closedPort() + "/jwks");
        DiscoveryReport r = check();
        assertTrue(r.has("jwks-unreachable"), r.findings()::toString);
    }

    @Test
    void jwksInvalidForEachBadShape() throws Exception {
        for (String body : List.of("<html>nope</html>", "{\"nokeys\":[]}", "{\"keys\":[]}",
                "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"x\"}]}")) {
            idp.jwks = body;
            assertTrue(check().has("jwks-invalid"), body);
        }
        idp.jwks = new JWKSet(CraftedProvider.privateKey()).toString(false);
        assertTrue(En.text(only(check(), "jwks-invalid").message()).contains("PRIVATE"));
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).keyID("hmac").generate();
        idp.jwks = "{\"keys\":[" + CraftedProvider.privateKey().toPublicJWK().toJSONString() + ","
                + oct.toJSONString() + "]}";
        DiscoveryReport r = check();
        assertTrue(En.text(only(r, "jwks-invalid").message()).contains("symmetric"));
        assertFalse(r.has("jwks-no-signing-key"), "the RSA key still verifies RS256");
    }

    @Test
    void jwksNoSigningKey() {
        DiscoveryRequest es256 = new DiscoveryRequest(idp.issuer(), "", List.of("openid"), "ES256", List.of(),
                Optional.empty(), "");
        Finding f = only(check(es256), "jwks-no-signing-key");
        assertTrue(En.text(f.message()).contains("ES256"), En.text(f.message()));
    }

    @Test
    void clockSkewAgainstALocalClockFiveMinutesAhead() {
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5));
        DiscoveryReport r = new DiscoveryService(gateway, FAST, ahead)
                .check(DiscoveryRequest.forIssuer(idp.issuer()), TaskContext.none());
        Finding f = only(r, "clock-skew");
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(En.text(f.message()).contains("behind"), En.text(f.message()));
        assertFalse(check().has("clock-skew"));
    }

    @Test
    void placeholderStopsBeforeAnyRequest() {
        DiscoveryReport r = check(DiscoveryRequest.forIssuer("https://DOMAIN/oauth2/default"));
        assertTrue(En.text(only(r, "placeholder").message()).contains("DOMAIN"));
        r = check(DiscoveryRequest.forIssuer("https://login.microsoftonline.com/{tenant}/v2.0"));
        assertTrue(En.text(only(r, "placeholder").message()).contains("{tenant}"));
        assertEquals(1, r.findings().size(), "nothing fetched");
        assertFalse(check().has("placeholder"));
    }

    @Test
    void callbackInsecure() {
        DiscoveryRequest http = new DiscoveryRequest(idp.issuer(), "", List.of("openid"), "RS256", List.of(),
                Optional.empty(), "http://openmetadata.example.com/callback");
        assertEquals(Severity.WARNING, only(check(http), "callback-insecure").severity());
        for (String ok : List.of("https://openmetadata.example.com/callback", "http://localhost:8585/callback")) {
            DiscoveryRequest req = new DiscoveryRequest(idp.issuer(), "", List.of("openid"), "RS256", List.of(),
                    Optional.empty(), ok);
            assertFalse(check(req).has("callback-insecure"), ok);
        }
    }

    @Test
    void unreachableNamesHostAndCause() {
        DiscoveryReport r = check(DiscoveryRequest.forIssuer("http://127.0.0.1:" + closedPort()));
        Finding f = only(r, "unreachable");
        assertTrue(En.text(f.message()).contains("127.0.0.1") && En.text(f.message()).contains("refused"), En.text(f.message()));
    }

    @Test
    void aNotFoundDocumentIsUnreachableWithThePath() {
        idp.discoveryStatus = 404;
        Finding f = only(check(), "unreachable");
        assertTrue(En.text(f.message()).contains("404"), En.text(f.message()));
    }

    @Test
    void aRedirectIsReportedNotFollowed() {
        idp.redirectTo = "https://elsewhere.example.com/.well-known/openid-configuration";
        Finding f = only(check(), "unreachable");
        assertTrue(En.text(f.message()).contains("redirects (302)") && En.text(f.message()).contains("elsewhere.example.com"),
                En.text(f.message()));
        assertEquals(List.of("/.well-known/openid-configuration"), idp.requests, "nothing else fetched");
    }

    @Test
    void notJson() {
        idp.rawDiscovery = "<html><body>Sign in</body></html>".getBytes();
        idp.rawContentType = "text/html";
        Finding f = only(check(), "not-json");
        assertTrue(En.text(f.message()).contains("text/html"), En.text(f.message()));
        assertTrue(check(DiscoveryRequest.forIssuer(idp.issuer())).metadata().isEmpty());
    }

    @Test
    void aFiveMebibyteAnswerIsTooLarge() {
        idp.rawDiscovery = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(idp.rawDiscovery, (byte) ' ');
        DiscoveryReport r = new DiscoveryService(gateway).check(DiscoveryRequest.forIssuer(idp.issuer()),
                TaskContext.none());
        assertTrue(En.text(only(r, "too-large").message()).contains("127.0.0.1"));
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheLimit() throws IOException {
        try (ServerSocket silent = new ServerSocket()) {
            silent.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
            Instant start = Instant.now();
            DiscoveryReport r = check(DiscoveryRequest.forIssuer("http://127.0.0.1:" + silent.getLocalPort()));
            Duration took = Duration.between(start, Instant.now());
            assertEquals(Severity.ERROR, only(r, "timeout").severity());
            assertTrue(took.compareTo(Duration.ofSeconds(4)) < 0, "took " + took);
        }
    }

    @Test
    void defaultLimitsAreFiveSecondsFifteenSecondsAndOneMebibyte() {
        HttpExchange.Limits limits = new DiscoveryService(gateway).limits();
        assertEquals(Duration.ofSeconds(5), limits.connectTimeout());
        assertEquals(Duration.ofSeconds(15), limits.requestTimeout());
        assertEquals(1024 * 1024, limits.maxBodyBytes());
    }

    @Test
    void anUntrustedCertificateIsTlsAndTheCaBundleFixesIt() throws Exception {
        try (SelfSignedHttps https = new SelfSignedHttps("{\"issuer\":\"{BASE}\"}")) {
            Finding f = only(check(DiscoveryRequest.forIssuer(https.base())), "tls");
            assertTrue(En.text(f.message()).contains("127.0.0.1") && En.text(f.message()).contains("not trusted"), En.text(f.message()));
            var trusting = new JdkHttpGatewayFactory().create(Optional.of(https.caPem()));
            DiscoveryReport r = new DiscoveryService(trusting, FAST, Clock.systemUTC())
                    .check(DiscoveryRequest.forIssuer(https.base()), TaskContext.none());
            assertFalse(r.has("tls"), r.findings()::toString);
            assertEquals(https.base(), r.metadata().get("issuer"), "fetched over verified TLS with the extra CA");
            assertTrue(r.has("missing-metadata"));
        }
    }

    @Test
    void cancelBeforeStartEndsWithoutAReport() {
        TaskContext cancelled = new TaskContext() {
            @Override
            public void progress(double fraction, dev.ssosetup.core.text.Text step) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> new DiscoveryService(gateway, FAST, Clock.systemUTC())
                .check(DiscoveryRequest.forIssuer(idp.issuer()), cancelled));
        assertTrue(idp.requests.isEmpty(), "nothing fetched after cancel");
    }

    private static int closedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
