package dev.ssosetup.core.net;

/**
 * The port through which every feature talks HTTP(S): discovery, JWKS, token exchange, userinfo, OpenMetadata.
 * Core builds requests and parses responses (with Nimbus where it is OIDC); an adapter in {@code infra.net} sends
 * them. Implementations never follow redirects, always verify TLS, cap the response size and apply the timeouts of
 * {@link HttpExchange.Limits}.
 */
public interface HttpGateway {

    /**
     * Sends the request and returns the response, or throws {@link HttpFailure} naming the host and the cause
     * (unreachable, timeout, TLS, too large, cancelled). A non-2xx status is a response, not a failure.
     */
    HttpExchange.Response send(HttpExchange.Request request) throws HttpFailure;
}
