package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Ends a login attempt early with a stage, a reason and a hint (message keys, ADR 0008); carries any (unverified)
 * claims seen so far. {@link #getMessage()} is the reason in English, for the log.
 */
final class LoginStop extends Exception {
    private final FailureStage stage;
    private final transient Text reason;
    private final transient Text hint;
    private final transient Map<String, Object> claims;

    LoginStop(FailureStage stage, Text reason, Text hint) {
        this(stage, reason, hint, Map.of());
    }

    LoginStop(FailureStage stage, Text reason, Text hint, Map<String, Object> claims) {
        super(Messages.forLocale(Locale.ENGLISH).text(reason), null, false, false);
        this.stage = Objects.requireNonNull(stage);
        this.reason = reason;
        this.hint = Objects.requireNonNullElse(hint, Finding.NO_HINT);
        this.claims = JsonValues.freeze(claims);
    }

    FailureStage stage() {
        return stage;
    }

    Text reason() {
        return reason;
    }

    Text hint() {
        return hint;
    }

    Map<String, Object> claims() {
        return claims;
    }
}
