package dev.ssosetup.ui.provider;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.testsupport.MemorySecretStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Provider step's "Remember the client secret in the system keychain": a second session types no secret. */
class ProviderKeychainTest {
    private static final HttpGatewayFactory NO_NETWORK = pem -> request -> {
        throw new AssertionError("no network in this test");
    };
    private static final String ISSUER = "https://idp.example.com/realms/corp";
    private final Messages messages = Messages.load();
    private final MemorySecretStore keychain = new MemorySecretStore();

    private ProviderViewModel session() {
        return new ProviderViewModel(new WizardState(), new InlineBackgroundRunner(), NO_NETWORK, new LocalOperatorFiles(), messages, keychain);
    }

    private static ProviderSettings profile(String clientId) { // a saved profile never holds the secret
        return ProviderSettings.builder().preset(Preset.CUSTOM_OIDC).providerName("Corp SSO").issuer(ISSUER)
                .clientType(ClientType.CONFIDENTIAL).clientId(clientId).clientSecret(Secret.empty())
                .scopes(List.of("openid", "email")).clientAuthMethod(ClientAuthMethod.CLIENT_SECRET_POST)
                .tokenValidationAlgorithm("RS256").serverUrl("https://om.example.com")
                .principalClaims(List.of("email")).adminPrincipals(List.of("alice")).build();
    }

    private static void type(ProviderViewModel vm, String clientId, String secret) {
        vm.issuerProperty().set(ISSUER);
        vm.clientTypeProperty().set(ClientType.CONFIDENTIAL);
        vm.clientIdProperty().set(clientId);
        vm.clientSecretProperty().set(secret);
    }

    @Test
    void aSecondSessionOpeningTheProfileNeedsNoSecretTyped() {
        ProviderViewModel first = session();
        type(first, "openmetadata", "typed-once");
        first.rememberSecretProperty().set(true);
        first.onLeave();
        assertEquals(Secret.of("typed-once"), keychain.entries().get(SecretKey.clientSecret(ISSUER, "openmetadata")));
        assertEquals(messages.get("secrets.provider.stored"), first.keychainStatusProperty().get());
        assertEquals(1, keychain.writes(), "leaving the step again does not store the same secret again");

        WizardState state = new WizardState();
        ProviderViewModel second = new ProviderViewModel(state, new InlineBackgroundRunner(), NO_NETWORK, new LocalOperatorFiles(), messages,
                keychain);
        state.providerProperty().set(profile("openmetadata")); // the Review step opened the saved profile
        assertEquals("typed-once", second.clientSecretProperty().get());
        assertEquals(Secret.of("typed-once"), state.providerProperty().get().clientSecret());
        assertTrue(second.rememberSecretProperty().get(), "the profile says its secret is remembered");
        assertTrue(second.secretRememberedProperty().get());
        assertEquals(messages.get("secrets.provider.filled"), second.keychainStatusProperty().get());
        second.onLeave();
        assertEquals(1, keychain.writes(), "a filled secret is not written back");
    }

    @Test
    void rememberingIsOffByDefaultAndNothingIsStoredUnasked() {
        ProviderViewModel vm = session();
        type(vm, "openmetadata", "not-to-keep");
        assertFalse(vm.rememberSecretProperty().get());
        vm.onLeave();
        assertTrue(keychain.entries().isEmpty());
    }

    @Test
    void anotherClientIdGetsNothingAndForgetRemovesTheSecret() {
        ProviderViewModel first = session();
        type(first, "client-a", "secret-a");
        first.rememberSecretProperty().set(true);

        WizardState state = new WizardState();
        ProviderViewModel other = new ProviderViewModel(state, new InlineBackgroundRunner(), NO_NETWORK, new LocalOperatorFiles(), messages,
                keychain);
        state.providerProperty().set(profile("client-b"));
        assertEquals("", other.clientSecretProperty().get(), "two profiles never share a secret");
        assertFalse(other.rememberSecretProperty().get());

        state.providerProperty().set(profile("client-a"));
        assertEquals("secret-a", other.clientSecretProperty().get());
        assertTrue(other.rememberSecretProperty().get());
        state.providerProperty().set(profile("client-b"));
        assertFalse(other.rememberSecretProperty().get(), "the box follows the opened profile's own entry");
        other.clientSecretProperty().set("typed-for-b");
        other.onLeave();
        assertEquals(1, keychain.entries().size(), "b's secret is not stored unasked");

        state.providerProperty().set(profile("client-a"));
        other.forgetRememberedSecret();
        assertTrue(keychain.entries().isEmpty());
        assertFalse(other.rememberSecretProperty().get());
        assertFalse(other.secretRememberedProperty().get());
        assertEquals(messages.get("secrets.provider.forgotten"), other.keychainStatusProperty().get());
    }

    @Test
    void withoutAKeychainTheStepSaysWhyAndWorksAsToday() {
        keychain.fail(new KeychainProblem(KeychainProblem.Kind.NO_SESSION, ""));
        ProviderViewModel vm = session();
        type(vm, "openmetadata", "typed-each-time");
        vm.rememberSecretProperty().set(true);
        String status = vm.keychainStatusProperty().get();
        assertTrue(status.contains(messages.get("secrets.problem.NO_SESSION")), status);
        assertFalse(status.contains("typed-each-time"));
        assertEquals(Secret.of("typed-each-time"), vm.settingsProperty().get().clientSecret(), "works as today");
        assertFalse(vm.secretRememberedProperty().get());

        keychain.fail(new KeychainProblem(KeychainProblem.Kind.LOCKED, ""));
        WizardState state = new WizardState();
        ProviderViewModel second = new ProviderViewModel(state, new InlineBackgroundRunner(), NO_NETWORK, new LocalOperatorFiles(), messages,
                keychain);
        state.providerProperty().set(profile("openmetadata"));
        assertEquals("", second.clientSecretProperty().get(), "falls back to asking");
        assertTrue(second.keychainStatusProperty().get().contains(messages.get("secrets.problem.LOCKED")));
    }
}
