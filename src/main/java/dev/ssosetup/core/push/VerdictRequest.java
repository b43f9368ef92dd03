package dev.ssosetup.core.push;

import dev.ssosetup.core.common.Secret;

import java.util.Objects;

/**
 * What Push knows from the other steps beyond the body (issue 18): the ID token of this session's passed login test (a
 * {@link Secret}, memory only) and the login test's own conclusion, to ask a 2.0 server for its verdict and compare
 * both; the Keys step's key id and the login test's redirect URI, for the post-push checklist and the key check.
 */
public record VerdictRequest(Secret idToken, LockoutEvidence ours, String configuredKeyId, String testRedirectUri) {
    public VerdictRequest {
        idToken = Objects.requireNonNullElse(idToken, Secret.empty());
        ours = Objects.requireNonNullElse(ours, LockoutEvidence.none());
        configuredKeyId = Objects.requireNonNullElse(configuredKeyId, "").strip();
        testRedirectUri = Objects.requireNonNullElse(testRedirectUri, "").strip();
    }

    public VerdictRequest(Secret idToken, LockoutEvidence ours) {
        this(idToken, ours, "", "");
    }

    /** The same with the Keys step's key id and the login test's redirect URI. */
    public VerdictRequest with(String keyId, String redirectUri) {
        return new VerdictRequest(idToken, ours, keyId, redirectUri);
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
        return "VerdictRequest[idToken=" + idToken + ", ours=" + ours + ", keyId=" + configuredKeyId + "]";
    }
}
