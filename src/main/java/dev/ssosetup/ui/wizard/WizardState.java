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

    // ---- push (issue 7)

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
