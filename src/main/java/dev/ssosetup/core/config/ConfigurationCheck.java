package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Text;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules a configuration must meet before any output is "ready", beyond what OpenMetadata's schema can say (the
 * server checks these on validate). Each problem names the step that fixes it.
 */
public final class ConfigurationCheck {
    /** The key id of the test key pair in OpenMetadata's images ({@code ./conf/private_key.der}). */
    public static final String SHIPPED_KEY_ID = "Gb389a-9f76-gdjs-a92j-0242bk94356";

    /** One setting written to the outputs: its name for the operator, the step that sets it, its value(s). */
    record Field(Text label, String step, List<String> values) {
    }

    /**
     * Every free-text setting any output writes, lists entry by entry. A line break in any of them could start a
     * second line in a {@code .env} file or a YAML document, so each is checked, not only single values.
     */
    static List<Field> fields(SsoConfiguration c) {
        var p = c.provider();
        var k = c.keys();
        var z = c.authorizer();
        String pr = StepIds.PROVIDER;
        String ks = StepIds.KEYS;
        return List.of(
                new Field(Text.of("config.field.providerName"), pr, List.of(p.providerName())),
                new Field(Text.of("config.field.issuer"), pr, List.of(p.issuer())),
                new Field(Text.of("config.field.discoveryUrl"), pr, List.of(p.discoveryUrl())),
                new Field(Text.of("config.field.idpJwksUri"), pr, List.of(c.idpJwksUri())),
                new Field(Text.of("config.field.tenant"), pr, List.of(p.tenant())),
                new Field(Text.of("config.field.clientId"), pr, List.of(p.clientId())),
                new Field(Text.of("config.field.scopes"), pr, p.scopes()),
                new Field(Text.of("config.field.serverUrl"), pr, List.of(p.serverUrl())),
                new Field(Text.of("config.field.principalClaims"), pr, p.principalClaims()),
                new Field(Text.of("config.field.principalClaimsMapping"), pr, c.principalClaimsMapping()),
                new Field(Text.of("config.field.adminPrincipals"), pr, p.adminPrincipals()),
                new Field(Text.of("config.field.principalDomain"), pr, List.of(p.principalDomain())),
                new Field(Text.of("config.field.registrationDomains"), pr, z.allowedEmailRegistrationDomains()),
                new Field(Text.of("config.field.allowedDomains"), pr, z.allowedDomains()),
                new Field(Text.of("config.field.jwtIssuer"), ks, List.of(k.issuer())),
                new Field(Text.of("config.field.jwtKeyId"), ks, List.of(k.keyId())),
                new Field(Text.of("config.field.privateKeyPath"), ks, List.of(k.privateKeyPath())),
                new Field(Text.of("config.field.publicKeyPath"), ks, List.of(k.publicKeyPath())));
    }

