package dev.ssosetup.hostile;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.LoopbackCallback;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import dev.ssosetup.infra.net.JdkHttpGateway;
import dev.ssosetup.testing.CraftedProvider;
import dev.ssosetup.testing.Settings;
import dev.ssosetup.testing.TestBrowser;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile login traffic over real sockets: ID tokens (mutated claims and headers, validly signed, plus damaged and
 * random tokens) and token endpoint answers from a crafted provider through the whole login test; and arbitrary
 * callback requests (query strings, form bodies, methods) sent to the real loopback listener. Every token ends in a
 * verdict (passed or failed with a reason and hint, no Java internals); the listener answers every request with an
 * HTTP status and still takes the real callback afterwards.
 */
class LoginFuzzTest {
    private static CraftedProvider provider;
    private static String validHeader;
    private static String validPayload;

    @BeforeContainer
    static void start() throws Exception {
        provider = new CraftedProvider();
        validHeader = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(provider.key.getKeyID()).build().toString();
        validPayload = provider.claims("@@NONCE@@").build().toString();
    }

    @AfterContainer
    static void stop() {
        provider.close();
    }

    /** A compact JWS over raw header and payload JSON, signed with the provider's key (so only the content is wrong). */
    private static String signRaw(String header, String payload) {
        try {
            String signingInput = Base64URL.encode(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8));
            Base64URL sig = new RSASSASigner(provider.key).sign(new JWSHeader(JWSAlgorithm.RS256),
                    signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + sig;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token template: @@NONCE@@ becomes the real nonce of the attempt. */
    @Provide
    Arbitrary<String> tokens() {
        String valid = signRaw(validHeader, validPayload);
        Arbitrary<String> payloadMutations = Hostile.jsonMutations(validPayload).map(p -> signRaw(validHeader, p));
        Arbitrary<String> headerMutations = Hostile.jsonMutations(validHeader).map(h -> signRaw(h, validPayload));
        Arbitrary<String> segments = Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/").ofMaxLength(300);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, payloadMutations),
                net.jqwik.api.Tuple.of(2, headerMutations),
                net.jqwik.api.Tuple.of(1, Hostile.damaged(valid)),
                net.jqwik.api.Tuple.of(1, segments),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(
                        Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode(validPayload) + ".",
                        Base64URL.encode("{\"alg\":\"HS256\"}") + "." + Base64URL.encode(validPayload) + ".c2ln",
                        Base64URL.encode("{\"alg\":\"RSA-OAEP\",\"enc\":\"A128GCM\"}") + ".a.b.c.d",
                        "", ".", "..", "a.b.c", "\"", "\\", valid + "." + valid)));
    }

    @Provide
    Arbitrary<Integer> tokenStatuses() {
        return Arbitraries.of(200, 200, 200, 400, 401, 500, 302);
    }

