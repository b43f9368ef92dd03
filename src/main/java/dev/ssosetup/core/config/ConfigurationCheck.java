package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;

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
    record Field(String label, String step, List<String> values) {
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
                new Field("Provider name", pr, List.of(p.providerName())),
                new Field("Issuer", pr, List.of(p.issuer())),
                new Field("Discovery URL", pr, List.of(p.discoveryUrl())),
                new Field("IdP jwks_uri", pr, List.of(c.idpJwksUri())),
                new Field("Tenant", pr, List.of(p.tenant())),
                new Field("Client ID", pr, List.of(p.clientId())),
                new Field("Scopes", pr, p.scopes()),
                new Field("Server URL", pr, List.of(p.serverUrl())),
                new Field("Principal claims", pr, p.principalClaims()),
                new Field("Principal claims mapping", pr, c.principalClaimsMapping()),
                new Field("Admin principals", pr, p.adminPrincipals()),
                new Field("Principal domain", pr, List.of(p.principalDomain())),
                new Field("Allowed registration domains", pr, z.allowedEmailRegistrationDomains()),
                new Field("Allowed domains", pr, z.allowedDomains()),
                new Field("JWT issuer", ks, List.of(k.issuer())),
                new Field("JWT key id", ks, List.of(k.keyId())),
                new Field("Private key path", ks, List.of(k.privateKeyPath())),
                new Field("Public key path", ks, List.of(k.publicKeyPath())));
    }

    public List<ReviewProblem> check(SsoConfiguration c) {
        List<ReviewProblem> out = new ArrayList<>();
        var p = c.provider();
        String provider = StepIds.PROVIDER;

        boolean collate = p.collate();
        if (collate) {
            url(out, provider, "server-url", "Collate domain", c.serverUrl(), true,
                    "Type your Collate domain in the Provider step, e.g. https://acme.getcollate.io.");
        } else {
            url(out, provider, "server-url", "OpenMetadata server URL", c.serverUrl(), true,
                    "Type OpenMetadata's base URL in the Provider step, e.g. https://openmetadata.example.com.");
        }
        url(out, provider, "issuer", "Issuer (authority)", c.authority(), true,
                "Type the identity provider's issuer URL in the Provider step.");
        if (!p.discoveryUrl().isBlank()) {
            url(out, provider, "discovery-url", "Discovery URL", p.discoveryUrl().strip(), false,
                    "Fix the discovery URL in the Provider step, or leave it empty to use the issuer's.");
        }
        if (p.clientId().isBlank()) {
            out.add(error(provider, "client-id-missing", "The client ID is empty.",
                    "Type the client ID registered at the identity provider."));
        }
        if (collate) {
            // Collate's team configures the server and discovers the IdP's keys themselves.
            if (c.idpJwksKnown()) {
                url(out, provider, "idp-jwks", "IdP jwks_uri", c.idpJwksUri(), false,
                        "Run discovery again in the Provider step.");
            }
        } else if (!c.idpJwksKnown()) {
            out.add(error(provider, "idp-jwks-unknown",
                    "The identity provider's jwks_uri is not known, so publicKeyUrls would lack it.",
                    "Run discovery in the Provider step (or set idpJwksUri in the profile)."));
        } else {
            url(out, provider, "idp-jwks", "IdP jwks_uri", c.idpJwksUri(), false,
                    "Run discovery again in the Provider step.");
        }
        if (!p.scopes().contains("openid")) {
            out.add(error(provider, "scope-openid-missing", "The scopes do not include openid.",
                    "Add the scope openid in the Provider step."));
        }
        var target = p.openMetadataVersion();
        if (!target.algorithms().contains(p.tokenValidationAlgorithm())) {
            out.add(error(provider, "algorithm-unsupported",
                    "Token validation algorithm " + p.tokenValidationAlgorithm() + " is not supported by OpenMetadata "
                            + target.label() + (target.has113Fields() ? "." : " (ES algorithms came with 1.13)."),
                    "Choose one of " + String.join(", ", target.algorithms()) + " in the Provider step"
                            + (target.has113Fields() ? "." : ", or a newer target OpenMetadata version.")));
        }
        dev.ssosetup.core.provider.PromptPolicy.problem(p.preset(), p.prompt()).ifPresent(why ->
                out.add(error(provider, "prompt-refused", why, "Set the prompt in the Provider step.")));
        if (target.has20Fields()) {
            if (p.sessionExpirySeconds() < ProviderSettings.MIN_SESSION_EXPIRY_SECONDS) {
                out.add(error(provider, "session-expiry-too-short", "The session lifetime is "
                        + p.sessionExpirySeconds() + " s; OpenMetadata " + target.label() + " wants at least "
                        + ProviderSettings.MIN_SESSION_EXPIRY_SECONDS + " s (1 hour).",
                        "Set the session lifetime in the Provider step (default 604800 s, 7 days)."));
            }
            if (p.maxActiveSessionsPerUser() < 1) {
                out.add(error(provider, "max-sessions-invalid", "The number of active sessions per user must be at "
                        + "least 1.", "Set it in the Provider step (OpenMetadata's default is 5)."));
            }
        }
        if (p.principalClaims().isEmpty()) {
            out.add(error(provider, "principal-claims-missing", "No JWT principal claims are set.",
                    "Use the default claims email, preferred_username, sub."));
        }
        for (String key : p.principalClaimsMapping().keySet()) {
            if (!key.equals("username") && !key.equals("email")) {
                out.add(error(provider, "claims-mapping-key", "Principal claims mapping has the key '" + key
                        + "'; OpenMetadata accepts only username and email.", "Remove it in the Provider step."));
            }
        }
        if (!p.principalClaimsMapping().isEmpty() && p.principalClaimsMapping().size() != 2) {
            out.add(error(provider, "claims-mapping-incomplete",
                    "A principal claims mapping needs both username and email.",
                    "Map both, or leave the mapping empty."));
        }
        if (p.adminPrincipals().isEmpty() && !collate) {
            out.add(error(provider, "admins-missing", "No admin principals are set: nobody could administer "
                    + "OpenMetadata after the switch.", "Add at least one admin user name in the Provider step."));
        }
        for (String admin : p.adminPrincipals()) {
            if (admin.contains("@")) {
                out.add(warning(provider, "admin-is-email", "Admin principal '" + admin + "' looks like an e-mail.",
                        "OpenMetadata expects the user name (the part before @)."));
            }
        }
        if (p.principalDomain().isBlank() && !collate) {
            out.add(error(provider, "principal-domain-missing", "The principal domain is empty.",
                    "Type your users' e-mail domain, e.g. example.com, in the Provider step."));
        }
        if (c.confidential()) {
            if (p.clientAuthMethod() == ClientAuthMethod.NONE) {
                out.add(error(provider, "client-auth-none", "A confidential client cannot use authentication "
                        + "method 'none'.", "Choose client_secret_post or client_secret_basic."));
            }
            if (p.clientSecret().isEmpty() && !collate) { // a Collate customer sends it over a secure channel
                out.add(warning(provider, "client-secret-missing", "No client secret was entered: outputs carry "
                        + "a placeholder instead.", "Type the secret in the Provider step (it is never saved)."));
            }
            if (p.preset() == Preset.ENTRA_ID && c.tenant().isEmpty()) {
                out.add(warning(provider, "tenant-missing", "Entra ID without a tenant.",
                        "Type the tenant id in the Provider step."));
            }
        }

        if (!collate) {
            keys(out, c);
        }
        for (Field f : fields(c)) {
            if (f.values().stream().anyMatch(ServerEnvText::unwritable)) {
                out.add(error(f.step(), "line-break", f.label() + " contains a line break, another control "
                        + "character or a character that is not text.", "Remove it in the " + (f.step().equals(StepIds.KEYS) ? "Keys" : "Provider")
                        + " step: no OpenMetadata setting spans lines."));
            }
        }
        return out;
    }

    /** The Keys step's rules: a self-hosted server signs its own tokens; Collate's hosted one needs none of these. */
    private static void keys(List<ReviewProblem> out, SsoConfiguration c) {
        var k = c.keys();
        String keys = StepIds.KEYS;
        if (k.issuer().isBlank()) {
            out.add(error(keys, "jwt-issuer-missing", "The JWT issuer is empty.",
                    "Type your domain (e.g. open-metadata.org) as JWT issuer in the Keys step."));
        }
        if (k.keyId().isBlank()) {
            out.add(error(keys, "jwt-key-id-missing", "The JWT key id is empty.",
                    "Generate or type a key id (a UUID) in the Keys step."));
        }
        if (k.privateKeyPath().isBlank() || k.publicKeyPath().isBlank()) {
            out.add(error(keys, "jwt-key-path-missing", "A JWT key file path is empty.",
                    "Set both key paths as the server sees them in the Keys step."));
        }
        if (k.keyId().strip().equalsIgnoreCase(SHIPPED_KEY_ID)) {
            out.add(error(keys, "jwt-key-id-shipped", "The JWT key id is the one of the test key pair shipped in "
                    + "OpenMetadata's images, which must never be used in production.",
                    "Generate a new key pair (and key id) in the Keys step."));
        }
        boolean absolute = k.privateKeyPath().startsWith("/") && k.publicKeyPath().startsWith("/");
        if (!k.privateKeyPath().isBlank() && !absolute) {
            out.add(warning(keys, "jwt-key-path-relative", "The key paths are relative: in OpenMetadata's image they "
                    + "point where its shipped test keys are, so the new files must be mounted over them.",
                    "Use absolute paths such as /etc/openmetadata/jwtkeys/private_key.der in the Keys step; the "
                    + "outputs then say where to mount the files."));
        }
    }

    private static void url(List<ReviewProblem> out, String step, String id, String field, String value,
                            boolean required, String hint) {
        if (value.isBlank()) {
            if (required) {
                out.add(error(step, id + "-missing", field + " is empty.", hint));
            }
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                out.add(error(step, id + "-invalid", field + " '" + value + "' is not an http(s) URL.", hint));
            } else if (scheme.equals("http") && !isLocal(uri.getHost())) {
                out.add(warning(step, id + "-not-https", field + " uses plain http.",
                        "Use https outside a local test setup."));
            }
        } catch (java.net.URISyntaxException e) {
            out.add(error(step, id + "-invalid", field + " '" + value + "' is not a valid URL.", hint));
        }
    }

    private static boolean isLocal(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static ReviewProblem error(String step, String id, String message, String hint) {
        return new ReviewProblem(step, Finding.error(id, message, hint));
    }

    private static ReviewProblem warning(String step, String id, String message, String hint) {
        return new ReviewProblem(step, Finding.warning(id, message, hint));
    }
}
