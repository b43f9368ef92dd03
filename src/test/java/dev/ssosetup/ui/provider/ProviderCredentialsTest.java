package dev.ssosetup.ui.provider;

import dev.ssosetup.core.config.Profile;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Provider step's "Load from credentials file…" (and drop): each shape a provider hands out fills the form's
 * fields and says what it filled; a file that is not understood changes nothing and says why; the secret never
 * reaches a saved profile.
 */
class ProviderCredentialsTest {
    private static final HttpGatewayFactory NO_NETWORK = pem -> request -> {
        throw new AssertionError("no network in this test");
    };

    private final WizardState state = new WizardState();
    private final ProviderViewModel vm = new ProviderViewModel(state, new InlineBackgroundRunner(), NO_NETWORK,
            new LocalOperatorFiles(), Messages.load());

    private void load(String json) {
        vm.loadCredentials("client.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void googleFillsTheGooglePresetIdTypeAndSecret() {
        load(dev.ssosetup.core.provider.CredentialsFileTest.GOOGLE);
        assertEquals(Preset.GOOGLE, vm.presetProperty().get());
        assertEquals("https://accounts.google.com", vm.issuerProperty().get());
        assertEquals("123-abc.apps.googleusercontent.com", vm.clientIdProperty().get());
        assertEquals(ClientType.CONFIDENTIAL, vm.clientTypeProperty().get());
        assertEquals("GOCSPX-google-secret", vm.clientSecretProperty().get());
        assertEquals("Filled from client.json: provider, issuer, client ID, client type, client secret.",
                vm.credentialsStatusProperty().get());
        assertFalse(vm.credentialsRefusedProperty().get());
    }

    @Test
    void keycloakAdapterFilesFillTheRealmIssuerConfidentialOrPublic() {
        load(dev.ssosetup.core.provider.CredentialsFileTest.KEYCLOAK);
        assertEquals(Preset.KEYCLOAK, vm.presetProperty().get());
        assertEquals("https://kc.example.com/realms/corp", vm.issuerProperty().get());
        assertEquals("openmetadata", vm.clientIdProperty().get());
        assertEquals("kc-secret-value", state.providerProperty().get().clientSecret().reveal());
        load(dev.ssosetup.core.provider.CredentialsFileTest.KEYCLOAK_PUBLIC);
        assertEquals(ClientType.PUBLIC, vm.clientTypeProperty().get());
        assertEquals("", vm.clientSecretProperty().get(), "a public client's file clears the old secret");
    }

    @Test
    void oktaAuth0AndPlainFiles() {
        load(dev.ssosetup.core.provider.CredentialsFileTest.OKTA);
        assertEquals("https://dev-1.okta.com/oauth2/default", vm.issuerProperty().get());
        assertEquals("0oa1okta", vm.clientIdProperty().get());
        load(dev.ssosetup.core.provider.CredentialsFileTest.AUTH0);
        assertEquals(Preset.AUTH0, vm.presetProperty().get());
        assertEquals("https://acme.eu.auth0.com/", vm.issuerProperty().get());
        vm.issuerProperty().set("https://typed.example.com");
        load(dev.ssosetup.core.provider.CredentialsFileTest.PLAIN);
        assertEquals("https://typed.example.com", vm.issuerProperty().get(), "the plain file knows no issuer");
        assertEquals("plain-id", vm.clientIdProperty().get());
        assertEquals("Filled from client.json: client ID, client type, client secret.",
                vm.credentialsStatusProperty().get());
    }

    @Test
    void aFileThatIsNotUnderstoodChangesNothingAndSaysWhy(@TempDir Path dir) throws Exception {
        vm.issuerProperty().set("https://typed.example.com");
        vm.clientIdProperty().set("typed-id");
        ProviderSettings before = state.providerProperty().get();
        load("{\"client_secret\":\"lonely-secret\"}");
        assertTrue(vm.credentialsRefusedProperty().get());
        assertTrue(vm.credentialsStatusProperty().get().contains("has no client_id"),
                vm.credentialsStatusProperty().get());
        assertFalse(vm.credentialsStatusProperty().get().contains("lonely-secret"));
        assertEquals(before, state.providerProperty().get(), "nothing is half-filled");

        Path key = dir.resolve("service-account.json");
        Files.writeString(key, "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\"}");
        vm.loadCredentialsFile(key);
        assertTrue(vm.credentialsStatusProperty().get().contains("service account key"));
        vm.loadCredentialsFile(dir.resolve("missing.json"));
        assertTrue(vm.credentialsStatusProperty().get().contains("Cannot read the file missing.json"),
                vm.credentialsStatusProperty().get());
        assertEquals(before, state.providerProperty().get());
    }

    @Test
    void aFileTooLargeOrAFolderIsRefusedThroughThePort(@TempDir Path dir) throws Exception {
        ProviderSettings before = state.providerProperty().get();
        Path big = Files.writeString(dir.resolve("big.json"), "{\"client_secret\":\"" + "x".repeat(70_000) + "\"}");
        vm.loadCredentialsFile(big);
        assertTrue(vm.credentialsRefusedProperty().get());
        assertTrue(vm.credentialsStatusProperty().get().contains("big.json is too large for a client credentials file"),
                vm.credentialsStatusProperty().get());
        vm.loadCredentialsFile(dir);
        assertTrue(vm.credentialsStatusProperty().get().startsWith("Cannot read the file " + dir.getFileName()),
                vm.credentialsStatusProperty().get());
        assertFalse(vm.credentialsStatusProperty().get().contains("xxxx"));
        assertEquals(before, state.providerProperty().get(), "nothing is half-filled");
    }

    @Test
    void aLoadedSecretIsNeverSavedInTheProfile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("okta.json");
        Files.writeString(file, dev.ssosetup.core.provider.CredentialsFileTest.OKTA);
        vm.loadCredentialsFile(file);
        assertEquals("okta-secret", state.providerProperty().get().clientSecret().reveal());
        String saved = new ProfileCodec().write(new Profile(state.configuration(), Map.of()));
        assertFalse(saved.contains("okta-secret"), saved);
        assertTrue(saved.contains("0oa1okta"));
    }
}
