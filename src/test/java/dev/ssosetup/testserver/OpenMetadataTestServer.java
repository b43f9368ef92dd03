package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A faithful stand-in for OpenMetadata 1.10/1.11's security-configuration API (see {@code shared/openmetadata/API.md}),
 * or in {@link Mode#V2_0} for 2.0.x's ({@code API-2.0.md}: the 2.0 schema set with 2.0.0's own refusals, the session
 * fields, the prompt policy, and {@code test-login/validate-token} with its documented stages)
 * on 127.0.0.1: admin bearer token required (no or unknown token 401, a bot token 403), bodies validated against the
 * bundled schemas (400 with a {@code SecurityValidationResponse}), the client secret masked on GET, validate running
 * the documented checks (discovery and JWKS fetched; loopback allowed for tests), {@code /config/auth} reflecting the
 * stored provider, {@code /config/jwks} with the padded-base64url quirk, a configurable version, and faults on demand.
 */
public final class OpenMetadataTestServer implements AutoCloseable {
    public static final String MASK = "*********";
    public static final String CONFIG = "/api/v1/system/security/config";
    public static final String VALIDATE = "/api/v1/system/security/validate";
    public static final String VALIDATE_TOKEN = "/api/v1/system/security/test-login/validate-token";
    /** The key id of the JWT keys OpenMetadata ships (its default {@code jwtTokenConfiguration}). */
    public static final String SHIPPED_KEY_ID = "Gb389a-9f76-gdjs-a92j-0242bk94356";

    /** Which OpenMetadata the stand-in plays. */
    public enum Mode {
        V1_10("1.10.4"),
        V2_0("2.0.1");

        private final String version;

        Mode(String version) {
            this.version = version;
        }

        public String version() {
            return version;
        }
    }
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String adminToken;
    private final String botToken;
    private final SchemaCheck schema = new SchemaCheck();
    private final SchemaCheck schema20 = new SchemaCheck(
            "/openmetadata/schema-2.0/configuration/securityConfiguration.json");
    private final SchemaCheck tokenRequestSchema = new SchemaCheck(
            "/openmetadata/schema-2.0/system/testLoginTokenRequest.json");
    private final TestLoginEndpoint testLogin = new TestLoginEndpoint();
    private volatile Mode mode = Mode.V1_10;
    private volatile String servedKeyId = "om-test-key";
    private final SecurityChecks checks = new SecurityChecks();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> authorizationHeaders = Collections.synchronizedList(new ArrayList<>());
    private final RSAKey jwtKey;
    private volatile String version = "1.10.4";
    private volatile ObjectNode stored;

    public OpenMetadataTestServer(String adminToken, String botToken) throws IOException {
        this(adminToken, botToken, null);
    }

