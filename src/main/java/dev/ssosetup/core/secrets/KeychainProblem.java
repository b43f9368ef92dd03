package dev.ssosetup.core.secrets;

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

    /** The operator's sentence in English, for the command line (the wizard uses its message bundle). */
    public String text() {
        String base = switch (kind) {
            case NO_SESSION -> "no system keychain here: there is no D-Bus session (DBUS_SESSION_BUS_ADDRESS is not "
                    + "set, as over SSH, in a container or a headless session). Start a desktop session or "
                    + "'dbus-run-session' with a keyring daemon, or give the secret another way";
            case NO_BACKEND -> "no system keychain answers (no Secret Service such as GNOME Keyring or KWallet, no "
                    + "macOS Keychain, no Windows Credential Manager). Give the secret another way";
            case NO_DEFAULT_COLLECTION -> "the system keyring has no default collection yet (a brand-new keyring). "
                    + "Create one: open 'Passwords and Keys' (seahorse) and add a keyring, or store any secret once "
                    + "with: secret-tool store --label=setup service sso-setup-console account setup";
            case LOCKED -> "the system keyring is locked. Unlock it (log in to the desktop again, or open 'Passwords "
                    + "and Keys' and unlock the Login keyring), then try again";
            case REFUSED -> "the system keychain refused the operation";
        };
        return detail.isEmpty() ? base : base + " (" + detail + ")";
    }
}
