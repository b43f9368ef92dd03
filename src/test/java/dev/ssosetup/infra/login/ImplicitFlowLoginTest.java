package dev.ssosetup.infra.login;

import com.nimbusds.jose.JWSAlgorithm;
import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.testing.CraftedProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The implicit flow OpenMetadata's browser app uses for a public client ({@code responseType: id_token}), against a
 * provider of our own over real sockets: the ID token by fragment (relayed by the listener's page) and by
 * {@code form_post}, and the ways it goes wrong (wrong nonce, wrong state, no token, an error in the fragment, a
 * client registered for the code flow only).
 */
class ImplicitFlowLoginTest {
    private CraftedProvider provider;

    @BeforeEach
    void start() throws Exception {
        provider = new CraftedProvider();
        provider.responseTypes = "[\"code\",\"id_token\"]";
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    private ProviderSettings implicit() {
        return Settings.publicClient(provider.issuer, "om-ui").implicit().admins("jane").build();
    }

    private record Run(LoginTestResult result, TestBrowser.Page page, URI authorizationUrl) {
    }

    private Run run(ProviderSettings settings, LoginOptions options) {
        TestBrowser browser = new TestBrowser();
        AtomicReference<URI> shown = new AtomicReference<>();
        LoginTestResult r = MockProviderLoginTest.loginTest(browser).run(settings, options, new LoginEvents() {
            @Override
            public void waitingForBrowser(URI authorizationUrl, URI redirectUri) {
                shown.set(authorizationUrl);
            }
        }, TaskContext.none());
        return new Run(r, browser.finalPage(), shown.get());
    }

    private Run run(ProviderSettings settings) {
        return run(settings, MockProviderLoginTest.quick());
    }

    @Test
    void aPublicImplicitClientPassesWithTheIdTokenFromTheFragmentAndNoTokenEndpointCall() {
        assertEquals(ResponseType.ID_TOKEN, ProviderSettings.defaults().responseType(), "OpenMetadata's default");
        Run run = run(implicit());

        LoginTestResult.Passed passed = assertInstanceOf(LoginTestResult.Passed.class, run.result(),
                () -> MockProviderLoginTest.describe(run.result()));
        Map<String, String> asked = provider.lastAuthorization;
        assertEquals("id_token", asked.get("response_type"));
        assertFalse(asked.getOrDefault("nonce", "").isBlank(), "a nonce is required for the implicit flow");
        assertFalse(asked.getOrDefault("state", "").isBlank());
        assertNull(asked.get("code_challenge"), "no PKCE without a code");
        assertNull(asked.get("response_mode"), "the provider does not offer form_post: the fragment is used");
        assertTrue(provider.lastTokenRequest.isEmpty(), "no token endpoint call in the implicit flow");
        assertTrue(passed.userInfo().isEmpty(), "no userinfo without an access token");
        assertEquals("user-1", passed.claims().get("sub"));
        assertEquals(ResponseType.ID_TOKEN, passed.attempt().settings().effectiveResponseType());
        assertEquals(200, run.page().status());
        assertTrue(run.page().body().contains("Login test passed"), run.page().body());
    }

    @Test
    void withFormPostAdvertisedTheTokenComesAsAPostToTheListener() {
        provider.formPost = true;
        Run run = run(implicit());
        assertTrue(run.result().passed(), () -> MockProviderLoginTest.describe(run.result()));
        assertEquals("form_post", provider.lastAuthorization.get("response_mode"));
        assertTrue(run.authorizationUrl().getRawQuery().contains("response_mode=form_post"));
        assertTrue(run.page().body().contains("Login test passed"), run.page().body());
    }

    @Test
    void aTokenWithAnotherNonceFails() {
        provider.idToken = (nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims("replayed-" + nonce).build());
        Run run = run(implicit());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run.result());
        assertEquals(FailureStage.ID_TOKEN, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("nonce"), En.text(f.reason()));
        assertTrue(run.page().body().contains("Login test failed"), run.page().body());
    }

    @Test
    void aTokenWithoutNonceFails() {
        provider.idToken = (nonce, at) -> CraftedProvider.sign(provider.key, JWSAlgorithm.RS256,
                provider.claims(nonce).claim("nonce", null).build());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run(implicit()).result());
        assertEquals(FailureStage.ID_TOKEN, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("nonce"), En.text(f.reason()));
    }

    @Test
    void aResponseWithAnotherStateIsRefusedByTheListenerAndNeverAccepted() {
        provider.implicitAnswer = q -> "id_token=" + enc(provider.idToken.apply(q.get("nonce"), null))
                + "&state=someone-elses";
        Run run = run(implicit(), LoginOptions.defaults().withTimeout(Duration.ofSeconds(3)));
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run.result());
        assertEquals(FailureStage.TIMEOUT, f.stage(), En.text(f.reason()));
        assertEquals(1, f.attempt().rejectedCallbacks());
        assertEquals(400, run.page().status());
        assertTrue(run.page().body().contains("does not belong"), run.page().body());
    }

    @Test
    void aResponseWithoutAnIdTokenFailsWithAHintToEnableTheImplicitFlow() {
        provider.implicitAnswer = q -> "state=" + enc(q.get("state"));
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run(implicit()).result());
        assertEquals(FailureStage.AUTHORIZATION, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("no ID token"), En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("implicit flow"), En.text(f.hint()));
    }

    @Test
    void anErrorInTheFragmentIsReportedWithTheProvidersWords() {
        provider.implicitAnswer = q -> "error=access_denied&error_description=" + enc("User is not assigned")
                + "&state=" + enc(q.get("state"));
        Run run = run(implicit());
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run.result());
        assertEquals(FailureStage.AUTHORIZATION, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("access_denied") && En.text(f.reason()).contains("User is not assigned"), En.text(f.reason()));
        assertTrue(run.page().body().contains("Login test failed"), run.page().body());
    }

    @Test
    void aRedirectErrorNamesTheLoopbackUriAndOpenMetadatasOwnCallback() {
        provider.implicitAnswer = q -> "error=invalid_request&error_description=" + enc("Invalid redirect_uri")
                + "&state=" + enc(q.get("state"));
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run(implicit()).result());
        assertTrue(En.text(f.hint()).contains(f.attempt().redirectUri()), En.text(f.hint()));
        assertTrue(En.text(f.hint()).contains("https://om.example.com/callback"), En.text(f.hint()));
    }

    @Test
    void aClientRegisteredForTheCodeFlowOnlyPassesWithCodeAndFailsClearlyWithIdToken() {
        provider.responseTypes = "[\"code\"]";
        LoginTestResult code = run(Settings.publicClient(provider.issuer, "om-ui").admins("jane").build()).result();
        assertTrue(code.passed(), () -> MockProviderLoginTest.describe(code));

        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, run(implicit()).result());
        assertEquals(FailureStage.AUTHORIZATION, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("unsupported_response_type"), En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("implicit flow") && En.text(f.hint()).contains("Authorization code with PKCE"),
                En.text(f.hint()));
    }

    @Test
    void theRelayPageIsAConstantWithAStrictPolicyThatAllowsOnlyItsOwnScript() throws Exception {
        try (var l = new JdkLoopbackReceiver().open(dev.ssosetup.core.login.RedirectHost.IPV4, List.of(),
                "/callback", "s-1")) {
            HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(l.redirectUri())
                            .header("User-Agent", "<script>alert('ua')</script>").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            String body = page.body();
            int start = body.indexOf("<script>") + "<script>".length();
            String script = body.substring(start, body.indexOf("</script>", start));
            assertEquals(1, body.split("<script", -1).length - 1, "one script only");
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
            assertTrue(csp.contains("script-src 'sha256-" + hash + "'"), csp);
            assertTrue(csp.startsWith("default-src 'none'"), csp);
            assertTrue(csp.contains("form-action 'self'"), csp);
            assertFalse(csp.contains("unsafe-eval") || csp.contains("script-src 'unsafe-inline'"), csp);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            assertFalse(body.contains("alert('ua')") || body.contains(l.redirectUri().getPort() + ""),
                    "nothing from the request is in the page");
            assertFalse(body.matches("(?s).*(src|href)=.*"), "no external resources");
            HttpResponse<String> again = client.send(HttpRequest.newBuilder(l.redirectUri()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(body, again.body(), "the page is a constant");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
