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
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.testsupport.KeyringSession;
import dev.ssosetup.testsupport.KeyringSession.Result;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keychain on the command line against a real Secret Service (GNOME Keyring on a private D-Bus session), each
 * {@code sso-setup} run in its own JVM with that session's environment: store, read, overwrite, forget, entries
 * apart, a push that needs no token file and no secret file, a locked keyring, a keyring without a collection, and no
 * D-Bus session at all. Canary secrets never show in output or in any file under the test's home folder.
 */
class KeychainCliTest {
    private static final String TOKEN_CANARY = PushFixture.ADMIN_TOKEN;
    private static final String SECRET_CANARY = PushFixture.CLIENT_SECRET;
    private static PushFixture fx;
    private static KeyringSession keyring;
    @TempDir
    static Path home;
    @TempDir
    Path work;
    private final List<String> outputs = new ArrayList<>();

    @BeforeAll
    static void start() {
        keyring = KeyringSession.unlocked(home);
        fx = new PushFixture();
    }

    @AfterAll
    static void stop() {
        if (fx != null) {
            fx.close();
        }
        if (keyring != null) {
            keyring.close();
        }
    }

    private Result cli(KeyringSession session, String stdin, String... args) {
        Result r = session.cli(stdin, args);
        outputs.add(r.all());
        assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), "no stack trace: " + r.all());
        return r;
    }

    private Path profile(Path dir, String clientId) throws IOException {
        ProviderSettings provider = ProviderSettings.builder().preset(Preset.CUSTOM_OIDC)
                .providerName("Test IdP").issuer(fx.issuer).clientType(ClientType.CONFIDENTIAL).clientId(clientId)
                .scopes(List.of("openid", "email", "profile")).clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .tokenValidationAlgorithm("RS256").serverUrl(fx.om.baseUrl())
                .principalClaims(List.of("email", "preferred_username", "sub")).adminPrincipals(List.of("alice"))
                .principalDomain("example.com").allowedRegistrationDomains(List.of()).selfSignup(true).build();
        SsoConfiguration c = new SsoConfiguration(provider, AuthorizerOptions.defaults(),
                new JwtKeySettings("./conf/private_key.der", "./conf/public_key.der", "open-metadata.org",
                        "2f0b6c5e-3c1a-4d7e-9b1f-6a8e2d4c7f10"), fx.issuer + "/jwks");
        Path p = dir.resolve("profile-" + clientId + ".json");
        Files.writeString(p, new ProfileCodec().write(new Profile(c, Map.of())));
        return p;
    }

    private void assertNoCanaryAnywhere(Path folder, String... canaries) throws IOException {
        for (String out : outputs) {
            for (String canary : canaries) {
                assertFalse(out.contains(canary), "a canary secret in the output: " + out);
            }
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String canary : canaries) {
                assertFalse(content.contains(canary), "a canary secret in " + f);
            }
        }
    }

    @Test
    void aPushFromAProfileNeedsNoTokenFileAndNoSecretFileOnceBothAreInTheKeychain() throws IOException {
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        Path profile = profile(home, "openmetadata");
        Result token = cli(keyring, TOKEN_CANARY + "\n", "secret", "store", "--server", fx.om.baseUrl());
        assertEquals(0, token.exit(), token.all());
        Result secret = cli(keyring, SECRET_CANARY + "\n", "secret", "store", "--issuer", fx.issuer + "/",
                "--client-id", "openmetadata");
        assertEquals(0, secret.exit(), secret.all());

        Result push = cli(keyring, "", "push", "--server", fx.om.baseUrl(), "--token-from-keychain",
                "--profile", profile.toString(), "--client-secret-from-keychain",
                "--backup-dir", home.resolve("backups").toString(),
                "--yes", "--accept-lockout-risk", LockoutGuard.CONFIRMATION_PHRASE);
        assertEquals(0, push.exit(), push.all());
        assertTrue(push.out().contains("Applied and verified."), push.out());
        // the test server accepts only the admin token: the push got it from the keychain
        assertEquals(SECRET_CANARY, fx.om.stored().at("/authenticationConfiguration/oidcConfiguration/secret").asText());

        // under the documented attributes, found by another Secret Service client
        SecretKey tokenKey = SecretKey.adminToken(ServerAddress.parse(fx.om.baseUrl()));
        assertEquals("sso-setup-console:openmetadata-token:" + fx.om.baseUrl(), tokenKey.service());
        assertEquals(TOKEN_CANARY, keyring.secretToolLookup(tokenKey.service(), "admin"));
        assertEquals(SECRET_CANARY, keyring.secretToolLookup("sso-setup-console:client-secret:" + fx.issuer,
                "openmetadata"));
        assertNoCanaryAnywhere(home, TOKEN_CANARY, SECRET_CANARY);
    }

    @Test
    void storeReadOverwriteForgetAndEntriesStayApart() throws IOException {
        String issuer = "https://idp.example.test/realms/a";
        assertEquals(0, cli(keyring, "secret-one\n", "secret", "store", "--issuer", issuer, "--client-id", "c1").exit());
        assertEquals(0, cli(keyring, "secret-two\n", "secret", "store", "--issuer", issuer, "--client-id", "c2").exit());
        assertEquals(0, cli(keyring, "secret-three\n", "secret", "store", "--issuer", issuer + "b", "--client-id",
                "c1").exit());
        String service = "sso-setup-console:client-secret:" + issuer;
        assertEquals("secret-one", keyring.secretToolLookup(service, "c1"));
        assertEquals("secret-two", keyring.secretToolLookup(service, "c2"));
        assertEquals("secret-three", keyring.secretToolLookup(service + "b", "c1"));

        // read back through the app: render puts the remembered secret into the JSON it prints
        Path profile = profileFor(issuer, "c2");
        Result render = cli(keyring, "", "render", "--profile", profile.toString(), "--format", "json",
                "--client-secret-from-keychain");
        assertEquals(0, render.exit(), render.all());
        assertTrue(render.out().replace(" ", "").contains("\"secret\":\"secret-two\""), render.out());

        // overwrite: one entry, the new value
        assertEquals(0, cli(keyring, "secret-one-new\n", "secret", "store", "--issuer", issuer, "--client-id",
                "c1").exit());
        assertEquals("secret-one-new", keyring.secretToolLookup(service, "c1"));
        Result search = keyring.run(List.of("secret-tool", "search", "--all", "service", service, "account", "c1"), "");
        assertEquals(1, search.out().lines().filter(l -> l.startsWith("[/")).count(), search.all());

        Result status = cli(keyring, "", "secret", "show-status", "--issuer", issuer, "--client-id", "c1");
        assertEquals(0, status.exit(), status.all());
        assertTrue(status.out().contains("is remembered"), status.out());
        assertFalse(status.out().contains("secret-one-new"));

        Result forget = cli(keyring, "", "secret", "forget", "--issuer", issuer, "--client-id", "c1");
        assertEquals(0, forget.exit(), forget.all());
        assertEquals("", keyring.secretToolLookup(service, "c1"));
        assertEquals("secret-two", keyring.secretToolLookup(service, "c2"), "the other client's secret stays");
        Result gone = cli(keyring, "", "secret", "show-status", "--issuer", issuer, "--client-id", "c1");
        assertEquals(1, gone.exit(), gone.all());
        assertTrue(gone.out().contains("No client secret is remembered"), gone.out());
        // a secret never comes from an argument or an empty input
        Result empty = cli(keyring, "", "secret", "store", "--issuer", issuer, "--client-id", "c3");
        assertEquals(2, empty.exit(), empty.all());
        assertTrue(empty.err().contains("standard input"), empty.err());
    }

    private Path profileFor(String issuer, String clientId) throws IOException {
        ProviderSettings provider = ProviderSettings.builder().preset(Preset.CUSTOM_OIDC)
                .providerName("Test IdP").issuer(issuer).clientType(ClientType.CONFIDENTIAL).clientId(clientId)
                .scopes(List.of("openid", "email", "profile")).clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .tokenValidationAlgorithm("RS256").serverUrl("https://openmetadata.example.test")
                .principalClaims(List.of("email", "preferred_username", "sub")).adminPrincipals(List.of("alice"))
                .principalDomain("example.com").allowedRegistrationDomains(List.of()).selfSignup(true).build();
        SsoConfiguration c = new SsoConfiguration(provider, AuthorizerOptions.defaults(),
                new JwtKeySettings("./conf/private_key.der", "./conf/public_key.der", "open-metadata.org",
                        "2f0b6c5e-3c1a-4d7e-9b1f-6a8e2d4c7f10"), issuer + "/jwks");
        Path p = work.resolve("profile-" + clientId + ".json");
        Files.writeString(p, new ProfileCodec().write(new Profile(c, Map.of())));
        return p;
    }

    private Path config() throws IOException {
        Path p = work.resolve("security-config.json");
        Files.write(p, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(fx.confidentialBody()));
        return p;
    }

    @Test
    void aLockedKeyringGivesAClearMessageAndFallsBackToAsking() throws IOException {
        try (KeyringSession locked = KeyringSession.unlocked(work.resolve("locked-home"))) {
            assertEquals(0, cli(locked, "before-lock\n", "secret", "store", "--server", "https://om.example.test")
                    .exit());
            locked.lock();
            Result store = cli(locked, "after-lock\n", "secret", "store", "--server", "https://om.example.test");
            assertEquals(1, store.exit(), store.all());
            assertTrue(store.err().contains("locked"), store.err());
            Result push = cli(locked, "", "push", "--server", "https://om.example.test", "--token-from-keychain",
                    "--config", config().toString(), "--yes");
            assertEquals(2, push.exit(), push.all());
            assertTrue(push.err().contains("locked"), push.err());
            assertTrue(push.err().contains("no terminal to ask on: give --token-file"), push.err());
            assertFalse(push.all().contains("before-lock"));
        }
    }

    @Test
    void aBrandNewKeyringWithoutACollectionSaysWhatToDoInsteadOfCrashing() {
        try (KeyringSession fresh = KeyringSession.withoutCollection(work.resolve("fresh-home"))) {
            Result store = cli(fresh, "new-secret\n", "secret", "store", "--issuer", "https://idp.example.test",
                    "--client-id", "c1");
            assertEquals(1, store.exit(), store.all());
            assertTrue(store.err().contains("no default collection"), store.err());
            assertTrue(store.err().contains("secret-tool store"), store.err());
        }
    }

    @Test
    void withoutAnyDBusSessionTheAppSaysWhyAndWorksAsToday() throws IOException {
        Result status = keyring.cli(false, "", "secret", "show-status", "--server", "https://om.example.test");
        outputs.add(status.all());
        assertEquals(1, status.exit(), status.all());
        assertTrue(status.err().contains("no D-Bus session"), status.err());
        Path tokenFile = Files.writeString(work.resolve("token"), TOKEN_CANARY);
        Result push = keyring.cli(false, "", "push", "--server", fx.om.baseUrl(), "--token-from-keychain",
                "--config", config().toString(), "--yes");
        outputs.add(push.all());
        assertEquals(2, push.exit(), push.all());
        assertTrue(push.err().contains("no D-Bus session"), push.err());
        assertTrue(push.err().contains("give --token-file"), push.err());
        // as today: the token file works
        fx.om.clearFaults();
        fx.om.store(fx.om.basicConfiguration());
        Result withFile = keyring.cli(false, "", "push", "--server", fx.om.baseUrl(), "--token-file",
                tokenFile.toString(), "--config", config().toString(), "--dry-run", "--client-secret-file",
                Files.writeString(work.resolve("secret"), SECRET_CANARY).toString(),
                "--backup-dir", work.resolve("backups").toString());
        outputs.add(withFile.all());
        assertEquals(0, withFile.exit(), withFile.all());
        assertFalse(withFile.all().contains("keychain"), withFile.all());
        for (String out : outputs) {
            assertFalse(out.contains(TOKEN_CANARY) || out.contains(SECRET_CANARY), out);
        }
    }
}
