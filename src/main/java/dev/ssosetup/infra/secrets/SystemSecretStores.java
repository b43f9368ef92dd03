package dev.ssosetup.infra.secrets;

import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.UnavailableSecretStore;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Picks the keychain adapter for this machine: java-keyring, or "no keychain here" with the reason. */
public final class SystemSecretStores {
    private SystemSecretStores() {
    }

    /** For this process: its operating system and environment. */
    public static SecretStore forThisProcess() {
        return choose(System.getProperty("os.name", ""), System.getenv());
    }

    static SecretStore choose(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) {
            return new KeyringSecretStore(Optional::empty);
        }
        String bus = env.getOrDefault("DBUS_SESSION_BUS_ADDRESS", "");
        if (bus.isBlank()) {
            return new UnavailableSecretStore(new KeychainProblem(KeychainProblem.Kind.NO_SESSION, ""));
        }
        return new KeyringSecretStore(SecretServiceProbe::check);
    }
}
