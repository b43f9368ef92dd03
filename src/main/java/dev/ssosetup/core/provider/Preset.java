package dev.ssosetup.core.provider;

import java.util.List;
import java.util.Optional;

/**
 * Identity-provider presets. Each preset knows what it can fill (an issuer template, a display name) and what the
 * operator still has to supply (the upper-case or braced parts of the template, such as {@code HOST} or
 * {@code {tenant}}). {@code omProvider} is the value OpenMetadata expects in
 * {@code authenticationConfiguration.provider}.
 */
public enum Preset {
    CUSTOM_OIDC("custom-oidc", "", "", List.of()),
    KEYCLOAK("custom-oidc", "https://HOST/realms/REALM", "Keycloak", List.of("HOST", "REALM")),
    OKTA("okta", "https://DOMAIN/oauth2/default", "Okta", List.of("DOMAIN")),
    ENTRA_ID("azure", "https://login.microsoftonline.com/{tenant}/v2.0", "Microsoft", List.of("{tenant}")),
    GOOGLE("google", "https://accounts.google.com", "Google", List.of()),
    AUTH0("auth0", "https://DOMAIN/", "Auth0", List.of("DOMAIN")),
    COGNITO("aws-cognito", "https://cognito-idp.{region}.amazonaws.com/{userPoolId}", "Amazon Cognito",
            List.of("{region}", "{userPoolId}"));

    private final String omProvider;
    private final String issuerTemplate;
    private final String displayName;
    private final List<String> placeholders;

    Preset(String omProvider, String issuerTemplate, String displayName, List<String> placeholders) {
        this.omProvider = omProvider;
        this.issuerTemplate = issuerTemplate;
        this.displayName = displayName;
        this.placeholders = placeholders;
    }

    public String omProvider() {
        return omProvider;
    }

    /** The issuer with the parts the operator must replace; empty for a custom provider. */
    public String issuerTemplate() {
        return issuerTemplate;
    }

    /** What OpenMetadata's "Sign in with ..." button should say by default; empty for a custom provider. */
    public String displayName() {
        return displayName;
    }

    /** The parts of {@link #issuerTemplate()} that the operator must replace. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** Entra ID needs a tenant (a GUID, a verified domain, or {@code organizations}). */
    public boolean needsTenant() {
        return this == ENTRA_ID;
    }

    /**
     * The issuer for this preset with the tenant filled in (Entra ID only); the template itself for the others.
     */
    public String issuerFor(String tenant) {
        if (needsTenant() && tenant != null && !tenant.isBlank()) {
            return issuerTemplate.replace("{tenant}", tenant.strip());
        }
        return issuerTemplate;
    }

    /** True when {@code issuer} is what this preset would have filled (for any tenant): it may be replaced freely. */
    public boolean isTemplateFilled(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return true;
        }
        if (issuer.equals(issuerTemplate)) {
            return true;
        }
        return needsTenant() && issuer.matches("https://login\\.microsoftonline\\.com/[^/]+/v2\\.0");
    }

    /** The preset whose template {@code issuer} still is, if any. */
    public static Optional<Preset> byTemplate(String issuer) {
        for (Preset p : values()) {
            if (!p.issuerTemplate.isEmpty() && p.isTemplateFilled(issuer) && issuer != null && !issuer.isBlank()) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
