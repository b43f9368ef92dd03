package dev.ssosetup.core.login;

import dev.ssosetup.core.provider.ResponseType;

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
    public static String hint(String error, String description, String redirectUri, boolean anyPort,
                              ResponseType flow, String omCallback) {
        String code = error == null ? "" : error.strip();
        String text = ((description == null ? "" : description) + " " + code).toLowerCase(Locale.ROOT);
        if (text.contains("redirect")) {
            return redirectHint(redirectUri, anyPort, omCallback);
        }
        if (flow == ResponseType.ID_TOKEN && (code.equals("unauthorized_client")
                || code.equals("unsupported_response_type") || text.contains("implicit")
                || text.contains("response_type") || text.contains("response type"))) {
            return "This client may not use the implicit flow (response_type=id_token): enable the implicit flow "
                    + "(\"Implicit flow enabled\", or the id_token response type) for the client at the provider, or "
                    + "choose \"Authorization code with PKCE\" in the Provider step if the provider and your "
                    + "OpenMetadata version support it.";
        }
        if (text.contains("pkce") || text.contains("code_challenge") || text.contains("code challenge")
                || text.contains("code_verifier") || text.contains("code verifier")) {
            return "The provider refused the PKCE parameters. This test always sends PKCE with S256: allow PKCE "
                    + "(S256) for this client at the provider, and make sure no proxy rewrites the request.";
        }
        return switch (code) {
            case "invalid_client" -> "The provider did not accept the client: check the client ID, and for a "
                    + "confidential client the secret and the authentication method (client_secret_basic or "
                    + "client_secret_post, as registered). A client registered as public must be tested as public "
                    + "(no secret), a confidential one with its secret.";
            case "unauthorized_client" -> "This client may not use the authorization code flow: enable the "
                    + "\"authorization code\" (standard flow) grant for the client at the provider.";
            case "invalid_scope" -> "The provider refused a requested scope: keep only scopes it supports "
                    + "(\"openid email profile\" are standard) or allow the missing ones for this client.";
            case "access_denied" -> "The sign-in was declined: the user cancelled, or is not assigned to this "
                    + "application at the provider. Assign the user (or a group) to the application and try again.";
            case "invalid_grant" -> "The provider refused the authorization code (expired, used twice, or the "
                    + "redirect URI differs from " + redirectUri + "). Start the test again; if it repeats, check "
                    + "this computer's clock and that PKCE is allowed for the client.";
            case "unsupported_response_type" -> "The provider does not allow response_type=code for this client: "
                    + "enable the authorization code flow.";
            case "login_required", "interaction_required", "consent_required" -> "The provider wants an "
                    + "interactive sign-in or consent: complete it in the browser, then try again.";
            case "temporarily_unavailable", "server_error" -> "The provider reported a problem on its side: try "
                    + "again in a moment.";
            default -> "See the provider's message above and its logs for this client.";
        };
    }

    /**
     * The hint for a redirect URI the provider did not accept: the exact loopback URI of this test, and
     * OpenMetadata's own {@code <server>/callback}, which must be registered too.
     */
    public static String redirectHint(String redirectUri, boolean anyPort, String omCallback) {
        String base = redirectUri;
        try {
            java.net.URI u = java.net.URI.create(redirectUri);
            base = u.getScheme() + "://" + u.getHost() + u.getPath();
        } catch (RuntimeException e) {
            // keep the full URI
        }
        return "Register this exact redirect URI for the client at the provider: " + redirectUri
                + (anyPort ? ". The port was chosen freely, so the provider must allow any port on " + base
                + " (RFC 8252 loopback), or fix a port in the options and register that one."
                : ". The port must match exactly.")
                + " OpenMetadata itself will sign people in with the redirect URI "
                + (omCallback == null || omCallback.isBlank() ? "<your OpenMetadata server URL>/callback"
                : omCallback) + ", which must be registered for the client too.";
    }
}
