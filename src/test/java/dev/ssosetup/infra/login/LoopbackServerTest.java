package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.CallbackPage;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.LoopbackUnavailable;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loopback listener over real sockets on 127.0.0.1: every way a browser (or anything else) may knock. */
class LoopbackServerTest {
    private static final String STATE = "state-abc_123";
    private final JdkLoopbackReceiver receiver = new JdkLoopbackReceiver();
    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(3)).build();

    private LoopbackListener open() throws LoopbackUnavailable {
        return receiver.open(RedirectHost.IPV4, List.of(), "/callback", STATE);
    }

    private CompletableFuture<HttpResponse<String>> get(URI uri) {
        return client.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI callback(LoopbackListener l, String query) {
        return URI.create(l.redirectUri() + "?" + query);
    }

    /** Waits for the callback, answers it with {@code page}, and returns it. */
    private static LoopbackCallback receive(LoopbackListener l, CallbackPage page) throws Exception {
        LoopbackCallback cb = l.await(Duration.ofSeconds(10), TaskContext.none()).orElseThrow();
        cb.answer(page);
        return cb;
    }

    @Test
    void bindsLoopbackOnlyOnAFreePortAndServesTheCallbackWithAnEscapedNoStorePage() throws Exception {
        try (LoopbackListener l = open()) {
            assertTrue(l.redirectUri().toString().matches("http://127\\.0\\.0\\.1:\\d+/callback"));
            int port = l.redirectUri().getPort();
            assertTrue(port > 0);
            var response = get(callback(l, "code=c1&state=" + STATE));
            LoopbackCallback cb = l.await(Duration.ofSeconds(10), TaskContext.none()).orElseThrow();
            assertEquals("GET", cb.method());
            assertEquals(List.of("c1"), cb.parameters().get("code"));
            cb.answer(new CallbackPage(false, En.words("Login <failed>"), En.words("bad \"thing\" & <script>alert(1)</script>")));
            HttpResponse<String> page = response.get(10, TimeUnit.SECONDS);
            assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertFalse(page.body().contains("<script>"), "escaped");
            assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
            assertTrue(page.body().contains("Login &lt;failed&gt;"));
            // loopback only, never the wildcard address: hostile.LoopbackBindingTest reads the kernel's socket table
            // (no packet is sent to a non-loopback address, as this workplace requires)
        }
    }

    @Test
    void unknownPathsAndAFaviconGet404AndDoNotEndTheFlow() throws Exception {
        try (LoopbackListener l = open()) {
            URI base = l.redirectUri();
            assertEquals(404, get(base.resolve("/favicon.ico")).get().statusCode());
            HttpResponse<String> other = get(base.resolve("/other?code=x&state=" + STATE)).get();
            assertEquals(404, other.statusCode());
            assertEquals("no-store", other.headers().firstValue("Cache-Control").orElse(""));
            var real = get(callback(l, "code=c2&state=" + STATE));
            LoopbackCallback cb = receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(List.of("c2"), cb.parameters().get("code"));
            assertEquals(200, real.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aWrongStateIsRefusedAndTheRightOneStillWins() throws Exception {
        try (LoopbackListener l = open()) {
            HttpResponse<String> wrong = get(callback(l, "code=evil&state=other")).get(10, TimeUnit.SECONDS);
            assertEquals(400, wrong.statusCode());
            assertTrue(wrong.body().contains("does not belong"), wrong.body());
            HttpResponse<String> none = get(callback(l, "code=evil")).get(10, TimeUnit.SECONDS);
            assertEquals(400, none.statusCode());
            assertEquals(2, l.rejectedCallbacks());
            assertTrue(l.await(Duration.ofMillis(300), TaskContext.none()).isEmpty(), "nothing handed over");
            var right = get(callback(l, "code=good&state=" + STATE));
            LoopbackCallback cb = receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(List.of("good"), cb.parameters().get("code"));
            assertEquals(200, right.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void anIdlePreconnectDoesNotBlockTheCallback() throws Exception {
        try (LoopbackListener l = open(); Socket idle = new Socket("127.0.0.1", l.redirectUri().getPort());
             Socket partial = new Socket("127.0.0.1", l.redirectUri().getPort())) {
            partial.getOutputStream().write("GET /callback?state=".getBytes(StandardCharsets.US_ASCII));
            partial.getOutputStream().flush();
            var real = get(callback(l, "code=c3&state=" + STATE));
            LoopbackCallback cb = receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(List.of("c3"), cb.parameters().get("code"));
            assertEquals(200, real.get(10, TimeUnit.SECONDS).statusCode());
            assertTrue(idle.isConnected());
        }
    }

    @Test
    void moreStalledConnectionsThanWorkerThreadsDoNotBlockTheCallback() throws Exception {
        // each sends one byte of a request and then nothing: before the read deadline, eight of them held every
        // worker thread and the browser's callback was dropped
        List<Socket> stalled = new java.util.ArrayList<>();
        try (LoopbackListener l = open()) {
            for (int i = 0; i < 24; i++) {
                Socket s = new Socket("127.0.0.1", l.redirectUri().getPort());
                stalled.add(s);
                s.getOutputStream().write('G');
                s.getOutputStream().flush();
            }
            Thread.sleep(300); // the server has taken them all up
            long t0 = System.nanoTime();
            var real = get(callback(l, "code=c4&state=" + STATE));
            LoopbackCallback cb = receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(List.of("c4"), cb.parameters().get("code"));
            assertEquals(200, real.get(10, TimeUnit.SECONDS).statusCode());
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(3),
                    "the callback does not wait for the stalled connections' deadline");
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aConnectionThatStallsInTheMiddleOfItsRequestIsClosedAtTheReadDeadline() throws Exception {
        JdkLoopbackReceiver quick = new JdkLoopbackReceiver(Duration.ofMillis(700));
        try (LoopbackListener l = quick.open(RedirectHost.IPV4, List.of(), "/callback", STATE);
             Socket head = new Socket("127.0.0.1", l.redirectUri().getPort());
             Socket body = new Socket("127.0.0.1", l.redirectUri().getPort())) {
            head.getOutputStream().write("GET /callback?code=x&st".getBytes(StandardCharsets.US_ASCII));
            body.getOutputStream().write(("POST /callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\n\r\ncode=x").getBytes(StandardCharsets.US_ASCII));
            for (Socket s : List.of(head, body)) {
                s.getOutputStream().flush();
                s.setSoTimeout(5000);
            }
            long t0 = System.nanoTime();
            for (Socket s : List.of(head, body)) {
                int first;
                try {
                    first = s.getInputStream().read();
                } catch (java.net.SocketException reset) {
                    first = -1;
                }
                assertEquals(-1, first, "closed without an answer");
            }
            long took = System.nanoTime() - t0;
            assertTrue(took < TimeUnit.SECONDS.toNanos(4), "closed at the deadline, took " + took / 1_000_000 + " ms");
            // and the listener still serves the real callback
            var real = get(callback(l, "code=c5&state=" + STATE));
            receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(200, real.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aRequestForAnotherHostNameIsRefused() throws Exception {
        // DNS rebinding: a web page on evil.example whose name now resolves to 127.0.0.1 reaches the listener with
        // its own name in Host; only the redirect host in use and the bound loopback literal are accepted
        try (LoopbackListener l = receiver.open(RedirectHost.LOCALHOST, List.of(), "/callback", STATE)) {
            int port = l.redirectUri().getPort();
            for (String host : List.of("evil.example:" + port, "evil.example", "localhost.evil.example:" + port,
                    "127.0.0.2:" + port, "localhost:" + (port == 1 ? 2 : port - 1), "")) {
                String answer = raw(port, "GET /callback?code=x&state=" + STATE + " HTTP/1.1\r\n"
                        + (host.isEmpty() ? "" : "Host: " + host + "\r\n") + "Connection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 400"), host + ": " + answer);
                assertFalse(answer.contains("code=x"), answer);
            }
            assertTrue(l.await(Duration.ofMillis(300), TaskContext.none()).isEmpty(), "nothing handed over");
            assertEquals(0, l.rejectedCallbacks(), "not counted as a wrong-state callback");
            for (String host : List.of("localhost:" + port, "LOCALHOST:" + port, "127.0.0.1:" + port)) {
                String answer = raw(port, "GET /favicon.ico HTTP/1.1\r\nHost: " + host
                        + "\r\nConnection: close\r\n\r\n");
                assertTrue(answer.startsWith("HTTP/1.1 404"), host + ": " + answer);
            }
            var real = get(callback(l, "code=c6&state=" + STATE)); // Host: localhost:port
            receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(200, real.get(10, TimeUnit.SECONDS).statusCode());
        }
        try (LoopbackListener l = open()) {
            int port = l.redirectUri().getPort();
            String answer = raw(port, "GET /callback?code=x&state=" + STATE + " HTTP/1.1\r\nHost: localhost:"
                    + port + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400"), "127.0.0.1 in use, not localhost: " + answer);
        }
    }

    private static String raw(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void acceptsAFormPostCallback() throws Exception {
        try (LoopbackListener l = open()) {
            var post = client.sendAsync(HttpRequest.newBuilder(l.redirectUri())
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("code=p%2B1&state=" + STATE + "&iss=https%3A%2F%2Fidp"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            LoopbackCallback cb = receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals("POST", cb.method());
            assertEquals(List.of("p+1"), cb.parameters().get("code"));
            assertEquals(List.of("https://idp"), cb.parameters().get("iss"));
            assertEquals(200, post.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aSecondCallbackIsNotHandedOver() throws Exception {
        try (LoopbackListener l = open()) {
            var first = get(callback(l, "code=one&state=" + STATE));
            LoopbackCallback cb = l.await(Duration.ofSeconds(10), TaskContext.none()).orElseThrow();
            HttpResponse<String> second = get(callback(l, "code=two&state=" + STATE)).get(10, TimeUnit.SECONDS);
            assertEquals(409, second.statusCode());
            assertTrue(second.body().contains("already received"), second.body());
            cb.answer(new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(List.of("one"), cb.parameters().get("code"));
            assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void aPortInUseIsNamedAndTheNextPortInTheListIsTried() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            LoopbackUnavailable e = assertThrows(LoopbackUnavailable.class,
                    () -> receiver.open(RedirectHost.IPV4, List.of(port), "/callback", STATE));
            assertTrue(e.getMessage().contains("Port " + port + " on 127.0.0.1 is already in use"), e.getMessage());
            int free;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                free = probe.getLocalPort();
            }
            try (LoopbackListener l = receiver.open(RedirectHost.IPV4, List.of(port, free), "/callback", STATE)) {
                assertEquals(free, l.redirectUri().getPort());
            }
        }
    }

    @Test
    void localhostRedirectHostIsReachableOn127001() throws Exception {
        try (LoopbackListener l = receiver.open(RedirectHost.LOCALHOST, List.of(), "/callback", STATE)) {
            assertTrue(l.redirectUri().toString().startsWith("http://localhost:"), l.redirectUri().toString());
            var r = get(URI.create("http://127.0.0.1:" + l.redirectUri().getPort() + "/callback?code=l&state="
                    + STATE));
            receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(200, r.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void ipv6LoopbackIsUsedWhenAskedOrRefusedInWords() throws Exception {
        boolean hasIpv6;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            hasIpv6 = true;
        } catch (java.io.IOException e) {
            hasIpv6 = false;
        }
        if (!hasIpv6) {
            LoopbackUnavailable e = assertThrows(LoopbackUnavailable.class,
                    () -> receiver.open(RedirectHost.IPV6, List.of(), "/callback", STATE));
            assertTrue(e.getMessage().contains("[::1] is not available"), e.getMessage());
            return;
        }
        try (LoopbackListener l = receiver.open(RedirectHost.IPV6, List.of(), "/callback", STATE)) {
            assertTrue(l.redirectUri().toString().startsWith("http://[::1]:"), l.redirectUri().toString());
            var r = get(callback(l, "code=six&state=" + STATE));
            receive(l, new CallbackPage(true, En.words("ok"), En.words("fine")));
            assertEquals(200, r.get(10, TimeUnit.SECONDS).statusCode());
        }
    }

    @Test
    void timesOutWithNothingAndCancelStopsTheWait() throws Exception {
        try (LoopbackListener l = open()) {
            long t0 = System.nanoTime();
            Optional<LoopbackCallback> none = l.await(Duration.ofMillis(400), TaskContext.none());
            assertTrue(none.isEmpty());
            assertTrue(System.nanoTime() - t0 >= TimeUnit.MILLISECONDS.toNanos(350));
            AtomicBoolean cancel = new AtomicBoolean();
            TaskContext ctx = new TaskContext() {
                @Override
                public void progress(double fraction, dev.ssosetup.core.text.Text step) {
                }

                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }
            };
            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> cancel.set(true));
            assertThrows(CancelledException.class, () -> l.await(Duration.ofSeconds(30), ctx));
        }
    }

    @Test
    void closingReleasesThePort() throws Exception {
        int port;
        try (LoopbackListener l = open()) {
            port = l.redirectUri().getPort();
        }
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        }
        try (Socket s = new Socket()) {
            assertThrows(java.io.IOException.class, () -> s.connect(new InetSocketAddress("127.0.0.1", port), 500));
        }
    }
}
