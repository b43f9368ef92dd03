package dev.ssosetup.core.text;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Operator text as a value: a message key of {@code i18n/messages.properties} and its arguments. Core results carry
 * these instead of English sentences; the window and the CLI turn them into words with {@link Messages#text(Text)}
 * in the operator's language (ADR 0008).
 *
 * <p>Arguments are values, not prose: names, URLs, numbers (formatted for the locale by {@link java.text.MessageFormat}),
 * enum constants (shown by their own key, see {@link Messages#text(Text)}) or nested {@code Text} (rendered first).
 * Never pass a secret or a value that failed validation.
 */
public record Text(String key, List<Object> args) {
    public Text {
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("empty message key");
        }
        args = List.copyOf(args);
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    @Override
    public String toString() {
        return args.isEmpty() ? key : key + args;
    }
}
