package dev.ssosetup.core.config;

import java.util.List;
import java.util.Objects;

/**
 * The authorizer settings that the Provider step does not ask for (admins, principal domain and registration domains
 * live in {@link dev.ssosetup.core.provider.ProviderSettings}). Kept separate so that nothing is held twice.
 */
public record AuthorizerOptions(List<String> allowedDomains, boolean enableSecureSocketConnection,
                                boolean useRolesFromProvider) {
    public AuthorizerOptions {
        allowedDomains = List.copyOf(Objects.requireNonNullElse(allowedDomains, List.of()));
    }

    /** OpenMetadata's defaults: no extra allowed domains, no secure socket, roles not taken from the IdP. */
    public static AuthorizerOptions defaults() {
        return new AuthorizerOptions(List.of(), false, false);
    }
}
