package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.ProviderSettings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the steps hand to each other during one session: each step publishes its result here and later steps read it.
 * Values are immutable core records; only the references change. One instance per wizard, built by the composition
 * root and given to the step view models that need it.
 */
public final class WizardState {
    private final ObjectProperty<ProviderSettings> provider = new SimpleObjectProperty<>(ProviderSettings.defaults());
    private final ObjectProperty<JwtKeySettings> keys = new SimpleObjectProperty<>(JwtKeySettings.empty());
    // ---- provider (issue 3)
    private final ObjectProperty<DiscoveryReport> discoveryReport = new SimpleObjectProperty<>();

    /**
     * The last discovery check's report (null before the first check): metadata, {@code jwks_uri}, endpoints and
     * findings for the login and review steps. It may be for older settings; compare with
     * {@link DiscoveryReport#isFor(String, String)}.
     */
    public ObjectProperty<DiscoveryReport> discoveryReportProperty() {
        return discoveryReport;
    }

    // ---- login (issue 4)
    private final ObjectProperty<dev.ssosetup.core.login.LoginTestResult> loginResult =
            new SimpleObjectProperty<>();

    /**
     * The latest login test of this session (passed or failed), or null when none ran. It proves something only for
     * the settings it was run with: check {@code result.passed() && result.matches(providerProperty().get())}.
     */
    public ObjectProperty<dev.ssosetup.core.login.LoginTestResult> loginResultProperty() {
        return loginResult;
    }

    // ---- keys (issue 5)

    // ---- review (issue 6)
    private final javafx.beans.property.StringProperty idpJwksUri = new javafx.beans.property.SimpleStringProperty("");
    private final ObjectProperty<dev.ssosetup.core.config.AuthorizerOptions> authorizerOptions =
            new SimpleObjectProperty<>(dev.ssosetup.core.config.AuthorizerOptions.defaults());
    private final ObjectProperty<java.util.Map<String, String>> loginTestOptions =
            new SimpleObjectProperty<>(java.util.Map.of());
    private final javafx.collections.ObservableMap<String, java.util.List<dev.ssosetup.core.common.Finding>>
            stepFindings = javafx.collections.FXCollections.observableHashMap();
    private final javafx.collections.ObservableList<dev.ssosetup.core.config.StepNote> stepNotes =
            javafx.collections.FXCollections.observableArrayList();
    private final ObjectProperty<java.util.function.Consumer<String>> stepNavigator =
            new SimpleObjectProperty<>(stepId -> { });

    /**
     * Shows the step with the given id (links such as "Go to Provider"). The composition root sets it once the
     * wizard exists: {@code state.stepNavigatorProperty().set(id -> wizard.goTo(wizard.indexOf(id)))}.
     */
    public ObjectProperty<java.util.function.Consumer<String>> stepNavigatorProperty() {
        return stepNavigator;
    }

    /**
     * The one configuration model as the steps have it now (the Review step renders it, the Push step sends it).
     * Holds the client secret typed in this session.
     */
    public dev.ssosetup.core.config.SsoConfiguration configuration() {
        return new dev.ssosetup.core.config.SsoConfiguration(provider.get(), authorizerOptions.get(), keys.get(),
                idpJwksUri.get());
    }

    /** Asks the wizard to show a step; does nothing until the navigator is set. */
    public void goToStep(String stepId) {
        stepNavigator.get().accept(stepId);
    }

    /** The IdP's {@code jwks_uri} exactly as discovered ("" while unknown). The Provider step sets it. */
    public javafx.beans.property.StringProperty idpJwksUriProperty() {
        return idpJwksUri;
    }

    /** Authorizer settings the Provider step does not ask for; restored from profiles. */
    public ObjectProperty<dev.ssosetup.core.config.AuthorizerOptions> authorizerOptionsProperty() {
        return authorizerOptions;
    }

    /** The Login test step's options as string pairs, saved in and restored from profiles ({@code loginTest}). */
    public ObjectProperty<java.util.Map<String, String>> loginTestOptionsProperty() {
        return loginTestOptions;
    }

    /** Open findings per step id (steps publish theirs here; the Review step lists them with a link back). */
    public javafx.collections.ObservableMap<String, java.util.List<dev.ssosetup.core.common.Finding>> stepFindings() {
        return stepFindings;
    }

    /** Verdicts other steps contribute to the review (login-test verdict, OpenMetadata preview ...). */
    public javafx.collections.ObservableList<dev.ssosetup.core.config.StepNote> stepNotes() {
        return stepNotes;
    }

    // ---- push (issue 7)
    private final ObjectProperty<dev.ssosetup.core.push.LockoutEvidence> pushLockoutEvidence =
            new SimpleObjectProperty<>(dev.ssosetup.core.push.LockoutEvidence.none());
    private final ObjectProperty<java.util.function.Consumer<String>> pushNavigator =
            new SimpleObjectProperty<>(stepId -> { });

    /** What this session's login test proved, for the Push step's lock-out guard (the lead maps the login result). */
    public ObjectProperty<dev.ssosetup.core.push.LockoutEvidence> pushLockoutEvidenceProperty() {
        return pushLockoutEvidence;
    }

    /** How the Push step's "go to step" links move the wizard: set to {@code id -> wizard.goTo(wizard.indexOf(id))}. */
    public ObjectProperty<java.util.function.Consumer<String>> pushNavigatorProperty() {
        return pushNavigator;
    }

    // ---- end

    /** The Provider step's settings (never null). */
    public ObjectProperty<ProviderSettings> providerProperty() {
        return provider;
    }

    /** The Keys step's settings for OpenMetadata's {@code jwtTokenConfiguration} (never null). */
    public ObjectProperty<JwtKeySettings> keysProperty() {
        return keys;
    }
}
