package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * The one configuration model: everything the earlier steps gathered. Every output (security-config JSON,
 * openmetadata.yaml, .env, Helm values, Collate sheet) is rendered from this value and from nothing else.
 *
 * <p>{@code idpJwksUri} is the identity provider's {@code jwks_uri} exactly as its discovery document states it. It is
 * an input because discovery belongs to the Provider step; when it is blank the model says it is unknown
 * ({@link #idpJwksKnown()}) and the review reports it, rather than guessing a URL.
 */
public record SsoConfiguration(ProviderSettings provider, AuthorizerOptions authorizerOptions, JwtKeySettings keys,
                               String idpJwksUri) {
    /** OpenMetadata's own JWKS endpoint below the server URL. */
    public static final String SERVER_JWKS_PATH = "/api/v1/system/config/jwks";
    public static final int TOKEN_VALIDITY_SECONDS = 3600;
    public static final int SESSION_EXPIRY_SECONDS = 604800;

    public SsoConfiguration {
        provider = Objects.requireNonNullElse(provider, ProviderSettings.defaults());
        authorizerOptions = Objects.requireNonNullElse(authorizerOptions, AuthorizerOptions.defaults());
        keys = Objects.requireNonNullElse(keys, JwtKeySettings.empty());
        idpJwksUri = idpJwksUri == null ? "" : idpJwksUri.strip();
    }

    public static SsoConfiguration of(ProviderSettings provider, JwtKeySettings keys, String idpJwksUri) {
        return new SsoConfiguration(provider, AuthorizerOptions.defaults(), keys, idpJwksUri);
    }

    public SsoConfiguration withProvider(ProviderSettings p) {
        return new SsoConfiguration(p, authorizerOptions, keys, idpJwksUri);
    }

    /** The same configuration with another client secret (for example read from a file the operator named). */
    public SsoConfiguration withClientSecret(Secret secret) {
        return withProvider(provider.toBuilder().clientSecret(secret).build());
    }

    /** OpenMetadata's base URL without trailing slashes; empty while not set. */
    public String serverUrl() {
        String s = provider.serverUrl().strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    public String callbackUrl() {
        return provider.callbackUrl();
    }

    /** {@code <server>/api/v1/system/config/jwks}; empty while the server URL is not set. */
    public String serverJwksUrl() {
        return serverUrl().isEmpty() ? "" : serverUrl() + SERVER_JWKS_PATH;
    }

    public boolean idpJwksKnown() {
        return !idpJwksUri.isEmpty();
    }

    /** The IdP's {@code jwks_uri} (when known) and OpenMetadata's own JWKS URL (when the server is known), no dupes. */
    public List<String> publicKeyUrls() {
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        if (idpJwksKnown()) {
            urls.add(idpJwksUri);
        }
        if (!serverJwksUrl().isEmpty()) {
            urls.add(serverJwksUrl());
        }
        return List.copyOf(urls);
    }

    public boolean confidential() {
        return provider.clientType() == ClientType.CONFIDENTIAL;
    }

    /**
     * {@code code} for confidential clients (server-side flow); for public SPA clients the chosen flow,
     * {@code id_token} (implicit, OpenMetadata's default) or {@code code} (PKCE).
     */
    public String responseType() {
        return provider.effectiveResponseType().wire();
    }

    /** {@code authority}: the issuer without a trailing slash. */
    public String authority() {
        String s = provider.issuer().strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** The provider's display name: the one typed, else a name from the preset (OpenMetadata wants it non-empty). */
    public String providerName() {
        if (!provider.providerName().isBlank()) {
            return provider.providerName().strip();
        }
        return switch (provider.preset()) {
            case CUSTOM_OIDC -> "Custom OIDC";
            case KEYCLOAK -> "Keycloak";
            case OKTA -> "Okta";
            case ENTRA_ID -> "Microsoft Entra ID";
            case GOOGLE -> "Google";
            case AUTH0 -> "Auth0";
            case COGNITO -> "Amazon Cognito";
        };
    }

    public String omProvider() {
        return provider.preset().omProvider();
    }

    public String scope() {
        return String.join(" ", provider.scopes());
    }

    /** {@code jwtPrincipalClaimsMapping} entries as OpenMetadata wants them: {@code username:<claim>} first. */
    public List<String> principalClaimsMapping() {
        List<String> out = new ArrayList<>();
        var m = provider.principalClaimsMapping();
        if (m.containsKey("username")) {
            out.add("username:" + m.get("username"));
        }
        if (m.containsKey("email")) {
            out.add("email:" + m.get("email"));
        }
        m.keySet().stream().filter(k -> !k.equals("username") && !k.equals("email")).sorted()
                .forEach(k -> out.add(k + ":" + m.get(k)));
        return out;
    }

    /** OpenMetadata's authorizer configuration for this model; registration domains default to {@code all}. */
    public AuthorizerSettings authorizer() {
        List<String> registration = provider.allowedRegistrationDomains().isEmpty()
                ? List.of("all") : provider.allowedRegistrationDomains();
        return new AuthorizerSettings(provider.adminPrincipals(), provider.principalDomain().strip(),
                provider.enforcePrincipalDomain(), registration, authorizerOptions.allowedDomains(),
                authorizerOptions.enableSecureSocketConnection(), authorizerOptions.useRolesFromProvider());
    }

    /** The tenant to send: the one typed, else "" (OpenMetadata's schema wants the field whenever OIDC is sent). */
    public String tenant() {
        return provider.tenant().strip();
    }

    public boolean isEntra() {
        return provider.preset() == Preset.ENTRA_ID;
    }
}
