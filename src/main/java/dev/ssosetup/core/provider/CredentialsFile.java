package dev.ssosetup.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.text.Text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the client credentials file a provider hands out, in the shapes {@link Shape} names. A file is understood
 * whole or refused whole, with a message that names the file and what is wrong (never a value from it); nothing is
 * half-filled. The bytes come through the {@link OperatorFiles} port ({@link #read}) for the CLI and the Provider step.
 */
public final class CredentialsFile {
    /** Larger files are not credentials files. */
    public static final int MAX_BYTES = 64 * 1024;

    /** The shapes understood, described in the refusal message ({@code credentials.shape.<NAME>}). */
    public enum Shape {
        GOOGLE,
        KEYCLOAK,
        ISSUER,
        PLAIN;

        public Text description() {
            return Text.of("credentials.shape." + name());
        }
    }

    /** The outcome: the credentials, or a refusal to show as is. */
    public sealed interface Result permits Read, Refused {
    }

    public record Read(ClientCredentials credentials) implements Result {
    }

    /** {@code message} names the file and what is wrong, never a value from it. */
    public record Refused(Text message) implements Result {
    }

    private CredentialsFile() {
    }

    /** Started on first use. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /**
     * Reads the file at {@code path} through {@code files} and parses it; {@code name} names it in the messages. A
     * file over {@link #MAX_BYTES} is refused as too large, without being read.
     *
     * @throws Problem.ProblemException when the file cannot be read at all (the caller names the file and the fix)
     */
    public static Result read(OperatorFiles files, String path, String name) throws Problem.ProblemException {
        byte[] content;
        try {
            content = files.read(path, MAX_BYTES);
        } catch (Problem.ProblemException e) {
            if (e.problem().kind() == Problem.Kind.TOO_LARGE) {
                return refused(name, Text.of("credentials.tooLarge", MAX_BYTES / 1024));
            }
            throw e;
        }
        return parse(name, content);
    }

    /** Reads {@code content} of the file called {@code name} (for the messages). */
    public static Result parse(String name, byte[] content) {
        if (content == null || content.length == 0) {
            return refused(name, Text.of("credentials.empty"));
        }
        if (content.length > MAX_BYTES) {
            return refused(name, Text.of("credentials.tooLarge", MAX_BYTES / 1024));
        }
        String text = new String(content, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            if (text.contains("-----BEGIN") && text.contains("PRIVATE KEY")) {
                return refused(name, Text.of("credentials.privateKey"));
            }
            return refused(name, e.getLocation() == null ? Text.of("credentials.notJson")
                    : Text.of("credentials.notJson.at", e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            return refused(name, Text.of("credentials.notObject", understood()));
        }
        if (root.has("private_key") || "service_account".equals(root.path("type").asText())) {
            return refused(name, Text.of("credentials.serviceAccount"));
        }
        try {
            return new Read(read(root));
        } catch (Unreadable e) {
            return refused(name, e.text);
        }
    }

    private static Refused refused(String name, Text why) {
        return new Refused(Text.of("credentials.refused", name, why));
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
                throw new Unreadable(Text.of("credentials.keycloak.url"));
            }
            boolean isPublic = root.path("public-client").asBoolean(false);
            String secret = root.get("credentials") instanceof JsonNode c && c.isObject()
                    ? optional(c, "credentials.secret") : "";
            if (!isPublic && secret.isEmpty()) {
                throw new Unreadable(Text.of("credentials.keycloak.noSecret"));
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
                    throw new Unreadable(Text.of("credentials.issuer.url"));
                }
                return new ClientCredentials(Shape.ISSUER, id, secret, issuer, "", Optional.empty(), null);
            }
            if (!domain.isEmpty()) {
                String host = domain.replaceFirst("^https?://", "").replaceAll("/+$", "");
                if (!host.matches("[A-Za-z0-9.-]+(:\\d+)?")) {
                    throw new Unreadable(Text.of("credentials.domain"));
                }
                return new ClientCredentials(Shape.ISSUER, id, secret, "https://" + host + "/", "",
                        Optional.of(Preset.AUTH0), null);
            }
            if (secret.isEmpty()) {
                throw new Unreadable(Text.of("credentials.onlyClientId", understood()));
            }
            return new ClientCredentials(Shape.PLAIN, id, secret, "", "", Optional.empty(), null);
        }
        throw new Unreadable(Text.of("credentials.unknown", understood()));
    }

    /** The shapes understood, for refusal messages. */
    public static Text understood() {
        return Text.of("credentials.understood", Shape.GOOGLE.description(), Shape.KEYCLOAK.description(),
                Shape.ISSUER.description(), Shape.PLAIN.description());
    }

    private static String required(JsonNode n, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        String v = optional(n, path);
        if (v.isEmpty()) {
            throw new Unreadable(Text.of(n.has(name) ? "credentials.field.empty" : "credentials.field.missing", path));
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
            throw new Unreadable(Text.of("credentials.field.notString", path));
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
        private final transient Text text;

        Unreadable(Text text) {
            super(text.key(), null, false, false);
            this.text = text;
        }
    }
}
