package dev.ssosetup.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.DiscoveryChecks;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.task.TaskContext;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Hostile discovery documents and key sets through the whole "Check provider" use case ({@link DiscoveryService} with
 * an in-memory {@link HttpGateway} that answers with the fuzzed bytes) and through {@link DiscoveryChecks} directly.
 * Seeds are a valid provider; mutations replace members with wrong types, odd numbers and strings, deep nesting and
 * huge values, damage the text, or send random bytes. Property: every input ends in a report (findings), within the
 * deadline, with no unchecked exception and no Java internals in any finding.
 */
class DiscoveryFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISSUER = "https://idp.example.com/realms/om";
    private static final String JWKS_URI = ISSUER + "/protocol/openid-connect/certs";
    private static final Map<String, Object> SEED = seed();
    private static final RSAKey RSA;
    private static final ECKey EC;

    static {
        try {
            RSA = new RSAKeyGenerator(2048).keyID("r1").keyUse(KeyUse.SIGNATURE).generate();
            EC = new ECKeyGenerator(Curve.P_256).keyID("e1").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> seed() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", ISSUER);
        doc.put("authorization_endpoint", ISSUER + "/protocol/openid-connect/auth");
        doc.put("token_endpoint", ISSUER + "/protocol/openid-connect/token");
        doc.put("userinfo_endpoint", ISSUER + "/protocol/openid-connect/userinfo");
        doc.put("end_session_endpoint", ISSUER + "/protocol/openid-connect/logout");
        doc.put("jwks_uri", JWKS_URI);
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256", "ES256"));
        doc.put("scopes_supported", List.of("openid", "email", "profile"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("claims_supported", List.of("sub", "iss", "email", "preferred_username"));
        doc.put("code_challenge_methods_supported", List.of("plain", "S256"));
        doc.put("authorization_response_iss_parameter_supported", true);
        return doc;
    }

    private static String validJwks() {
        return new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString();
    }

    /** Serialises {@code doc} with the members in {@code raw} replaced by raw JSON text (possibly invalid). */
    private static String withRawMembers(Map<String, Object> doc, Map<String, String> raw) {
        List<String> parts = new ArrayList<>();
        try {
            for (var e : doc.entrySet()) {
                String value = raw.containsKey(e.getKey()) ? raw.get(e.getKey()) : JSON.writeValueAsString(e.getValue());
                parts.add(Hostile.quote(e.getKey()) + ":" + value);
            }
            for (var e : raw.entrySet()) {
                if (!doc.containsKey(e.getKey())) {
                    parts.add(Hostile.quote(e.getKey()) + ":" + e.getValue());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return "{" + String.join(",", parts) + "}";
    }

    private static Arbitrary<String> memberNames() {
        List<String> names = new ArrayList<>(SEED.keySet());
        names.addAll(List.of("revocation_endpoint", "introspection_endpoint", "registration_endpoint", "keys", ""));
        return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.strings().all().ofMaxLength(12));
    }

    @Provide
    Arbitrary<String> mutatedDocuments() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Hostile.jsonValues(2)),
                net.jqwik.api.Tuple.of(1, Hostile.hugeString()));
        Arbitrary<Map<String, String>> raws = Arbitraries.maps(memberNames(), value).ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> replaced = raws.map(r -> withRawMembers(SEED, r));
        String valid = withRawMembers(SEED, Map.of());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, replaced),
                net.jqwik.api.Tuple.of(3, Hostile.damaged(valid)),
                net.jqwik.api.Tuple.of(1, Hostile.jsonValues(3)),
                net.jqwik.api.Tuple.of(1, Hostile.deepNesting()));
    }

    @Provide
    Arbitrary<String> mutatedKeySets() {
        Map<String, Object> rsa = new LinkedHashMap<>(RSA.toPublicJWK().toJSONObject());
        Map<String, Object> ec = new LinkedHashMap<>(EC.toPublicJWK().toJSONObject());
        Arbitrary<String> memberName = Arbitraries.oneOf(
                Arbitraries.of("kty", "n", "e", "crv", "x", "y", "d", "p", "q", "k", "use", "alg", "kid", "key_ops",
                        "x5c", "x5t", "x5t#S256", "x5u", "exp", "nbf", "iat"),
                Arbitraries.strings().all().ofMaxLength(6));
        Arbitrary<String> value = Arbitraries.oneOf(Hostile.jsonValues(2),
                Arbitraries.of("\"RSA\"", "\"EC\"", "\"OKP\"", "\"oct\"", "\"P-256\"", "\"P-521\"", "\"Ed25519\"",
                        "\"X25519\"", "\"secp256k1\"", "\"sig\"", "\"enc\"", "\"none\"", "\"HS256\"", "\"AQAB\"",
                        "\"AA\"", "\"\"", "[\"MIIB\"]", "[\"not base64!\"]", "[\"sign\",\"verify\",\"sign\"]"),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                        .ofMaxLength(700).map(Hostile::quote));
        Arbitrary<String> key = Combinators.combine(Arbitraries.of(rsa, ec),
                Arbitraries.maps(memberName, value).ofMinSize(1).ofMaxSize(4)).as(DiscoveryFuzzTest::withRawMembers);
        Arbitrary<String> keySet = key.list().ofMinSize(0).ofMaxSize(4)
                .map(keys -> "{\"keys\":[" + String.join(",", keys) + "]}");
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, keySet),
                net.jqwik.api.Tuple.of(2, Hostile.damaged(validJwks())),
                net.jqwik.api.Tuple.of(1, Hostile.jsonValues(2).map(v -> "{\"keys\":" + v + "}")),
                net.jqwik.api.Tuple.of(1, Hostile.jsonValues(3)));
    }

    @Provide
    Arbitrary<String> algorithms() {
        return Arbitraries.oneOf(Arbitraries.of("RS256", "RS512", "PS256", "ES256", "ES384", "ES512", "EdDSA",
                "Ed25519", "HS256", "none", ""), Arbitraries.strings().all().ofMaxLength(10));
    }

    private static HttpGateway serving(byte[] discovery, byte[] jwks, int status, Map<String, List<String>> headers) {
        return request -> new HttpExchange.Response(request.uri(),
                request.uri().toString().endsWith("openid-configuration") ? status : 200, headers,
                request.uri().toString().endsWith("openid-configuration") ? discovery : jwks, Instant.now());
    }

    private static void assertClean(DiscoveryReport report, String input) {
        assertNotNull(report, "a report for every input");
        for (Finding f : report.findings()) {
            Hostile.assertNoStackTrace(En.text(f.message()), input);
            Hostile.assertNoStackTrace(En.text(f.hint()), input);
            assertFalse(En.text(f.message()).isBlank(), "a finding says what was found: " + f.id());
        }
    }

    private static DiscoveryReport check(HttpGateway gateway, DiscoveryRequest request, String input) {
        DiscoveryService service = new DiscoveryService(gateway, HttpExchange.Limits.DEFAULT,
                Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        DiscoveryReport report = Hostile.run(input, () -> service.check(request, TaskContext.none())).valueOrFail(input);
        assertClean(report, input);
        return report;
    }

    @Property(tries = 300)
    void mutatedDiscoveryDocumentsEndInFindings(@ForAll("mutatedDocuments") String doc) {
        byte[] body = doc.getBytes(StandardCharsets.UTF_8);
        check(serving(body, validJwks().getBytes(StandardCharsets.UTF_8), 200,
                Map.of("Content-Type", List.of("application/json"))), DiscoveryRequest.forIssuer(ISSUER), doc);
    }

    @Property(tries = 300)
    void mutatedKeySetsEndInFindings(@ForAll("mutatedKeySets") String jwks, @ForAll("algorithms") String alg) {
        String input = jwks + " alg=" + alg;
        List<Finding> findings = Hostile.run(input, () -> DiscoveryChecks.jwks(jwks, alg)).valueOrFail(input);
        for (Finding f : findings) {
            Hostile.assertNoStackTrace(En.text(f.message()), input);
            Hostile.assertNoStackTrace(En.text(f.hint()), input);
        }
        // and through the service, with the document asking for that algorithm
        DiscoveryRequest request = new DiscoveryRequest(ISSUER, "", List.of("openid"), alg, List.of("email"),
                Optional.of(ClientAuthMethod.CLIENT_SECRET_BASIC), "");
        check(serving(withRawMembers(SEED, Map.of()).getBytes(StandardCharsets.UTF_8),
                jwks.getBytes(StandardCharsets.UTF_8), 200, Map.of()), request, input);
    }

    @Property(tries = 300)
    void randomBytesStatusesAndHeadersEndInFindings(@ForAll byte[] discovery, @ForAll byte[] jwks,
                                                     @ForAll("statuses") int status,
                                                     @ForAll("dateHeaders") String date,
                                                     @ForAll("contentTypes") String type) {
        String input = "status=" + status + " date=" + date + " type=" + type + " bytes=" + discovery.length;
        DiscoveryReport report = check(serving(discovery, jwks, status,
                Map.of("Date", List.of(date), "Content-Type", List.of(type), "Location", List.of(date))),
                DiscoveryRequest.forIssuer(ISSUER), input);
        assertFalse(report.findings().isEmpty() && status != 200, "a failed fetch is reported: " + input);
    }

    @Property(tries = 300)
    void operatorFieldsOfAnyShapeEndInFindings(@ForAll("urls") String issuer, @ForAll("urls") String discoveryUrl,
                                              @ForAll("words") List<String> scopes, @ForAll("algorithms") String alg,
                                              @ForAll("words") List<String> claims, @ForAll("urls") String callback) {
        String input = issuer + " | " + discoveryUrl + " | " + scopes + " | " + alg + " | " + claims + " | " + callback;
        DiscoveryRequest request = Hostile.run(input, () -> new DiscoveryRequest(issuer, discoveryUrl, scopes, alg,
                claims, Optional.of(ClientAuthMethod.CLIENT_SECRET_POST), callback)).valueOrFail(input);
        Map<String, Object> doc = new LinkedHashMap<>(SEED);
        doc.put("issuer", issuer);
        try {
            check(serving(JSON.writeValueAsBytes(doc), validJwks().getBytes(StandardCharsets.UTF_8), 200, Map.of()),
                    request, input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(Arbitraries.of(200, 204, 301, 302, 307, 400, 401, 403, 404, 429, 500, 502, 503),
                Arbitraries.integers().between(-1, 999));
    }

    @Provide
    Arbitrary<String> dateHeaders() {
        return Arbitraries.oneOf(Arbitraries.of("Thu, 01 Jan 2026 00:00:00 GMT", "Mon, 31 Dec 2029 23:59:59 GMT",
                "Sun, 06 Nov 1994 08:49:37 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT",
                "yesterday", "", "Thu, 32 Jan 2026 00:00:00 GMT", "Thu, 01 Jan 2026 00:00:00 +9999"),
                Arbitraries.strings().all().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of("application/json", "text/html; charset=iso-8859-1",
                "application/jwk-set+json", ""), Arbitraries.strings().all().ofMaxLength(30));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(
                Arbitraries.of(ISSUER, ISSUER + "/", "http://127.0.0.1:1/x", "https://{tenant}/v2.0", "https://",
                        "https://[::1", "https://user:pass@idp.example.com", "file:///etc/passwd",
                        "javascript:alert(1)", "https://idp.example.com:99999/", "https://idp.example.com/%zz",
                        "https://xn--80ak6aa92e.com/", "https://\u0000/", "   ", ""),
                Arbitraries.strings().all().ofMaxLength(50),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> "https://" + s));
    }

    @Provide
    Arbitrary<List<String>> words() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(15), Arbitraries.of("openid", "email"))
                .list().ofMaxSize(5);
    }

    /** The same URIs that the service builds from hostile members never reach the wire unparsed. */
    @Property(tries = 200)
    void hostileJwksUriIsNamedNotFetchedBlindly(@ForAll("urls") String jwksUri) {
        Map<String, Object> doc = new LinkedHashMap<>(SEED);
        doc.put("jwks_uri", jwksUri);
        List<URI> asked = new ArrayList<>();
        HttpGateway gateway = request -> {
            synchronized (asked) {
                asked.add(request.uri());
            }
            return serving(withRawMembers(doc, Map.of()).getBytes(StandardCharsets.UTF_8),
                    validJwks().getBytes(StandardCharsets.UTF_8), 200, Map.of()).send(request);
        };
        check(gateway, DiscoveryRequest.forIssuer(ISSUER), jwksUri);
        for (URI u : asked) {
            String scheme = String.valueOf(u.getScheme());
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new AssertionError("fetched a non-http URI " + u + " for jwks_uri " + Hostile.shorten(jwksUri));
            }
        }
    }
}
