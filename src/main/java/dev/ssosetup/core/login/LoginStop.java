package dev.ssosetup.core.login;

import java.util.Map;
import java.util.Objects;

/** Ends a login attempt early with a stage, a reason and a hint; carries any (unverified) claims seen so far. */
final class LoginStop extends Exception {
    private final FailureStage stage;
    private final String hint;
    private final transient Map<String, Object> claims;

    LoginStop(FailureStage stage, String reason, String hint) {
        this(stage, reason, hint, Map.of());
    }

    LoginStop(FailureStage stage, String reason, String hint, Map<String, Object> claims) {
        super(reason, null, false, false);
        this.stage = Objects.requireNonNull(stage);
        this.hint = Objects.requireNonNullElse(hint, "");
        this.claims = JsonValues.freeze(claims);
    }

    FailureStage stage() {
        return stage;
    }

    String hint() {
        return hint;
    }

    Map<String, Object> claims() {
        return claims;
    }
}
