package dev.ssosetup.infra.login;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.testing.CraftedProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.function.BiFunction;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token and response cases no real provider produces on demand, crafted and signed in the test. */
class CraftedProviderLoginTest {
    private CraftedProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = new CraftedProvider();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private ProviderSettings settings() {
        return Settings.publicClient(provider.issuer, "om-ui").admins("jane").build();
    }

    private LoginTestResult run(ProviderSettings settings) {
        TestBrowser browser = new TestBrowser();
        LoginTestResult r = MockProviderLoginTest.loginTest(browser).run(settings, MockProviderLoginTest.quick(),
                LoginEvents.none(), TaskContext.none());
        TestBrowser.Page page = browser.finalPage();
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains(r.passed() ? "Login test passed" : "Login test failed"), page.body());
        return r;
    }

    private LoginTestResult.Failed fails(FailureStage stage, String reasonPart) {
        LoginTestResult r = run(settings());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r, "must fail: " + reasonPart);
        assertEquals(stage, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains(reasonPart), En.text(f.reason()));
        return f;
    }

    private void token(BiFunction<String, String, String> t) {
        provider.idToken = t;
    }

    @Test
    void aProviderWithAPrivateCaPassesWithItsCaBundleAndFailsClearlyWithout() throws Exception {
        var ca = dev.ssosetup.testsupport.TestCertificates.newCa();
        try (CraftedProvider https = new CraftedProvider(ca.server("127.0.0.1"))) {
            ProviderSettings settings = Settings.publicClient(https.issuer, "om-ui").admins("jane").build();
            var trust = dev.ssosetup.infra.net.TlsTrust.withExtraCas(ca.caPem());

            LoginTestResult without = MockProviderLoginTest.loginTest(new TestBrowser(trust)).run(settings,
                    MockProviderLoginTest.quick(), LoginEvents.none(), TaskContext.none());
            LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, without);
            assertEquals(FailureStage.DISCOVERY, f.stage());
            // the Provider step's verdict on the same failure (DiscoveryChecks.transport): one wording for both
            assertEquals(dev.ssosetup.core.text.Text.of("finding.tls.hint"), f.hint());
            assertTrue(En.text(f.reason()).contains("TLS") && En.text(f.hint()).contains("CA bundle (PEM)"),
                    En.text(f.reason()) + " / " + En.text(f.hint()));

            TestBrowser browser = new TestBrowser(trust);
            LoginTestResult with = MockProviderLoginTest.loginTest(browser).run(settings,
                    MockProviderLoginTest.quick(), java.util.Optional.of(ca.caPem()), LoginEvents.none(),
                    TaskContext.none());
            assertTrue(with.passed(), () -> MockProviderLoginTest.describe(with));
            assertTrue(browser.finalPage().body().contains("Login test passed"));

            LoginTestResult notPem = MockProviderLoginTest.loginTest(new TestBrowser(trust)).run(settings,
                    MockProviderLoginTest.quick(), java.util.Optional.of("not a certificate".getBytes()),
                    LoginEvents.none(), TaskContext.none());
            LoginTestResult.Failed bad = assertInstanceOf(LoginTestResult.Failed.class, notPem);
            assertEquals(FailureStage.SETTINGS, bad.stage());
            assertTrue(En.text(bad.hint()).contains("PEM file of CA certificates"), En.text(bad.hint()));
        }
    }

    @Test
    void anIdTokenWhoseHeaderIsJsonNullFailsAtTheTokenStageWithAReason() {
        // found by LoginFuzzTest: Nimbus threw NullPointerException out of the token response parser
        token((nonce, at) -> com.nimbusds.jose.util.Base64URL.encode("null") + "."
                + com.nimbusds.jose.util.Base64URL.encode(provider.claims(nonce).build().toString()) + ".c2ln");
        LoginTestResult.Failed f = fails(FailureStage.TOKEN, "cannot be read");
        assertTrue(En.text(f.hint()).contains("damaged ID token"), En.text(f.hint()));
    }

    @Test
    void anIdTokenWhoseClaimsAreJsonNullEndsInAVerdictNotACrash() {
        token((nonce, at) -> {
            String header = new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.RS256).keyID(provider.key.getKeyID())
                    .build().toBase64URL().toString();
            return header + "." + com.nimbusds.jose.util.Base64URL.encode("null") + ".c2ln";
        });
        LoginTestResult r = run(settings());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertFalse(En.text(f.reason()).isBlank());
        assertFalse(En.text(f.reason()).contains("Exception") || En.text(f.hint()).contains("Exception"), En.text(f.reason()) + En.text(f.hint()));
    }

    @Test
    void anythingUnexpectedEndsInAVerdictThatSaysWhereNotACrash() {
        // a stand-in for a library surprise: the listener adapter fails in a way the port does not declare
        dev.ssosetup.core.login.LoginTest test = new dev.ssosetup.core.login.LoginTest(
                new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), (host, ports, path, state) -> {
                    throw new IllegalStateException("surprise");
                }, new TestBrowser(), java.time.Clock.systemUTC());
        LoginTestResult r = test.run(settings(), MockProviderLoginTest.quick(), LoginEvents.none(),
                TaskContext.none());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.LISTENER, f.stage());
        assertEquals("The login test stopped on something it did not expect, at the loopback listener stage.",
                En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("please report it"), En.text(f.hint()));
    }

    @Test
    void theAttemptsOneTimeoutAlsoBoundsTheTokenExchange() {
        provider.tokenDelay = java.time.Duration.ofSeconds(20); // longer than any request timeout of ours
        TestBrowser browser = new TestBrowser();
        long t0 = System.nanoTime();
        LoginTestResult r = MockProviderLoginTest.loginTest(browser).run(settings(),
                LoginOptions.defaults().withOpenBrowser(true).withTimeout(java.time.Duration.ofSeconds(3)),
                LoginEvents.none(), TaskContext.none());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.TOKEN, f.stage(), En.text(f.reason()));
        assertEquals("The login test's time limit (3 s) ran out during the token exchange.", En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("allow more time"), En.text(f.hint()));
        // 3 s for the attempt, plus at most 2 s for the result page to reach the browser
        assertTrue(ms < 5_500, "the attempt ended " + ms + " ms after it started, not after the 15 s request timeout");
        assertTrue(browser.finalPage().body().contains("Login test failed"), "the browser tab says so");
    }

    @Test
    void theCraftedProviderPassesWhenEverythingIsRightAndNoSecretOrCodeReachesTheReport() {
        LoginTestResult r = run(settings());
        assertTrue(r.passed(), () -> MockProviderLoginTest.describe(r));
        assertEquals("jane@acme.example", r.userInfo().get("email"));
        assertTrue(provider.lastTokenRequest.containsKey("code_verifier"), "PKCE verifier sent");
        assertEquals(r.attempt().redirectUri(), provider.lastTokenRequest.get("redirect_uri"),
                "the redirect URI sent is exactly the one used");
        assertNull(provider.lastTokenAuthorization, "a public client sends no credentials");
        assertFalse(provider.lastTokenRequest.containsKey("client_secret"));
        String report = LoginReport.render(r, En.MESSAGES);
        assertFalse(report.contains("code-1"), report);
        assertFalse(report.contains("at-"), report);
    }

    @Test
    void confidentialBasicSendsTheSecretOnlyInTheAuthorizationHeader() {
        ProviderSettings s = Settings.confidential(provider.issuer, "om-ui", "top-secret",
                ClientAuthMethod.CLIENT_SECRET_BASIC).admins("jane").build();
        assertTrue(run(s).passed());
        assertTrue(provider.lastTokenAuthorization.startsWith("Basic "));
        assertFalse(provider.lastTokenRequest.containsKey("client_secret"));
        ProviderSettings post = Settings.confidential(provider.issuer, "om-ui", "top-secret",
                ClientAuthMethod.CLIENT_SECRET_POST).admins("jane").build();
        assertTrue(run(post).passed());
        assertEquals("top-secret", provider.lastTokenRequest.get("client_secret"));
        assertNull(provider.lastTokenAuthorization);
    }

    @Test
    void badSignature() throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        token((nonce, at) -> CraftedProvider.sign(other, JWSAlgorithm.RS256, provider.claims(nonce).build()));
        LoginTestResult.Failed f = fails(FailureStage.ID_TOKEN, "signature does not verify");
        assertFalse(f.claims().isEmpty(), "unverified claims are shown for diagnosis");
        assertTrue(f.findings().stream().anyMatch(x -> x.id().equals("login-claims-unverified")));
    }

    @Test
    void unknownKid() throws JOSEException {
        RSAKey other = new RSAKeyGenerator(2048).keyID("rotated-away").generate();
        token((nonce, at) -> CraftedProvider.sign(other, JWSAlgorithm.RS256, provider.claims(nonce).build()));
        fails(FailureStage.ID_TOKEN, "\"rotated-away\", which is not in the provider's JWKS");
    }

    @Test
    void wrongIssuer() {
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims(nonce).issuer("https://evil.example").build()));
        fails(FailureStage.ID_TOKEN, "issuer (iss) is \"https://evil.example\"");
    }

    @Test
    void wrongAudience() {
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims(nonce).audience("someone-else").build()));
        LoginTestResult.Failed f = fails(FailureStage.ID_TOKEN, "audience someone-else");
        assertTrue(En.text(f.hint()).contains("client ID"));
    }

    @Test
    void expired() {
        long now = System.currentTimeMillis();
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256, provider.claims(nonce)
                .issueTime(new Date(now - 900_000)).expirationTime(new Date(now - 300_000)).build()));
        fails(FailureStage.ID_TOKEN, "expired");
    }

    @Test
    void expiredWithinTheSkewIsAccepted() {
        long now = System.currentTimeMillis();
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256, provider.claims(nonce)
                .issueTime(new Date(now - 900_000)).expirationTime(new Date(now - 20_000)).build()));
        assertTrue(run(settings()).passed(), "60 s of clock skew are tolerated");
    }

    @Test
    void wrongNonce() {
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims("replayed-nonce").build()));
        fails(FailureStage.ID_TOKEN, "nonce does not match");
    }

    @Test
    void algNoneIsRejected() {
        token((nonce, at) -> new PlainJWT(provider.claims(nonce).build()).serialize());
        fails(FailureStage.ID_TOKEN, "not signed (alg \"none\")");
    }

    @Test
    void hs256IsRejected() {
        token((nonce, at) -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                        provider.claims(nonce).build());
                jwt.sign(new MACSigner("0123456789abcdef0123456789abcdef".getBytes()));
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        });
        fails(FailureStage.ID_TOKEN, "HS256");
    }

    @Test
    void anAlgorithmOtherThanTheConfiguredOneIsNamed() {
        LoginTestResult r = run(Settings.publicClient(provider.issuer, "om-ui").alg("ES256").build());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertTrue(En.text(f.reason()).contains("signed with RS256, but the configured algorithm"), En.text(f.reason()));
    }

    @Test
    void aWrongAtHashIsRejected() {
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims(nonce).claim("at_hash", "AAAAAAAAAAAAAAAAAAAAAA").build()));
        fails(FailureStage.ID_TOKEN, "at_hash");
    }

    @Test
    void severalAudiencesNeedAzp() {
        token((nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims(nonce).audience(java.util.List.of("om-ui", "api")).build()));
        fails(FailureStage.ID_TOKEN, "azp");
    }

    @Test
    void providerErrorResponseGivesTheHint() {
        provider.authorizationError = "error=access_denied&error_description=User+not+assigned";
        LoginTestResult.Failed f = fails(FailureStage.AUTHORIZATION, "access_denied (User not assigned)");
        assertTrue(En.text(f.hint()).contains("Assign the user"), En.text(f.hint()));
        assertTrue(provider.lastTokenRequest.isEmpty(), "no code exchange after an error");
    }

    @Test
    void redirectUriMismatchNamesTheExactRedirectUri() {
        provider.authorizationError = "error=invalid_request&error_description=Invalid+redirect_uri";
        LoginTestResult.Failed f = fails(FailureStage.AUTHORIZATION, "invalid_request");
        assertTrue(En.text(f.hint()).contains(f.attempt().redirectUri()), En.text(f.hint()));
        assertTrue(En.text(f.hint()).contains("any port"), En.text(f.hint()));
    }

    @Test
    void tokenEndpointErrorsAreMapped() {
        provider.tokenErrorStatus = 401;
        provider.tokenErrorBody = "{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}";
        LoginTestResult.Failed f = fails(FailureStage.TOKEN, "invalid_client");
        assertTrue(En.text(f.hint()).contains("authentication method"), En.text(f.hint()));
        provider.tokenErrorStatus = 400;
        provider.tokenErrorBody = "{\"error\":\"invalid_grant\",\"error_description\":\"PKCE verification failed\"}";
        f = fails(FailureStage.TOKEN, "invalid_grant");
        assertTrue(En.text(f.hint()).contains("PKCE"), En.text(f.hint()));
        provider.tokenErrorBody = "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}";
        f = fails(FailureStage.TOKEN, "invalid_grant");
        assertTrue(En.text(f.hint()).contains(f.attempt().redirectUri()), En.text(f.hint()));
    }

    @Test
    void rfc9207IssuerInTheResponseMustMatchAndMustBeThereWhenAdvertised() {
        provider.responseIss = "https://other-idp.example";
        fails(FailureStage.AUTHORIZATION, "issuer \"https://other-idp.example\"");
        assertTrue(provider.lastTokenRequest.isEmpty(), "no code exchange after a mix-up");
        provider.responseIss = provider.issuer;
        assertTrue(run(settings()).passed());
        provider.responseIss = null;
        provider.advertiseIss = true;
        fails(FailureStage.AUTHORIZATION, "has none");
    }

    @Test
    void userinfoForSomeoneElseFails() {
        provider.userInfoSub = "user-2";
        fails(FailureStage.USERINFO, "differs from the ID token's");
    }

    @Test
    void timeoutNamesTheRedirectUriToRegister() {
        ProviderSettings s = settings();
        LoginTestResult r = MockProviderLoginTest.loginTest(new TestBrowser()).run(s,
                LoginOptions.defaults().withOpenBrowser(false).withTimeout(java.time.Duration.ofSeconds(1)),
                LoginEvents.none(), TaskContext.none());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.TIMEOUT, f.stage());
        assertTrue(En.text(f.hint()).contains(f.attempt().redirectUri()), En.text(f.hint()));
    }
}
