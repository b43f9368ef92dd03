package dev.ssosetup.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.text.Text;

import java.util.Locale;
import java.util.Objects;

/**
 * Where one secret lives in the system keychain: the {@code service} and {@code account} attributes of a Secret
 * Service item (the same pair on the macOS Keychain and the Windows Credential Manager). Keyed by what the secret
 * belongs to, so that two profiles never share a secret by accident:
 * <ul>
 *   <li>a client secret: service {@code sso-setup-console:client-secret:<issuer>}, account {@code <client ID>};</li>
 *   <li>an admin token: service {@code sso-setup-console:openmetadata-token:<server URL>}, account {@code admin}.</li>
 * </ul>
 * Find one with {@code secret-tool lookup service '<service>' account '<account>'}.
 */
public record SecretKey(Kind kind, String service, String account, String owner) {
    public static final String PREFIX = "sso-setup-console:";
    /** The account of an admin token: one remembered token per OpenMetadata server. */
    public static final String TOKEN_ACCOUNT = "admin";

    /** What kind of secret it is. */
    public enum Kind { CLIENT_SECRET, ADMIN_TOKEN }

    public SecretKey {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(service);
        Objects.requireNonNull(account);
        Objects.requireNonNull(owner);
        if (!service.startsWith(PREFIX) || account.isEmpty()) {
            throw new IllegalArgumentException("not a keychain entry of this app");
        }
    }

    /**
     * The client secret of {@code clientId} at {@code issuer} (trailing slashes and surrounding blanks do not count).
     *
     * @throws IllegalArgumentException when the issuer or the client ID is blank (there is nothing to key it by)
     */
    public static SecretKey clientSecret(String issuer, String clientId) {
        String iss = normalizeIssuer(issuer);
        String id = clientId == null ? "" : clientId.strip();
        if (iss.isEmpty() || id.isEmpty()) {
            throw new IllegalArgumentException("a remembered client secret needs the issuer and the client ID");
        }
        return new SecretKey(Kind.CLIENT_SECRET, PREFIX + "client-secret:" + iss, id,
                "client ID " + id + " at " + iss);
    }

    /** The admin token for the OpenMetadata server at {@code server} (its normalized URL). */
    public static SecretKey adminToken(ServerAddress server) {
        String url = server.toString();
        return new SecretKey(Kind.ADMIN_TOKEN, PREFIX + "openmetadata-token:" + url, TOKEN_ACCOUNT,
                "OpenMetadata at " + url);
    }

    /**
     * The client secret of an OpenMetadata {@code SecurityConfiguration} body (its {@code authority} and
     * {@code clientId}, as the Review step renders them), empty when the body names no issuer or client.
     */
    public static java.util.Optional<SecretKey> clientSecretOf(JsonNode securityConfiguration) {
        JsonNode auth = securityConfiguration == null ? null : securityConfiguration.path("authenticationConfiguration");
        if (auth == null) {
            return java.util.Optional.empty();
        }
        String issuer = auth.path("authority").asText("");
        String clientId = auth.path("clientId").asText("");
        if (clientId.isBlank()) {
            clientId = auth.path("oidcConfiguration").path("id").asText("");
        }
        return canKeyClientSecret(issuer, clientId) ? java.util.Optional.of(clientSecret(issuer, clientId))
                : java.util.Optional.empty();
    }

    /** True when {@link #clientSecret} can key a secret for these values. */
    public static boolean canKeyClientSecret(String issuer, String clientId) {
        return !normalizeIssuer(issuer).isEmpty() && clientId != null && !clientId.isBlank();
    }

    static String normalizeIssuer(String issuer) {
        String s = issuer == null ? "" : issuer.strip();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int scheme = s.indexOf("://");
        if (scheme > 0) { // scheme and host are case-insensitive, the path is not
            int pathStart = s.indexOf('/', scheme + 3);
            String head = pathStart < 0 ? s : s.substring(0, pathStart);
            s = head.toLowerCase(Locale.ROOT) + (pathStart < 0 ? "" : s.substring(pathStart));
        }
        return s;
    }

    /** The {@code sso-setup secret} arguments that name this entry, e.g. {@code --issuer I --client-id C}. */
    public String cliArguments() {
        return switch (kind) {
            case CLIENT_SECRET -> "--issuer " + service.substring((PREFIX + "client-secret:").length())
                    + " --client-id " + account;
            case ADMIN_TOKEN -> "--server " + service.substring((PREFIX + "openmetadata-token:").length());
        };
    }

    /** What the secret is, as operator text: a client secret or an admin token. */
    public Text what() {
        return Text.of(kind == Kind.CLIENT_SECRET ? "secrets.what.clientSecret" : "secrets.what.adminToken");
    }

    /** Whose secret it is, as operator text: the client ID at the issuer, or the OpenMetadata server. */
    public Text whose() {
        return switch (kind) {
            case CLIENT_SECRET -> Text.of("secrets.whose.clientSecret", account,
                    service.substring((PREFIX + "client-secret:").length()));
            case ADMIN_TOKEN -> Text.of("secrets.whose.adminToken",
                    service.substring((PREFIX + "openmetadata-token:").length()));
        };
    }

    /** The label shown by keychain tools. */
    public String label() {
        return switch (kind) {
            case CLIENT_SECRET -> "SSO Setup Console: client secret of " + owner;
            case ADMIN_TOKEN -> "SSO Setup Console: admin token for " + owner;
        };
    }
}
