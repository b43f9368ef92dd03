package dev.ssosetup.core.provider;

import dev.ssosetup.core.provider.FormValidation.Field;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the Provider form field by field, before anything is fetched: required values, URL shapes, placeholders left
 * by a preset, claim mappings in OpenMetadata's {@code username:claim} form. Pure; the same rules serve the wizard and
 * any command that takes the same settings.
 */
public final class ProviderFormValidator {
    /** The JWS algorithms OpenMetadata can validate ID tokens with. */
    public static final List<String> ALGORITHMS =
            List.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$");
    private static final Pattern CLAIM = Pattern.compile("^[A-Za-z0-9_.:/-]+$");
    private static final Set<String> MAPPING_KEYS = Set.of("username", "email");

    private ProviderFormValidator() {
    }

    public static FormValidation validate(ProviderSettings s) {
        Map<String, FieldProblem> p = new LinkedHashMap<>();
        if (s.providerName().isBlank()) {
            p.put(Field.PROVIDER_NAME, FieldProblem.of("provider.invalid.providerName.required"));
        }
        if (s.preset().needsTenant() && s.tenant().isBlank() && s.issuer().contains("{tenant}")) {
            p.put(Field.TENANT, FieldProblem.of("provider.invalid.tenant.required"));
        } else if (!s.tenant().isBlank() && !s.tenant().strip().matches("[A-Za-z0-9.-]+")) {
            p.put(Field.TENANT, FieldProblem.of("provider.invalid.tenant.format"));
        }
        url(p, Field.ISSUER, s.issuer(), true);
        if (!s.discoveryUrl().isBlank()) {
            url(p, Field.DISCOVERY_URL, s.discoveryUrl(), false);
        }
        if (s.clientId().isBlank()) {
            p.put(Field.CLIENT_ID, FieldProblem.of("provider.invalid.clientId.required"));
        } else if (!s.clientId().equals(s.clientId().strip()) || s.clientId().contains(" ")) {
            p.put(Field.CLIENT_ID, FieldProblem.of("provider.invalid.clientId.spaces"));
        }
        if (s.clientType() == ClientType.CONFIDENTIAL && s.clientSecret().isEmpty()) {
            p.put(Field.CLIENT_SECRET, FieldProblem.of("provider.invalid.clientSecret.required"));
        }
        if (!s.scopes().contains("openid")) {
            p.put(Field.SCOPES, FieldProblem.of("provider.invalid.scopes.openid"));
        }
        List<String> algorithms = s.openMetadataVersion().algorithms();
        if (!algorithms.contains(s.tokenValidationAlgorithm())) {
            p.put(Field.ALGORITHM, FieldProblem.of("provider.invalid.algorithm", String.join(", ", algorithms)));
        }
        PromptPolicy.problem(s.preset(), s.prompt()).ifPresent(why ->
                p.put(Field.PROMPT, FieldProblem.of("provider.invalid.prompt", why)));
        if (s.openMetadataVersion().has20Fields()) {
            if (s.sessionExpirySeconds() < ProviderSettings.MIN_SESSION_EXPIRY_SECONDS) {
                p.put(Field.SESSION_EXPIRY, FieldProblem.of("provider.invalid.sessionExpiry"));
            }
            if (s.maxActiveSessionsPerUser() < 1) {
                p.put(Field.MAX_SESSIONS, FieldProblem.of("provider.invalid.maxSessions"));
            }
        }
        serverUrl(p, s.serverUrl());
        if (s.principalClaims().isEmpty()) {
            p.put(Field.PRINCIPAL_CLAIMS, FieldProblem.of("provider.invalid.principalClaims.required"));
        } else {
            s.principalClaims().stream().filter(c -> !CLAIM.matcher(c).matches()).findFirst().ifPresent(c ->
                    p.put(Field.PRINCIPAL_CLAIMS, FieldProblem.of("provider.invalid.principalClaims.format", c)));
        }
        mapping(p, s.principalClaimsMapping());
        if (s.adminPrincipals().isEmpty() && !s.collate()) { // Collate's team sets the admins of a hosted server
            p.put(Field.ADMIN_PRINCIPALS, FieldProblem.of("provider.invalid.adminPrincipals.required"));
        } else {
            s.adminPrincipals().stream().filter(a -> a.contains(" ")).findFirst().ifPresent(a ->
                    p.put(Field.ADMIN_PRINCIPALS, FieldProblem.of("provider.invalid.adminPrincipals.format", a)));
        }
        if (s.principalDomain().isBlank() && !s.collate()) {
            // OpenMetadata's authorizer requires it (its schema, and the server refuses an empty one)
            p.put(Field.PRINCIPAL_DOMAIN, FieldProblem.of(s.enforcePrincipalDomain()
                    ? "provider.invalid.principalDomain.required" : "provider.invalid.principalDomain.missing"));
        } else if (!s.principalDomain().isBlank() && !DOMAIN.matcher(s.principalDomain().strip()).matches()) {
            p.put(Field.PRINCIPAL_DOMAIN, FieldProblem.of("provider.invalid.domain", s.principalDomain()));
        }
        s.allowedRegistrationDomains().stream().filter(d -> !DOMAIN.matcher(d).matches()).findFirst().ifPresent(d ->
                p.put(Field.REGISTRATION_DOMAINS, FieldProblem.of("provider.invalid.domain", d)));
        return new FormValidation(p);
    }

