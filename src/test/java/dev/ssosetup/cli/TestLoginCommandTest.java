package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.testing.MockProvider;
import dev.ssosetup.testing.CraftedProvider;
import dev.ssosetup.testing.TestBrowser;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testing.SignInOperator;
import dev.ssosetup.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup test-login} end to end against mock-oauth2-server: output, JSON shape and exit codes. */
class TestLoginCommandTest {
    private static final String PREFIX = "Open this URL to sign in: ";
    private static MockProvider provider;

    @BeforeAll
    static void start() {
        provider = MockProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static CliRun run(boolean follow, TestBrowser browserForOpen, String... args) {
        LoginTest loginTest = new LoginTest(new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), new JdkLoopbackReceiver(),
                browserForOpen == null ? url -> new dev.ssosetup.core.login.BrowserOpener.NotOpened("no desktop")
                        : browserForOpen, Clock.systemUTC());
        CommandLine cl = new CommandLine(new SsoSetupCommand())
                .addSubcommand("test-login", new TestLoginCommand(loginTest, new LocalOperatorFiles()));
        return CliRun.of(cl, new SignInOperator(follow), new StringWriter(), args);
    }

    @Test
    void noBrowserPrintsTheUrlOnItsOwnLineWaitsAndPasses() {
        provider.server().enqueueCallback(new DefaultOAuth2TokenCallback("cli", "u1", "JWT", List.of("om"),
                Map.of("email", "ops@acme.example"), 3600));
        CliRun r = run(true, null, "test-login", "--issuer", provider.issuer("cli"), "--client-id", "om",
                "--no-browser", "--admins", "ops", "--timeout", "30", "--response-type", "code");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("Flow:           authorization code with PKCE"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(PREFIX + "http://127.0.0.1:")), r.out());
        assertTrue(r.out().contains("Result:         PASSED"), r.out());
        assertTrue(r.out().contains("admin:           yes"), r.out());
    }

    @Test
    void jsonHasTheDocumentedShapeAndStdoutIsOnlyJson(@TempDir Path dir) throws Exception {
        provider.server().enqueueCallback(new DefaultOAuth2TokenCallback("cli", "u2", "JWT", List.of("om-conf"),
                Map.of("preferred_username", "maria"), 3600));
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "very-secret-value\n");
        TestBrowser browser = new TestBrowser();
        CliRun r = run(false, browser, "test-login", "--issuer", provider.issuer("cli"), "--client-id", "om-conf",
                "--client-secret-file", secret.toString(), "--auth-method", "basic", "--claims",
                "email,preferred_username", "--admins", "someone", "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("passed", json.get("result").asText());
        assertEquals("code", json.get("flow").asText(), "a confidential client runs the code flow");
        assertTrue(json.get("error").isNull());
        assertEquals("u2", json.get("claims").get("sub").asText());
        assertEquals("u2", json.get("userinfo").get("sub").asText());
        JsonNode om = json.get("openmetadata");
        assertEquals("maria", om.get("principal").asText());
        assertFalse(om.get("admin").asBoolean());
        assertTrue(om.get("domainOk").isNull());
        assertTrue(json.get("warnings").toString().contains("lock you out"));
        assertTrue(r.err().contains(PREFIX), "progress goes to stderr in JSON mode");
        assertFalse((r.out() + r.err()).contains("very-secret-value"));
    }

    @Test
    void aFailedLoginExitsOneWithTheStageInJson() throws Exception {
        CliRun r = run(false, null, "test-login", "--issuer", provider.issuer("cli"), "--client-id", "om",
                "--no-browser", "--timeout", "5", "--json");
        assertEquals(1, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals("failed", json.get("result").asText());
        assertEquals("timeout", json.get("error").get("stage").asText());
        assertTrue(json.get("error").get("hint").asText().contains("http://127.0.0.1:"));
    }

    @Test
    void badUsageExitsTwoWithAClearMessage(@TempDir Path dir) {
        String issuer = provider.issuer("cli");
        CliRun both = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c", "--port", "8000",
                "--ports", "8000,18000");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        CliRun host = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c", "--redirect-host", "example.com");
        assertEquals(2, host.code());
        assertTrue(host.err().contains("--redirect-host"), host.err());
        CliRun missing = run(false, null, "test-login", "--client-id", "c");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--issuer"), missing.err());
        CliRun secret = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c",
                "--client-secret-file", dir.resolve("nope").toString());
        assertEquals(2, secret.code());
        assertTrue(secret.err().contains("--client-secret-file: cannot read " + dir.resolve("nope")
                + " (no such file or folder)"), secret.err());
        CliRun ca = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c",
                "--ca-file", dir.resolve("corporate-ca.pem").toString());
        assertEquals(2, ca.code());
        assertTrue(ca.err().contains("--ca-file: cannot read " + dir.resolve("corporate-ca.pem")
                + " (no such file or folder)"), ca.err());
        CliRun port = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c", "--port", "70000");
        assertEquals(2, port.code());
        CliRun flow = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c", "--response-type",
                "token");
        assertEquals(2, flow.code());
        assertTrue(flow.err().contains("--response-type: \"token\" is not id_token or code"), flow.err());
        CliRun type = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c", "--client-type", "spa");
        assertEquals(2, type.code());
        assertTrue(type.err().contains("--client-type"), type.err());
    }

    @Test
    void aSecretFileIsReadThroughThePortWithItsLimitAndNeverQuoted(@TempDir Path dir) throws Exception {
        String issuer = provider.issuer("cli");
        Path big = dir.resolve("big-secret.txt");
        java.nio.file.Files.writeString(big, "canary-secret-".repeat(5000)); // 70,000 bytes: over 64 KiB
        CliRun tooLarge = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c",
                "--client-secret-file", big.toString());
        assertEquals(2, tooLarge.code());
        assertTrue(tooLarge.err().contains("--client-secret-file: cannot read " + big + " (larger than 64 KiB)"),
                tooLarge.err());
        CliRun folder = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c",
                "--client-secret-file", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("--client-secret-file: cannot read " + dir + " (it is a folder)"),
                folder.err());
        Path latin1 = java.nio.file.Files.write(dir.resolve("latin1.txt"),
                "canary-secret-\u00e9".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        CliRun notUtf8 = run(false, null, "test-login", "--issuer", issuer, "--client-id", "c",
                "--client-secret-file", latin1.toString());
        assertEquals(2, notUtf8.code());
        assertTrue(notUtf8.err().contains("(not readable as UTF-8 text)"), notUtf8.err());
        for (CliRun r : List.of(tooLarge, folder, notUtf8)) {
            assertFalse((r.out() + r.err()).contains("canary-secret"), r.err());
        }
    }

    @Test
    void credentialsFilesOfEveryShapeFillTheClientIdSecretAndIssuer(@TempDir Path dir) throws Exception {
        try (CraftedProvider crafted = new CraftedProvider()) {
            String iss = crafted.issuer;
            String base = iss.substring(0, iss.indexOf("/crafted"));
            Map<String, String> shapes = new java.util.LinkedHashMap<>();
            shapes.put("google-web.json", "{\"web\":{\"client_id\":\"om-ui\",\"client_secret\":\"g-secret\","
                    + "\"auth_uri\":\"https://accounts.google.com/o/oauth2/auth\"}}");
            shapes.put("google-installed.json", "{\"installed\":{\"client_id\":\"om-ui\","
                    + "\"client_secret\":\"gi-secret\"}}");
            shapes.put("keycloak.json", "{\"realm\":\"corp\",\"auth-server-url\":\"" + base + "/\","
                    + "\"resource\":\"om-ui\",\"credentials\":{\"secret\":\"kc-secret\"}}");
            shapes.put("okta.json", "{\"client_id\":\"om-ui\",\"client_secret\":\"okta-secret\",\"issuer\":\""
                    + iss + "\"}");
            shapes.put("auth0.json", "{\"client_id\":\"om-ui\",\"client_secret\":\"a0-secret\","
                    + "\"domain\":\"acme.eu.auth0.com\"}");
            shapes.put("plain.json", "{\"client_id\":\"om-ui\",\"client_secret\":\"plain-secret\"}");
            for (var shape : shapes.entrySet()) {
                Path file = dir.resolve(shape.getKey());
                Files.writeString(file, shape.getValue());
                String secret = new ObjectMapper().readTree(shape.getValue()).findValue(
                        shape.getKey().startsWith("keycloak") ? "secret" : "client_secret").asText();
                List<String> args = new java.util.ArrayList<>(List.of("test-login", "--credentials-file",
                        file.toString(), "--timeout", "30", "--json"));
                if (!shape.getKey().equals("okta.json")) {
                    args.addAll(List.of("--issuer", iss)); // the file's issuer is not this test provider
                }
                CliRun r = run(false, new TestBrowser(), args.toArray(String[]::new));
                assertEquals(0, r.code(), shape.getKey() + ": " + r.out() + r.err());
                assertEquals("code", new ObjectMapper().readTree(r.out()).get("flow").asText(), shape.getKey());
                assertEquals("om-ui", crafted.lastTokenRequest.get("client_id"), shape.getKey());
                assertEquals(secret, crafted.lastTokenRequest.get("client_secret"), shape.getKey());
                assertFalse((r.out() + r.err()).contains(secret), "the secret is never printed");
            }
            Files.writeString(dir.resolve("okta.json"), shapes.get("okta.json").replace(iss, iss + "-typo"));
            CliRun mismatch = run(false, new TestBrowser(), "test-login", "--credentials-file",
                    dir.resolve("okta.json").toString(), "--timeout", "10", "--json");
            assertEquals(1, mismatch.code(), "the issuer came from the file: " + mismatch.out());

            Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n");
            CliRun bad = run(false, null, "test-login", "--credentials-file", dir.resolve("key.pem").toString());
            assertEquals(2, bad.code());
            assertTrue(bad.err().contains("--credentials-file: The file " + dir.resolve("key.pem")
                    + " holds a private key"), bad.err());
            Files.writeString(dir.resolve("other.json"), "{\"hello\":\"world\"}");
            CliRun other = run(false, null, "test-login", "--credentials-file", dir.resolve("other.json").toString());
            assertEquals(2, other.code());
            assertTrue(other.err().contains("Keycloak adapter") && other.err().contains("Google"), other.err());
            CliRun plainNoIssuer = run(false, null, "test-login", "--credentials-file",
                    dir.resolve("plain.json").toString());
            assertEquals(2, plainNoIssuer.code());
            assertTrue(plainNoIssuer.err().contains("does not tell the issuer: add --issuer"), plainNoIssuer.err());
        }
    }

    @Test
    void aPublicClientRunsTheImplicitFlowByDefaultAndSaysSo() throws Exception {
        try (CraftedProvider crafted = new CraftedProvider()) {
            crafted.responseTypes = "[\"code\",\"id_token\"]";
            CliRun r = run(false, new TestBrowser(), "test-login", "--issuer", crafted.issuer, "--client-id", "om-ui",
                    "--timeout", "30", "--json");
            assertEquals(0, r.code(), r.out() + r.err());
            JsonNode json = new ObjectMapper().readTree(r.out());
            assertEquals("implicit", json.get("flow").asText());
            assertEquals("id_token", crafted.lastAuthorization.get("response_type"));
            assertTrue(crafted.lastTokenRequest.isEmpty(), "no token endpoint call");

            CliRun code = run(false, new TestBrowser(), "test-login", "--issuer", crafted.issuer, "--client-id",
                    "om-ui", "--timeout", "30", "--response-type", "code", "--json");
            assertEquals(0, code.code(), code.out() + code.err());
            assertEquals("code", new ObjectMapper().readTree(code.out()).get("flow").asText());
            assertEquals("code", crafted.lastAuthorization.get("response_type"));
        }
    }
}
