package dev.ssosetup.cli;

import dev.ssosetup.core.text.Text;

import java.util.Objects;

/**
 * A problem with what the operator gave (a flag, a file), as operator text: the command prints it in the CLI's
 * language. Its exception message is the key only (it is never shown).
 */
class CliProblem extends RuntimeException {
    private final transient Text text;

    CliProblem(Text text) {
        super(text.key(), null, false, false);
        this.text = Objects.requireNonNull(text);
    }

    CliProblem(String key, Object... args) {
        this(Text.of(key, args));
    }

    Text text() {
        return text;
    }
}
