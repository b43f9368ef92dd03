package dev.ssosetup.testsupport;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A keychain in memory for view-model tests (the real one is exercised by {@code KeychainCliTest} and
 * {@code KeychainWizardTest} against GNOME Keyring). {@link #fail(KeychainProblem)} makes every call refuse.
 */
public final class MemorySecretStore implements SecretStore {
    private final Map<SecretKey, Secret> entries = new LinkedHashMap<>();
    private KeychainProblem problem;
    private int writes;

    public void fail(KeychainProblem why) {
        this.problem = why;
    }

    public Map<SecretKey, Secret> entries() {
        return entries;
    }

    public int writes() {
        return writes;
    }

    private void check() throws SecretStoreException {
        if (problem != null) {
            throw new SecretStoreException(problem);
        }
    }

    @Override
    public Optional<Secret> read(SecretKey key) throws SecretStoreException {
        check();
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public void store(SecretKey key, Secret secret) throws SecretStoreException {
        check();
        writes++;
        entries.put(key, secret);
    }

    @Override
    public boolean forget(SecretKey key) throws SecretStoreException {
        check();
        return entries.remove(key) != null;
    }

    @Override
    public Optional<KeychainProblem> problem() {
        return Optional.ofNullable(problem);
    }
}
