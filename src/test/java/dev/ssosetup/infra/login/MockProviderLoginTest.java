package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testing.MockProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole login test against an embedded mock-oauth2-server: a scripted browser follows the real redirects to the
 * real loopback listener, and the real HTTP gateway talks to the provider.
 */
class MockProviderLoginTest {
    private static MockProvider provider;
    private static MockOAuth2Server server;
    private static String base;

    @BeforeAll
    static void start() {
        provider = MockProvider.start();
        server = provider.server();
        base = provider.base();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static Settings publicClient(String issuerId, String clientId) {
        return Settings.publicClient(base + issuerId, clientId);
    }

    @Test
    void publicClientPassesWithEveryCheckAndAPreviewThatMakesTheUserAnAdmin() {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("acme", "user-123", "JWT", List.of("om-ui"),
                Map.of("email", "Jane.Doe@acme.example", "preferred_username", "jdoe", "name", "Jane Doe"), 3600));
        ProviderSettings settings = publicClient("acme", "om-ui").admins("jane.doe").build();
        TestBrowser browser = new TestBrowser();
        AtomicReference<URI> shownUrl = new AtomicReference<>();
        LoginTestResult result = loginTest(browser).run(settings, LoginOptions.defaults(), new LoginEvents() {
            @Override
            public void waitingForBrowser(URI authorizationUrl, URI redirectUri) {
                shownUrl.set(authorizationUrl);
            }
        }, TaskContext.none());

        LoginTestResult.Passed passed = assertInstanceOf(LoginTestResult.Passed.class, result, () -> describe(result));
        assertEquals(browser.openedUrl(), shownUrl.get(), "the URL shown is the URL opened");
        String query = shownUrl.get().getRawQuery();
        assertTrue(query.contains("code_challenge_method=S256"), query);
        assertTrue(query.contains("nonce="), query);
        assertTrue(passed.attempt().redirectUri().matches("http://127\\.0\\.0\\.1:\\d+/callback"),
                passed.attempt().redirectUri());
        assertEquals("user-123", passed.claims().get("sub"));
        assertEquals(base + "acme", passed.claims().get("iss"));
        OpenMetadataPreview preview = passed.preview();
        assertEquals("email", preview.principalClaim());
        assertEquals("jane.doe", preview.userName());
        assertEquals("jane.doe@acme.example", preview.email());
        assertTrue(preview.admin(), "admin principals compare as OpenMetadata user names");
        assertTrue(preview.warnings().isEmpty(), preview.warnings()::toString);
        assertEquals("user-123", passed.userInfo().get("sub"), "userinfo was fetched");

        TestBrowser.Page page = browser.finalPage();
        assertEquals(200, page.status());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(page.body().contains("Login test passed"), page.body());
    }

    @Test
    void confidentialClientWithBasicAndWithPostAuthentication() {
        for (ClientAuthMethod method : List.of(ClientAuthMethod.CLIENT_SECRET_BASIC,
                ClientAuthMethod.CLIENT_SECRET_POST)) {
            server.enqueueCallback(new DefaultOAuth2TokenCallback("corp", "svc-7", "JWT", List.of("om-server"),
                    Map.of("preferred_username", "admin"), 3600));
            ProviderSettings settings = Settings.confidential(base + "corp", "om-server", "s3cr3t-value", method)
                    .admins("admin").build();
            TestBrowser browser = new TestBrowser();
            LoginTestResult result = loginTest(browser).run(settings, LoginOptions.defaults(), LoginEvents.none(),
                    TaskContext.none());
            LoginTestResult.Passed passed = assertInstanceOf(LoginTestResult.Passed.class, result,
                    () -> method + ": " + describe(result));
            assertEquals("preferred_username", passed.preview().principalClaim(), "email absent: next claim");
            assertTrue(passed.preview().admin());
            String report = LoginReport.render(passed, En.MESSAGES);
            assertFalse(report.contains("s3cr3t-value"), "the report never holds the secret");
            assertTrue(report.contains("secret set"), report);
        }
    }

    @Test
    void aUserWhoIsNotAnAdminGetsTheLockOutWarning() {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("acme", "u-9", "JWT", List.of("om-ui"),
                Map.of("email", "bob@other.example"), 3600));
        ProviderSettings settings = publicClient("acme", "om-ui").admins("alice").build();
        LoginTestResult result = loginTest(new TestBrowser()).run(settings, LoginOptions.defaults(),
                LoginEvents.none(), TaskContext.none());
        LoginTestResult.Passed passed = assertInstanceOf(LoginTestResult.Passed.class, result, () -> describe(result));
        assertFalse(passed.preview().admin());
        assertTrue(passed.findings().stream().anyMatch(f -> f.id().equals("login-not-admin")
                && En.text(f.message()).contains("lock you out")), passed.findings()::toString);
    }

    @Test
    void aWrongIssuerInTheSettingsStopsBeforeTheBrowserOpens() {
        ProviderSettings settings = publicClient("acme", "om-ui").issuer(base + "acme-typo")
                .discoveryUrl(base + "acme/.well-known/openid-configuration").build();
        TestBrowser browser = new TestBrowser();
        LoginTestResult result = loginTest(browser).run(settings, LoginOptions.defaults(), LoginEvents.none(),
                TaskContext.none());
        LoginTestResult.Failed failed = assertInstanceOf(LoginTestResult.Failed.class, result);
        assertTrue(En.text(failed.hint()).contains(base + "acme"), En.text(failed.hint()));
        assertEquals(null, browser.openedUrl(), "no browser for a doomed attempt");
    }

    static LoginTest loginTest(TestBrowser browser) {
        return new LoginTest(new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), new JdkLoopbackReceiver(), browser, Clock.systemUTC());
    }

    static String describe(LoginTestResult r) {
        return r instanceof LoginTestResult.Failed f ? f.stage() + ": " + En.text(f.reason()) + " / " + En.text(f.hint()) : "passed";
    }

    static LoginOptions quick() {
        return LoginOptions.defaults().withTimeout(Duration.ofSeconds(20));
    }
}
