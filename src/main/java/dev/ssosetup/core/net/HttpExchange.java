package dev.ssosetup.core.net;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Immutable HTTP request and response values for {@link HttpGateway}. */
public final class HttpExchange {
    private HttpExchange() {
    }

    /** Timeouts and the response size cap. */
    public record Limits(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes) {
        /** Connect 5 s, whole request 15 s, 1 MiB. */
        public static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(15), 1024 * 1024);

        public Limits {
            Objects.requireNonNull(connectTimeout);
            Objects.requireNonNull(requestTimeout);
            if (maxBodyBytes <= 0) {
                throw new IllegalArgumentException("maxBodyBytes must be positive");
            }
        }

        /**
         * These limits with both timeouts cut to {@code left} where less than that is left: one request inside a
         * task that has a deadline of its own. At least one millisecond, since a timeout must be positive.
         */
        public Limits within(Duration left) {
            Duration cap = left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
            return new Limits(shorter(connectTimeout, cap), shorter(requestTimeout, cap), maxBodyBytes);
        }

        private static Duration shorter(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }

    /**
     * A request. Header values may hold secrets (Authorization); they are never printed by {@link #toString()}.
     */
    public record Request(String method, URI uri, Map<String, String> headers, byte[] body, Limits limits) {
        public Request {
            Objects.requireNonNull(method);
            Objects.requireNonNull(uri);
            headers = Map.copyOf(Objects.requireNonNullElse(headers, Map.of()));
            body = body == null ? new byte[0] : body.clone();
            limits = Objects.requireNonNullElse(limits, Limits.DEFAULT);
        }

        public static Request get(URI uri) {
            return new Request("GET", uri, Map.of("Accept", "application/json"), null, Limits.DEFAULT);
        }

        public Request withHeader(String name, String value) {
            Map<String, String> h = new java.util.HashMap<>(headers);
            h.put(name, value);
            return new Request(method, uri, h, body, limits);
        }

        public Request withLimits(Limits newLimits) {
            return new Request(method, uri, headers, body, newLimits);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public String toString() {
            return method + " " + uri; // no headers, no body: they may hold secrets
        }
    }

    /** A response. Header names are case-insensitive. */
    public record Response(URI uri, int status, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
        public Response {
            Objects.requireNonNull(uri);
            TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            Objects.requireNonNullElse(headers, Map.<String, List<String>>of())
                    .forEach((k, v) -> h.put(k, List.copyOf(v)));
            headers = java.util.Collections.unmodifiableMap(h);
            body = body == null ? new byte[0] : body.clone();
            receivedAt = Objects.requireNonNullElse(receivedAt, Instant.EPOCH);
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Optional<String> header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
        }

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public boolean isJson() {
            return header("Content-Type").map(v -> v.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
        }

        @Override
        public String toString() {
            return status + " from " + uri;
        }
    }
}
