package dev.ssosetup.core.provider;

/**
 * Identity-provider presets. {@code omProvider} is the value OpenMetadata expects in
 * {@code authenticationConfiguration.provider}.
 */
public enum Preset {
    CUSTOM_OIDC("custom-oidc"),
    KEYCLOAK("custom-oidc"),
    OKTA("okta"),
    ENTRA_ID("azure"),
    GOOGLE("google"),
    AUTH0("auth0"),
    COGNITO("aws-cognito");

    private final String omProvider;

    Preset(String omProvider) {
        this.omProvider = omProvider;
    }

    public String omProvider() {
        return omProvider;
    }
}
