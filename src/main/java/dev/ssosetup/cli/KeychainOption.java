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

    /** Why a keychain option could not give a secret; the text names the option and the fix. */
    static final class Failure extends CliProblem {
        Failure(String key, Object... args) {
            super(key, args);
        }
    }

    /** The keychain no command has been given (a build or test that did not wire one). */
    static final Supplier<SecretStore> NOT_WIRED = () -> new UnavailableSecretStore(
            new KeychainProblem(KeychainProblem.Kind.NO_BACKEND, ""));

    private final Supplier<SecretStore> keychain;
    private final Asker asker;
    private final CliMessages messages;

    KeychainOption(Supplier<SecretStore> keychain, Asker asker, CliMessages messages) {
        this.keychain = Objects.requireNonNull(keychain);
        this.asker = Objects.requireNonNull(asker);
        this.messages = Objects.requireNonNull(messages);
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
            return keychain.get().read(key).orElseThrow(() -> new Failure("cli.keychain.notRemembered", option,
                    key.what(), key.whose(), key.cliArguments(), other));
        } catch (SecretStoreException e) {
            err.println(messages.get("cli.keychain.cannotUse", option, messages.text(e.problem().text())));
            err.flush();
            return asker.ask(messages.get("cli.keychain.prompt", messages.text(key.what()),
                            messages.text(key.whose())))
                    .orElseThrow(() -> new Failure("cli.keychain.noTerminal", option, other));
        }
    }
}
