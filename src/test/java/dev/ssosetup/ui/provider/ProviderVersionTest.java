package dev.ssosetup.ui.provider;

import dev.ssosetup.core.provider.FormValidation.Field;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.infra.net.JdkHttpGatewayFactory;
import dev.ssosetup.testserver.OpenMetadataTestServer;
import dev.ssosetup.testserver.PushFixture;
import dev.ssosetup.ui.task.InlineBackgroundRunner;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.infra.common.LocalOperatorFiles;
import dev.ssosetup.ui.wizard.WizardState;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Provider step offers the target version's choices and detects the version from the server (issue 18). */
class ProviderVersionTest {
    private ProviderViewModel vm(WizardState state) {
        return new ProviderViewModel(state, new InlineBackgroundRunner(), new JdkHttpGatewayFactory(),
                new LocalOperatorFiles(), Messages.load());
    }

    @Test
    void esAlgorithmsAreOfferedFromOnePointThirteenAndTheChoiceReachesTheModel() {
        WizardState state = new WizardState();
        ProviderViewModel vm = vm(state);
        assertFalse(vm.versionAlgorithms().contains("ES256"));
        vm.omVersionProperty().set(OpenMetadataVersion.V1_13);
        assertTrue(vm.versionAlgorithms().contains("ES256"));
        vm.algorithmProperty().set("ES256");
        assertEquals("ES256", state.providerProperty().get().tokenValidationAlgorithm());
        assertFalse(vm.validationProperty().get().problems().containsKey(Field.ALGORITHM));
        vm.omVersionProperty().set(OpenMetadataVersion.V1_12);
        assertTrue(vm.validationProperty().get().problems().containsKey(Field.ALGORITHM),
                "ES256 is refused once the target is older than 1.13");
    }

    @Test
    void twoPointZeroSessionSettingsAndPromptAreChecked() {
        WizardState state = new WizardState();
        ProviderViewModel vm = vm(state);
        vm.omVersionProperty().set(OpenMetadataVersion.V2_0);
        vm.sessionExpiryProperty().set("60");
        assertTrue(vm.validationProperty().get().problems().containsKey(Field.SESSION_EXPIRY));
        vm.sessionExpiryProperty().set("7200");
        vm.maxActiveSessionsPerUserProperty().set("3");
        assertFalse(vm.validationProperty().get().problems().containsKey(Field.SESSION_EXPIRY));
        assertEquals(7200, state.providerProperty().get().sessionExpirySeconds());
        assertEquals(3, state.providerProperty().get().maxActiveSessionsPerUser());
        vm.promptProperty().set("none");
        assertTrue(vm.validationProperty().get().problems().containsKey(Field.PROMPT));
        vm.promptProperty().set("select_account");
        assertFalse(vm.validationProperty().get().problems().containsKey(Field.PROMPT));
        vm.presetProperty().set(Preset.GOOGLE);
        vm.promptProperty().set("login");
        assertTrue(vm.validationProperty().get().problems().containsKey(Field.PROMPT), "Google refuses login");
    }

    @Test
    void detectAsksTheServerAndChoosesItsRelease() throws IOException {
        try (PushFixture fx = new PushFixture()) {
            fx.om.mode(OpenMetadataTestServer.Mode.V2_0);
            WizardState state = new WizardState();
            ProviderViewModel vm = vm(state);
            vm.serverUrlProperty().set(fx.om.baseUrl());
            vm.detectVersion();
            assertEquals(OpenMetadataVersion.V2_0, vm.omVersionProperty().get(), vm.versionStatusProperty().get());
            assertEquals(OpenMetadataVersion.V2_0, state.providerProperty().get().openMetadataVersion());
            assertTrue(vm.versionStatusProperty().get().contains("2.0.1"), vm.versionStatusProperty().get());
            fx.om.version("1.12.3");
            vm.detectVersion();
            assertEquals(OpenMetadataVersion.V1_12, vm.omVersionProperty().get());
        }
    }
}
