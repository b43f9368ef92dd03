package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.login.LoginAttempt;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.login.FailureStage;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login test as the Push guard and the Review summary see it, following later edits of the settings. */
class CrossStepLinksTest {
    private final WizardState state = new WizardState();

    private static ProviderSettings settings(List<String> admins) {
        return ProviderSettings.builder().preset(Preset.CUSTOM_OIDC).providerName("IdP")
                .issuer("https://idp.example.com").clientType(ClientType.PUBLIC).clientId("om")
                .scopes(List.of("openid", "email", "profile")).clientAuthMethod(null).tokenValidationAlgorithm("RS256")
                .serverUrl("https://om.example.com").principalClaims(List.of("email", "preferred_username", "sub"))
                .adminPrincipals(admins).principalDomain("example.com").enforcePrincipalDomain(false)
                .allowedRegistrationDomains(List.of()).selfSignup(true).build();
    }

    private static LoginTestResult passedAs(String email, ProviderSettings s) {
        Map<String, Object> claims = Map.of("sub", "123", "email", email);
        return new LoginTestResult.Passed(new LoginAttempt(Instant.now(), s, s.issuer(), "http://127.0.0.1:1/callback",
                s.scopes(), 0), claims, Map.of(), OpenMetadataPreview.of(s, claims, Map.of()), List.of());
    }

    private String note(String key) {
        return state.stepNotes().stream().filter(n -> n.key().equals(key)).map(StepNote::text).findFirst().orElse("");
    }

    private Severity severity(String key) {
        return state.stepNotes().stream().filter(n -> n.key().equals(key)).map(StepNote::severity).findFirst()
                .orElseThrow();
    }

    @Test
    void aPassedLoginOfAnAdminProvesAccessUntilTheAdminsChange() {
        CrossStepLinks.install(state, Messages.load());
        assertEquals(LockoutEvidence.none(), state.pushLockoutEvidenceProperty().get());
        assertTrue(note("loginVerdict").contains("No login test"));

        ProviderSettings s = settings(List.of("alice"));
        state.providerProperty().set(s);
        state.loginResultProperty().set(passedAs("alice@example.com", s));
        assertTrue(state.pushLockoutEvidenceProperty().get().provesAdminAccess());
        assertEquals("alice", state.pushLockoutEvidenceProperty().get().principal());
        assertEquals(Severity.INFO, severity("omPreview"));

        // the operator removes alice from the admins after the test: the proof is withdrawn at once
        state.providerProperty().set(settings(List.of("bob")));
        assertFalse(state.pushLockoutEvidenceProperty().get().provesAdminAccess());
        assertTrue(state.pushLockoutEvidenceProperty().get().loginPassed());
        assertEquals(Severity.ERROR, severity("omPreview"));
        assertTrue(note("omPreview").contains("lock you out"), note("omPreview"));
    }

    @Test
    void aLoginForOtherSettingsOrAFailedOneProvesNothing() {
        CrossStepLinks.install(state, Messages.load());
        ProviderSettings s = settings(List.of("alice"));
        state.providerProperty().set(s);
        ProviderSettings otherIssuer = s.toBuilder().issuer("https://other.example.com").build();
        state.loginResultProperty().set(passedAs("alice@example.com", otherIssuer));
        assertFalse(state.pushLockoutEvidenceProperty().get().loginPassed(), "a login at another issuer");
        assertTrue(note("loginVerdict").contains("other provider settings"), note("loginVerdict"));

        state.loginResultProperty().set(new LoginTestResult.Failed(new LoginAttempt(Instant.now(), s, s.issuer(),
                "", s.scopes(), 0), FailureStage.values()[0],
                dev.ssosetup.testsupport.En.words("access_denied"), null, Map.of(), Map.of(), List.of()));
        assertFalse(state.pushLockoutEvidenceProperty().get().loginPassed());
        assertEquals(Severity.ERROR, severity("loginVerdict"));
        assertTrue(note("loginVerdict").contains("access_denied"));
    }

    @Test
    void thePushUrlStartsAsTheProviderStepsAndKeepsWhatTheOperatorTyped() {
        javafx.beans.property.StringProperty pushUrl = new javafx.beans.property.SimpleStringProperty("");
        CrossStepLinks.followServerUrl(state, pushUrl);
        state.providerProperty().set(settings(List.of("alice")));
        assertEquals("https://om.example.com", pushUrl.get(), "prefilled from the Provider step");
        state.providerProperty().set(state.providerProperty().get().toBuilder().serverUrl("https://om2.example.com")
                .build());
        assertEquals("https://om2.example.com", pushUrl.get(), "follows it while untouched");
        pushUrl.set("https://staging.example.com");
        state.providerProperty().set(state.providerProperty().get().toBuilder().serverUrl("https://om3.example.com")
                .build());
        assertEquals("https://staging.example.com", pushUrl.get(), "never overwrites what was typed");
    }
}
