package dev.ssosetup.core.provider;

import dev.ssosetup.core.text.Text;

import java.util.List;
import java.util.Objects;

/**
 * What is wrong with one form field, as a message key (in the {@code provider.invalid.*} family) with its arguments,
 * so that the view shows it in the operator's language. Each key's text says what is wrong and how to fix it.
 */
public record FieldProblem(String key, List<Object> args) {
    public FieldProblem {
        Objects.requireNonNull(key);
        args = List.copyOf(Objects.requireNonNullElse(args, List.of()));
    }

    public static FieldProblem of(String key, Object... args) {
        return new FieldProblem(key, List.of(args));
    }

    /** The problem as operator text (arguments may be nested texts), for {@code Messages#text}. */
    public Text text() {
        return new Text(key, args);
    }
}
