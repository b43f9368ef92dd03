package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The live security configuration as read just before a push, with what is needed to put it back: when and from
 * which server it was taken, and the fact that the server masked the client secret (so restoring asks for it). Its
 * file form is JSON; {@link #recoveryText()} is the text saved beside it for when the UI is unreachable.
 */
public record Backup(ObjectNode configuration, Instant takenAt, String serverUrl, String serverVersion,
                     boolean secretMaskedByServer) {
    public static final String FORMAT = "sso-setup-console/openmetadata-security-backup/1";
    public static final String RECOVERY_COMMAND = "./bootstrap/openmetadata-ops.sh remove-security-config --force";
    private static final ObjectMapper JSON = new ObjectMapper();

    public Backup {
        Objects.requireNonNull(configuration);
        configuration = configuration.deepCopy();
        Objects.requireNonNull(takenAt);
        serverUrl = Objects.requireNonNullElse(serverUrl, "");
        serverVersion = Objects.requireNonNullElse(serverVersion, "");
    }

    /** A backup of {@code live}; notes whether the client secret in it is the server's mask. */
    public static Backup of(ObjectNode live, Instant takenAt, String serverUrl, String serverVersion) {
        String secret = SecretFields.clientSecretIn(live);
        return new Backup(live, takenAt, serverUrl, serverVersion,
                SecretFields.looksMasked(secret) || SecretFields.hasOidcBlock(live) && secret.isEmpty());
    }

    /** Whether a backup belongs to the server it is about to be restored on. */
    public enum ServerMatch {
        /** Taken from this very URL. */
        SAME,
        /** Taken from another URL. */
        OTHER,
        /** The backup does not say where it was taken (no {@code serverUrl}): it could be from anywhere. */
        UNKNOWN
    }

    /**
     * Compares the backup's server with {@code here}. Restoring anything but {@link ServerMatch#SAME} needs the
     * operator's explicit override ({@code --allow-other-server}, or the box in the Push step).
     */
    public ServerMatch serverMatch(ServerAddress here) {
        if (serverUrl.isBlank()) {
            return ServerMatch.UNKNOWN;
        }
        try {
            return ServerAddress.parse(serverUrl).equals(here) ? ServerMatch.SAME : ServerMatch.OTHER;
        } catch (IllegalArgumentException e) {
            return ServerMatch.OTHER;
        }
    }

    /** The dotted paths of secret fields the server masked in this backup (restoring needs their real values). */
    public java.util.List<String> maskedSecretFields() {
        return SecretFields.maskedPaths(configuration);
    }

    @Override
    public ObjectNode configuration() {
        return configuration.deepCopy();
    }

    /** True when restoring needs the operator to supply the client secret again. */
    public boolean needsClientSecret() {
        return SecretFields.hasOidcBlock(configuration) && secretMaskedByServer;
    }

    /** The backup file's content (UTF-8 JSON), its notes in English. */
    public byte[] toJson() {
        return toJson(Messages.forLocale(Locale.ENGLISH));
    }

    /**
     * The backup file's content (UTF-8 JSON), its notes for the operator in the language of {@code messages} (the
     * tool reads back only the data fields). Holds only what the server returned, so no secret.
     */
    public byte[] toJson(Messages messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("takenAt", takenAt.toString());
        root.put("serverUrl", serverUrl);
        root.put("serverVersion", serverVersion);
        root.put("secretMaskedByServer", secretMaskedByServer);
        root.put("note", messages.get(secretMaskedByServer ? "backup.file.note.masked" : "backup.file.note.none"));
        root.put("recovery", recoverySteps(messages));
        root.set("configuration", configuration);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("cannot render the backup", e);
        }
    }

    /**
     * Reads a backup file's content.
     *
     * @throws NotABackup naming what is wrong with the file
     */
    public static Backup parse(byte[] json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new NotABackup(Text.of("backup.notJson"));
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new NotABackup(Text.of("backup.notOurs", FORMAT));
        }
        if (!(root.get("configuration") instanceof ObjectNode config)
                || !config.path("authenticationConfiguration").isObject()
                || !config.path("authorizerConfiguration").isObject()) {
            throw new NotABackup(Text.of("backup.incomplete"));
        }
        Instant at;
        try {
            at = Instant.parse(root.path("takenAt").asText());
        } catch (DateTimeParseException e) {
            throw new NotABackup(Text.of("backup.noTimestamp"));
        }
        return new Backup(config, at, root.path("serverUrl").asText(), root.path("serverVersion").asText(),
                root.path("secretMaskedByServer").asBoolean(true));
    }

    /** The text saved beside the backup, in English. */
    public byte[] recoveryText() {
        return recoveryText(Messages.forLocale(Locale.ENGLISH));
    }

    /** The text saved beside the backup: how to recover when the console and the web UI cannot sign in. */
    public byte[] recoveryText(Messages messages) {
        String text = messages.get("backup.file.recoveryText", serverUrl,
                serverVersion.isEmpty() ? messages.get("backup.file.versionUnknown") : serverVersion,
                takenAt.toString(),
                messages.get(secretMaskedByServer ? "backup.file.secret.masked" : "backup.file.secret.none"),
                secretMaskedByServer ? " --client-secret-file SECRET_FILE" : "", recoverySteps(messages));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The recovery path when no UI is reachable, in the language of {@code messages}. */
    public static String recoverySteps(Messages messages) {
        return messages.get("push.recovery.steps", RECOVERY_COMMAND);
    }

    /** The content is not a backup this console wrote; {@link #text()} says what is wrong. */
    public static final class NotABackup extends IllegalArgumentException {
        private final transient Text text;

        NotABackup(Text text) {
            super(text.key(), null);
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }
}
