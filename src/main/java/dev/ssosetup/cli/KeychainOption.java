package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.secrets.KeychainProblem;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.secrets.UnavailableSecretStore;
import dev.ssosetup.core.secrets.SecretStoreException;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CLI's {@code --client-secret-from-keychain} and {@code --token-from-keychain}: reads the remembered secret; when
 * the keychain cannot be used it says why on standard error and asks on the terminal instead (never echoed). Nothing
 * is written anywhere else.
 */
final class KeychainOption {
    /** How the CLI asks for a secret when the keychain cannot give it: the terminal, when there is one. */
    interface Asker {
        Optional<Secret> ask(String prompt);
    }

    static final Asker TERMINAL = prompt -> {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            return Optional.empty();
        }
        Secret secret = Secret.of(new String(typed).strip());
        java.util.Arrays.fill(typed, '\0');
        return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
    };

    /** Why a keychain option could not give a secret; the message names the option and the fix. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message, null, false, false);
        }
    }

    /** The keychain no command has been given (a build or test that did not wire one). */
    static final Supplier<SecretStore> NOT_WIRED = () -> new UnavailableSecretStore(
            new KeychainProblem(KeychainProblem.Kind.NO_BACKEND, "not wired"));

    private final Supplier<SecretStore> keychain;
    private final Asker asker;

    KeychainOption(Supplier<SecretStore> keychain, Asker asker) {
        this.keychain = Objects.requireNonNull(keychain);
        this.asker = Objects.requireNonNull(asker);
    }

    /**
     * The secret remembered under {@code key}.
     *
     * @param option the flag, for messages ({@code --client-secret-from-keychain})
     * @param other  the other way to give it, for messages ({@code --client-secret-file})
     * @throws Failure when nothing is remembered, or the keychain cannot be used and nobody could be asked
     */
    Secret read(SecretKey key, String option, String other, PrintWriter err) {
        try {
            return keychain.get().read(key).orElseThrow(() -> new Failure(option + ": no " + key.what()
                    + " is remembered in the system keychain for " + key.owner() + ". Store it with: sso-setup "
                    + "secret store " + key.cliArguments() + " (it reads the secret from standard input), or "
                    + "give " + other));
        } catch (SecretStoreException e) {
            err.println("sso-setup: " + option + ": " + e.getMessage() + ".");
            err.flush();
            return asker.ask("The " + key.what() + " for " + key.owner() + " (not shown): ")
                    .orElseThrow(() -> new Failure(option + ": the system keychain cannot be used and there is "
                            + "no terminal to ask on: give " + other));
        }
    }
}
