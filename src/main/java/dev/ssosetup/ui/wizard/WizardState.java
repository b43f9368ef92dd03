package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.config.AuthorizerOptions;
import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.config.StepNote;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.LockoutEvidence;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
    private final ObjectProperty<LoginTestResult> loginResult =
            new SimpleObjectProperty<>();

    /**
     * The latest login test of this session (passed or failed), or null when none ran. It proves something only for
     * the settings it was run with: check {@code result.passed() && result.matches(providerProperty().get())}.
     */
    public ObjectProperty<LoginTestResult> loginResultProperty() {
        return loginResult;
    }

    // ---- keys (issue 5)

    // ---- review (issue 6)
    private final StringProperty idpJwksUri = new SimpleStringProperty("");
    private final ObjectProperty<AuthorizerOptions> authorizerOptions =
            new SimpleObjectProperty<>(AuthorizerOptions.defaults());
    private final ObjectProperty<Map<String, String>> loginTestOptions =
            new SimpleObjectProperty<>(Map.of());
    private final ObservableMap<String, List<Finding>>
            stepFindings = FXCollections.observableHashMap();
    private final ObservableList<StepNote> stepNotes =
            FXCollections.observableArrayList();
    private final ObjectProperty<Consumer<String>> stepNavigator =
            new SimpleObjectProperty<>(stepId -> { });

    /**
     * Shows the step with the given id (links such as "Go to Provider"). The composition root sets it once the
     * wizard exists: {@code state.stepNavigatorProperty().set(id -> wizard.goTo(wizard.indexOf(id)))}.
     */
    public ObjectProperty<Consumer<String>> stepNavigatorProperty() {
        return stepNavigator;
    }

    /**
     * The one configuration model as the steps have it now (the Review step renders it, the Push step sends it).
     * Holds the client secret typed in this session.
     */
    public SsoConfiguration configuration() {
        return new SsoConfiguration(provider.get(), authorizerOptions.get(), keys.get(),
                idpJwksUri.get());
    }

    /** Asks the wizard to show a step; does nothing until the navigator is set. */
    public void goToStep(String stepId) {
        stepNavigator.get().accept(stepId);
    }

    private final StringProperty providerCaFile = new javafx.beans.property.SimpleStringProperty("");

    /**
     * The PEM file of extra CAs the provider's TLS certificate chains to ("" for the platform's CAs only): typed in
     * the Provider step, used by its check and by the login test. Not saved in profiles (a path on this machine).
     */
    public StringProperty providerCaFileProperty() {
        return providerCaFile;
    }

    /** The IdP's {@code jwks_uri} exactly as discovered ("" while unknown). The Provider step sets it. */
    public StringProperty idpJwksUriProperty() {
        return idpJwksUri;
    }

    /** Authorizer settings the Provider step does not ask for; restored from profiles. */
    public ObjectProperty<AuthorizerOptions> authorizerOptionsProperty() {
        return authorizerOptions;
    }

    /** The Login test step's options as string pairs, saved in and restored from profiles ({@code loginTest}). */
    public ObjectProperty<Map<String, String>> loginTestOptionsProperty() {
        return loginTestOptions;
    }

    /** Open findings per step id (steps publish theirs here; the Review step lists them with a link back). */
    public ObservableMap<String, List<Finding>> stepFindings() {
        return stepFindings;
    }

    /** Verdicts other steps contribute to the review (login-test verdict, OpenMetadata preview ...). */
    public ObservableList<StepNote> stepNotes() {
        return stepNotes;
    }

    // ---- push (issue 7)
    private final ObjectProperty<LockoutEvidence> pushLockoutEvidence =
            new SimpleObjectProperty<>(LockoutEvidence.none());
    private final ObjectProperty<Consumer<String>> pushNavigator =
            new SimpleObjectProperty<>(stepId -> { });

    /** What this session's login test proved, for the Push step's lock-out guard (the lead maps the login result). */
    public ObjectProperty<LockoutEvidence> pushLockoutEvidenceProperty() {
        return pushLockoutEvidence;
    }

    /** How the Push step's "go to step" links move the wizard: set to {@code id -> wizard.goTo(wizard.indexOf(id))}. */
    public ObjectProperty<Consumer<String>> pushNavigatorProperty() {
        return pushNavigator;
    }

    // ---- session (issue 16)

    /**
     * Restores every step from a profile. The client secret typed in this session is kept when the profile is for the
     * same client; returns true when the profile's client is confidential and its secret must be typed again.
     */
    public boolean restore(dev.ssosetup.core.config.Profile profile) {
        SsoConfiguration c = profile.configuration();
        ProviderSettings now = provider.get();
        boolean sameClient = now.clientId().equals(c.provider().clientId())
                && now.issuer().equals(c.provider().issuer());
        dev.ssosetup.core.common.Secret keep = sameClient ? now.clientSecret()
                : dev.ssosetup.core.common.Secret.empty();
        authorizerOptions.set(c.authorizerOptions());
        keys.set(c.keys());
        idpJwksUri.set(c.idpJwksUri());
        loginTestOptions.set(profile.loginTest());
        provider.set(c.withClientSecret(keep).provider());
        return c.confidential() && keep.isEmpty();
    }

    private final ObjectProperty<SavedProfile> savedProfile = new SimpleObjectProperty<>();

    /**
     * The profile file of this session (null while it was never saved or opened). Whoever saves or opens a profile
     * sets it; the wizard compares it with {@link #profileSnapshot()} to know whether there are unsaved changes.
     */
    public ObjectProperty<SavedProfile> savedProfileProperty() {
        return savedProfile;
    }

    private final StringProperty profileFolder = new SimpleStringProperty("");

    /** The folder profile dialogs start in (the last one used, else the documents folder; "" while unknown). */
    public StringProperty profileFolderProperty() {
        return profileFolder;
    }

    private final StringProperty pushBackupFile = new SimpleStringProperty("");

    /** Where the last push put its backup of the previous configuration ("" before a push), for the Finish page. */
    public StringProperty pushBackupFileProperty() {
        return pushBackupFile;
    }

    /** Back to a new, empty session (File > New). */
    public void reset() {
        loginResult.set(null);
        discoveryReport.set(null);
        providerCaFile.set("");
        authorizerOptions.set(AuthorizerOptions.defaults());
        keys.set(JwtKeySettings.empty());
        idpJwksUri.set("");
        loginTestOptions.set(Map.of());
        provider.set(ProviderSettings.defaults());
        savedProfile.set(null);
    }

    /** What a saved profile of this session holds (no client secret: equal whatever secret was typed). */
    public dev.ssosetup.core.config.Profile profileSnapshot() {
        return new dev.ssosetup.core.config.Profile(
                configuration().withClientSecret(dev.ssosetup.core.common.Secret.empty()), loginTestOptions.get());
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
