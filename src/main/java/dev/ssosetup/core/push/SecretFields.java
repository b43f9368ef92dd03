package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;

import java.util.Locale;

/**
 * Which fields of a security configuration hold secrets (OIDC client secret, LDAP and SAML passwords and keys), how
 * the server masks them, and how the real client secret gets into the body at the last moment.
 */
public final class SecretFields {
    /** The path of the OIDC client secret in the body. */
    public static final String CLIENT_SECRET_PATH = "authenticationConfiguration.oidcConfiguration.secret";
    /** What the diff and the reports show instead of a secret value. */
    public static final String HIDDEN = "(hidden)";

    private SecretFields() {
    }

    /** True for field names that hold secrets, wherever they occur. */
    public static boolean isSecret(String dottedPath) {
        String last = dottedPath.substring(dottedPath.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return last.equals("secret") || last.contains("password") || last.contains("privatekey")
                || last.equals("keystorepassword") || last.equals("clientsecret");
    }

    /** True when the value looks like OpenMetadata's mask ({@code *********}): it must never be sent back. */
    public static boolean looksMasked(String value) {
        return value != null && value.length() >= 3 && value.chars().allMatch(c -> c == '*');
    }

    /** The client secret in {@code body}, or "" when there is none. */
    public static String clientSecretIn(JsonNode body) {
        JsonNode s = body.path("authenticationConfiguration").path("oidcConfiguration").path("secret");
        return s.isTextual() ? s.asText() : "";
    }

    /** True when the body has an {@code oidcConfiguration} block (a confidential client). */
    public static boolean hasOidcBlock(JsonNode body) {
        return body.path("authenticationConfiguration").path("oidcConfiguration").isObject();
    }

    /**
     * A copy of {@code body} with {@code secret} as the OIDC client secret, when the body has an OIDC block and a
     * secret is given; otherwise an unchanged copy.
     */
    public static ObjectNode withClientSecret(ObjectNode body, Secret secret) {
        ObjectNode copy = body.deepCopy();
        if (!secret.isEmpty() && hasOidcBlock(copy)) {
            ((ObjectNode) copy.path("authenticationConfiguration").path("oidcConfiguration"))
                    .put("secret", secret.reveal());
        }
        return copy;
    }

    /** A copy with every secret field replaced by {@link #HIDDEN}: safe to print or save. */
    public static JsonNode masked(JsonNode node) {
        JsonNode copy = node.deepCopy();
        maskInPlace(copy, "");
        return copy;
    }

    private static void maskInPlace(JsonNode node, String path) {
        if (node instanceof ObjectNode object) {
            for (var it = object.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (isSecret(p) && e.getValue().isValueNode() && !e.getValue().isNull()
                        && !e.getValue().asText().isEmpty()) {
                    e.setValue(object.textNode(HIDDEN));
                } else {
                    maskInPlace(e.getValue(), p);
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(child -> maskInPlace(child, path));
        }
    }
}
