package dev.ssosetup.core.common;

import java.util.Objects;

/**
 * One result of a check, conformance-suite style: a stable id (e.g. {@code issuer-mismatch}), a severity, what was
 * found and how to fix it. Findings never carry secrets.
 */
public record Finding(String id, Severity severity, String message, String hint) {
    public Finding {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        message = Objects.requireNonNullElse(message, "");
        hint = Objects.requireNonNullElse(hint, "");
    }

    public static Finding error(String id, String message, String hint) {
        return new Finding(id, Severity.ERROR, message, hint);
    }

    public static Finding warning(String id, String message, String hint) {
        return new Finding(id, Severity.WARNING, message, hint);
    }

    public static Finding info(String id, String message, String hint) {
        return new Finding(id, Severity.INFO, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
