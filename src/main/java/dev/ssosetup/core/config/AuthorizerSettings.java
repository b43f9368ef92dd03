package dev.ssosetup.core.config;

import java.util.List;

/**
 * OpenMetadata's {@code authorizerConfiguration} as derived from the model: the fixed class names plus what the
 * operator chose. A view computed by {@link SsoConfiguration#authorizer()}, never stored on its own.
 */
public record AuthorizerSettings(List<String> adminPrincipals, String principalDomain, boolean enforcePrincipalDomain,
                                 List<String> allowedEmailRegistrationDomains, List<String> allowedDomains,
                                 boolean enableSecureSocketConnection, boolean useRolesFromProvider) {
    public static final String CLASS_NAME = "org.openmetadata.service.security.DefaultAuthorizer";
    public static final String CONTAINER_REQUEST_FILTER = "org.openmetadata.service.security.JwtFilter";

    public AuthorizerSettings {
        adminPrincipals = List.copyOf(adminPrincipals);
        allowedEmailRegistrationDomains = List.copyOf(allowedEmailRegistrationDomains);
        allowedDomains = List.copyOf(allowedDomains);
    }
}
