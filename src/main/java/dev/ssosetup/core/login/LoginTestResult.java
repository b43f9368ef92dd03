package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Text;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict of one login test: passed (with the validated claims and the OpenMetadata preview) or failed (with
 * the stage, the reason and a fix hint). Immutable; holds no code or secret. A passed result keeps the validated ID
 * token as a {@link Secret} (memory only: no report, profile or log shows it) so that Push can ask a 2.0 server for
 * its own verdict ({@code validate-token}); everything else can be kept and rendered into reports.
 */
public sealed interface LoginTestResult permits LoginTestResult.Passed, LoginTestResult.Failed {

    LoginAttempt attempt();

    /** The ID token's claims (JSON values; times as epoch seconds); empty when no token was received. */
    Map<String, Object> claims();

    /** The userinfo claims; empty when not offered or not fetched. */
    Map<String, Object> userInfo();

    /** Warnings and notes collected along the way (the preview's warnings included). */
    List<Finding> findings();

    default boolean passed() {
        return this instanceof Passed;
    }

    default Optional<OpenMetadataPreview> openMetadataPreview() {
        return this instanceof Passed p ? Optional.of(p.preview()) : Optional.empty();
    }

    /**
     * True when this result was obtained with the same login-relevant settings (issuer, discovery URL, client,
     * secret, scopes, authentication method, algorithm) as {@code current}: only then does it prove anything about
     * them. The OpenMetadata mapping settings do not matter here: the preview is recomputed from the claims.
     */
    default boolean matches(ProviderSettings current) {
        ProviderSettings t = attempt().settings();
        return current != null
                && t.issuer().strip().equals(current.issuer().strip())
                && t.effectiveDiscoveryUrl().equals(current.effectiveDiscoveryUrl())
                && t.clientType() == current.clientType()
                && t.clientId().strip().equals(current.clientId().strip())
                && t.clientSecret().equals(current.clientSecret())
                && t.scopes().equals(current.scopes())
                && t.clientAuthMethod() == current.clientAuthMethod()
                && t.tokenValidationAlgorithm().equals(current.tokenValidationAlgorithm());
    }

    /** The login worked and the ID token passed every check; {@code idToken} is that token (never printed). */
    record Passed(LoginAttempt attempt, Map<String, Object> claims, Map<String, Object> userInfo,
                  OpenMetadataPreview preview, List<Finding> findings, Secret idToken) implements LoginTestResult {
        public Passed {
            Objects.requireNonNull(attempt);
            claims = JsonValues.freeze(claims);
            userInfo = JsonValues.freeze(userInfo);
            Objects.requireNonNull(preview);
            findings = List.copyOf(Objects.requireNonNullElse(findings, List.of()));
            idToken = Objects.requireNonNullElse(idToken, Secret.empty());
        }

        /** Without the token (results built by hand, e.g. in tests). */
        public Passed(LoginAttempt attempt, Map<String, Object> claims, Map<String, Object> userInfo,
                      OpenMetadataPreview preview, List<Finding> findings) {
            this(attempt, claims, userInfo, preview, findings, Secret.empty());
        }
    }

    /** The ID token of a passed login, for the server's own verdict; empty otherwise. */
    default Secret idToken() {
        return this instanceof Passed p ? p.idToken() : Secret.empty();
    }

    /** The login did not work: {@code reason} says what happened, {@code hint} how to fix it (message keys). */
    record Failed(LoginAttempt attempt, FailureStage stage, Text reason, Text hint, Map<String, Object> claims,
                  Map<String, Object> userInfo, List<Finding> findings) implements LoginTestResult {
        public Failed {
            Objects.requireNonNull(attempt);
            Objects.requireNonNull(stage);
            Objects.requireNonNull(reason);
            hint = Objects.requireNonNullElse(hint, Finding.NO_HINT);
            claims = JsonValues.freeze(claims);
            userInfo = JsonValues.freeze(userInfo);
            findings = List.copyOf(Objects.requireNonNullElse(findings, List.of()));
        }

        /** Whether there is a fix to show. */
        public boolean hasHint() {
            return !hint.equals(Finding.NO_HINT);
        }
    }
}
