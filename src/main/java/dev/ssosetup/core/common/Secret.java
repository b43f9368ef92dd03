package dev.ssosetup.core.common;

import java.util.Objects;

/**
 * A secret value (client secret, token, password). Its {@link #toString()} never shows the value, so a secret that
 * ends up in a log line, an exception message or a debugger view stays hidden. Read it only with {@link #reveal()},
 * at the one place that must send or write it.
 */
public final class Secret {
    private static final Secret EMPTY = new Secret("");
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null || value.isEmpty() ? EMPTY : new Secret(value);
    }

    public static Secret empty() {
        return EMPTY;
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && value.equals(s.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "<empty>" : "<secret>";
    }
}
