package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login test against a real Keycloak (the distribution the {@code keycloak} Maven profile unpacks into target/),
 * started on 127.0.0.1 with a realm holding a public PKCE client and a confidential one; the test browser signs in
 * through Keycloak's login form. Run with {@code ./mvnw verify -Pkeycloak}. Cold start takes about a minute.
 */
@Tag("keycloak")
class KeycloakLoginTest {
    private static final String REALM = "ssosetup";
    private static final String SECRET = "kc-confidential-secret-1";
    private static Process keycloak;
    private static String issuer;

    @BeforeAll
    static void startKeycloak() throws Exception {
        String home = System.getProperty("keycloak.home", "");
        Assumptions.assumeTrue(!home.isEmpty() && Files.isDirectory(Path.of(home, "bin")),
                "Keycloak distribution not unpacked: run ./mvnw verify -Pkeycloak");
        Path dist = Path.of(home);
        Path javaHome = javaHome();
        int httpPort = freePort();
        int managementPort = freePort();
        Path importDir = dist.resolve("data/import");
        Files.createDirectories(importDir);
        Files.writeString(importDir.resolve("ssosetup-realm.json"), realm());
        deleteTree(dist.resolve("data/h2")); // a clean import every run
        Path log = Path.of("target", "keycloak.log");
        ProcessBuilder pb = new ProcessBuilder("bash", dist.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + httpPort, "--http-management-port=" + managementPort,
                "--import-realm", "--health-enabled=true")
                .directory(dist.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-" + System.nanoTime());
        keycloak = pb.start();
        issuer = "http://127.0.0.1:" + httpPort + "/realms/" + REALM;
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak exited: see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<Void> r = client.send(HttpRequest.newBuilder(
                                URI.create(issuer + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("Keycloak did not start in 240 s: see " + log.toAbsolutePath());
    }

    @AfterAll
    static void stopKeycloak() throws InterruptedException {
        if (keycloak != null) {
            List<ProcessHandle> children = keycloak.descendants().toList();
            keycloak.destroy();
            children.forEach(ProcessHandle::destroy);
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static TestBrowser keycloakBrowser() {
        return new TestBrowser((form, page) -> {
            if ("kc-form-login".equals(form.attributes().get("id"))) {
                Map<String, String> fields = new HashMap<>(form.fields());
                fields.put("username", "jane");
                fields.put("password", "jane-password");
                fields.putIfAbsent("credentialId", "");
                return Optional.of(fields);
            }
            // response_mode=form_post: Keycloak's auto-submitting form to the loopback listener
            return form.fields().containsKey("state") ? Optional.of(form.fields()) : Optional.empty();
        });
    }

    private static LoginTestResult run(ProviderSettings settings, LoginOptions options) {
        TestBrowser browser = keycloakBrowser();
        LoginTest test = new LoginTest(new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), new JdkLoopbackReceiver(), browser,
                Clock.systemUTC());
        return test.run(settings, options, LoginEvents.none(), TaskContext.none());
    }

    @Test
    void publicPkceClientPassesAndThePreviewNamesJaneAsAdmin() {
        LoginTestResult r = run(Settings.publicClient(issuer, "om-public").admins("jane").build(),
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        LoginTestResult.Passed p = assertInstanceOf(LoginTestResult.Passed.class, r,
                () -> MockProviderLoginTest.describe(r));
        assertEquals(issuer, p.claims().get("iss"));
        assertEquals("jane@acme.example", p.claims().get("email"));
        assertEquals("email", p.preview().principalClaim());
        assertEquals("jane", p.preview().userName());
        assertTrue(p.preview().admin());
        assertTrue(p.preview().warnings().isEmpty(), p.preview().warnings()::toString);
        assertEquals("jane", p.userInfo().get("preferred_username"));
    }

    @Test
    void confidentialClientWithBasicAuthenticationPassesAndTheReportHidesTheSecret() throws IOException {
        // the client ID, secret and issuer come from Keycloak's own adapter file (Clients > Action > Download adapter
        // config), as an operator would load it
        String adapter = """
                {"realm":"%s","auth-server-url":"%s/","ssl-required":"external","resource":"om-confidential",
                 "credentials":{"secret":"%s"},"confidential-port":0}
                """.formatted(REALM, issuer.substring(0, issuer.indexOf("/realms/")), SECRET);
        var read = dev.ssosetup.core.provider.CredentialsFile.parse("keycloak.json",
                adapter.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var credentials = assertInstanceOf(dev.ssosetup.core.provider.CredentialsFile.Read.class, read).credentials();
        ProviderSettings settings = credentials.applyTo(Settings.publicClient("", "").claims(
                        List.of("preferred_username")).admins("ops").domain("acme.example", true).build())
                .toBuilder().clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC).build();
        assertEquals(issuer, settings.issuer(), "the issuer derived from the adapter file");
        LoginTestResult r = run(settings,
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        LoginTestResult.Passed p = assertInstanceOf(LoginTestResult.Passed.class, r,
                () -> MockProviderLoginTest.describe(r));
        assertEquals("preferred_username", p.preview().principalClaim());
        assertEquals("jane", p.preview().userName());
        assertEquals("jane@acme.example", p.preview().email());
        assertFalse(p.preview().admin());
        assertEquals(Boolean.FALSE, p.preview().domain().ok(), "a user name carries no domain: OpenMetadata refuses");
        assertTrue(p.findings().stream().anyMatch(f -> f.id().equals("login-not-admin")));
        assertTrue(p.findings().stream().anyMatch(f -> f.id().equals("login-domain-refused")));
        assertFalse(LoginReport.render(r, En.MESSAGES).contains(SECRET));
    }

    @Test
    void aPublicClientRegisteredOnlyForTheImplicitFlowPassesWithIdToken() {
        LoginTestResult r = run(Settings.publicClient(issuer, "om-implicit").implicit().admins("jane").build(),
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        LoginTestResult.Passed p = assertInstanceOf(LoginTestResult.Passed.class, r,
                () -> MockProviderLoginTest.describe(r));
        assertEquals("om-implicit", p.claims().get("aud") instanceof List<?> l ? l.getFirst() : p.claims().get("aud"));
        assertEquals("jane", p.preview().userName());
        assertTrue(p.preview().admin());
        assertTrue(p.userInfo().isEmpty(), "response_type=id_token brings no access token, so no userinfo");
        assertTrue(LoginReport.render(r, En.MESSAGES).contains("Flow:           implicit"), LoginReport.render(r, En.MESSAGES));
    }

    @Test
    void aPublicClientRegisteredOnlyForTheCodeFlowFailsClearlyWithIdTokenAndPassesWithCode() {
        LoginTestResult r = run(Settings.publicClient(issuer, "om-public").implicit().build(),
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.AUTHORIZATION, f.stage(), En.text(f.reason()));
        assertTrue(En.text(f.hint()).contains("implicit flow") && En.text(f.hint()).contains("Authorization code with PKCE"),
                En.text(f.hint()));
        LoginTestResult code = run(Settings.publicClient(issuer, "om-public").admins("jane").build(),
                LoginOptions.defaults().withTimeout(Duration.ofSeconds(60)));
        assertTrue(code.passed(), () -> MockProviderLoginTest.describe(code));
    }

    @Test
    void anUnregisteredRedirectHostEndsInATimeoutThatNamesTheRedirectUri() {
        LoginTestResult r = run(Settings.publicClient(issuer, "om-public").build(),
                new LoginOptions(List.of(), RedirectHost.LOCALHOST, Duration.ofSeconds(6), true));
        LoginTestResult.Failed f = assertInstanceOf(LoginTestResult.Failed.class, r);
        assertEquals(FailureStage.TIMEOUT, f.stage());
        assertTrue(En.text(f.hint()).contains("http://localhost:"), En.text(f.hint()));
    }

    private static String realm() {
        return """
                {"realm":"%s","enabled":true,
                 "users":[{"username":"jane","enabled":true,"email":"jane@acme.example","emailVerified":true,
                   "firstName":"Jane","lastName":"Admin",
                   "credentials":[{"type":"password","value":"jane-password","temporary":false}]}],
                 "clients":[
                  {"clientId":"om-public","publicClient":true,"standardFlowEnabled":true,
                   "directAccessGrantsEnabled":false,"redirectUris":["http://127.0.0.1/*"],
                   "attributes":{"pkce.code.challenge.method":"S256"}},
                  {"clientId":"om-implicit","publicClient":true,"standardFlowEnabled":false,
                   "implicitFlowEnabled":true,"directAccessGrantsEnabled":false,
                   "redirectUris":["http://127.0.0.1/*"]},
                  {"clientId":"om-confidential","publicClient":false,"secret":"%s",
                   "clientAuthenticatorType":"client-secret","standardFlowEnabled":true,
                   "directAccessGrantsEnabled":false,"redirectUris":["http://127.0.0.1/*"],
                   "attributes":{"pkce.code.challenge.method":"S256"}}]}
                """.formatted(REALM, SECRET);
    }

    /** KEYCLOAK_JAVA_HOME, else the newest JDK (21 or newer) under /usr/lib/jvm, else this JVM. */
    static Path javaHome() throws IOException {
        String env = System.getenv("KEYCLOAK_JAVA_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                Optional<Path> newest = dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")))
                        .filter(d -> featureVersion(d) >= 21)
                        .max(Comparator.comparingInt(KeycloakLoginTest::featureVersion));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        return Path.of(System.getProperty("java.home"));
    }

    private static int featureVersion(Path jdk) {
        try {
            for (String line : Files.readAllLines(jdk.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(v.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
