package dev.ssosetup.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.common.Secret;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the client credentials file a provider hands out, in the shapes {@link Shape} names. A file is understood
 * whole or refused whole, with a message that names the file and what is wrong (never a value from it); nothing is
 * half-filled. Reading the bytes is the caller's (the CLI or the Provider step).
 */
public final class CredentialsFile {
    /** Larger files are not credentials files. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The shapes understood, in the words of the refusal message. */
    public enum Shape {
        GOOGLE("Google: {\"web\": {...}} or {\"installed\": {...}} with client_id and client_secret"),
        KEYCLOAK("Keycloak adapter: realm, auth-server-url, resource and credentials.secret"),
        ISSUER("Okta or Auth0 style: client_id and client_secret with issuer or domain"),
        PLAIN("plain: client_id and client_secret");

        private final String description;

        Shape(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** The outcome: the credentials, or a refusal to show as is. */
    public sealed interface Result permits Read, Refused {
    }

    public record Read(ClientCredentials credentials) implements Result {
    }

    public record Refused(String message) implements Result {
    }

    private CredentialsFile() {
    }

    /** Started on first use. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** Reads {@code content} of the file called {@code name} (for the messages). */
    public static Result parse(String name, byte[] content) {
        String file = "The file " + name;
        if (content == null || content.length == 0) {
            return new Refused(file + " is empty.");
        }
        if (content.length > MAX_BYTES) {
            return new Refused(file + " is too large for a client credentials file (over "
                    + MAX_BYTES / 1024 + " KiB).");
        }
        String text = new String(content, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            if (text.contains("-----BEGIN") && text.contains("PRIVATE KEY")) {
                return new Refused(file + " holds a private key, not client credentials. Download the OAuth "
                        + "client's credentials (client ID and secret) from the provider's console instead.");
            }
            return new Refused(file + " is not JSON" + (e.getLocation() == null ? "" : " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")") + ".");
        }
        if (root == null || !root.isObject()) {
            return new Refused(file + " is not a JSON object. " + understood());
        }
        if (root.has("private_key") || "service_account".equals(root.path("type").asText())) {
            return new Refused(file + " is a service account key (it holds a private key), not an OAuth client's "
                    + "credentials. In the provider's console create an OAuth client ID and download its JSON.");
        }
        try {
            return new Read(read(root));
        } catch (Unreadable e) {
            return new Refused(file + " " + e.getMessage());
        }
    }

    private static ClientCredentials read(JsonNode root) {
        for (String key : new String[] {"web", "installed"}) {
            if (root.get(key) instanceof JsonNode n && n.isObject()) {
                String id = required(n, key + ".client_id");
                Secret secret = Secret.of(optional(n, key + ".client_secret"));
                String auth = optional(n, key + ".auth_uri");
                boolean google = auth.isEmpty() || hostOf(auth).equals("accounts.google.com");
                return new ClientCredentials(Shape.GOOGLE, id, secret, google ? "https://accounts.google.com" : "",
                        "", google ? Optional.of(Preset.GOOGLE) : Optional.empty(), null);
            }
        }
        if (root.has("realm") || root.has("auth-server-url") || root.has("resource")) {
            String realm = required(root, "realm");
            String server = required(root, "auth-server-url");
            String id = required(root, "resource");
            if (!server.startsWith("http://") && !server.startsWith("https://")) {
                throw new Unreadable("has an auth-server-url that is not an http(s) URL.");
            }
            boolean isPublic = root.path("public-client").asBoolean(false);
            String secret = root.get("credentials") instanceof JsonNode c && c.isObject()
                    ? optional(c, "credentials.secret") : "";
            if (!isPublic && secret.isEmpty()) {
                throw new Unreadable("is a Keycloak adapter file without credentials.secret and not marked "
                        + "public-client: download it again from the client's Credentials tab (Client "
                        + "authentication on), or mark the client public.");
            }
            String base = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
            return new ClientCredentials(Shape.KEYCLOAK, id, isPublic ? Secret.empty() : Secret.of(secret),
                    base + "/realms/" + realm, "", Optional.of(Preset.KEYCLOAK),
                    isPublic ? ClientType.PUBLIC : ClientType.CONFIDENTIAL);
        }
        if (root.has("client_id") || root.has("client_secret")) {
            String id = required(root, "client_id");
            Secret secret = Secret.of(optional(root, "client_secret"));
            String issuer = optional(root, "issuer");
            String domain = optional(root, "domain");
            if (!issuer.isEmpty()) {
                if (!issuer.startsWith("https://") && !issuer.startsWith("http://")) {
                    throw new Unreadable("has an issuer that is not an http(s) URL.");
                }
                return new ClientCredentials(Shape.ISSUER, id, secret, issuer, "", Optional.empty(), null);
            }
            if (!domain.isEmpty()) {
                String host = domain.replaceFirst("^https?://", "").replaceAll("/+$", "");
                if (!host.matches("[A-Za-z0-9.-]+(:\\d+)?")) {
                    throw new Unreadable("has a domain that is not a host name.");
                }
                return new ClientCredentials(Shape.ISSUER, id, secret, "https://" + host + "/", "",
                        Optional.of(Preset.AUTH0), null);
            }
            if (secret.isEmpty()) {
                throw new Unreadable("has a client_id but no client_secret, issuer or domain: it does not say "
                        + "more than the client ID. " + understood());
            }
            return new ClientCredentials(Shape.PLAIN, id, secret, "", "", Optional.empty(), null);
        }
        throw new Unreadable("is not a client credentials file this console understands. " + understood());
    }

    /** The shapes understood, for refusal messages. */
    public static String understood() {
        StringBuilder b = new StringBuilder("Understood: ");
        Shape[] shapes = Shape.values();
        for (int i = 0; i < shapes.length; i++) {
            b.append(i == 0 ? "" : "; ").append(shapes[i].description());
        }
        return b.append('.').toString();
    }

    private static String required(JsonNode n, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        String v = optional(n, path);
        if (v.isEmpty()) {
            throw new Unreadable((n.has(name) ? "has an empty " : "has no ") + path + ".");
        }
        return v;
    }

    private static String optional(JsonNode n, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return "";
        }
        if (!v.isTextual()) {
            throw new Unreadable("has a " + path + " that is not a string.");
        }
        return v.textValue().strip();
    }

    private static String hostOf(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
