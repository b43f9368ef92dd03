package dev.ssosetup.core.push;

import dev.ssosetup.core.common.Secret;

import java.util.Objects;

/**
 * What Push needs to ask a 2.0 server for its own verdict: the ID token of this session's passed login test (a
 * {@link Secret}, memory only) and the login test's own conclusion, to compare both.
 */
public record VerdictRequest(Secret idToken, LockoutEvidence ours) {
    public VerdictRequest {
        idToken = Objects.requireNonNullElse(idToken, Secret.empty());
        ours = Objects.requireNonNullElse(ours, LockoutEvidence.none());
    }

    /** No login test in this session. */
    public static VerdictRequest none() {
        return new VerdictRequest(Secret.empty(), LockoutEvidence.none());
    }

    public boolean hasToken() {
        return !idToken.isEmpty() && ours.loginPassed();
    }

    @Override
    public String toString() {
        return "VerdictRequest[idToken=" + idToken + ", ours=" + ours + "]";
    }
}
