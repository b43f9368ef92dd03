package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import java.util.List;
import java.util.Objects;

/**
 * Why a plan or an apply stopped: at which step, what happened, and the state the server is left in. {@link #text()}
 * says all of it in words for the operator.
 */
public record PushFailure(PushStep step, PushException.Kind kind, int status, Text message, ServerState serverState,
                          List<FieldIssue> issues) {
    public PushFailure {
        Objects.requireNonNull(step);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(message);
        Objects.requireNonNull(serverState);
        issues = List.copyOf(Objects.requireNonNullElse(issues, List.of()));
    }

    static PushFailure of(PushStep step, PushException e, ServerState state) {
        return new PushFailure(step, e.kind(), e.status(), e.text(), state, e.issues());
    }

    /** What happened, then the server's state. */
    public Text text() {
        return Text.of("push.failure.withState", message, serverState);
    }
}
