package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks OpenMetadata 1.10/1.11 runs on validate (API.md, "What the server checks"), including fetching the
 * discovery document and the JWKS. Unlike the real server it allows loopback addresses, so tests can point it at an
 * embedded mock-oauth2-server.
 */
final class SecurityChecks {
    static final Set<String> OIDC_PROVIDERS = Set.of("google", "okta", "auth0", "azure", "aws-cognito", "custom-oidc");
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** Field errors as {field, error}. */
    List<String[]> run(JsonNode body) {
        List<String[]> errors = new ArrayList<>();
        JsonNode auth = body.path("authenticationConfiguration");
        JsonNode authz = body.path("authorizerConfiguration");
        String a = "authenticationConfiguration.";
        String provider = auth.path("provider").asText("");
        if (provider.isEmpty()) {
            errors.add(new String[] {a + "provider", "Provider is required"});
        }
        if (auth.path("providerName").asText("").isBlank()) {
            errors.add(new String[] {a + "providerName", "Provider name must not be empty"});
        }
        if (!auth.path("jwtPrincipalClaims").isArray() || auth.path("jwtPrincipalClaims").isEmpty()) {
            errors.add(new String[] {a + "jwtPrincipalClaims", "JWT principal claims must not be empty"});
        }
        checkMapping(auth.path("jwtPrincipalClaimsMapping"), errors);
        if (OIDC_PROVIDERS.contains(provider)) {
            for (String f : List.of("authority", "callbackUrl", "clientId")) {
                if (auth.path(f).asText("").isBlank()) {
                    errors.add(new String[] {a + f, f + " is required for OIDC providers"});
                }
            }
            boolean confidential = "confidential".equals(auth.path("clientType").asText("public"));
            JsonNode keys = auth.path("publicKeyUrls");
            if (!confidential && (!keys.isArray() || keys.isEmpty())) {
                errors.add(new String[] {a + "publicKeyUrls", "Public key URLs are required for public clients"});
            }
            JsonNode oidc = auth.path("oidcConfiguration");
            if (confidential) {
                if (!oidc.isObject()) {
                    errors.add(new String[] {a + "oidcConfiguration",
                            "OIDC configuration is required for confidential clients"});
                } else {
                    for (String f : List.of("id", "secret")) {
                        if (oidc.path(f).asText("").isBlank()) {
                            errors.add(new String[] {a + "oidcConfiguration." + f, f + " is required"});
                        }
                    }
                    if (oidc.path("discoveryUri").asText("").isBlank() && oidc.path("serverUrl").asText("").isBlank()) {
                        errors.add(new String[] {a + "oidcConfiguration.discoveryUri",
                                "Discovery URI (or server URL) is required"});
                    }
                }
            }
            if (errors.isEmpty()) {
                checkDiscovery(auth, oidc, errors);
            }
        }
        String z = "authorizerConfiguration.";
        if (!authz.path("adminPrincipals").isArray() || authz.path("adminPrincipals").isEmpty()) {
            errors.add(new String[] {z + "adminPrincipals", "At least one admin principal is required"});
        }
        if (authz.path("principalDomain").asText("").isBlank()) {
            errors.add(new String[] {z + "principalDomain", "Principal domain must not be empty"});
        }
        if (!"org.openmetadata.service.security.DefaultAuthorizer".equals(authz.path("className").asText())) {
            errors.add(new String[] {z + "className", "Class " + authz.path("className").asText() + " not found"});
        }
        return errors;
    }

    /** The discovery document's {@code jwks_uri}, or null when it cannot be read. */
    String jwksUri(JsonNode auth) {
        try {
            return fetch(discoveryUrl(auth, auth.path("oidcConfiguration"))).path("jwks_uri").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    private void checkMapping(JsonNode mapping, List<String[]> errors) {
        if (!mapping.isArray() || mapping.isEmpty()) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (JsonNode m : mapping) {
            String[] kv = m.asText().split(":", 2);
            if (kv.length != 2 || kv[1].isBlank() || !(kv[0].equals("username") || kv[0].equals("email"))) {
                errors.add(new String[] {"authenticationConfiguration.jwtPrincipalClaimsMapping",
                        "Entries must be username:<claim> or email:<claim>, was " + m.asText()});
                return;
            }
            keys.add(kv[0]);
        }
        if (keys.size() != 2) {
            errors.add(new String[] {"authenticationConfiguration.jwtPrincipalClaimsMapping",
                    "Both username and email must be mapped"});
        }
    }

    private static String discoveryUrl(JsonNode auth, JsonNode oidc) {
        String d = oidc.path("discoveryUri").asText("");
        if (!d.isBlank()) {
            return d;
        }
        String authority = auth.path("authority").asText("");
        return (authority.endsWith("/") ? authority.substring(0, authority.length() - 1) : authority)
                + "/.well-known/openid-configuration";
    }

    private void checkDiscovery(JsonNode auth, JsonNode oidc, List<String[]> errors) {
        String a = "authenticationConfiguration.";
        String url = discoveryUrl(auth, oidc);
        String field = oidc.isObject() && !oidc.path("discoveryUri").asText("").isBlank()
                ? a + "oidcConfiguration.discoveryUri" : a + "authority";
        JsonNode doc;
        try {
            doc = fetch(url);
        } catch (Exception e) {
            errors.add(new String[] {field, "Failed to fetch discovery document from " + url + ": " + e.getMessage()});
            return;
        }
        for (String f : List.of("issuer", "token_endpoint", "jwks_uri")) {
            if (doc.path(f).asText("").isBlank()) {
                errors.add(new String[] {field, "Discovery document has no " + f});
            }
        }
        if (oidc.isObject()) {
            Set<String> supported = texts(doc.path("scopes_supported"));
            for (String scope : oidc.path("scope").asText("openid email profile").split("\\s+")) {
                if (!supported.isEmpty() && !supported.contains(scope)) {
                    errors.add(new String[] {a + "oidcConfiguration.scope", "Scope " + scope + " is not supported"});
                }
            }
            String alg = oidc.path("preferredJwsAlgorithm").asText("RS256");
            if (!texts(doc.path("id_token_signing_alg_values_supported")).contains(alg)) {
                errors.add(new String[] {a + "oidcConfiguration.preferredJwsAlgorithm",
                        "Algorithm " + alg + " is not supported by the provider"});
            }
        }
        String responseType = oidc.isObject() ? oidc.path("responseType").asText("code")
                : auth.path("responseType").asText("id_token");
        if (!texts(doc.path("response_types_supported")).contains(responseType)) {
            errors.add(new String[] {a + "responseType", "Response type " + responseType + " is not supported"});
        }
        String jwks = doc.path("jwks_uri").asText("");
        if (jwks.isBlank()) {
            return;
        }
        if (!keysAt(jwks)) {
            errors.add(new String[] {a + "publicKeyUrls", "JWKS at " + jwks + " has no keys"});
        }
        JsonNode urls = auth.path("publicKeyUrls");
        if (urls.isArray() && !urls.isEmpty()) {
            if (!texts(urls).contains(jwks)) {
                errors.add(new String[] {a + "publicKeyUrls", "publicKeyUrls must contain the provider's jwks_uri "
                        + jwks});
            }
            for (JsonNode u : urls) {
                if (!keysAt(u.asText())) {
                    errors.add(new String[] {a + "publicKeyUrls", "No keys at " + u.asText()});
                }
            }
        }
    }

    private boolean keysAt(String url) {
        try {
            JsonNode keys = fetch(url).path("keys");
            return keys.isArray() && !keys.isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private JsonNode fetch(String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
