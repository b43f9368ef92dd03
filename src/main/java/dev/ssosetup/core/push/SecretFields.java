package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * {@code text} (a diff value or line) with each {@link #HIDDEN} marker in the operator's word for it; the marker
     * itself stays in JSON output and saved reports, where programs read it.
     */
    public static String showHidden(String text, String word) {
        return text.replace(HIDDEN, word);
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

    /**
     * The dotted paths of every secret field (see {@link #isSecret}) whose value is the server's mask: such a body
     * must never be sent, or the mask would be stored as the password, key or secret.
     */
    public static List<String> maskedPaths(JsonNode body) {
        List<String> out = new ArrayList<>();
        secretLeaves(body, "", (path, value) -> {
            if (looksMasked(value)) {
                out.add(path);
            }
        });
        return out;
    }

    /** Every non-empty secret value in {@code body} (to clean them out of text that comes back from a server). */
    public static List<Secret> secretValues(JsonNode body) {
        List<Secret> out = new ArrayList<>();
        secretLeaves(body, "", (path, value) -> {
            if (!value.isEmpty() && !looksMasked(value)) {
                out.add(Secret.of(value));
            }
        });
        return out;
    }

    /**
     * A copy of {@code body} with the given values put into secret fields that the body already has (e.g. the
     * masked {@code ldapConfiguration.dnAdminPassword} of a backup).
     *
     * @throws IllegalArgumentException naming a path that is not a secret field of the body (never a value)
     */
    public static ObjectNode withSecrets(ObjectNode body, Map<String, Secret> byPath) {
        ObjectNode copy = body.deepCopy();
        for (var e : byPath.entrySet()) {
            String path = e.getKey();
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? copy : copy.at("/" + path.substring(0, dot).replace('.', '/'));
            String name = path.substring(dot + 1);
            if (!isSecret(path) || !(parent instanceof ObjectNode object) || !object.path(name).isValueNode()) {
                throw new NotASecretField(path);
            }
            object.put(name, e.getValue().reveal());
        }
        return copy;
    }

    private static void secretLeaves(JsonNode node, String path, java.util.function.BiConsumer<String, String> to) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (isSecret(p) && e.getValue().isTextual()) {
                    to.accept(p, e.getValue().asText());
                } else {
                    secretLeaves(e.getValue(), p, to);
                }
            });
        } else if (node != null && node.isArray()) {
            node.forEach(child -> secretLeaves(child, path, to));
        }
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

    /** A field named as a secret that is not one of this configuration's secret fields. */
    public static final class NotASecretField extends IllegalArgumentException {
        private final String field;

        NotASecretField(String field) {
            super(field, null); // PushService turns it into push.failure.notSecretField
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
