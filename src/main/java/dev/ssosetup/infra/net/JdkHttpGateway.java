package dev.ssosetup.infra.net;

import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.text.Text;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link HttpGateway} on the JDK's {@link HttpClient}: no redirects followed, TLS always verified (optionally also
 * against a PEM CA bundle), the system proxy settings and {@code HTTPS_PROXY}/{@code NO_PROXY} honoured, one deadline
 * for the whole exchange (headers and body), and a hard cap on the body size.
 */
public final class JdkHttpGateway implements HttpGateway {
    private static final System.Logger LOG = System.getLogger(JdkHttpGateway.class.getName());
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private final HttpClient client;

    public JdkHttpGateway(HttpClient client) {
        this.client = client;
    }

    /** A gateway with the platform trust store only. */
    public static JdkHttpGateway create() {
        return create(TlsTrust.platformDefault());
    }

    public static JdkHttpGateway create(SSLContext ssl) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(HttpExchange.Limits.DEFAULT.connectTimeout())
                .proxy(EnvironmentProxySelector.fromEnvironment(System.getenv(), ProxySelector.getDefault()))
                .sslContext(ssl)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        return new JdkHttpGateway(client);
    }

    @Override
    public HttpExchange.Response send(HttpExchange.Request request) throws HttpFailure {
        URI uri = request.uri();
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new HttpFailure(HttpFailure.Kind.BAD_URL, uri,
                    Text.of("net.failure.badUrl", uri.toString()), null);
        }
        HttpExchange.Limits limits = request.limits();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(limits.requestTimeout());
        for (var header : request.headers().entrySet()) {
            String name = header.getKey();
            if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            try {
                builder.header(name, header.getValue());
            } catch (IllegalArgumentException e) {
                // the JDK's message quotes the value (e.g. "Bearer <token>"): never pass it on, nor the exception
                Text shown = name.matches("[A-Za-z0-9-]{1,64}") ? Text.of("net.failure.header", name)
                        : Text.of("net.failure.someHeader");
                throw new HttpFailure(HttpFailure.Kind.BAD_REQUEST, uri, Text.of("net.failure.badHeader", shown,
                        uri.getHost()), null);
            }
        }
        byte[] body = request.body();
        builder.method(request.method(), body.length == 0 && !request.method().equals("POST")
                && !request.method().equals("PUT")
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(builder.build(), info -> new CappedBody(limits.maxBodyBytes()));
        try {
            HttpResponse<byte[]> r = future.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.log(System.Logger.Level.DEBUG, () -> request.method() + " " + withoutQuery(uri) + " -> "
                    + r.statusCode() + ", " + (r.body() == null ? 0 : r.body().length) + " bytes");
            return new HttpExchange.Response(uri, r.statusCode(), r.headers().map(), r.body(), Instant.now());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpFailure(HttpFailure.Kind.TIMEOUT, uri, Text.of("net.failure.noAnswer", uri.getHost(),
                    seconds(limits.requestTimeout())), null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpFailure(HttpFailure.Kind.CANCELLED, uri, Text.of("net.failure.cancelled", uri.getHost()),
                    null);
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, request.method() + " " + withoutQuery(uri) + " failed", e.getCause());
            throw classify(uri, e.getCause(), limits);
        }
    }

    /** For the log: scheme, host, port and path; the query (codes, states) stays out. */
    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static HttpFailure classify(URI uri, Throwable cause, HttpExchange.Limits limits) {
        String host = uri.getHost();
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = cause; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        // most specific first: the JDK wraps a DNS failure in a ConnectException, a TLS failure in an IOException
        if (any(chain, TooLargeException.class)) {
            return new HttpFailure(HttpFailure.Kind.TOO_LARGE, uri, Text.of("net.failure.tooLarge", host,
                    limits.maxBodyBytes() / 1024), null);
        }
        if (any(chain, UnknownHostException.class) || any(chain, UnresolvedAddressException.class)) {
            return new HttpFailure(HttpFailure.Kind.UNREACHABLE, uri, Text.of("net.failure.dns", host), null);
        }
        if (any(chain, HttpConnectTimeoutException.class)) {
            return new HttpFailure(HttpFailure.Kind.TIMEOUT, uri, Text.of("net.failure.connectTimeout", host,
                    seconds(limits.connectTimeout())), null);
        }
        if (any(chain, HttpTimeoutException.class)) {
            return new HttpFailure(HttpFailure.Kind.TIMEOUT, uri, Text.of("net.failure.noAnswer", host,
                    seconds(limits.requestTimeout())), null);
        }
        for (Throwable t : chain) {
            if (t instanceof SSLException) {
                return new HttpFailure(HttpFailure.Kind.TLS, uri, Text.of("net.failure.tls", host,
                        TlsTrust.explain(t)), null);
            }
        }
        if (any(chain, ConnectException.class)) {
            return new HttpFailure(HttpFailure.Kind.UNREACHABLE, uri, Text.of("net.failure.refused", host,
                    String.valueOf(port(uri))), null);
        }
        Throwable root = chain.isEmpty() ? null : chain.getLast();
        String why = root == null || root.getMessage() == null ? "" : root.getMessage();
        String lower = why.toLowerCase(Locale.ROOT);
        if (why.isEmpty() || lower.contains("header parser received no bytes") || lower.contains("eof")
                || lower.contains("reset") || lower.contains("closed")) {
            return new HttpFailure(HttpFailure.Kind.UNREACHABLE, uri, Text.of("net.failure.closed", host), null);
        }
        return new HttpFailure(HttpFailure.Kind.UNREACHABLE, uri, Text.of("net.failure.other", host, why), null);
    }

    private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    /** "15 s", "1.2 s": whole seconds without decimals, short limits (as in tests) exactly. */
    static String seconds(java.time.Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    static final class TooLargeException extends IOException {
        TooLargeException() {
            super("response body too large", null);
        }
    }

    /** Collects the body and stops the transfer as soon as it passes the cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLargeException());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
