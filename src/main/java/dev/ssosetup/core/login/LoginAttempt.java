package dev.ssosetup.core.login;

import dev.ssosetup.core.provider.ProviderSettings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one attempt that any result carries: when, with which provider settings, against which issuer, with
 * which redirect URI and scopes. {@code redirectUri} and {@code issuer} are empty when the attempt stopped before
 * they were known.
 */
public record LoginAttempt(Instant startedAt, ProviderSettings settings, String issuer, String redirectUri,
                           List<String> scopes, int rejectedCallbacks) {
    public LoginAttempt {
        Objects.requireNonNull(startedAt);
        Objects.requireNonNull(settings);
        issuer = Objects.requireNonNullElse(issuer, "");
        redirectUri = Objects.requireNonNullElse(redirectUri, "");
        scopes = List.copyOf(Objects.requireNonNullElse(scopes, List.of()));
    }
}