    public List<ReviewProblem> check(SsoConfiguration c) {
        List<ReviewProblem> out = new ArrayList<>();
        var p = c.provider();
        String provider = StepIds.PROVIDER;

        boolean collate = p.collate();
        if (collate) {
            url(out, provider, "server-url", Text.of("config.field.collateDomain"), c.serverUrl(), true,
                    Text.of("finding.server-url.collate.hint"));
        } else {
            url(out, provider, "server-url", Text.of("config.field.omServerUrl"), c.serverUrl(), true,
                    Text.of("finding.server-url.hint"));
        }
        url(out, provider, "issuer", Text.of("config.field.authority"), c.authority(), true,
                Text.of("finding.issuer.hint"));
        if (!p.discoveryUrl().isBlank()) {
            url(out, provider, "discovery-url", Text.of("config.field.discoveryUrl"), p.discoveryUrl().strip(), false,
                    Text.of("finding.discovery-url.hint"));
        }
        if (p.clientId().isBlank()) {
            out.add(error(provider, "client-id-missing", Text.of("finding.client-id-missing"),
                    Text.of("finding.client-id-missing.hint")));
        }
        if (collate) {
            // Collate's team configures the server and discovers the IdP's keys themselves.
            if (c.idpJwksKnown()) {
                url(out, provider, "idp-jwks", Text.of("config.field.idpJwksUri"), c.idpJwksUri(), false,
                        Text.of("finding.idp-jwks.hint"));
            }
        } else if (!c.idpJwksKnown()) {
            out.add(error(provider, "idp-jwks-unknown", Text.of("finding.idp-jwks-unknown"),
                    Text.of("finding.idp-jwks-unknown.hint")));
        } else {
            url(out, provider, "idp-jwks", Text.of("config.field.idpJwksUri"), c.idpJwksUri(), false,
                    Text.of("finding.idp-jwks.hint"));
        }
        if (!p.scopes().contains("openid")) {
            out.add(error(provider, "scope-openid-missing", Text.of("finding.scope-openid-missing"),
                    Text.of("finding.scope-openid-missing.hint")));
        }
        var target = p.openMetadataVersion();
        if (!target.algorithms().contains(p.tokenValidationAlgorithm())) {
            out.add(error(provider, "algorithm-unsupported", Text.of(target.has113Fields()
                    ? "finding.algorithm-unsupported" : "finding.algorithm-unsupported.before113",
                    p.tokenValidationAlgorithm(), target.label()), Text.of(target.has113Fields()
                    ? "finding.algorithm-unsupported.hint" : "finding.algorithm-unsupported.before113.hint",
                    String.join(", ", target.algorithms()))));
        }
        dev.ssosetup.core.provider.PromptPolicy.problem(p.preset(), p.prompt()).ifPresent(why ->
                out.add(error(provider, "prompt-refused", why, Text.of("finding.prompt-refused.hint"))));
        if (target.has20Fields()) {
            if (p.sessionExpirySeconds() < ProviderSettings.MIN_SESSION_EXPIRY_SECONDS) {
                out.add(error(provider, "session-expiry-too-short", Text.of("finding.session-expiry-too-short",
                        p.sessionExpirySeconds(), target.label(), ProviderSettings.MIN_SESSION_EXPIRY_SECONDS),
                        Text.of("finding.session-expiry-too-short.hint")));
            }
            if (p.maxActiveSessionsPerUser() < 1) {
                out.add(error(provider, "max-sessions-invalid", Text.of("finding.max-sessions-invalid"),
                        Text.of("finding.max-sessions-invalid.hint")));
            }
        }
        if (p.principalClaims().isEmpty()) {
            out.add(error(provider, "principal-claims-missing", Text.of("finding.principal-claims-missing"),
                    Text.of("finding.principal-claims-missing.hint")));
        }
        for (String key : p.principalClaimsMapping().keySet()) {
            if (!key.equals("username") && !key.equals("email")) {
                out.add(error(provider, "claims-mapping-key", Text.of("finding.claims-mapping-key", key),
                        Text.of("finding.claims-mapping-key.hint")));
            }
        }
        if (!p.principalClaimsMapping().isEmpty() && p.principalClaimsMapping().size() != 2) {
            out.add(error(provider, "claims-mapping-incomplete", Text.of("finding.claims-mapping-incomplete"),
                    Text.of("finding.claims-mapping-incomplete.hint")));
        }
        if (p.adminPrincipals().isEmpty() && !collate) {
            out.add(error(provider, "admins-missing", Text.of("finding.admins-missing"),
                    Text.of("finding.admins-missing.hint")));
        }
        for (String admin : p.adminPrincipals()) {
            if (admin.contains("@")) {
                out.add(warning(provider, "admin-is-email", Text.of("finding.admin-is-email", admin),
                        Text.of("finding.admin-is-email.hint")));
            }
        }
        if (p.principalDomain().isBlank() && !collate) {
            out.add(error(provider, "principal-domain-missing", Text.of("finding.principal-domain-missing"),
                    Text.of("finding.principal-domain-missing.hint")));
        }
        if (c.confidential()) {
            if (p.clientAuthMethod() == ClientAuthMethod.NONE) {
                out.add(error(provider, "client-auth-none", Text.of("finding.client-auth-none"),
                        Text.of("finding.client-auth-none.hint")));
            }
            if (p.clientSecret().isEmpty() && !collate) { // a Collate customer sends it over a secure channel
                out.add(warning(provider, "client-secret-missing", Text.of("finding.client-secret-missing"),
                        Text.of("finding.client-secret-missing.hint")));
            }
            if (p.preset() == Preset.ENTRA_ID && c.tenant().isEmpty()) {
                out.add(warning(provider, "tenant-missing", Text.of("finding.tenant-missing"),
                        Text.of("finding.tenant-missing.hint")));
            }
        }

        if (!collate) {
            keys(out, c);
        }
        for (Field f : fields(c)) {
            if (f.values().stream().anyMatch(ServerEnvText::unwritable)) {
                out.add(error(f.step(), "line-break", Text.of("finding.line-break", f.label()),
                        Text.of(f.step().equals(StepIds.KEYS) ? "finding.line-break.keys.hint"
                                : "finding.line-break.provider.hint")));
            }
        }
        return out;
    }

