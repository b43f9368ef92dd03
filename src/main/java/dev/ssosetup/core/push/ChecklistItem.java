package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.common.Severity;

import java.util.Objects;

/**
 * One item of the operator's post-push checklist (OpenMetadata's production notes for Custom OIDC): a stable id,
 * whether it is done (checked against the server where it can be; manual items start as not done), how serious an
 * open item is, and what to do.
 */
public record ChecklistItem(String id, boolean done, Severity severity, Text text) {
    public ChecklistItem {
        Objects.requireNonNull(id);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(text);
    }

    /** {@code [x] text} / {@code [ ] text}, with ERROR for an open error, in the operator's language. */
    public String line(Messages messages) {
        return (done ? "[x] " : "[ ] ") + messages.text(done || severity != Severity.ERROR ? text
                : Text.of("push.checklist.openError", text));
    }
}
