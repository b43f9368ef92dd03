package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * When a backup may be put back, asked the same by the Push step and {@code sso-setup restore} (ADR 0026): a backup
 * from another server, or one that does not say where it was taken, only with the operator's explicit override; a
 * secret the server masked in the backup only with its real value (a masked value would be stored as is).
 */
public final class RestorePolicy {
    private RestorePolicy() {
    }

    /** Why a restore is refused; each edge adds its own way out (a box in the window, a flag in the CLI). */
    public enum Reason {
        /** The backup was taken from another server URL. */
        OTHER_SERVER,
        /** The backup does not say which server it was taken from. */
        UNKNOWN_SERVER,
        /** The server masked the OIDC client secret in the backup and no real value was given. */
        CLIENT_SECRET_MASKED,
        /** The server masked another secret field in the backup and no real value was given for it. */
        FIELD_SECRET_MASKED
    }

    /** A refused restore: why, and the fact in words ({@code push.restore.refused.*}). */
    public record Refusal(Reason reason, Text text) {
        public Refusal {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(text);
        }
    }

    /** What the operator gave for a restore. */
    public record Request(ServerAddress target, boolean otherServerAllowed, boolean clientSecretGiven,
                          Collection<String> fieldSecretsGiven) {
        public Request {
            Objects.requireNonNull(target);
            fieldSecretsGiven = java.util.List.copyOf(fieldSecretsGiven);
        }
    }

    /** Empty when {@code backup} may be restored as asked, else the first reason it may not. */
    public static Optional<Refusal> check(Backup backup, Request request) {
        String here = request.target().toString();
        switch (backup.serverMatch(request.target())) {
            case SAME -> { }
            case OTHER -> {
                if (!request.otherServerAllowed()) {
                    return refuse(Reason.OTHER_SERVER, Text.of("push.restore.refused.otherServer",
                            backup.serverUrl(), here));
                }
            }
            case UNKNOWN -> {
                if (!request.otherServerAllowed()) {
                    return refuse(Reason.UNKNOWN_SERVER, Text.of("push.restore.refused.unknownServer", here));
                }
            }
        }
        if (backup.needsClientSecret() && !request.clientSecretGiven()) {
            return refuse(Reason.CLIENT_SECRET_MASKED, Text.of("push.restore.refused.clientSecretMasked"));
        }
        for (String field : backup.maskedSecretFields()) {
            if (!field.equals(SecretFields.CLIENT_SECRET_PATH) && !request.fieldSecretsGiven().contains(field)) {
                return refuse(Reason.FIELD_SECRET_MASKED, Text.of("push.restore.refused.fieldSecretMasked", field));
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(Reason reason, Text text) {
        return Optional.of(new Refusal(reason, text));
    }
}
