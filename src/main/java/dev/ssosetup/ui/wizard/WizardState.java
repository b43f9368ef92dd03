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