    private static void url(Map<String, FieldProblem> p, String field, String value, boolean required) {
        if (value.isBlank()) {
            if (required) {
                p.put(field, FieldProblem.of("provider.invalid." + field + ".required"));
            }
            return;
        }
        List<String> placeholders = Placeholders.find(value);
        if (!placeholders.isEmpty()) {
            p.put(field, FieldProblem.of("provider.invalid.placeholder", String.join(", ", placeholders)));
            return;
        }
        var parsed = Urls.parseHttp(value);
        if (parsed.isEmpty()) {
            p.put(field, FieldProblem.of("provider.invalid.url"));
            return;
        }
        URI u = parsed.get();
        if (u.getRawQuery() != null || u.getRawFragment() != null) {
            p.put(field, FieldProblem.of("provider.invalid.url.query"));
        } else if (!Urls.isHttps(u) && !Urls.isLoopback(u)) {
            p.put(field, FieldProblem.of("provider.invalid.url.https", u.getHost()));
        }
    }

    private static void serverUrl(Map<String, FieldProblem> p, String value) {
        if (value.isBlank()) {
            p.put(Field.SERVER_URL, FieldProblem.of("provider.invalid.serverUrl.required"));
            return;
        }
        var parsed = Urls.parseHttp(value);
        if (parsed.isEmpty()) {
            p.put(Field.SERVER_URL, FieldProblem.of("provider.invalid.url"));
        } else if (parsed.get().getRawQuery() != null || parsed.get().getRawFragment() != null) {
            p.put(Field.SERVER_URL, FieldProblem.of("provider.invalid.url.query"));
        } else if (Placeholders.has(value)) {
            p.put(Field.SERVER_URL, FieldProblem.of("provider.invalid.placeholder",
                    String.join(", ", Placeholders.find(value))));
        }
    }

    private static void mapping(Map<String, FieldProblem> p, Map<String, String> mapping) {
        if (mapping.isEmpty()) {
            return;
        }
        for (var e : mapping.entrySet()) {
            if (!MAPPING_KEYS.contains(e.getKey()) || e.getValue().isBlank()) {
                p.put(Field.CLAIMS_MAPPING, FieldProblem.of("provider.invalid.mapping.format", e.getKey()));
                return;
            }
        }
        if (!mapping.keySet().containsAll(MAPPING_KEYS)) {
            p.put(Field.CLAIMS_MAPPING, FieldProblem.of("provider.invalid.mapping.both"));
        }
    }

    /** True for a DNS domain name such as {@code example.com} (at least two labels). */
    public static boolean isDomain(String value) {
        return value != null && DOMAIN.matcher(value.strip()).matches();
    }

    /** Splits a comma- or space-separated list as typed, dropping blanks. */
    public static List<String> splitList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /**
     * Parses {@code username:preferred_username, email:email}. An entry without a colon is kept with an empty value,
     * so that validation can name it.
     */
    public static Map<String, String> parseMapping(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : splitList(text == null ? "" : text.replace(" :", ":").replace(": ", ":"))) {
            int i = part.indexOf(':');
            if (i < 0) {
                m.put(part, "");
            } else {
                m.put(part.substring(0, i).strip(), part.substring(i + 1).strip());
            }
        }
        return m;
    }
}
