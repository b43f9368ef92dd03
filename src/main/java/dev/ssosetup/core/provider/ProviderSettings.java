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
        ResponseType responseType,
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
        boolean selfSignup,
        OpenMetadataVersion openMetadataVersion,
        int sessionExpirySeconds,
        int maxActiveSessionsPerUser,
        String teamClaimMapping,
        String defaultOAuthRole,
        String prompt,
        Deployment deployment) {

    public static final List<String> DEFAULT_SCOPES = List.of("openid", "email", "profile");
    public static final List<String> DEFAULT_PRINCIPAL_CLAIMS = List.of("email", "preferred_username", "sub");
    /** OpenMetadata 2.0's session lifetime default (7 days), and the schema's minimum (1 hour). */
    public static final int DEFAULT_SESSION_EXPIRY_SECONDS = 604800;
    public static final int MIN_SESSION_EXPIRY_SECONDS = 3600;
    /** OpenMetadata 2.0's default cap on concurrent sessions per user. */
    public static final int DEFAULT_MAX_ACTIVE_SESSIONS = 5;

    public ProviderSettings {
        preset = Objects.requireNonNullElse(preset, Preset.CUSTOM_OIDC);
        providerName = nz(providerName);
        issuer = nz(issuer);
        discoveryUrl = nz(discoveryUrl);
        tenant = nz(tenant);
        clientType = Objects.requireNonNullElse(clientType, ClientType.PUBLIC);
        responseType = Objects.requireNonNullElse(responseType, ResponseType.ID_TOKEN);
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
        openMetadataVersion = Objects.requireNonNullElse(openMetadataVersion, OpenMetadataVersion.LEGACY_DEFAULT);
        teamClaimMapping = nz(teamClaimMapping);
        defaultOAuthRole = nz(defaultOAuthRole);
        prompt = nz(prompt);
        deployment = Objects.requireNonNullElse(deployment, Deployment.SELF_HOSTED);
    }

    /** A fresh form: custom OIDC, public client, OpenMetadata's defaults. */
    public static ProviderSettings defaults() {
        return new ProviderSettings(Preset.CUSTOM_OIDC, "", "", "", "", ClientType.PUBLIC, ResponseType.ID_TOKEN, "",
                Secret.empty(),
                DEFAULT_SCOPES, ClientAuthMethod.CLIENT_SECRET_POST, "RS256", "", DEFAULT_PRINCIPAL_CLAIMS, Map.of(),
                List.of(), "", false, List.of(), true, OpenMetadataVersion.LEGACY_DEFAULT,
                DEFAULT_SESSION_EXPIRY_SECONDS, DEFAULT_MAX_ACTIVE_SESSIONS, "", "", "", Deployment.SELF_HOSTED);
    }

    /** A builder holding this value's fields, to change a few of them: {@code s.toBuilder().issuer(x).build()}. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.preset = preset;
        b.providerName = providerName;
        b.issuer = issuer;
        b.discoveryUrl = discoveryUrl;
        b.tenant = tenant;
        b.clientType = clientType;
        b.responseType = responseType;
        b.clientId = clientId;
        b.clientSecret = clientSecret;
        b.scopes = scopes;
        b.clientAuthMethod = clientAuthMethod;
        b.tokenValidationAlgorithm = tokenValidationAlgorithm;
        b.serverUrl = serverUrl;
        b.principalClaims = principalClaims;
        b.principalClaimsMapping = principalClaimsMapping;
        b.adminPrincipals = adminPrincipals;
        b.principalDomain = principalDomain;
        b.enforcePrincipalDomain = enforcePrincipalDomain;
        b.allowedRegistrationDomains = allowedRegistrationDomains;
        b.selfSignup = selfSignup;
        b.openMetadataVersion = openMetadataVersion;
        b.sessionExpirySeconds = sessionExpirySeconds;
        b.maxActiveSessionsPerUser = maxActiveSessionsPerUser;
        b.teamClaimMapping = teamClaimMapping;
        b.defaultOAuthRole = defaultOAuthRole;
        b.prompt = prompt;
        b.deployment = deployment;
        return b;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /**
     * Builds a {@link ProviderSettings} by name, so that a new field touches the record, this builder and the places
     * that set it, never every construction.
     */
    public static final class Builder {
        private Preset preset;
        private String providerName;
        private String issuer;
        private String discoveryUrl;
        private String tenant;
        private ClientType clientType;
        private ResponseType responseType;
        private String clientId;
        private Secret clientSecret;
        private List<String> scopes;
        private ClientAuthMethod clientAuthMethod;
        private String tokenValidationAlgorithm;
        private String serverUrl;
        private List<String> principalClaims;
        private Map<String, String> principalClaimsMapping;
        private List<String> adminPrincipals;
        private String principalDomain;
        private boolean enforcePrincipalDomain;
        private List<String> allowedRegistrationDomains;
        private boolean selfSignup;
        private OpenMetadataVersion openMetadataVersion;
        private int sessionExpirySeconds;
        private int maxActiveSessionsPerUser;
        private String teamClaimMapping;
        private String defaultOAuthRole;
        private String prompt;
        private Deployment deployment;

        private Builder() {
        }

        public Builder preset(Preset value) {
            this.preset = value;
            return this;
        }

        public Builder providerName(String value) {
            this.providerName = value;
            return this;
        }

        public Builder issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Builder discoveryUrl(String value) {
            this.discoveryUrl = value;
            return this;
        }

        public Builder tenant(String value) {
            this.tenant = value;
            return this;
        }

        public Builder clientType(ClientType value) {
            this.clientType = value;
            return this;
        }

        /** For a public client: how OpenMetadata's browser app signs in (ignored for a confidential client). */
        public Builder responseType(ResponseType value) {
            this.responseType = value;
            return this;
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder clientSecret(Secret value) {
            this.clientSecret = value;
            return this;
        }

        public Builder scopes(List<String> value) {
            this.scopes = value;
            return this;
        }

        public Builder clientAuthMethod(ClientAuthMethod value) {
            this.clientAuthMethod = value;
            return this;
        }

        public Builder tokenValidationAlgorithm(String value) {
            this.tokenValidationAlgorithm = value;
            return this;
        }

        public Builder serverUrl(String value) {
            this.serverUrl = value;
            return this;
        }

        public Builder principalClaims(List<String> value) {
            this.principalClaims = value;
            return this;
        }

        public Builder principalClaimsMapping(Map<String, String> value) {
            this.principalClaimsMapping = value;
            return this;
        }

        public Builder adminPrincipals(List<String> value) {
            this.adminPrincipals = value;
            return this;
        }

        public Builder principalDomain(String value) {
            this.principalDomain = value;
            return this;
        }

        public Builder enforcePrincipalDomain(boolean value) {
            this.enforcePrincipalDomain = value;
            return this;
        }

        public Builder allowedRegistrationDomains(List<String> value) {
            this.allowedRegistrationDomains = value;
            return this;
        }

        public Builder selfSignup(boolean value) {
            this.selfSignup = value;
            return this;
        }

        public Builder openMetadataVersion(OpenMetadataVersion value) {
            this.openMetadataVersion = value;
            return this;
        }

        public Builder sessionExpirySeconds(int value) {
            this.sessionExpirySeconds = value;
            return this;
        }

        public Builder maxActiveSessionsPerUser(int value) {
            this.maxActiveSessionsPerUser = value;
            return this;
        }

        public Builder teamClaimMapping(String value) {
            this.teamClaimMapping = value;
            return this;
        }

        public Builder defaultOAuthRole(String value) {
            this.defaultOAuthRole = value;
            return this;
        }

        public Builder prompt(String value) {
            this.prompt = value;
            return this;
        }

        /** Self-hosted OpenMetadata (the default) or Collate's hosted service. */
        public Builder deployment(Deployment value) {
            this.deployment = value;
            return this;
        }

        public ProviderSettings build() {
            return new ProviderSettings(preset, providerName, issuer, discoveryUrl, tenant, clientType, responseType,
                    clientId, clientSecret, scopes, clientAuthMethod, tokenValidationAlgorithm, serverUrl, principalClaims,
                    principalClaimsMapping, adminPrincipals, principalDomain, enforcePrincipalDomain,
                    allowedRegistrationDomains, selfSignup, openMetadataVersion, sessionExpirySeconds,
                    maxActiveSessionsPerUser, teamClaimMapping, defaultOAuthRole, prompt, deployment);
        }
    }

    /**
     * The flow OpenMetadata will use, and so the one the login test runs: the chosen {@link #responseType()} for a
     * public client, always {@code code} for a confidential one (OpenMetadata's server runs the code flow).
     */
    public ResponseType effectiveResponseType() {
        return clientType == ClientType.CONFIDENTIAL ? ResponseType.CODE : responseType;
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

    /** True when Collate hosts OpenMetadata: no keys, admins or push; the output is the hand-off sheet. */
    public boolean collate() {
        return deployment == Deployment.COLLATE;
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
