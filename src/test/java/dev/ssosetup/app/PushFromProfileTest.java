package dev.ssosetup.app;

import dev.ssosetup.core.config.AuthorizerOptions;
import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testserver.PushServers;
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
 * {@code sso-setup push --profile}: the profile is opened and rendered exactly as {@code render} and the Review step
 * do, and that is what lands on the (test) OpenMetadata, with the secret from its own file.
 */
class PushFromProfileTest {
    @RegisterExtension
    static final PushServers fx = new PushServers();
    @TempDir
    Path dir;

    private Path profile(String serverUrl) throws Exception {
        ProviderSettings provider = ProviderSettings.builder().preset(Preset.CUSTOM_OIDC)
                .providerName("Test IdP").issuer(fx.issuer).clientType(ClientType.CONFIDENTIAL).clientId("openmetadata")
                .scopes(List.of("openid", "email", "profile")).clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .tokenValidationAlgorithm("RS256").serverUrl(serverUrl)
                .principalClaims(List.of("email", "preferred_username", "sub")).adminPrincipals(List.of("alice"))
                .principalDomain("example.com").enforcePrincipalDomain(false).allowedRegistrationDomains(List.of())
                .selfSignup(true).build();
        SsoConfiguration c = new SsoConfiguration(provider, AuthorizerOptions.defaults(),
                new JwtKeySettings("./conf/private_key.der", "./conf/public_key.der", "open-metadata.org",
                        "2f0b6c5e-3c1a-4d7e-9b1f-6a8e2d4c7f10"), fx.issuer + "/jwks");
        Path p = dir.resolve("profile.json");
        Files.writeString(p, new ProfileCodec().write(new Profile(c, Map.of())));
        return p;
    }

    private CliRun run(String... args) {
        return CliRun.of(CompositionRoot.forCli().commandLine(), args);
    }

    @Test
    void theRenderedProfileIsWhatThePushApplies() throws Exception {
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        Path token = Files.writeString(dir.resolve("token"), PushFixture.ADMIN_TOKEN);
        Path secret = Files.writeString(dir.resolve("secret"), PushFixture.CLIENT_SECRET);
        CliRun r = run("push", "--server", fx.om.baseUrl(), "--token-file", token.toString(),
                "--profile", profile(fx.om.baseUrl()).toString(), "--client-secret-file", secret.toString(),
                "--backup-dir", dir.resolve("backups").toString(),
                "--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE);
        assertEquals(0, r.code(), r.out() + r.err());
        var stored = fx.om.stored();
        assertEquals("custom-oidc", stored.at("/authenticationConfiguration/provider").asText());
        assertEquals("Test IdP", stored.at("/authenticationConfiguration/providerName").asText());
        assertEquals(fx.om.baseUrl() + "/callback", stored.at("/authenticationConfiguration/callbackUrl").asText());
        assertEquals(PushFixture.CLIENT_SECRET,
                stored.at("/authenticationConfiguration/oidcConfiguration/secret").asText());
        assertEquals("alice", stored.at("/authorizerConfiguration/adminPrincipals/0").asText());
        assertFalse((r.out() + r.err()).contains(PushFixture.CLIENT_SECRET));
        assertFalse((r.out() + r.err()).contains(PushFixture.ADMIN_TOKEN));
    }

    @Test
    void aCollateProfileIsNeverPushed() throws Exception {
        fx.om.store(fx.om.basicConfiguration());
        Path token = Files.writeString(dir.resolve("token"), PushFixture.ADMIN_TOKEN);
        Path p = profile(fx.om.baseUrl());
        Profile self = ((dev.ssosetup.core.config.ProfileLoad.Loaded) new ProfileCodec().read(Files.readString(p)))
                .profile();
        SsoConfiguration c = self.configuration();
        Files.writeString(p, new ProfileCodec().write(new Profile(c.withProvider(c.provider().toBuilder()
                .deployment(dev.ssosetup.core.provider.Deployment.COLLATE).build()), Map.of())));
        CliRun r = run("push", "--server", fx.om.baseUrl(), "--token-file", token.toString(),
                "--profile", p.toString(), "--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Collate team configures the server"), r.err());
        assertEquals("basic", fx.om.stored().at("/authenticationConfiguration/provider").asText());
    }

    @Test
    void aProfileThatIsNotReadyIsRefusedAsBadUsageAndNothingIsSent() throws Exception {
        fx.om.store(fx.om.basicConfiguration());
        Path token = Files.writeString(dir.resolve("token"), PushFixture.ADMIN_TOKEN);
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"profileVersion\": 99}");
        CliRun r = run("push", "--server", fx.om.baseUrl(), "--token-file", token.toString(),
                "--profile", broken.toString(), "--yes");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--profile"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("basic", fx.om.stored().at("/authenticationConfiguration/provider").asText());
    }
}
