package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import java.util.List;
import java.util.Objects;

/**
 * A call to OpenMetadata that did not do what was asked, classified so that the operator learns what happened
 * ({@link #getMessage()}) and the flow can tell what state the server is in. Never carries a token or a secret.
 */
public final class PushException extends Exception {

    /** What went wrong. */
    public enum Kind {
        /** 401: no token, or the token is invalid or expired. */
        UNAUTHORIZED,
        /** 403: the token is valid but its user is not an admin (bot tokens never are). */
        FORBIDDEN,
        /** 400: OpenMetadata refused the body; {@link #issues()} says which fields. */
        INVALID,
        /** 409: the settings are managed by the server's environment (later versions). */
        MANAGED_ELSEWHERE,
        /** 412: the configuration changed on the server since it was read (later versions). */
        CHANGED_SINCE_READ,
        /** 5xx. */
        SERVER_ERROR,
        /** No answer in time. */
        TIMEOUT,
        /** Connection refused, reset, dropped; DNS failure. */
        UNREACHABLE,
        /** The certificate is not trusted or not for this host. */
        TLS,
        /** The answer is not what OpenMetadata sends (404, HTML, unparseable JSON, a redirect). */
        BAD_ANSWER,
        /** The server is older than 1.10: no security-configuration API. */
        TOO_OLD,
        /** The operator cancelled. */
        CANCELLED,
        /** Refused before anything was sent (e.g. a masked secret, a missing client secret). */
        REFUSED_LOCALLY
    }

    private final Kind kind;
    private final int status;
    private final List<FieldIssue> issues;
    private final transient Text text;

    public PushException(Kind kind, int status, Text text, List<FieldIssue> issues) {
        super(text.toString(), null, false, false);
        this.text = text;
        this.kind = Objects.requireNonNull(kind);
        this.status = status;
        this.issues = List.copyOf(Objects.requireNonNullElse(issues, List.of()));
    }

    /** What happened, for the operator (never a token or a secret). */
    public Text text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no answer. */
    public int status() {
        return status;
    }

    public List<FieldIssue> issues() {
        return issues;
    }

    /**
     * True when the request may have reached the server and been acted on although no proper answer came back
     * (timeout, dropped connection, cancel): then the server's state is unknown until read back.
     */
    public boolean outcomeUnknown() {
        return kind == Kind.TIMEOUT || kind == Kind.UNREACHABLE || kind == Kind.CANCELLED;
    }
}
