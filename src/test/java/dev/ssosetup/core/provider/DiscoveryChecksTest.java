package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Finding;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.ssosetup.testsupport.En;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure checks on their own: clock skew, JSON parsing, the report's accessors. */
class DiscoveryChecksTest {

    @Test
    void clockSkewBeyondSixtySecondsEitherWay() {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        assertTrue(DiscoveryChecks.clockSkew(Optional.of("Sun, 29 Nov 2026 10:00:59 GMT"), now).isEmpty());
        Finding ahead = DiscoveryChecks.clockSkew(Optional.of("Sun, 29 Nov 2026 10:02:00 GMT"), now).orElseThrow();
        assertTrue(En.text(ahead.message()).contains("120 s ahead"), En.text(ahead.message()));
        Finding behind = DiscoveryChecks.clockSkew(Optional.of("Sun, 29 Nov 2026 09:58:59 GMT"), now).orElseThrow();
        assertTrue(En.text(behind.message()).contains("61 s behind"), En.text(behind.message()));
        assertTrue(DiscoveryChecks.clockSkew(Optional.of("yesterday"), now).isEmpty(), "unparseable: no claim");
        assertTrue(DiscoveryChecks.clockSkew(Optional.empty(), now).isEmpty());
    }

    @Test
    void onlyAJsonObjectIsADocument() {
        assertTrue(DiscoveryChecks.jsonObject("[1,2]").isEmpty());
        assertTrue(DiscoveryChecks.jsonObject("<html>").isEmpty());
        assertTrue(DiscoveryChecks.jsonObject("").isEmpty());
        assertEquals(List.of("b", "a"), List.copyOf(DiscoveryChecks.jsonObject("{\"b\":1,\"a\":2}").orElseThrow()
                .keySet()));
    }

    @Test
    void aMemberOfTheWrongTypeIsReportedNotThrown() {
        Map<String, Object> doc = new java.util.LinkedHashMap<>(Map.of("issuer", "https://i",
                "authorization_endpoint", "https://i/a", "token_endpoint", "https://i/t", "jwks_uri", "https://i/k",
                "response_types_supported", "code", "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256")));
        List<Finding> findings = DiscoveryChecks.metadata(DiscoveryRequest.forIssuer("https://i"), doc);
        assertTrue(findings.stream().anyMatch(f -> f.id().equals("missing-metadata") && f.isError()), findings::toString);
    }

    @Test
    void theReportIsImmutableAndAnswersWhatLaterStepsNeed() {
        Map<String, Object> meta = new java.util.LinkedHashMap<>();
        meta.put("issuer", "https://i");
        meta.put("jwks_uri", "https://i/keys");
        meta.put("authorization_response_iss_parameter_supported", true);
        meta.put("scopes_supported", new java.util.ArrayList<>(List.of("openid")));
        DiscoveryReport r = new DiscoveryReport("https://i", "https://i/.well-known/openid-configuration",
                List.of(Finding.warning("pkce-s256", En.words("m"), En.words("h"))), meta);
        assertEquals(Optional.of("https://i/keys"), r.jwksUri());
        assertTrue(r.issParameterSupported());
        assertFalse(r.hasErrors());
        assertTrue(r.isFor("https://i", "https://i/.well-known/openid-configuration"));
        assertFalse(r.isFor("https://i/", "https://i/.well-known/openid-configuration"));
        assertThrows(UnsupportedOperationException.class,
                () -> ((List<Object>) r.metadata().get("scopes_supported")).add("x"));
    }

    @Test
    void aConfidentialClientIsCheckedAgainstTheDefaultAuthMethodWhenNoneIsListed() {
        Map<String, Object> doc = Map.of("token_endpoint", "https://i/t");
        DiscoveryRequest post = new DiscoveryRequest("https://i", "", List.of(), "RS256", List.of(),
                Optional.of(ClientAuthMethod.CLIENT_SECRET_POST), "");
        assertTrue(DiscoveryChecks.metadata(post, doc).stream().anyMatch(f -> f.id().equals("auth-method-unsupported")));
        DiscoveryRequest basic = new DiscoveryRequest("https://i", "", List.of(), "RS256", List.of(),
                Optional.of(ClientAuthMethod.CLIENT_SECRET_BASIC), "");
        assertFalse(DiscoveryChecks.metadata(basic, doc).stream()
                .anyMatch(f -> f.id().equals("auth-method-unsupported")));
    }
}
