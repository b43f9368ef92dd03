package dev.ssosetup.core.secrets;

import dev.ssosetup.core.text.Text;

import java.util.Objects;

/**
 * Why the system keychain cannot be used right now. {@link #kind()} selects the operator text (the wizard's message
 * bundle, {@code secrets.problem.<KIND>}); {@link #detail()} is a short technical addition that never holds a secret.
 */
public record KeychainProblem(Kind kind, String detail) {
    /** The reasons the app tells apart. */
    public enum Kind {
        /** Linux without a D-Bus session bus (SSH, a container, a service account): nothing to talk to. */
        NO_SESSION,
        /** A session, but no keychain service answers on it (no Secret Service, KWallet, Keychain...). */
        NO_BACKEND,
        /** The Secret Service has no default collection (a brand-new keyring). */
        NO_DEFAULT_COLLECTION,
        /** The collection is locked and was not unlocked. */
        LOCKED,
        /** The keychain answered, but refused or failed the operation. */
        REFUSED
    }

    public KeychainProblem {
        Objects.requireNonNull(kind);
        detail = detail == null ? "" : detail;
    }

    /**
     * The operator's text for the command line (the long form, with what to do; the wizard shows the short
     * {@code secrets.problem.<KIND>}).
     */
    public Text text() {
        Text base = Text.of("secrets.problem.long." + kind.name());
        return detail.isEmpty() ? base : Text.of("secrets.problem.withDetail", base, detail);
    }
}
