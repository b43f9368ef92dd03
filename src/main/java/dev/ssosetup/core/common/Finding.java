package dev.ssosetup.core.common;

import dev.ssosetup.core.text.Text;

import java.util.Objects;

/**
 * One result of a check, conformance-suite style: a stable id (e.g. {@code issuer-mismatch}), a severity, what was
 * found and how to fix it, both as message keys with arguments ({@link Text}, ADR 0008: by convention
 * {@code finding.<id>} and {@code finding.<id>.hint}). Findings never carry secrets.
 */
public record Finding(String id, Severity severity, Text message, Text hint) {
    /** The hint of a finding that needs no fix; it renders as an empty text. */
    public static final Text NO_HINT = Text.of("finding.noHint");

    public Finding {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(message);
        hint = Objects.requireNonNullElse(hint, NO_HINT);
    }

    public static Finding error(String id, Text message, Text hint) {
        return new Finding(id, Severity.ERROR, message, hint);
    }

    public static Finding warning(String id, Text message, Text hint) {
        return new Finding(id, Severity.WARNING, message, hint);
    }

    public static Finding info(String id, Text message, Text hint) {
        return new Finding(id, Severity.INFO, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** Whether there is a fix to show. */
    public boolean hasHint() {
        return !hint.equals(NO_HINT);
    }
}
