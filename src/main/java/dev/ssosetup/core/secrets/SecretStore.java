package dev.ssosetup.core.secrets;

import dev.ssosetup.core.common.Secret;

import java.util.Optional;

/**
 * A port: the system keychain (Secret Service over D-Bus on Linux, the Keychain on macOS, the Credential Manager on
 * Windows). Nothing else is written anywhere: when the keychain cannot be used, every call throws a
 * {@link SecretStoreException} that says why, and callers fall back to asking. Calls may block (D-Bus, an unlock
 * prompt): the wizard makes them in background tasks.
 */
public interface SecretStore {
    /** The stored secret, or empty when none is stored under {@code key}. */
    Optional<Secret> read(SecretKey key) throws SecretStoreException;

    /** Stores {@code secret} under {@code key}, replacing what was there. */
    void store(SecretKey key, Secret secret) throws SecretStoreException;

    /** Removes the secret under {@code key}; false when there was none. */
    boolean forget(SecretKey key) throws SecretStoreException;

    /** Empty when the keychain looks usable, else why not (without touching any entry). */
    Optional<KeychainProblem> problem();
}
