package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/system/security/test-login/validate-token} as API-2.0.md describes OpenMetadata 2.0's code (PR
 * #28780): a fresh JWT filter from the candidate's {@code publicKeyUrls} validates the token (stage
 * TOKEN_VALIDATED), the user name and email are resolved with {@code jwtPrincipalClaimsMapping} or the
 * {@code jwtPrincipalClaims} order and {@code principalDomain} (CLAIMS_EXTRACTED), the domain rules are applied
 * (DOMAIN_CHECKED). Outcomes are HTTP 200 with {@code status} success or failed. {@code enforcePrincipalDomain} and
 * {@code useRolesFromProvider} are unboxed: a missing one fails the test, as in the real server. No side effect.
 */
final class TestLoginEndpoint {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> tokensSeen = new ArrayList<>();

    /** Every ID token received (so tests can check that the console sent the login test's one). */
    synchronized List<String> tokensSeen() {
        return List.copyOf(tokensSeen);
    }

    ObjectNode answer(JsonNode request) {
        String idToken = request.path("idToken").asText("");
        synchronized (this) {
            tokensSeen.add(idToken);
        }
        JsonNode config = request.path("securityConfiguration");
        JsonNode auth = config.path("authenticationConfiguration");
        JsonNode authz = config.path("authorizerConfiguration");
        JWTClaimsSet claims;
        try {
            claims = validate(idToken, auth);
        } catch (Exception e) {
            return failed("TOKEN_VALIDATED", "Token validation failed: " + e.getMessage());
        }
        String principalDomain = authz.path("principalDomain").asText("");
        Map<String, String> mapping = new LinkedHashMap<>();
        auth.path("jwtPrincipalClaimsMapping").forEach(m -> {
            String[] kv = m.asText().split(":", 2);
            if (kv.length == 2) {
                mapping.put(kv[0], kv[1]);
            }
        });
        String userName;
        String email;
        try {
            if (!mapping.isEmpty()) {
                userName = string(claims, mapping.get("username"));
                email = string(claims, mapping.get("email"));
                if (userName == null || email == null) {
                    throw new IllegalStateException("Claims " + mapping.values() + " not present in the token");
                }
                userName = userName.contains("@") ? userName.substring(0, userName.indexOf('@')) : userName;
            } else {
                String value = null;
                for (JsonNode c : auth.path("jwtPrincipalClaims")) {
                    value = string(claims, c.asText());
                    if (value != null) {
                        break;
                    }
                }
                if (value == null) {
                    throw new IllegalStateException("None of the principal claims " + auth.path("jwtPrincipalClaims")
                            + " is in the token");
                }
                userName = value.contains("@") ? value.substring(0, value.indexOf('@')) : value;
                email = value.contains("@") ? value : userName + "@" + principalDomain;
            }
        } catch (RuntimeException e) {
            return failed("CLAIMS_EXTRACTED", "Could not resolve the identity: " + e.getMessage());
        }
        ObjectNode out = JSON.createObjectNode();
        JsonNode enforcedNode = authz.get("enforcePrincipalDomain");
        JsonNode rolesNode = authz.get("useRolesFromProvider");
        if (enforcedNode == null || enforcedNode.isNull() || rolesNode == null || rolesNode.isNull()) {
            // the real code unboxes both Boolean fields
            return failed("CLAIMS_EXTRACTED", "Unexpected error: Cannot invoke \"java.lang.Boolean.booleanValue()\"");
        }
        boolean enforced = enforcedNode.asBoolean();
        String resolvedDomain = email.contains("@") ? email.substring(email.indexOf('@') + 1) : "";
        Set<String> allowed = new java.util.HashSet<>();
        allowed.add(principalDomain);
        authz.path("allowedDomains").forEach(d -> allowed.add(d.asText()));
        boolean passed = !enforced || allowed.contains(resolvedDomain);
        out.put("status", passed ? "success" : "failed");
        out.put("stage", "DOMAIN_CHECKED");
        out.put("resolvedPrincipal", userName);
        out.put("resolvedEmail", email);
        ArrayNode roles = out.putArray("mappedRoles");
        if (rolesNode.asBoolean()) {
            Object r = claims.getClaim("roles");
            if (r instanceof List<?> list) {
                list.forEach(x -> roles.add(String.valueOf(x)));
            }
        }
        ArrayNode teams = out.putArray("mappedTeams");
        String teamClaim = auth.path("jwtTeamClaimMapping").asText("");
        if (!teamClaim.isEmpty()) {
            Object t = claims.getClaim(teamClaim);
            if (t instanceof List<?> list) {
                list.forEach(x -> teams.add(String.valueOf(x)));
            } else if (t != null) {
                teams.add(String.valueOf(t));
            }
        }
        out.putObject("domainCheck").put("enforced", enforced).put("principalDomain", principalDomain)
                .put("resolvedDomain", resolvedDomain).put("passed", passed);
        if (!passed) {
            out.putArray("errors").add("The resolved identity does not satisfy the configured principal-domain rules.");
        }
        return out;
    }

    private JWTClaimsSet validate(String idToken, JsonNode auth) throws Exception {
        List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>();
        for (JsonNode url : auth.path("publicKeyUrls")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url.asText()))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Unable to fetch keys from " + url.asText() + ": HTTP "
                        + r.statusCode());
            }
            keys.addAll(JWKSet.parse(r.body()).getKeys());
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        String alg = auth.path("tokenValidationAlgorithm").asText("RS256");
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(alg),
                new ImmutableJWKSet<>(new JWKSet(keys))));
        processor.setJWTClaimsSetVerifier((claims, ctx) -> {
            if (claims.getExpirationTime() == null || claims.getExpirationTime().getTime()
                    < System.currentTimeMillis()) {
                throw new com.nimbusds.jwt.proc.BadJWTException("Expired token");
            }
        });
        return processor.process(idToken, null);
    }

    private static String string(JWTClaimsSet claims, String name) {
        if (name == null) {
            return null;
        }
        Object v = claims.getClaim(name);
        return v == null ? null : String.valueOf(v);
    }

    private static ObjectNode failed(String stage, String error) {
        ObjectNode out = JSON.createObjectNode().put("status", "failed").put("stage", stage);
        out.putArray("mappedRoles");
        out.putArray("mappedTeams");
        out.putArray("errors").add(error);
        return out;
    }
}
