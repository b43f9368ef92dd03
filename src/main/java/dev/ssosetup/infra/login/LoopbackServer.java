package dev.ssosetup.infra.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.login.CallbackPage;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running loopback listener. Serves only the callback path (everything else: 404, the flow goes on); accepts the
 * callback by GET (query) and POST ({@code form_post}); a GET without any response parameter gets the relay page
 * ({@link CallbackHtml#RELAY}), which posts a response from the URL fragment back (the implicit flow); the first
 * callback with the expected {@code state} wins and
 * is held open until the login test answers it, so the browser tab shows the verdict; callbacks with another state
 * are refused. Each connection has its own (virtual) thread and must send its whole request within a read deadline
 * (5 s), else it is closed, so idle or stalled extra connections never block the real callback. A request whose
 * {@code Host} is not the redirect host in use (or the loopback literal it arrived on) gets 400: DNS rebinding. Every
 * page is HTML-escaped and sent with {@code Cache-Control: no-store}. See ADR 0013.
 */
final class LoopbackServer implements LoopbackListener {
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(120);

    private final List<HttpServer> servers;
    private final URI redirectUri;
    private final String path;
    private final byte[] expectedState;
    private final int port;
    private final String hostName;
    private final Duration readDeadline;
    private final ExecutorService handlers;
    private final ThreadLocal<ReadDeadline> reading = new ThreadLocal<>();
    private final CompletableFuture<Pending> received = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicInteger rejected = new AtomicInteger();
    private final Messages messages;
    private volatile boolean closed;

    LoopbackServer(List<HttpServer> servers, RedirectHost host, int port, String path, String expectedState,
            Duration readDeadline, Messages messages) {
        this.messages = messages;
        this.servers = List.copyOf(servers);
        this.path = path;
        this.port = port;
        this.hostName = host.uriHost().toLowerCase(Locale.ROOT);
        this.readDeadline = readDeadline;
        this.expectedState = expectedState.getBytes(StandardCharsets.UTF_8);
        this.redirectUri = URI.create("http://" + host.uriHost() + ":" + port + path);
        // one virtual thread per connection: a connection that stalls holds only its own thread (until the read
        // deadline), never one of a few shared workers the browser's callback needs
        ThreadFactory threads = Thread.ofVirtual().name("sso-setup-loopback-" + port + "-", 1).factory();
        ExecutorService perConnection = Executors.newThreadPerTaskExecutor(threads);
        this.handlers = perConnection;
        for (HttpServer server : this.servers) {
            server.createContext("/", this::handle);
            server.setExecutor(exchange -> perConnection.execute(new ReadDeadline(exchange)));
            server.start();
        }
    }

    @Override
    public URI redirectUri() {
        return redirectUri;
    }

    @Override
    public Optional<LoopbackCallback> await(Duration timeout, TaskContext context) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (context.isCancelled()) {
                throw new CancelledException();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                return Optional.of(received.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)),
                        TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                // look at cancel and the deadline again
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    @Override
    public int rejectedCallbacks() {
        return rejected.get();
    }

    @Override
    public void close() {
        closed = true;
        received.thenAccept(p -> p.answer(new CallbackPage(false, Text.of("callback.stopped"),
                Text.of("callback.stopped.detail"))));
        for (HttpServer server : servers) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!hostAccepted(exchange.getRequestHeaders().get("Host"), exchange.getLocalAddress().getAddress())) {
                readDone();
                send(exchange, 400, new CallbackPage(false, Text.of("callback.wrongAddress"),
                        Text.of("callback.wrongAddress.detail", redirectUri.getHost() + ":" + port)));
                return;
            }
            if (!path.equals(exchange.getRequestURI().getRawPath())) {
                send(exchange, 404, new CallbackPage(false, Text.of("callback.notFound"),
                        Text.of("callback.notFound.detail")));
                return;
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                send(exchange, 405, new CallbackPage(false, Text.of("callback.method"),
                        Text.of("callback.method.detail")));
                return;
            }
            Map<String, List<String>> params;
            try {
                params = method.equals("GET") ? parseForm(exchange.getRequestURI().getRawQuery())
                        : parseForm(readBody(exchange));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, new CallbackPage(false, Text.of("callback.unreadable"),
                        Text.of("callback.unreadable.detail")));
                return;
            } finally {
                readDone();
            }
            if (method.equals("GET") && params.isEmpty()) {
                // the response may be in the fragment, which the browser keeps to itself: the page posts it back
                sendRelay(exchange);
                return;
            }
            if (!params.containsKey("state") && !params.containsKey("code") && !params.containsKey("error")
                    && !params.containsKey("id_token")) {
                send(exchange, 400, new CallbackPage(false, Text.of("callback.noResponse"),
                        Text.of("callback.noResponse.detail")));
                return;
            }
            List<String> states = params.getOrDefault("state", List.of());
            if (states.size() != 1 || !MessageDigest.isEqual(states.getFirst().getBytes(StandardCharsets.UTF_8),
                    expectedState)) {
                rejected.incrementAndGet();
                send(exchange, 400, new CallbackPage(false, Text.of("callback.ignored"),
                        Text.of("callback.ignored.detail")));
                return;
            }
            if (closed || !claimed.compareAndSet(false, true)) {
                send(exchange, 409, new CallbackPage(false, Text.of("callback.already"),
                        Text.of("callback.already.detail")));
                return;
            }
            Pending pending = new Pending(method, params);
            received.complete(pending);
            CallbackPage page;
            try {
                page = pending.page.get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                page = new CallbackPage(false, Text.of("callback.checking"), Text.of("callback.checking.detail"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page = new CallbackPage(false, Text.of("callback.stopped"), Text.of("callback.return"));
            }
            try {
                send(exchange, 200, page);
            } finally {
                pending.written.complete(null);
            }
        }
    }

    /**
     * Only the redirect host in use ({@code 127.0.0.1}, {@code localhost} or {@code [::1]}) or the loopback literal
     * the connection arrived on, with our port or none: a page on another name that resolves to 127.0.0.1 (DNS
     * rebinding) sends its own name and is refused. Exactly one Host header, as HTTP/1.1 requires.
     */
    boolean hostAccepted(List<String> hostHeaders, InetAddress local) {
        if (hostHeaders == null || hostHeaders.size() != 1) {
            return false;
        }
        String value = hostHeaders.getFirst().strip().toLowerCase(Locale.ROOT);
        String name;
        String portText;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                return false;
            }
            name = value.substring(0, close + 1);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return false;
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
        } else {
            int colon = value.lastIndexOf(':');
            name = colon < 0 ? value : value.substring(0, colon);
            portText = colon < 0 ? null : value.substring(colon + 1);
        }
        if (portText != null && !portText.equals(String.valueOf(port))) {
            return false;
        }
        String literal = local instanceof Inet6Address ? "[::1]" : local.getHostAddress();
        return name.equals(hostName) || (local.isLoopbackAddress() && name.equals(literal));
    }

    /** The request is read: from here on the connection's thread may wait (for the verdict) without a deadline. */
    private void readDone() {
        ReadDeadline deadline = reading.get();
        if (deadline != null) {
            deadline.readDone();
        }
    }

    /**
     * Runs one connection's exchange (the JDK server reads the request head in it, our handler the body) and
     * closes the connection when its request has not been read within {@link #readDeadline}: the thread is
     * interrupted, which closes its blocking socket channel.
     */
    private final class ReadDeadline implements Runnable {
        private final Runnable exchange;
        private Thread thread;
        private boolean done;

        ReadDeadline(Runnable exchange) {
            this.exchange = exchange;
        }

        @Override
        public void run() {
            synchronized (this) {
                thread = Thread.currentThread();
            }
            reading.set(this);
            CompletableFuture.delayedExecutor(readDeadline.toNanos(), TimeUnit.NANOSECONDS).execute(this::expire);
            try {
                exchange.run();
            } finally {
                readDone();
                reading.remove();
                Thread.interrupted(); // an interrupt meant for this exchange ends with it
            }
        }

        synchronized void readDone() {
            done = true;
        }

        private synchronized void expire() {
            if (!done) {
                done = true;
                thread.interrupt();
            }
        }
    }

    private void send(HttpExchange exchange, int status, CallbackPage page) throws IOException {
        byte[] body = CallbackHtml.render(page, messages).getBytes(StandardCharsets.UTF_8);
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("Pragma", "no-cache");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        h.set("Connection", "close");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void sendRelay(HttpExchange exchange) throws IOException {
        byte[] body = CallbackHtml.relay(messages).getBytes(StandardCharsets.UTF_8);
        var h = exchange.getResponseHeaders();
        h.set("Content-Type", "text/html; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("Pragma", "no-cache");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("Content-Security-Policy", CallbackHtml.RELAY_POLICY);
        h.set("Connection", "close");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new IllegalArgumentException("body too large");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static Map<String, List<String>> parseForm(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        params.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(params);
    }

    /** The winning callback, waiting for the login test's answer page. */
    private static final class Pending implements LoopbackCallback {
        private final String method;
        private final Map<String, List<String>> parameters;
        private final CompletableFuture<CallbackPage> page = new CompletableFuture<>();
        private final CompletableFuture<Void> written = new CompletableFuture<>();

        Pending(String method, Map<String, List<String>> parameters) {
            this.method = method;
            this.parameters = parameters;
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public Map<String, List<String>> parameters() {
            return parameters;
        }

        @Override
        public void answer(CallbackPage answer) {
            if (page.complete(answer)) {
                try {
                    written.get(2, TimeUnit.SECONDS); // the page reaches the browser before the listener closes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // the browser went away; nothing more to do
                }
            }
        }

        @Override
        public String toString() {
            return method + " callback"; // never the parameters: they hold the authorization code
        }
    }
}
