package dev.ssosetup.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.config.Samples;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.testserver.OpenMetadataTestServer.Mode;
import dev.ssosetup.testserver.PushFixture;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testserver.PushServers;
import dev.ssosetup.testing.SignInOperator;
import dev.ssosetup.testing.CliRun;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sso-setup push --profile P --login --no-browser} through the real composition root, against the test server
 * in 1.10 and 2.0 mode: the login test runs first (same URL line as test-login), the profile is rendered for the
 * server's version, and on 2.0 the server's verdict is in the text and in {@code --json}.
 */
class PushLoginTwoModesTest {
    private static final String PREFIX = "Open this URL to sign in: ";
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path dir;

    private CliRun run(String... args) {
        return CliRun.of(CompositionRoot.forCli().commandLine(), new SignInOperator(), new SignInOperator(), args);
    }

    /** A 1.10 profile (saved before the target version existed would load the same way) for the fixture. */
    private Path profile() throws Exception {
        SsoConfiguration c = Samples.confidential();
        var p = c.provider().toBuilder().issuer(fx.issuer).discoveryUrl("").serverUrl(fx.om.baseUrl())
                .scopes(List.of("openid")).clientSecret(Secret.empty())
                .openMetadataVersion(OpenMetadataVersion.V1_10).build();
        SsoConfiguration model = new SsoConfiguration(p, c.authorizerOptions(), c.keys(), fx.issuer + "/jwks");
        return Files.writeString(dir.resolve("profile.json"), new ProfileCodec().write(new Profile(model, Map.of())));
    }

    private CliRun push(boolean json) throws Exception {
        fx.idp.enqueueCallback(new DefaultOAuth2TokenCallback("default", "u-alice", "JWT", List.of("openmetadata"),
                Map.of("email", "alice@example.com", "preferred_username", "alice"), 3600));
        Path token = Files.writeString(dir.resolve("token"), PushFixture.ADMIN_TOKEN);
        Path secret = Files.writeString(dir.resolve("secret"), PushFixture.CLIENT_SECRET);
        List<String> args = new java.util.ArrayList<>(List.of("push", "--server", fx.om.baseUrl(), "--token-file",
                token.toString(), "--profile", profile().toString(), "--client-secret-file", secret.toString(),
                "--backup-dir", dir.resolve("backups").toString(), "--login", "--no-browser", "--login-timeout", "30",
                "--yes"));
        if (json) {
            args.add("--json");
        }
        return run(args.toArray(String[]::new));
    }

    @Test
    void onTwoPointZeroTheLoginRunsFirstTheBodyIsForTwoPointZeroAndTheVerdictIsShown() throws Exception {
        fx.om.mode(Mode.V2_0);
        CliRun r = push(false);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(PREFIX + "http://127.0.0.1:")), r.out());
        assertTrue(r.out().contains("rendered for 2.0 instead of 1.10"), r.out());
        assertTrue(r.out().contains("OpenMetadata's own verdict on this session's login (validate-token): signs in as "
                + "alice <alice@example.com>, admin"), r.out());
        assertTrue(r.out().contains("[ OK ] Lock-out guard: OpenMetadata's own verdict"), r.out());
        assertTrue(r.out().contains("Checklist (OpenMetadata's production notes):"), r.out());
        assertTrue(r.out().contains("{delete-basic-admin}") && r.out().contains("{private-window}"), r.out());
        JsonNode stored = fx.om.stored().path("authenticationConfiguration");
        assertEquals(604800, stored.path("sessionExpiry").intValue());
        String token = fx.om.validateTokenRequests().getLast();
        assertFalse((r.out() + r.err()).contains(token), "the ID token is never printed");
        assertFalse((r.out() + r.err()).contains(PushFixture.CLIENT_SECRET));
    }

    @Test
    void jsonCarriesTheServerVerdictOnTwoPointZeroAndANoteOnOnePointTen() throws Exception {
        fx.om.mode(Mode.V2_0);
        CliRun r = push(true);
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode v = json.path("serverVerdict");
        assertEquals("success", v.path("status").asText());
        assertEquals("DOMAIN_CHECKED", v.path("stage").asText());
        assertEquals("alice", v.path("resolvedPrincipal").asText());
        assertEquals("alice@example.com", v.path("resolvedEmail").asText());
        assertTrue(v.path("domainCheck").isObject());
        assertTrue(r.err().contains(PREFIX), "the URL line goes to stderr in JSON mode");
        List<String> ids = new java.util.ArrayList<>();
        json.path("checklist").forEach(i -> {
            ids.add(i.path("id").asText());
            assertTrue(i.path("done").isBoolean() && !i.path("text").asText().isEmpty(), i.toString());
        });
        assertEquals(List.of("default-jwt-key", "configured-key-served", "delete-basic-admin", "remove-test-redirect",
                "private-window"), ids);
        assertTrue(json.path("checklist").get(3).path("text").asText().contains("http://127.0.0.1:"),
                "names the login test's own redirect URI");

        fx.om.mode(Mode.V1_10);
        fx.om.store(fx.om.basicConfiguration());
        CliRun old = push(true);
        assertEquals(0, old.code(), old.out() + old.err());
        JsonNode oldJson = new ObjectMapper().readTree(old.out());
        assertTrue(oldJson.path("serverVerdict").isMissingNode());
        assertTrue(oldJson.path("serverVerdictNote").asText().contains("came with 2.0"), old.out());
        assertFalse(fx.om.stored().path("authenticationConfiguration").has("sessionExpiry"));
    }

    @Test
    void loginWithConfigIsBadUsage() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), PushFixture.ADMIN_TOKEN);
        Path config = Files.writeString(dir.resolve("c.json"), new ObjectMapper().writeValueAsString(
                fx.confidentialBody()));
        CliRun r = run("push", "--server", fx.om.baseUrl(), "--token-file", token.toString(), "--config",
                config.toString(), "--login", "--yes");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--login needs --profile"), r.err());
    }
}
