package dev.ssosetup.core.push;

import dev.ssosetup.core.common.Severity;

import java.util.Objects;

/**
 * One item of the operator's post-push checklist (OpenMetadata's production notes for Custom OIDC): a stable id,
 * whether it is done (checked against the server where it can be; manual items start as not done), how serious an
 * open item is, and what to do.
 */
public record ChecklistItem(String id, boolean done, Severity severity, String text) {
    public ChecklistItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        text = Objects.requireNonNullElse(text, "");
    }

    /** {@code [x] text} / {@code [ ] text}, with ERROR for an open error. */
    public String line() {
        return (done ? "[x] " : severity == Severity.ERROR ? "[ ] ERROR: " : "[ ] ") + text;
    }
}