    private static void assertVerdict(LoginTestResult result, String input) {
        net.jqwik.api.statistics.Statistics.collect(result instanceof LoginTestResult.Failed f
                ? "failed at " + f.stage() : "passed");
        switch (result) {
            case LoginTestResult.Passed p -> assertTrue(p.claims() != null);
            case LoginTestResult.Failed f -> {
                assertFalse(En.text(f.reason()).isBlank(), "a failure says why: " + Hostile.shorten(input));
                Hostile.assertNoStackTrace(En.text(f.reason()), input);
                Hostile.assertNoStackTrace(En.text(f.hint()), input);
            }
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    /**
     * One attempt with a 4 s timeout, which bounds the whole attempt: it must end by then, plus at most 2 s for the
     * result page to reach the browser and some slack for a loaded machine.
     */
    private LoginTestResult login(String input) {
        ProviderSettings settings = Settings.publicClient(provider.issuer, "om-ui").build();
        LoginTest test = new LoginTest(new dev.ssosetup.infra.net.JdkHttpGatewayFactory(), new JdkLoopbackReceiver(), new TestBrowser(),
                Clock.systemUTC());
        long t0 = System.nanoTime();
        LoginTestResult result = Hostile.run(input, () -> test.run(settings, LoginOptions.defaults()
                .withTimeout(TIMEOUT), LoginEvents.none(), TaskContext.none())).valueOrFail(input);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < TIMEOUT.toMillis() + 4_000, "the attempt took " + ms + " ms, outliving its own "
                + TIMEOUT.toSeconds() + " s timeout, for " + Hostile.shorten(input));
        return result;
    }

    @Property(tries = 120)
    void everyIdTokenEndsInAVerdict(@ForAll("tokens") String template) {
        provider.tokenErrorStatus = null;
        provider.idToken = (nonce, at) -> template.replace("@@NONCE@@", nonce);
        assertVerdict(login(template), template);
    }

    @Property(tries = 60)
    void everyTokenEndpointAnswerEndsInAVerdict(@ForAll("tokenStatuses") int status,
                                                @ForAll("tokenBodies") String body) {
        provider.tokenErrorStatus = status;
        provider.tokenErrorBody = body;
        try {
            assertVerdict(login("HTTP " + status + " " + body), "HTTP " + status + " " + body);
        } finally {
            provider.tokenErrorStatus = null;
        }
    }

    @Provide
    Arbitrary<String> tokenBodies() {
        return Arbitraries.oneOf(
                Hostile.jsonMutations("{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"id_token\":\"" + "x.y.z" + "\"}"),
                Hostile.jsonMutations("{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}"),
                Arbitraries.strings().all().ofMaxLength(80));
    }

    // ---- the loopback listener

    @Provide
    Arbitrary<String> requests() {
        Arbitrary<String> query = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(200),
                Arbitraries.of("state=", "state=a&state=b", "code=&state=%zz", "error=access_denied", "=&=&&",
                        "state=%00", "code=" + "A".repeat(60_000), "state=x;code=y", "%", "a=%E2%82", "iss=http://e"));
        Arbitrary<String> path = Arbitraries.of("/callback", "/callback/", "/", "/favicon.ico", "/CALLBACK",
                "/callback/../callback", "//callback", "*");
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "HEAD", "OPTIONS", "DELETE", "BREW");
        return net.jqwik.api.Combinators.combine(method, path, query, Arbitraries.strings().all().ofMaxLength(300))
                .as((m, p, q, body) -> {
                    byte[] b = body.getBytes(StandardCharsets.UTF_8);
                    String target = m.equals("POST") ? p : p + "?" + q;
                    String content = m.equals("POST") ? q + "&" + body : "";
                    int length = content.getBytes(StandardCharsets.UTF_8).length;
                    return m + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + (m.equals("POST") ? "Content-Type: application/x-www-form-urlencoded\r\n" : "")
                            + "Content-Length: " + length + "\r\nConnection: close\r\n\r\n" + content
                            + (b.length > 0 ? "" : "");
                });
    }

    private static String send(int port, String request) throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = in.readLine();
            StringBuilder rest = new StringBuilder();
            for (String line; (line = in.readLine()) != null; ) {
                rest.append(line).append('\n');
            }
            return status + "\n" + rest;
        }
    }

    private static boolean isPath(String target) {
        return target.startsWith("/") && !target.startsWith("//");
    }

    @Property(tries = 150)
    void theListenerAnswersEveryRequestAndStillTakesTheRealCallback(@ForAll("requests") String request)
            throws Exception {
        String state = "st-" + System.nanoTime();
        try (LoopbackListener listener = new JdkLoopbackReceiver().open(RedirectHost.IPV4, List.of(), "/callback",
                state)) {
            int port = listener.redirectUri().getPort();
            Hostile.Outcome<String> sent = Hostile.run(request, () -> send(port, request));
            String target = request.split(" ", 3)[1];
            if (sent.checked() != null && !isPath(target)) {
                // "*" and "//callback" are not paths (a URI parser reads "//callback" as a host): the JDK's HTTP
                // server answers such a request itself, before our handler, and closes at once without reading the
                // body, so a client still sending a large body may see a reset instead. No browser sends them.
                assertTrue(sent.checked() instanceof java.net.SocketException, "a reset at most for "
                        + Hostile.shorten(request) + ": " + sent.checked());
            } else {
                String answer = sent.valueOrFail(request);
                assertTrue(answer.startsWith("HTTP/1.1 "), "an HTTP answer for " + Hostile.shorten(request) + ": "
                        + Hostile.shorten(answer));
                Hostile.assertNoStackTrace(answer, request);
            }
            // the real callback afterwards: the listener holds it open until the login test answers
            java.util.concurrent.CompletableFuture<String> good = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> {
                        try {
                            return send(port, "GET /callback?code=c1&state=" + state
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                        } catch (Exception e) {
                            return "failed: " + e;
                        }
                    });
            Optional<LoopbackCallback> received = listener.await(Duration.ofSeconds(5), TaskContext.none());
            received.ifPresent(c -> c.answer(new dev.ssosetup.core.login.CallbackPage(true, En.words("Done"), En.words("Done."))));
            assertTrue(received.isPresent(), "the real callback still arrives after " + Hostile.shorten(request));
            assertTrue(good.get(5, java.util.concurrent.TimeUnit.SECONDS).startsWith("HTTP/1.1 200"),
                    "the browser gets its page");
        }
    }
}
