package dev.ssosetup.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A small OpenID provider of our own on a JDK {@code HttpServer} at 127.0.0.1, for the cases a real provider cannot
 * be made to produce: crafted ID tokens (bad signature, unknown kid, alg none, HS256 ...), error responses, RFC 9207
 * {@code iss} variants, a userinfo for someone else. Each test sets the fields it needs.
 */
public final class CraftedProvider implements AutoCloseable {
    public final RSAKey key;
    private final HttpServer server;
    public final String issuer;

    /** Builds the ID token from the request's nonce and the access token; default: a correct one. */
    public volatile BiFunction<String, String, String> idToken;
    /** Extra query for the redirect (e.g. {@code error=access_denied&error_description=...}); replaces the code. */
    public volatile String authorizationError;
    /** The {@code iss} to add to the redirect (RFC 9207); null for none. */
    public volatile String responseIss;
    public volatile boolean advertiseIss;
    /** Token endpoint error: status and JSON body; null for success. */
    public volatile Integer tokenErrorStatus;
    public volatile String tokenErrorBody;
    public volatile String userInfoSub = "user-1";
    /** How long the token endpoint waits before it answers (a slow provider); zero by default. */
    public volatile java.time.Duration tokenDelay = java.time.Duration.ZERO;
    public volatile Map<String, String> lastTokenRequest = Map.of();
    /** {@code response_types_supported}, as JSON; the implicit flow is answered only when it holds id_token. */
    public volatile String responseTypes = "[\"code\"]";
    /** Advertise {@code response_modes_supported} with {@code form_post} (and honour it). */
    public volatile boolean formPost;
    /**
     * Builds the fragment (or form) of an implicit answer from the authorization request's parameters, replacing
     * the correct ID token and state (an error, a wrong state, no token); null for the correct answer.
     */
    public volatile java.util.function.Function<Map<String, String>, String> implicitAnswer;
    /** The last authorization request's query parameters. */
    public volatile Map<String, String> lastAuthorization = Map.of();
    public volatile String lastTokenAuthorization;

    public CraftedProvider() throws IOException, JOSEException {
        this(null);
    }

    /** With {@code tls} non-null the provider speaks HTTPS with that context (a provider with a private CA). */
    public CraftedProvider(javax.net.ssl.SSLContext tls) throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        issuer = (tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort() + "/crafted";
        idToken = (nonce, at) -> sign(key, JWSAlgorithm.RS256, claims(nonce).build());
        server.createContext("/crafted/.well-known/openid-configuration", ex -> json(ex, 200, discovery()));
        server.createContext("/crafted/jwks", ex -> json(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/crafted/authorize", this::authorize);
        server.createContext("/crafted/token", this::token);
        server.createContext("/crafted/userinfo", ex -> json(ex, 200,
                "{\"sub\":\"" + userInfoSub + "\",\"email\":\"jane@acme.example\"}"));
        // handlers on their own threads, so one slow answer (tokenDelay) never holds up the others
        server.setExecutor(handlers);
        server.start();
    }

    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool(
            r -> {
                Thread t = new Thread(r, "crafted-provider");
                t.setDaemon(true);
                return t;
            });

    /** Correct claims for this provider: iss, aud, sub, exp, iat, nonce, email. */
    public JWTClaimsSet.Builder claims(String nonce) {
        long now = System.currentTimeMillis();
        return new JWTClaimsSet.Builder().issuer(issuer).audience("om-ui").subject("user-1")
                .issueTime(new Date(now)).expirationTime(new Date(now + 600_000))
                .claim("nonce", nonce).claim("email", "jane@acme.example");
    }

    public static String sign(RSAKey key, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Discovery fields to announce instead of this provider's own endpoints (e.g. "token_endpoint"). */
    public final Map<String, String> endpointOverrides = new java.util.concurrent.ConcurrentHashMap<>();

    private String endpoint(String field, String own) {
        return endpointOverrides.getOrDefault(field, own);
    }

    private String discovery() {
        return "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\""
                + endpoint("authorization_endpoint", issuer + "/authorize") + "\","
                + "\"token_endpoint\":\"" + endpoint("token_endpoint", issuer + "/token") + "\",\"jwks_uri\":\""
                + endpoint("jwks_uri", issuer + "/jwks") + "\","
                + "\"userinfo_endpoint\":\"" + endpoint("userinfo_endpoint", issuer + "/userinfo") + "\","
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"code_challenge_methods_supported\":[\"S256\"]"
                + ",\"response_types_supported\":" + responseTypes
                + (formPost ? ",\"response_modes_supported\":[\"query\",\"fragment\",\"form_post\"]" : "")
                + (advertiseIss ? ",\"authorization_response_iss_parameter_supported\":true" : "") + "}";
    }

    private final Map<String, String> nonces = new HashMap<>();

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        String state = q.get("state");
        lastAuthorization = Map.copyOf(q);
        if ("id_token".equals(q.get("response_type"))) {
            implicit(ex, q);
            return;
        }
        synchronized (nonces) {
            nonces.put("code-1", q.getOrDefault("nonce", ""));
        }
        String tail = authorizationError != null ? authorizationError : "code=code-1";
        String location = redirect + "?" + tail + "&state=" + enc(state)
                + (responseIss == null ? "" : "&iss=" + enc(responseIss));
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    /** The implicit flow: the ID token in the fragment, or in an auto-submitting form for form_post. */
    private void implicit(HttpExchange ex, Map<String, String> q) throws IOException {
        String redirect = q.get("redirect_uri");
        if (!responseTypes.contains("id_token")) {
            ex.getResponseHeaders().set("Location", redirect + "#error=unsupported_response_type"
                    + "&error_description=" + enc("implicit flow is disabled for this client")
                    + "&state=" + enc(q.get("state")));
            ex.sendResponseHeaders(302, -1);
            ex.close();
            return;
        }
        String answer = implicitAnswer != null ? implicitAnswer.apply(q)
                : "id_token=" + enc(idToken.apply(q.getOrDefault("nonce", ""), null)) + "&state=" + enc(q.get("state"));
        if (formPost && "form_post".equals(q.get("response_mode"))) {
            StringBuilder html = new StringBuilder("<html><body onload=\"document.forms[0].submit()\">"
                    + "<form method=\"post\" action=\"" + redirect + "\">");
            for (var e : form(answer).entrySet()) {
                html.append("<input type=\"hidden\" name=\"").append(e.getKey()).append("\" value=\"")
                        .append(e.getValue()).append("\"/>");
            }
            html.append("</form></body></html>");
            byte[] b = html.toString().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
            return;
        }
        ex.getResponseHeaders().set("Location", redirect + "#" + answer);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> body = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        lastTokenRequest = Map.copyOf(body);
        lastTokenAuthorization = ex.getRequestHeaders().getFirst("Authorization");
        if (!tokenDelay.isZero()) {
            try {
                Thread.sleep(tokenDelay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (tokenErrorStatus != null) {
            json(ex, tokenErrorStatus, tokenErrorBody);
            return;
        }
        String nonce;
        synchronized (nonces) {
            nonce = nonces.getOrDefault(body.get("code"), "");
        }
        String at = "at-" + System.nanoTime();
        json(ex, 200, "{\"access_token\":\"" + at + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + idToken.apply(nonce, at) + "\"}");
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String p : raw.split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(p.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    public List<String> lastTokenRequestNames() {
        return List.copyOf(lastTokenRequest.keySet());
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
