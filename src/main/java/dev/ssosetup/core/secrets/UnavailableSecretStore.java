package dev.ssosetup.core.secrets;

import dev.ssosetup.core.common.Secret;

import java.util.Objects;
import java.util.Optional;

/** "No keychain here": every call says why (no D-Bus session, no keychain service...), and nothing is written. */
public final class UnavailableSecretStore implements SecretStore {
    private final KeychainProblem problem;

    public UnavailableSecretStore(KeychainProblem problem) {
        this.problem = Objects.requireNonNull(problem);
    }

    @Override
    public Optional<Secret> read(SecretKey key) throws SecretStoreException {
        throw new SecretStoreException(problem);
    }

    @Override
    public void store(SecretKey key, Secret secret) throws SecretStoreException {
        throw new SecretStoreException(problem);
    }

    @Override
    public boolean forget(SecretKey key) throws SecretStoreException {
        throw new SecretStoreException(problem);
    }

    @Override
    public Optional<KeychainProblem> problem() {
        return Optional.of(problem);
    }
}
