package dev.ssosetup.infra.net;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.testsupport.TestCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile networks, for real: each fault is produced by a real server on 127.0.0.1 (or a name that cannot resolve)
 * and must end within its limit with a failure that names the host and the cause.
 */
class NetworkFaultTest {
    private static final HttpExchange.Limits SHORT =
            new HttpExchange.Limits(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
    private final List<AutoCloseable> open = new ArrayList<>();
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
        pool.shutdownNow();
    }

    private HttpFailure fail(JdkHttpGateway gateway, URI uri, long withinMillis) {
        long t0 = System.nanoTime();
        HttpFailure f = assertThrows(HttpFailure.class,
                () -> gateway.send(HttpExchange.Request.get(uri).withLimits(SHORT)));
        long took = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(took <= withinMillis, "took " + took + " ms, limit " + withinMillis);
        assertTrue(f.getMessage().contains(uri.getHost()), "names the host: " + f.getMessage());
        return f;
    }

    @Test
    void aServerThatSendsHeadersThenTricklesTheBodyTimesOutWithinTheLimit() throws Exception {
        ServerSocket server = listen();
        pool.submit(() -> {
            try (Socket s = server.accept(); OutputStream out = s.getOutputStream()) {
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 100; i++) {
                    out.write('{');
                    out.flush();
                    Thread.sleep(200);
                }
            }
            return null;
        });
        HttpFailure f = fail(JdkHttpGateway.create(), uri(server, "http"), 3500);
        assertEquals(HttpFailure.Kind.TIMEOUT, f.kind(), f.getMessage());
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        ServerSocket server = listen();
        pool.submit(() -> {
            try (Socket s = server.accept()) {
                Thread.sleep(10_000);
            }
            return null;
        });
        HttpFailure f = fail(JdkHttpGateway.create(), uri(server, "http"), 3500);
        assertEquals(HttpFailure.Kind.TIMEOUT, f.kind());
        assertTrue(f.getMessage().contains("did not answer within 2 s"), f.getMessage());
    }

    @Test
    void aResetInTheMiddleOfTheBodyIsReportedAsABrokenConnection() throws Exception {
        ServerSocket server = listen();
        pool.submit(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[1024]);
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n"
                        + "{\"issuer\":").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                s.setSoLinger(true, 0); // RST instead of FIN
            }
            return null;
        });
        HttpFailure f = fail(JdkHttpGateway.create(), uri(server, "http"), 3500);
        assertEquals(HttpFailure.Kind.UNREACHABLE, f.kind(), f.getMessage());
    }

    @Test
    void aRefusedConnectionSaysSoAndNamesThePort() throws Exception {
        int port;
        try (ServerSocket s = listen()) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port + "/.well-known/openid-configuration");
        HttpFailure f = fail(JdkHttpGateway.create(), uri, 3500);
        assertEquals(HttpFailure.Kind.UNREACHABLE, f.kind());
        assertTrue(f.getMessage().contains("refused") && f.getMessage().contains(":" + port), f.getMessage());
    }

    @Test
    void aHostThatDoesNotResolveSaysDns() {
        URI uri = URI.create("https://sso-setup-no-such-host.invalid/.well-known/openid-configuration");
        HttpFailure f = fail(JdkHttpGateway.create(), uri, 3500);
        assertEquals(HttpFailure.Kind.UNREACHABLE, f.kind());
        assertTrue(f.getMessage().contains("not found (DNS)"), f.getMessage());
    }

    @Test
    void aRedirectLoopIsNotFollowed() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] hits = {0};
        server.createContext("/", ex -> {
            hits[0]++;
            ex.getResponseHeaders().add("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/loop");
        HttpExchange.Response r = JdkHttpGateway.create().send(HttpExchange.Request.get(uri).withLimits(SHORT));
        assertEquals(302, r.status());
        assertEquals("/loop", r.header("location").orElseThrow());
        assertEquals(1, hits[0], "exactly one request: redirects are never followed silently");
    }

    @Test
    void aSelfSignedCertificateIsRefusedAsUntrusted() throws Exception {
        URI uri = https(TestCertificates.selfSigned("localhost"), "localhost");
        HttpFailure f = fail(JdkHttpGateway.create(), uri, 3500);
        assertEquals(HttpFailure.Kind.TLS, f.kind());
        assertTrue(f.getMessage().contains("not trusted"), f.getMessage());
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificates ca = TestCertificates.newCa();
        URI uri = https(ca.server("idp.other.example"), "localhost");
        HttpFailure f = fail(JdkHttpGateway.create(TlsTrust.withExtraCas(ca.caPem())), uri, 3500);
        assertEquals(HttpFailure.Kind.TLS, f.kind());
        assertTrue(f.getMessage().contains("not for this host"), f.getMessage());
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        TestCertificates ca = TestCertificates.newCa();
        URI uri = https(ca.server("localhost", Instant.now().minus(Duration.ofDays(20)),
                Instant.now().minus(Duration.ofDays(2))), "localhost");
        HttpFailure f = fail(JdkHttpGateway.create(TlsTrust.withExtraCas(ca.caPem())), uri, 3500);
        assertEquals(HttpFailure.Kind.TLS, f.kind());
        assertTrue(f.getMessage().contains("expired"), f.getMessage());
    }

    @Test
    void aCaBundleMakesAPrivateCaTrusted() throws Exception {
        TestCertificates ca = TestCertificates.newCa();
        URI uri = https(ca.server("localhost"), "localhost");
        assertEquals(HttpFailure.Kind.TLS, fail(JdkHttpGateway.create(), uri, 3500).kind(),
                "without the bundle the private CA is not trusted");
        HttpExchange.Response r = JdkHttpGateway.create(TlsTrust.withExtraCas(ca.caPem()))
                .send(HttpExchange.Request.get(uri).withLimits(SHORT));
        assertEquals(200, r.status());
        assertEquals("{\"ok\":true}", r.bodyText());
    }

    @Test
    void aBundleWithoutCertificatesIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsTrust.withExtraCas("not a certificate".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("BEGIN CERTIFICATE"), e.getMessage());
    }

    @Test
    void anAnswerOverTheCapIsRefused() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = new byte[64 * 1024];
                for (int i = 0; i < 80; i++) { // 5 MiB
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the client hung up once it had enough
            }
        });
        server.start();
        open.add(() -> server.stop(0));
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/big");
        HttpFailure f = fail(JdkHttpGateway.create(), uri, 3500);
        assertEquals(HttpFailure.Kind.TOO_LARGE, f.kind());
    }

    private URI https(SSLContext ssl, String host) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", ex -> {
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        open.add(() -> server.stop(0));
        return URI.create("https://" + host + ":" + server.getAddress().getPort() + "/.well-known/openid-configuration");
    }

    private ServerSocket listen() throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        open.add(s);
        return s;
    }

    private static URI uri(ServerSocket s, String scheme) {
        return URI.create(scheme + "://127.0.0.1:" + s.getLocalPort() + "/.well-known/openid-configuration");
    }
}
