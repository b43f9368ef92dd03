package dev.ssosetup.core.push;

import java.util.Map;

/**
 * Maps a dotted path of the {@code SecurityConfiguration} body (as OpenMetadata reports it in a
 * {@code SecurityValidationResponse}) to the wizard step and field the operator fills it in. Field ids are the
 * component names of {@code core.provider.ProviderSettings}; fields the wizard derives or fixes map to the Review step.
 */
public final class FieldLocator {
    static final String PROVIDER = "provider";
    static final String REVIEW = "review";
    private static final String AUTH = "authenticationConfiguration.";
    private static final String OIDC = AUTH + "oidcConfiguration.";
    private static final String AUTHZ = "authorizerConfiguration.";

    private static final Map<String, String> PROVIDER_FIELDS = Map.ofEntries(
            Map.entry(AUTH + "provider", "preset"),
            Map.entry(AUTH + "providerName", "providerName"),
            Map.entry(AUTH + "authority", "issuer"),
            Map.entry(AUTH + "clientId", "clientId"),
            Map.entry(AUTH + "clientType", "clientType"),
            Map.entry(AUTH + "responseType", "clientType"),
            Map.entry(AUTH + "callbackUrl", "serverUrl"),
            Map.entry(AUTH + "publicKeyUrls", "discoveryUrl"),
            Map.entry(AUTH + "tokenValidationAlgorithm", "tokenValidationAlgorithm"),
            Map.entry(AUTH + "jwtPrincipalClaims", "principalClaims"),
            Map.entry(AUTH + "jwtPrincipalClaimsMapping", "principalClaimsMapping"),
            Map.entry(AUTH + "enableSelfSignup", "selfSignup"),
            Map.entry(AUTH + "oidcConfiguration", "clientSecret"),
            Map.entry(OIDC + "id", "clientId"),
            Map.entry(OIDC + "clientId", "clientId"),
            Map.entry(OIDC + "secret", "clientSecret"),
            Map.entry(OIDC + "discoveryUri", "discoveryUrl"),
            Map.entry(OIDC + "tenant", "tenant"),
            Map.entry(OIDC + "scope", "scopes"),
            Map.entry(OIDC + "clientAuthenticationMethod", "clientAuthMethod"),
            Map.entry(OIDC + "serverUrl", "serverUrl"),
            Map.entry(OIDC + "callbackUrl", "serverUrl"),
            Map.entry(OIDC + "preferredJwsAlgorithm", "tokenValidationAlgorithm"),
            Map.entry(OIDC + "responseType", "clientType"),
            Map.entry(AUTHZ + "adminPrincipals", "adminPrincipals"),
            Map.entry(AUTHZ + "principalDomain", "principalDomain"),
            Map.entry(AUTHZ + "enforcePrincipalDomain", "enforcePrincipalDomain"),
            Map.entry(AUTHZ + "allowedEmailRegistrationDomains", "allowedRegistrationDomains"));

    /**
     * Review's problems (finding ids of {@code core.config.ConfigurationCheck}) to the control that fixes them: a
     * {@code ProviderSettings} component for the Provider step, the control's id for the Keys step. A prefix ends
     * with "-" and covers the variants ({@code server-url-missing}, {@code server-url-invalid} ...).
     */
    private static final Map<String, String> PROBLEM_FIELDS = Map.ofEntries(
            Map.entry("server-url-", "serverUrl"),
            Map.entry("issuer-", "issuer"),
            Map.entry("discovery-url-", "discoveryUrl"),
            Map.entry("idp-jwks-", "checkButton"), // run the discovery check again
            Map.entry("client-id-missing", "clientId"),
            Map.entry("scope-openid-missing", "scopes"),
            Map.entry("algorithm-unsupported", "tokenValidationAlgorithm"),
            Map.entry("prompt-refused", "prompt"),
            Map.entry("session-expiry-too-short", "sessionExpiry"),
            Map.entry("max-sessions-invalid", "maxActiveSessionsPerUser"),
            Map.entry("principal-claims-missing", "principalClaims"),
            Map.entry("claims-mapping-", "principalClaimsMapping"),
            Map.entry("admins-missing", "adminPrincipals"),
            Map.entry("admin-is-email", "adminPrincipals"),
            Map.entry("principal-domain-missing", "principalDomain"),
            Map.entry("client-auth-none", "clientAuthMethod"),
            Map.entry("client-secret-missing", "clientSecret"),
            Map.entry("tenant-missing", "tenant"),
            Map.entry("jwt-issuer-missing", "keysIssuer"),
            Map.entry("jwt-key-id-", "keysKeyId"),
            Map.entry("jwt-key-path-", "keysServerPrivate"));

    private FieldLocator() {
    }

    /**
     * Where the operator fixes a Review problem: its step, and the field when the problem names one (else the step
     * alone, whose first field then takes the focus).
     */
    public static WizardLocation forProblem(String stepId, String findingId) {
        String id = findingId == null ? "" : findingId;
        for (Map.Entry<String, String> e : PROBLEM_FIELDS.entrySet()) {
            boolean prefix = e.getKey().endsWith("-");
            if (prefix ? id.startsWith(e.getKey()) : id.equals(e.getKey())) {
                return new WizardLocation(stepId, e.getValue());
            }
        }
        return new WizardLocation(stepId, "");
    }

    /** The step and field for {@code dottedPath}; unknown paths go to the Review step (the whole configuration). */
    public static WizardLocation locate(String dottedPath) {
        String path = normalise(dottedPath);
        String field = PROVIDER_FIELDS.get(path);
        if (field != null) {
            return new WizardLocation(PROVIDER, field);
        }
        String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        return new WizardLocation(REVIEW, last);
    }

    /** Accepts {@code $.a.b}, {@code /a/b}, {@code a.b[0]} and plain {@code a.b}. */
    static String normalise(String dottedPath) {
        String p = dottedPath == null ? "" : dottedPath.strip();
        if (p.startsWith("$.")) {
            p = p.substring(2);
        } else if (p.startsWith("/")) {
            p = p.substring(1).replace('/', '.');
        }
        return p.replaceAll("\\[\\d+]", "").replaceAll("\\.\\d+(?=\\.|$)", "");
    }
}
