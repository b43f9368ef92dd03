package dev.ssosetup.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Docker {@code .env} file with the exact variable names OpenMetadata's {@code openmetadata.yaml} reads (see the
 * shared API facts): {@code OIDC_DISCOVERY_URI}, lists in the {@code [a,b]} form. Compose passes a variable into the
 * container only when the compose file lists it, which the header says.
 */
public final class DockerEnvRenderer implements ConfigRenderer {
    /** OpenMetadata 2.0 on: the session lifetime for every provider, in seconds. */
    public static final String SESSION_EXPIRY = "AUTHENTICATION_SESSION_EXPIRY";
    /** OpenMetadata 2.0 on: sessions per user before the least recently used ones are revoked. */
    public static final String MAX_SESSIONS = "AUTHENTICATION_MAX_ACTIVE_SESSIONS_PER_USER";
    /** Characters that compose would interpolate, strip, or read as a comment or quote in an unquoted value. */
    private static final Pattern NEEDS_QUOTES = Pattern.compile("(^\\s|\\s$|[#$'\"\\\\`])");

    @Override
    public OutputFormat format() {
        return OutputFormat.ENV;
    }

    /**
     * The variables in file order, each with the text OpenMetadata reads back as the model's value
     * ({@link ServerEnvText}: YAML-quoted where YAML would read it otherwise).
     */
    public static Map<String, String> variables(SsoConfiguration c, RenderOptions options) {
        var p = c.provider();
        var z = c.authorizer();
        var k = c.keys();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("AUTHENTICATION_PROVIDER", text(c.omProvider()));
        v.put("CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME", text(c.providerName()));
        v.put("AUTHENTICATION_CLIENT_TYPE", text(p.clientType().wire()));
        v.put("AUTHENTICATION_RESPONSE_TYPE", text(c.responseType()));
        v.put("AUTHENTICATION_PUBLIC_KEYS", list(c.publicKeyUrls()));
        v.put("AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM", text(p.tokenValidationAlgorithm()));
        v.put("AUTHENTICATION_AUTHORITY", text(c.authority()));
        v.put("AUTHENTICATION_CLIENT_ID", text(p.clientId().strip()));
        v.put("AUTHENTICATION_CALLBACK_URL", text(c.callbackUrl()));
        v.put("AUTHENTICATION_JWT_PRINCIPAL_CLAIMS", list(p.principalClaims()));
        v.put("AUTHENTICATION_JWT_PRINCIPAL_CLAIMS_MAPPING", list(c.principalClaimsMapping()));
        v.put("AUTHENTICATION_ENABLE_SELF_SIGNUP", Boolean.toString(p.selfSignup()));
        if (p.openMetadataVersion().has20Fields()) {
            // OpenMetadata 2.0's session settings (API-2.0.md); older releases do not know these variables
            v.put(SESSION_EXPIRY, Integer.toString(p.sessionExpirySeconds()));
            v.put(MAX_SESSIONS, Integer.toString(p.maxActiveSessionsPerUser()));
        }
        if (c.confidential()) {
            v.put("OIDC_CLIENT_ID", text(p.clientId().strip()));
            v.put("OIDC_TYPE", text(c.omProvider()));
            v.put("OIDC_CLIENT_SECRET", text(OmDocuments.secretText(c, options)));
            v.put("OIDC_SCOPE", text(c.scope()));
            v.put("OIDC_DISCOVERY_URI", text(p.effectiveDiscoveryUrl()));
            v.put("OIDC_USE_NONCE", "true");
            v.put("OIDC_PREFERRED_JWS", text(p.tokenValidationAlgorithm()));
            v.put("OIDC_RESPONSE_TYPE", "code");
            v.put("OIDC_DISABLE_PKCE", "true");
            v.put("OIDC_CALLBACK", text(c.callbackUrl()));
            v.put("OIDC_SERVER_URL", text(c.serverUrl()));
            v.put("OIDC_CLIENT_AUTH_METHOD", text(p.clientAuthMethod().wire()));
            v.put("OIDC_TENANT", text(c.tenant()));
            v.put("OIDC_SESSION_EXPIRY", Integer.toString(SsoConfiguration.SESSION_EXPIRY_SECONDS));
        }
        v.put("AUTHORIZER_CLASS_NAME", AuthorizerSettings.CLASS_NAME);
        v.put("AUTHORIZER_REQUEST_FILTER", AuthorizerSettings.CONTAINER_REQUEST_FILTER);
        v.put("AUTHORIZER_ADMIN_PRINCIPALS", list(z.adminPrincipals()));
        v.put("AUTHORIZER_ALLOWED_REGISTRATION_DOMAIN", list(z.allowedEmailRegistrationDomains()));
        v.put("AUTHORIZER_PRINCIPAL_DOMAIN", text(z.principalDomain()));
        v.put("AUTHORIZER_ALLOWED_DOMAINS", list(z.allowedDomains()));
        v.put("AUTHORIZER_ENFORCE_PRINCIPAL_DOMAIN", Boolean.toString(z.enforcePrincipalDomain()));
        v.put("AUTHORIZER_ENABLE_SECURE_SOCKET", Boolean.toString(z.enableSecureSocketConnection()));
        v.put("AUTHORIZER_USE_ROLES_FROM_PROVIDER", Boolean.toString(z.useRolesFromProvider()));
        v.put("RSA_PUBLIC_KEY_FILE_PATH", text(k.publicKeyPath()));
        v.put("RSA_PRIVATE_KEY_FILE_PATH", text(k.privateKeyPath()));
        v.put("JWT_ISSUER", text(k.issuer()));
        v.put("JWT_KEY_ID", text(k.keyId()));
        return v;
    }

