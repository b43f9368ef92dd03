package dev.ssosetup.core.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 serving a crafted discovery document and JWKS that a test can bend: starts as a
 * complete, valid provider, then each test changes one member to trigger one finding.
 */
public final class CraftedProvider implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RSAKey KEY;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("k1").keyUse(com.nimbusds.jose.jwk.KeyUse.SIGNATURE).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final HttpServer server;
    public final Map<String, Object> doc = new LinkedHashMap<>();
    /** The JWKS body served at /jwks; defaults to one public RSA signing key. */
    public volatile String jwks;
    public volatile int jwksStatus = 200;
    /** When set, /.well-known/openid-configuration serves these bytes instead of {@link #doc}. */
    public volatile byte[] rawDiscovery;
    public volatile String rawContentType = "application/json";
    public volatile int discoveryStatus = 200;
    /** When set, the discovery document answers 302 to this location. */
    public volatile String redirectTo;
    public final List<String> requests = new ArrayList<>();

    public CraftedProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = base();
        doc.put("issuer", base);
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/token");
        doc.put("userinfo_endpoint", base + "/userinfo");
        doc.put("jwks_uri", base + "/jwks");
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile", "offline_access"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("claims_supported", List.of("sub", "iss", "email", "preferred_username", "name"));
        doc.put("code_challenge_methods_supported", List.of("plain", "S256"));
        jwks = new JWKSet(KEY.toPublicJWK()).toString();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(path);
            }
            byte[] body;
            int status;
            String type = "application/json";
            if (path.endsWith("/.well-known/openid-configuration")) {
                status = discoveryStatus;
                if (rawDiscovery != null) {
                    body = rawDiscovery;
                    type = rawContentType;
                } else {
                    body = JSON.writeValueAsBytes(doc);
                }
            } else if (path.equals("/jwks")) {
                status = jwksStatus;
                body = jwks.getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = "{\"error\":\"not found\"}".getBytes(StandardCharsets.UTF_8);
            }
            if (redirectTo != null && path.endsWith("/.well-known/openid-configuration")) {
                status = 302;
                exchange.getResponseHeaders().set("Location", redirectTo);
            }
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public static RSAKey privateKey() {
        return KEY;
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String issuer() {
        return base();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
