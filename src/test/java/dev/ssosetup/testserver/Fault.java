package dev.ssosetup.testserver;

import java.time.Duration;

/**
 * A failure the test server can be told to produce for one endpoint: an HTTP status with an OpenMetadata error body,
 * a slow answer (the request is still processed), or a dropped connection (before or after processing).
 */
public record Fault(Kind kind, int status, Duration delay) {

    /** The kind of fault. */
    public enum Kind { STATUS, SLOW, DROP_BEFORE, DROP_AFTER }

    /** Answer {@code status} (e.g. 500 on PUT: the server rolls back; 409; 412) without changing anything. */
    public static Fault status(int status) {
        return new Fault(Kind.STATUS, status, Duration.ZERO);
    }

    /** Process the request normally (the change happens), but answer only after {@code delay}. */
    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, delay);
    }

    /** Close the connection without any answer, before doing anything. */
    public static Fault dropBefore() {
        return new Fault(Kind.DROP_BEFORE, 0, Duration.ZERO);
    }

    /** Process the request, then close the connection without an answer. */
    public static Fault dropAfter() {
        return new Fault(Kind.DROP_AFTER, 0, Duration.ZERO);
    }
}