    /** The Keys step's rules: a self-hosted server signs its own tokens; Collate's hosted one needs none of these. */
    private static void keys(List<ReviewProblem> out, SsoConfiguration c) {
        var k = c.keys();
        String keys = StepIds.KEYS;
        if (k.issuer().isBlank()) {
            out.add(error(keys, "jwt-issuer-missing", Text.of("finding.jwt-issuer-missing"),
                    Text.of("finding.jwt-issuer-missing.hint")));
        }
        if (k.keyId().isBlank()) {
            out.add(error(keys, "jwt-key-id-missing", Text.of("finding.jwt-key-id-missing"),
                    Text.of("finding.jwt-key-id-missing.hint")));
        }
        if (k.privateKeyPath().isBlank() || k.publicKeyPath().isBlank()) {
            out.add(error(keys, "jwt-key-path-missing", Text.of("finding.jwt-key-path-missing"),
                    Text.of("finding.jwt-key-path-missing.hint")));
        }
        if (k.keyId().strip().equalsIgnoreCase(SHIPPED_KEY_ID)) {
            out.add(error(keys, "jwt-key-id-shipped", Text.of("finding.jwt-key-id-shipped"),
                    Text.of("finding.jwt-key-id-shipped.hint")));
        }
        boolean absolute = k.privateKeyPath().startsWith("/") && k.publicKeyPath().startsWith("/");
        if (!k.privateKeyPath().isBlank() && !absolute) {
            out.add(warning(keys, "jwt-key-path-relative", Text.of("finding.jwt-key-path-relative"),
                    Text.of("finding.jwt-key-path-relative.hint")));
        }
    }

    private static void url(List<ReviewProblem> out, String step, String id, Text field, String value,
                            boolean required, Text hint) {
        if (value.isBlank()) {
            if (required) {
                out.add(error(step, id + "-missing", Text.of("finding.url.missing", field), hint));
            }
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                out.add(error(step, id + "-invalid", Text.of("finding.url.notHttp", field, value), hint));
            } else if (scheme.equals("http") && !isLocal(uri.getHost())) {
                out.add(warning(step, id + "-not-https", Text.of("finding.url.notHttps", field),
                        Text.of("finding.url.notHttps.hint")));
            }
        } catch (java.net.URISyntaxException e) {
            out.add(error(step, id + "-invalid", Text.of("finding.url.invalid", field, value), hint));
        }
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static ReviewProblem error(String step, String id, Text message, Text hint) {
        return new ReviewProblem(step, Finding.error(id, message, hint));
    }

    private static ReviewProblem warning(String step, String id, Text message, Text hint) {
        return new ReviewProblem(step, Finding.warning(id, message, hint));
    }
}
