package dev.ssosetup.core.net;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A request that produced no usable response. {@link #kind()} says why in a way a finding can map; {@link #text()}
 * names the host and the cause as a message key ({@code net.failure.*}) for the operator's language;
 * {@link #getMessage()} is the same in English, for the log. Never carries request headers or bodies.
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
    private final transient Text text;

    public HttpFailure(Kind kind, URI uri, Text text, Throwable cause) {
        super(Messages.forLocale(Locale.ENGLISH).text(text), cause);
        this.kind = Objects.requireNonNull(kind);
        this.uri = uri;
        this.text = text;
    }

    /** What went wrong, for the operator: render with {@link Messages#text(Text)}. */
    public Text text() {
        return text;
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
