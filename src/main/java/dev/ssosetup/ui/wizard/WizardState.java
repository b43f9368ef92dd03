package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.keys.JwtKeySettings;
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

    // ---- login (issue 4)

    // ---- keys (issue 5)

    // ---- review (issue 6)

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
