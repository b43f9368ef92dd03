package dev.ssosetup.ui.provider;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Settings that arrive from outside the form (a profile opened in the Review step) refill every field. */
class ProviderRestoreTest {
    private static final HttpGatewayFactory NO_NETWORK = pem -> request -> {
        throw new AssertionError("no network in this test");
    };

    @Test
    void aProfileOpenedElsewhereRefillsTheForm() {
        WizardState state = new WizardState();
        ProviderViewModel vm = new ProviderViewModel(state, new InlineBackgroundRunner(), NO_NETWORK, new LocalOperatorFiles(), Messages.load());
        vm.issuerProperty().set("https://typed.example.com");

        ProviderSettings fromProfile = ProviderSettings.builder().preset(Preset.KEYCLOAK)
                .providerName("Corp SSO").issuer("https://idp.example.com/realms/corp")
                .clientType(ClientType.CONFIDENTIAL).clientId("openmetadata").clientSecret(Secret.of("kept-secret"))
                .scopes(List.of("openid", "email")).clientAuthMethod(null).tokenValidationAlgorithm("RS256")
                .serverUrl("https://om.example.com").principalClaims(List.of("email", "sub"))
                .adminPrincipals(List.of("alice")).principalDomain("example.com").enforcePrincipalDomain(true)
                .allowedRegistrationDomains(List.of("example.com")).selfSignup(false).build();
        state.providerProperty().set(fromProfile);

        assertEquals(Preset.KEYCLOAK, vm.presetProperty().get());
        assertEquals("Corp SSO", vm.providerNameProperty().get());
        assertEquals("https://idp.example.com/realms/corp", vm.issuerProperty().get());
        assertEquals(ClientType.CONFIDENTIAL, vm.clientTypeProperty().get());
        assertEquals("openmetadata", vm.clientIdProperty().get());
        assertEquals("kept-secret", vm.clientSecretProperty().get());
        assertEquals("https://om.example.com", vm.serverUrlProperty().get());
        assertEquals("alice", vm.adminPrincipalsProperty().get());
        assertEquals(fromProfile, state.providerProperty().get(), "the form publishes exactly what was loaded");
        assertEquals(fromProfile, vm.settingsProperty().get());
        assertFalse(vm.validProperty().get(), "a restored provider must be checked again before Next");
    }
}
