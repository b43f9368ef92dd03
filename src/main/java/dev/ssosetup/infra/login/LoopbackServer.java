package dev.ssosetup.infra.login;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.login.CallbackPage;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
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
 * are refused. Requests are handled on a few worker threads, so an idle or slow extra connection never blocks the
 * real callback. Every page is HTML-escaped and sent with {@code Cache-Control: no-store}.
 */
final class LoopbackServer implements LoopbackListener {
    private static final int MAX_BODY = 64 * 1024;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(120);

    private final List<HttpServer> servers;
    private final URI redirectUri;
    private final String path;
    private final byte[] expectedState;
    private final ExecutorService handlers;
    private final CompletableFuture<Pending> received = new CompletableFuture<>();
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile boolean closed;

    LoopbackServer(List<HttpServer> servers, RedirectHost host, int port, String path, String expectedState) {
        this.servers = List.copyOf(servers);
        this.path = path;
        this.expectedState = expectedState.getBytes(StandardCharsets.UTF_8);
        this.redirectUri = URI.create("http://" + host.uriHost() + ":" + port + path);
        this.handlers = new ThreadPoolExecutor(0, 8, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "sso-setup-loopback-" + port + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (HttpServer server : this.servers) {
            server.createContext("/", this::handle);
            server.setExecutor(handlers);
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
        received.thenAccept(p -> p.answer(new CallbackPage(false, "Login test stopped",
                "The login test was stopped. Return to SSO Setup Console.")));
        for (HttpServer server : servers) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!path.equals(exchange.getRequestURI().getRawPath())) {
                send(exchange, 404, new CallbackPage(false, "Not found",
                        "This address only receives the sign-in response for SSO Setup Console."));
                return;
            }
            if (!method.equals("GET") && !method.equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "GET, POST");
                send(exchange, 405, new CallbackPage(false, "Method not allowed", "Use GET or POST."));
                return;
            }
            Map<String, List<String>> params;
            try {
                params = method.equals("GET") ? parseForm(exchange.getRequestURI().getRawQuery())
                        : parseForm(readBody(exchange));
            } catch (IllegalArgumentException e) {
                send(exchange, 400, new CallbackPage(false, "Unreadable response",
                        "The sign-in response could not be read."));
                return;
            }
            if (method.equals("GET") && params.isEmpty()) {
                // the response may be in the fragment, which the browser keeps to itself: the page posts it back
                sendRelay(exchange);
                return;
            }
            if (!params.containsKey("state") && !params.containsKey("code") && !params.containsKey("error")
                    && !params.containsKey("id_token")) {
                send(exchange, 400, new CallbackPage(false, "No sign-in response",
                        "This address expects the provider's sign-in response. Start the login test in SSO Setup "
                                + "Console."));
                return;
            }
            List<String> states = params.getOrDefault("state", List.of());
            if (states.size() != 1 || !MessageDigest.isEqual(states.getFirst().getBytes(StandardCharsets.UTF_8),
                    expectedState)) {
                rejected.incrementAndGet();
                send(exchange, 400, new CallbackPage(false, "Sign-in response ignored",
                        "This response does not belong to the login test that is running now (its state does not "
                                + "match), so nothing was exchanged. Use the newest browser tab, or start the test "
                                + "again."));
                return;
            }
            if (closed || !claimed.compareAndSet(false, true)) {
                send(exchange, 409, new CallbackPage(false, "Already received",
                        "This login test has already received its sign-in response. You can close this tab."));
                return;
            }
            Pending pending = new Pending(method, params);
            received.complete(pending);
            CallbackPage page;
            try {
                page = pending.page.get(ANSWER_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                page = new CallbackPage(false, "Still checking", "See SSO Setup Console for the result.");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                page = new CallbackPage(false, "Login test stopped", "Return to SSO Setup Console.");
            }
            try {
                send(exchange, 200, page);
            } finally {
                pending.written.complete(null);
            }
        }
    }

    private static void send(HttpExchange exchange, int status, CallbackPage page) throws IOException {
        byte[] body = CallbackHtml.render(page).getBytes(StandardCharsets.UTF_8);
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

    private static void sendRelay(HttpExchange exchange) throws IOException {
        byte[] body = CallbackHtml.RELAY.getBytes(StandardCharsets.UTF_8);
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