    /** With {@code tls} non-null the server speaks HTTPS with that context (for certificate tests). */
    public OpenMetadataTestServer(String adminToken, String botToken, javax.net.ssl.SSLContext tls)
            throws IOException {
        this.adminToken = adminToken;
        this.botToken = botToken;
        try {
            this.jwtKey = new RSAKeyGenerator(2048).keyID("om-test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
        } else {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
            server = https;
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "om-test-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        stored = basicConfiguration();
    }

    public String baseUrl() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort();
    }

    public String jwksUrl() {
        return baseUrl() + "/api/v1/system/config/jwks";
    }

    public void version(String v) {
        this.version = v;
    }

    /** Plays OpenMetadata 1.10 (default) or 2.0; sets the reported version too. */
    public void mode(Mode m) {
        this.mode = m;
        this.version = m.version();
    }

    public Mode mode() {
        return mode;
    }

    /** The key id {@code /api/v1/system/config/jwks} serves (e.g. {@link #SHIPPED_KEY_ID}, as a fresh install). */
    public void servedKeyId(String kid) {
        this.servedKeyId = kid;
    }

    /** Every ID token validate-token received. */
    public List<String> validateTokenRequests() {
        return testLogin.tokensSeen();
    }

    /** The stored configuration exactly as stored (unmasked), for assertions. */
    public ObjectNode stored() {
        return stored.deepCopy();
    }

    public void store(ObjectNode config) {
        stored = config.deepCopy();
    }

    /** Makes {@code METHOD path} (e.g. {@code "PUT /api/v1/system/security/config"}) fail until cleared. */
    public void fault(String methodAndPath, Fault fault) {
        faults.put(methodAndPath, fault);
    }

    /** Clears faults, request counts and recorded headers: a fresh server (the stored configuration stays). */
    public void clearFaults() {
        faults.clear();
        counts.clear();
        authorizationHeaders.clear();
    }

    /** How often {@code METHOD path} was requested. */
    public int count(String methodAndPath) {
        AtomicInteger n = counts.get(methodAndPath);
        return n == null ? 0 : n.get();
    }

    /** Every Authorization header received (to check that the token went only where it should). */
    public List<String> authorizationHeaders() {
        return List.copyOf(authorizationHeaders);
    }

    /** OpenMetadata's default after installation: basic sign-in. */
    public ObjectNode basicConfiguration() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode auth = root.putObject("authenticationConfiguration");
        auth.put("provider", "basic");
        auth.put("providerName", "basic");
        auth.putArray("publicKeyUrls").add(jwksUrl());
        auth.put("authority", "https://accounts.google.com");
        auth.put("clientId", "");
        auth.put("callbackUrl", "");
        auth.putArray("jwtPrincipalClaims").add("email").add("preferred_username").add("sub");
        auth.put("enableSelfSignup", true);
        ObjectNode authz = root.putObject("authorizerConfiguration");
        authz.put("className", "org.openmetadata.service.security.DefaultAuthorizer");
        authz.put("containerRequestFilter", "org.openmetadata.service.security.JwtFilter");
        authz.putArray("adminPrincipals").add("admin");
        authz.putArray("allowedEmailRegistrationDomains").add("all");
        authz.put("principalDomain", "open-metadata.org");
        authz.put("enforcePrincipalDomain", false);
        authz.put("enableSecureSocketConnection", false);
        return root;
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        String key = method + " " + path;
        counts.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        String authz = ex.getRequestHeaders().getFirst("Authorization");
        if (authz != null) {
            authorizationHeaders.add(authz);
        }
        try (ex) {
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault fault = faults.get(key);
            if (fault != null && fault.kind() == Fault.Kind.DROP_BEFORE) {
                drop(ex);
                return;
            }
            Answer answer = fault != null && fault.kind() == Fault.Kind.STATUS && !method.equals("PUT")
                    ? error(fault.status(), "Injected failure") : route(method, path, authz, body, fault);
            if (fault != null && fault.kind() == Fault.Kind.SLOW) {
                sleep(fault.delay().toMillis()); // processed already: only the answer is late
            }
            if (fault != null && fault.kind() == Fault.Kind.DROP_AFTER) {
                drop(ex);
                return;
            }
            byte[] out = answer.body == null ? new byte[0] : JSON.writeValueAsBytes(answer.body);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(answer.status, out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                ex.getResponseBody().write(out);
            }
        } catch (IOException | RuntimeException e) {
            // the client went away (e.g. after its timeout): nothing to answer
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    private Answer route(String method, String path, String authz, byte[] body, Fault fault) {
        switch (method + " " + path) {
            case "GET /api/v1/system/version":
                return new Answer(200, JSON.createObjectNode().put("version", version)
                        .put("revision", "test").put("timestamp", 1_700_000_000_000L));
            case "GET /api/v1/system/config/auth": {
                ObjectNode auth = (ObjectNode) stored.path("authenticationConfiguration").deepCopy();
                auth.remove("oidcConfiguration");
                auth.remove("ldapConfiguration");
                return new Answer(200, auth);
            }
            case "GET /api/v1/system/config/authorizer":
                return new Answer(200, stored.path("authorizerConfiguration").deepCopy());
            case "GET /api/v1/system/config/jwks":
                return new Answer(200, jwks());
            default:
                break;
        }
        if (!version.matches("^(1\\.(1[0-9]|[2-9][0-9])|[2-9])\\..*")) {
            return error(404, "HTTP 404 Not Found");
        }
        if (path.startsWith("/api/v1/system/settings/")) {
            return error(400, "Authentication and authorizer settings are managed through /v1/system/security");
        }
        if (!path.startsWith("/api/v1/system/security/")) {
            return error(404, "HTTP 404 Not Found");
        }
        Answer denied = authorize(authz);
        if (denied != null) {
            return denied;
        }
        switch (method + " " + path) {
            case "GET " + CONFIG:
                return new Answer(200, masked(stored));
            case "POST " + VALIDATE:
                return validate(body);
            case "PUT " + CONFIG:
                return put(body, fault);
            case "POST " + VALIDATE_TOKEN:
                return validateToken(body);
            case "PATCH " + CONFIG:
                return error(400, "This stand-in does not implement PATCH; the console must use PUT");
            default:
                return error(405, "HTTP 405 Method Not Allowed");
        }
    }

    private Answer authorize(String authz) {
        if (authz == null || !authz.startsWith("Bearer ")) {
            return error(401, "Not Authorized! Token not present");
        }
        String token = authz.substring("Bearer ".length());
        if (token.equals(botToken)) {
            return error(403, "Principal: ingestion-bot is not admin");
        }
        if (!token.equals(adminToken)) {
            return error(401, "Not Authorized! Token verification failed");
        }
        return null;
    }

    private Answer validate(byte[] body) {
        ObjectNode config = parse(body);
        if (config == null) {
            return new Answer(400, failed(List.<String[]>of(new String[] {"", "Body is not a JSON object"})));
        }
        List<String[]> errors = new ArrayList<>(schemaErrors(config));
        if (errors.isEmpty()) {
            errors.addAll(checks.run(config));
            if (mode == Mode.V2_0) {
                errors.addAll(TwoPointZeroRules.promptErrors(config));
            }
        }
        return new Answer(200, errors.isEmpty() ? JSON.createObjectNode().put("status", "success") : failed(errors));
    }

    private Answer put(byte[] body, Fault fault) {
        ObjectNode config = parse(body);
        if (config == null) {
            return error(400, "Unable to process JSON");
        }
        List<String[]> errors = schemaErrors(config);
        if (!errors.isEmpty()) {
            return new Answer(400, failed(errors));
        }
        if (fault != null && fault.kind() == Fault.Kind.STATUS) {
            // OpenMetadata rolls back to the previous configuration when the reload fails
            return switch (fault.status()) {
                case 409 -> error(409, "SETTINGS_MANAGED_BY_ENVIRONMENT");
                case 412 -> error(412, "Security configuration was modified concurrently");
                default -> error(fault.status(), "Failed to reload security configuration, rolled back");
            };
        }
        JsonNode auth = config.path("authenticationConfiguration");
        if ("confidential".equals(auth.path("clientType").asText()) && auth.path("publicKeyUrls").isEmpty()) {
            String jwks = checks.jwksUri(auth);
            if (jwks != null) {
                ((ObjectNode) auth).putArray("publicKeyUrls").add(jwks);
            }
        }
        stored = config;
        return new Answer(200, config);
    }

    private List<String[]> schemaErrors(ObjectNode config) {
        if (mode == Mode.V1_10) {
            return schema.errors(config);
        }
        List<String[]> errors = new ArrayList<>(schema20.errors(config));
        errors.addAll(TwoPointZeroRules.schemaErrors(config));
        return errors;
    }

    private Answer validateToken(byte[] body) {
        if (mode == Mode.V1_10) {
            return error(404, "HTTP 404 Not Found");
        }
        ObjectNode request = parse(body);
        if (request == null) {
            return error(400, "Unable to process JSON");
        }
        List<String[]> errors = tokenRequestSchema.errors(request);
        if (!errors.isEmpty()) {
            return new Answer(400, failed(errors));
        }
        return new Answer(200, testLogin.answer(request));
    }

    private JsonNode jwks() {
        // quirk (API.md): n and e as padded base64url with a leading zero byte
        ObjectNode key = JSON.createObjectNode();
        key.put("kty", "RSA").put("kid", servedKeyId)
                .put("n", padded(jwtKey.getModulus().decodeToBigInteger()))
                .put("e", padded(jwtKey.getPublicExponent().decodeToBigInteger()))
                .put("alg", "RS256").put("use", "sig");
        ObjectNode root = JSON.createObjectNode();
        root.putArray("keys").add(key);
        return root;
    }

    private static String padded(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] withZero = raw[0] == 0 ? raw : prependZero(raw);
        return Base64.getUrlEncoder().encodeToString(withZero);
    }

    private static byte[] prependZero(byte[] raw) {
        byte[] out = new byte[raw.length + 1];
        System.arraycopy(raw, 0, out, 1, raw.length);
        return out;
    }

    private static ObjectNode masked(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        JsonNode oidc = copy.path("authenticationConfiguration").path("oidcConfiguration");
        if (oidc instanceof ObjectNode o && o.hasNonNull("secret")) {
            o.put("secret", MASK);
        }
        JsonNode ldap = copy.path("authenticationConfiguration").path("ldapConfiguration");
        if (ldap instanceof ObjectNode l && l.hasNonNull("dnAdminPassword")) {
            l.put("dnAdminPassword", MASK);
        }
        return copy;
    }

    private static ObjectNode failed(List<String[]> errors) {
        ObjectNode root = JSON.createObjectNode().put("status", "failed");
        ArrayNode list = root.putArray("errors");
        errors.forEach(e -> list.addObject().put("field", e[0]).put("error", e[1]));
        return root;
    }

    private static Answer error(int status, String message) {
        return new Answer(status, JSON.createObjectNode().put("code", status).put("message", message));
    }

    private static ObjectNode parse(byte[] body) {
        try {
            return JSON.readTree(body) instanceof ObjectNode o ? o : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void drop(HttpExchange ex) {
        // closing the exchange before sendResponseHeaders makes the JDK server close the connection: no answer at all
        ex.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
