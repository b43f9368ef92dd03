package dev.ssosetup.infra.secrets;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.KeychainProblem.Kind;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The system keychain through java-keyring: Secret Service items with the attributes {@code service} and
 * {@code account} on Linux, generic passwords on macOS, generic credentials on Windows. Each call opens and closes its
 * own connection. On Linux a {@link SecretServiceProbe} runs first, so that a missing default collection or a locked
 * one gives a {@link KeychainProblem} instead of java-keyring's {@code NullPointerException} or a false "nothing
 * stored". No exception text from the library reaches the operator (only its class name).
 */
public final class KeyringSecretStore implements SecretStore {
    private final Supplier<Optional<KeychainProblem>> probe;

    /** @param probe what to check before every call (the Secret Service probe on Linux, nothing elsewhere) */
    KeyringSecretStore(Supplier<Optional<KeychainProblem>> probe) {
        this.probe = Objects.requireNonNull(probe);
    }

    @Override
    public Optional<Secret> read(SecretKey key) throws SecretStoreException {
        failOnProblem();
        try (Keyring keyring = open()) {
            String value = keyring.getPassword(key.service(), key.account());
            return value == null || value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // java-keyring's "no stored credentials match" (the probe said it is usable)
        } catch (SecretStoreException e) {
            throw e;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public void store(SecretKey key, Secret secret) throws SecretStoreException {
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret is not stored");
        }
        failOnProblem();
        try (Keyring keyring = open()) {
            keyring.setPassword(key.service(), key.account(), secret.reveal());
        } catch (SecretStoreException e) {
            throw e;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public boolean forget(SecretKey key) throws SecretStoreException {
        failOnProblem();
        try (Keyring keyring = open()) {
            keyring.deletePassword(key.service(), key.account());
            return true;
        } catch (PasswordAccessException e) {
            return false; // nothing stored under this key
        } catch (SecretStoreException e) {
            throw e;
        } catch (Exception e) {
            throw classify(e);
        }
    }

    @Override
    public Optional<KeychainProblem> problem() {
        Optional<KeychainProblem> found = probe.get();
        if (found.isPresent()) {
            return found;
        }
        try (Keyring keyring = open()) {
            return Optional.empty();
        } catch (SecretStoreException e) {
            return Optional.of(e.problem());
        } catch (Exception e) {
            return Optional.of(new KeychainProblem(Kind.NO_BACKEND, e.getClass().getSimpleName()));
        }
    }

    private void failOnProblem() throws SecretStoreException {
        Optional<KeychainProblem> found = probe.get();
        if (found.isPresent()) {
            throw new SecretStoreException(found.get());
        }
    }

    private static Keyring open() throws SecretStoreException {
        try {
            return Keyring.create();
        } catch (BackendNotSupportedException e) {
            throw new SecretStoreException(new KeychainProblem(Kind.NO_BACKEND, ""));
        } catch (RuntimeException | LinkageError e) {
            throw new SecretStoreException(new KeychainProblem(Kind.NO_BACKEND, e.getClass().getSimpleName()));
        }
    }

    /** A failure inside the library: asks the probe again (the keyring may have been locked meanwhile). */
    private SecretStoreException classify(Exception e) {
        Optional<KeychainProblem> found = probe.get();
        return new SecretStoreException(found.orElse(new KeychainProblem(Kind.REFUSED, e.getClass().getSimpleName())));
    }
}