    private static String text(String value) {
        return ServerEnvText.scalar(value);
    }

    @Override
    public RenderedOutput render(SsoConfiguration c, RenderOptions options) {
        boolean withSecret = OmDocuments.secretIncluded(c, options);
        List<String> lines = new ArrayList<>();
        lines.addAll(comment(options.lines("output.env.header")));
        if (c.provider().openMetadataVersion().has20Fields()) {
            lines.addAll(comment(options.lines("output.env.sessions20")));
        }
        for (Map.Entry<String, String> e : variables(c, options).entrySet()) {
            if (e.getKey().equals("RSA_PUBLIC_KEY_FILE_PATH")) {
                lines.addAll(keyMountComment(c, options));
            }
            if (e.getKey().equals("OIDC_CLIENT_SECRET")) {
                lines.addAll(comment(options.lines(withSecret ? "output.env.secret.included"
                        : "output.env.secret.placeholder")));
            }
            lines.add(e.getKey() + "=" + quote(e.getValue()));
        }
        return new RenderedOutput(format(), String.join("\n", lines) + "\n", withSecret);
    }

    /** The folder beside the compose file that the volumes snippet mounts the new key files from. */
    public static final String KEY_FOLDER = "./jwtkeys";

    /**
     * Where the new JWT key files go: OpenMetadata's image ships a test key pair at {@code ./conf/}, which must never
     * be used in production, so the compose file must mount the new files where the two paths point.
     */
    static List<String> keyMountComment(SsoConfiguration c, RenderOptions options) {
        var k = c.keys();
        List<String> out = new ArrayList<>(comment(options.lines("output.env.keys")));
        boolean absolute = k.privateKeyPath().startsWith("/") && k.publicKeyPath().startsWith("/");
        if (absolute) {
            out.add("#   volumes:");
            out.add("#     - " + KEY_FOLDER + "/private_key.der:" + k.privateKeyPath() + ":ro");
            out.add("#     - " + KEY_FOLDER + "/public_key.der:" + k.publicKeyPath() + ":ro");
        } else {
            out.addAll(comment(options.lines("output.env.keys.relative")));
        }
        return out;
    }

    /**
     * {@code lines} as .env comment lines: compose reads a line that starts with {@code #} as a comment, whatever
     * follows (umlauts, colons, another {@code #}); a line break inside a text starts a new comment line.
     */
    private static List<String> comment(List<String> lines) {
        return lines.stream().map(l -> l.isEmpty() ? "#" : "# " + l).toList();
    }

    /** Lists the way OpenMetadata reads them from one variable: {@code [a,b]}, entries quoted where needed. */
    static String list(List<String> values) {
        return ServerEnvText.list(values);
    }

    /**
     * Compose reads single-quoted values literally (no interpolation, no comment); unquoted ones are interpolated and
     * cut at {@code #}. So: plain when safe, else single quotes. The text from {@link ServerEnvText} never holds a
     * single quote, a backslash pair or a line break, so single quotes always work.
     */
    static String quote(String value) {
        if (value.indexOf('\'') >= 0 || value.contains("\\\\") || ServerEnvText.unwritable(value)) {
            throw new IllegalStateException("an .env value holds a quote, a backslash pair or a line break");
        }
        if (!NEEDS_QUOTES.matcher(value).find()) {
            return value;
        }
        return "'" + value + "'";
    }
}
