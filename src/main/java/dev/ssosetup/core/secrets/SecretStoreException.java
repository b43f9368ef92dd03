package dev.ssosetup.core.secrets;

import java.util.Objects;

/** The keychain cannot do what was asked; {@link #problem()} says why. Never carries a secret. */
public final class SecretStoreException extends Exception {
    private final transient KeychainProblem problem;

    public SecretStoreException(KeychainProblem problem) {
        super("keychain: " + Objects.requireNonNull(problem).kind()); // the operator reads problem().text()
        this.problem = problem;
    }

    public KeychainProblem problem() {
        return problem;
    }
}
