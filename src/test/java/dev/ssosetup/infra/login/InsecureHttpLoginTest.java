package dev.ssosetup.infra.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.login.InsecureHttp;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testing.CraftedProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Plain http to a provider that is not on this computer is refused before anything is sent to it (issue 15, item
 * 9). No packet leaves the machine: a refused host is never contacted (the check runs on the URL, before any request
 * or DNS lookup), and the allowed case reaches "idp.example.com" only through an HTTP proxy on 127.0.0.1 that is the
 * crafted provider itself (an HTTP proxy gets the name; the client resolves nothing).
 */
class InsecureHttpLoginTest {
    private static final String REMOTE = "idp.example.com";
    private CraftedProvider provider;
    private final List<URI> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        provider = new CraftedProvider();
    }

    @AfterEach
    void stop() {
        provider.close();
    }

    /** The real gateway, through the crafted provider as HTTP proxy, recording every request's URI. */
    private HttpGatewayFactory recording() {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", URI.create(provider.issuer).getPort())))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build();
        JdkHttpGateway real = new JdkHttpGateway(client);
        return ca -> request -> {
            sent.add(request.uri());
            return real.send(request);
        };
    }

    private LoginTestResult run(ProviderSettings settings, boolean allow, TestBrowser browser) {
        return new LoginTest(recording(), new JdkLoopbackReceiver(), browser, Clock.systemUTC()).run(settings,
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(20)).withAllowInsecureHttp(allow),
                LoginEvents.none(), TaskContext.none());
    }

    private ProviderSettings settings() {
        return Settings.confidential(provider.issuer, "om-ui", "s3cr3t", ClientAuthMethod.CLIENT_SECRET_POST)
                .admins("jane").build();
    }

    private String remote(String path) {
        return "http://" + REMOTE + ":" + URI.create(provider.issuer).getPort() + path;
    }

    private boolean touchedRemote() {
        return sent.stream().anyMatch(u -> !u.getHost().equals("127.0.0.1"));
    }

    @Test
    void aRemoteHttpIssuerIsRefusedBeforeAnyRequest() {
        TestBrowser browser = new TestBrowser();
        LoginTestResult r = run(Settings.confidential("http://" + REMOTE + "/realms/main", "om", "s3cr3t",
                ClientAuthMethod.CLIENT_SECRET_POST).build(), false, browser);
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.SETTINGS, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("plain http") && En.text(f.reason()).contains("http://" + REMOTE), En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("--allow-insecure-http"), En.text(f.hint()));
        assertTrue(f.findings().stream().anyMatch(x -> x.id().equals(InsecureHttp.REFUSED)), f.findings().toString());
        assertEquals(List.of(), sent, "no request at all");
        assertNull(browser.openedUrl(), "no browser");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token_endpoint", "jwks_uri", "userinfo_endpoint", "authorization_endpoint"})
    void aRemoteHttpEndpointInTheDiscoveryDocumentIsRefusedBeforeTheBrowserOpens(String field) {
        provider.endpointOverrides.put(field, remote("/crafted/" + field));
        TestBrowser browser = new TestBrowser();
        LoginTestResult r = run(settings(),
                false, browser);
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.DISCOVERY, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.reason()).contains("http://" + REMOTE), En.text(f.reason()));
        assertEquals(List.of(URI.create(provider.issuer + "/.well-known/openid-configuration")), sent,
                "only the loopback discovery document was read");
        assertNull(browser.openedUrl(), "the browser is not opened");
        assertTrue(provider.lastTokenRequest.isEmpty(), "no code, verifier or secret sent");
    }

    @Test
    void allowedByTheOperatorItRunsAndTheVerdictWarns() {
        for (String field : List.of("token_endpoint", "jwks_uri", "userinfo_endpoint")) {
            provider.endpointOverrides.put(field, remote("/crafted/" + field.replace("_endpoint", "")
                    .replace("jwks_uri", "jwks")));
        }
        LoginTestResult r = run(settings(),
                true, new TestBrowser());
        assertTrue(r.passed(), MockProviderLoginTest.describe(r));
        assertTrue(touchedRemote(), "the remote endpoints were used (through the loopback proxy): " + sent);
        Finding warning = r.findings().stream().filter(x -> x.id().equals(InsecureHttp.ALLOWED)).findFirst()
                .orElseThrow(() -> new AssertionError(r.findings().toString()));
        assertTrue(En.text(warning.message()).contains("token endpoint (http://" + REMOTE), En.text(warning.message()));
        assertTrue(En.text(warning.message()).contains("unencrypted"), En.text(warning.message()));
    }

    @Test
    void loopbackHttpIsAllowedWithoutAsking() {
        LoginTestResult r = run(Settings.publicClient(provider.issuer, "om-ui").admins("jane").build(), false,
                new TestBrowser());
        assertTrue(r.passed(), MockProviderLoginTest.describe(r));
        assertTrue(r.findings().stream().noneMatch(x -> x.id().startsWith(InsecureHttp.REFUSED)), r.findings()
                .toString());
        for (String loopback : List.of("http://127.0.0.1:1/x", "http://127.200.3.4/x", "http://localhost:8080/x",
                "http://LOCALHOST/x", "http://[::1]:9/x", "https://idp.example.com/x")) {
            assertTrue(!InsecureHttp.isInsecure(URI.create(loopback)), loopback);
        }
        for (String remote : List.of("http://idp.example.com/x", "http://127.0.0.1.nip.io/x",
                "http://localhost.example.com/x", "http://128.0.0.1/x", "http://[::2]/x", "http://10.0.0.1/x",
                "http://127.0.0.256/x", "http://2130706433/x")) {
            assertTrue(InsecureHttp.isInsecure(URI.create(remote)), remote);
        }
    }
}
