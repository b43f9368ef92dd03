package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Secret;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the Provider step gathers, as one immutable value. The client secret is a {@link Secret} so that it never
 * prints. Lists and maps are copied; nulls become empty values.
 */
public record ProviderSettings(
        Preset preset,
        String providerName,
        String issuer,
        String discoveryUrl,
        String tenant,
        ClientType clientType,
        String clientId,
        Secret clientSecret,
        List<String> scopes,
        ClientAuthMethod clientAuthMethod,
        String tokenValidationAlgorithm,
        String serverUrl,
        List<String> principalClaims,
        Map<String, String> principalClaimsMapping,
        List<String> adminPrincipals,
        String principalDomain,
        boolean enforcePrincipalDomain,
        List<String> allowedRegistrationDomains,
        boolean selfSignup) {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
    public static final List<String> DEFAULT_PRINCIPAL_CLAIMS = List.of("email", "preferred_username", "sub");

    public ProviderSettings {
        preset = Objects.requireNonNullElse(preset, Preset.CUSTOM_OIDC);
        providerName = nz(providerName);
        issuer = nz(issuer);
        discoveryUrl = nz(discoveryUrl);
        tenant = nz(tenant);
        clientType = Objects.requireNonNullElse(clientType, ClientType.PUBLIC);
        clientId = nz(clientId);
        clientSecret = Objects.requireNonNullElse(clientSecret, Secret.empty());
        scopes = List.copyOf(Objects.requireNonNullElse(scopes, List.of()));
        clientAuthMethod = Objects.requireNonNullElse(clientAuthMethod, ClientAuthMethod.CLIENT_SECRET_POST);
        tokenValidationAlgorithm = tokenValidationAlgorithm == null || tokenValidationAlgorithm.isBlank()
                ? "RS256" : tokenValidationAlgorithm;
        serverUrl = nz(serverUrl);
        principalClaims = List.copyOf(Objects.requireNonNullElse(principalClaims, List.of()));
        principalClaimsMapping = Map.copyOf(Objects.requireNonNullElse(principalClaimsMapping, Map.of()));
        adminPrincipals = List.copyOf(Objects.requireNonNullElse(adminPrincipals, List.of()));
        principalDomain = nz(principalDomain);
        allowedRegistrationDomains = List.copyOf(Objects.requireNonNullElse(allowedRegistrationDomains, List.of()));
    }

    /** A fresh form: custom OIDC, public client, OpenMetadata's defaults. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Preset.CUSTOM_OIDC, "", "", "", "", ClientType.PUBLIC, "", Secret.empty(),
                DEFAULT_SCOPES, ClientAuthMethod.CLIENT_SECRET_POST, "RS256", "", DEFAULT_PRINCIPAL_CLAIMS, Map.of(),
                List.of(), "", false, List.of(), true);
    }

    /** The discovery URL in force: the one typed, else {@code issuer + /.well-known/openid-configuration}. */
    public String effectiveDiscoveryUrl() {
        if (!discoveryUrl.isBlank()) {
            return discoveryUrl.strip();
        }
        return discoveryUrlFor(issuer);
    }

    /** {@code issuer + /.well-known/openid-configuration} (OpenID Connect Discovery 1.0, path kept); empty for none. */
    public static String discoveryUrlFor(String issuer) {
        String base = issuer == null ? "" : issuer.strip();
        if (base.isEmpty()) {
            return "";
        }
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/.well-known/openid-configuration";
    }

    /** {@code <server>/callback}, the redirect URI OpenMetadata uses; empty while no server URL is set. */
    public String callbackUrl() {
        String base = serverUrl.strip();
        if (base.isEmpty()) {
            return "";
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + "/callback";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
