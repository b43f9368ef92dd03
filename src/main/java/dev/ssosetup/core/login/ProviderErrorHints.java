package dev.ssosetup.core.login;

import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.text.Text;

import java.util.Locale;

/**
 * Turns the provider's {@code error} and {@code error_description} (RFC 6749 4.1.2.1 and 5.2) into a fix hint for the
 * operator. The hint for a redirect URI problem names the exact redirect URI to register.
 */
public final class ProviderErrorHints {
    private ProviderErrorHints() {
    }

    /**
     * @param error       the {@code error} code (may be empty)
     * @param description the {@code error_description} (may be empty)
     * @param redirectUri the redirect URI used in this attempt
     * @param anyPort     true when the listener used any free port (then the provider must allow any loopback port)
     * @param flow        the flow of this attempt: {@code id_token} (implicit) or {@code code}
     * @param omCallback  OpenMetadata's own redirect URI ({@code <server>/callback}), or empty while unknown
     */
    public static Text hint(String error, String description, String redirectUri, boolean anyPort,
                            ResponseType flow, String omCallback) {
        String code = error == null ? "" : error.strip();
        String text = ((description == null ? "" : description) + " " + code).toLowerCase(Locale.ROOT);
        if (text.contains("redirect")) {
            return redirectHint(redirectUri, anyPort, omCallback);
        }
        if (flow == ResponseType.ID_TOKEN && (code.equals("unauthorized_client")
                || code.equals("unsupported_response_type") || text.contains("implicit")
                || text.contains("response_type") || text.contains("response type"))) {
            return Text.of("login.providerError.implicit");
        }
        if (text.contains("pkce") || text.contains("code_challenge") || text.contains("code challenge")
                || text.contains("code_verifier") || text.contains("code verifier")) {
            return Text.of("login.providerError.pkce");
        }
        return switch (code) {
            case "invalid_client" -> Text.of("login.providerError.invalid_client");
            case "unauthorized_client" -> Text.of("login.providerError.unauthorized_client");
            case "invalid_scope" -> Text.of("login.providerError.invalid_scope");
            case "access_denied" -> Text.of("login.providerError.access_denied");
            case "invalid_grant" -> Text.of("login.providerError.invalid_grant", redirectUri);
            case "unsupported_response_type" -> Text.of("login.providerError.unsupported_response_type");
            case "login_required", "interaction_required", "consent_required" ->
                    Text.of("login.providerError.interaction");
            case "temporarily_unavailable", "server_error" -> Text.of("login.providerError.server");
            default -> Text.of("login.providerError.other");
        };
    }

    /**
     * The hint for a redirect URI the provider did not accept: the exact loopback URI of this test, and
     * OpenMetadata's own {@code <server>/callback}, which must be registered too.
     */
    public static Text redirectHint(String redirectUri, boolean anyPort, String omCallback) {
        String base = redirectUri;
        try {
            java.net.URI u = java.net.URI.create(redirectUri);
            base = u.getScheme() + "://" + u.getHost() + u.getPath();
        } catch (RuntimeException e) {
            // keep the full URI
        }
        Object callback = omCallback == null || omCallback.isBlank() ? Text.of("login.providerError.omCallback")
                : omCallback;
        return anyPort ? Text.of("login.providerError.redirect.anyPort", redirectUri, base, callback)
                : Text.of("login.providerError.redirect", redirectUri, callback);
    }
}
