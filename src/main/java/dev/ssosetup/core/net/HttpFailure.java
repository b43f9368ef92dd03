package dev.ssosetup.core.net;

import java.net.URI;
import java.util.Objects;

/**
 * A request that produced no usable response. {@link #kind()} says why in a way a finding can map; the message names
 * the host and the cause in words an operator understands. Never carries request headers or bodies.
 */
public final class HttpFailure extends Exception {

    /** Why the exchange failed. */
    public enum Kind {
        /** DNS failure, connection refused or reset, no route. */
        UNREACHABLE,
        /** Connect or whole-request timeout. */
        TIMEOUT,
        /** Certificate not trusted, wrong host name, expired, handshake failure. */
        TLS,
        /** The body exceeded the size cap. */
        TOO_LARGE,
        /** The operator cancelled. */
        CANCELLED,
        /** The URL itself cannot be used (scheme, host). */
        BAD_URL,
        /** The request cannot be sent as built (a header value HTTP does not allow); the value is never shown. */
        BAD_REQUEST
    }

    private final Kind kind;
    private final URI uri;

    public HttpFailure(Kind kind, URI uri, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind);
        this.uri = uri;
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }

    public String host() {
        return uri == null || uri.getHost() == null ? "?" : uri.getHost();
    }
}
