package dev.ssosetup.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conformance checks of the Provider step as pure functions over what was fetched. Each returns findings with a
 * stable id, a severity, what was found (naming the value) and how to fix it. The checks read the raw JSON, so a
 * missing or malformed member becomes a finding instead of an exception.
 */
public final class DiscoveryChecks {
    /** Members every OpenID provider must publish (OpenID Connect Discovery 1.0, section 3). */
    public static final List<String> REQUIRED = List.of("issuer", "authorization_endpoint", "token_endpoint",
            "jwks_uri", "response_types_supported", "subject_types_supported",
            "id_token_signing_alg_values_supported");
    /** Members that hold URLs the browser, OpenMetadata or this tool will call. */
    public static final List<String> ENDPOINTS = List.of("issuer", "authorization_endpoint", "token_endpoint",
            "jwks_uri", "userinfo_endpoint", "end_session_endpoint", "revocation_endpoint",
            "introspection_endpoint", "registration_endpoint");
    /** OpenMetadata compares {@code exp} without leeway: more than this between clocks is worth a warning. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscoveryChecks() {
    }

    /** {@code placeholder}: the issuer or discovery URL still holds a template part. */
    public static List<Finding> placeholders(DiscoveryRequest request) {
        List<Finding> out = new ArrayList<>();
        placeholder(out, "issuer", request.issuer());
        if (!request.discoveryUrl().equals(ProviderSettings.discoveryUrlFor(request.issuer()))) {
            placeholder(out, "discovery URL", request.discoveryUrl());
        }
        return out;
    }

    private static void placeholder(List<Finding> out, String what, String url) {
        List<String> found = Placeholders.find(url);
        if (!found.isEmpty()) {
            out.add(Finding.error("placeholder", "The " + what + " \"" + url + "\" still holds the placeholder "
                    + String.join(", ", found) + ".", "Replace " + String.join(", ", found)
                    + " with your provider's real value (see the preset's note)."));
        }
    }

    /** {@code callback-insecure}: OpenMetadata's callback is plain http on a host other than this machine. */
    public static List<Finding> callback(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            return List.of();
        }
        Optional<URI> u = Urls.parseHttp(callbackUrl);
        if (u.isPresent() && !Urls.isHttps(u.get()) && !Urls.isLoopback(u.get())) {
            return List.of(Finding.warning("callback-insecure", "The callback URL " + callbackUrl
                    + " is plain http: authorization codes would travel unencrypted, and many providers refuse to "
                    + "register it.", "Serve OpenMetadata over https and use its https address as the server URL."));
        }
        return List.of();
    }

    /** {@code unreachable}, {@code timeout}, {@code tls}, {@code too-large} for a request that got no answer. */
    public static Finding transport(HttpFailure failure, String what) {
        String host = failure.host();
        String raw = failure.getMessage() == null ? "no answer" : failure.getMessage().strip();
        String cause = raw.endsWith(".") || raw.endsWith("?") || raw.endsWith("!") ? raw : raw + ".";
        return switch (failure.kind()) {
            case TIMEOUT -> Finding.error("timeout", "The " + what + " at " + host + " did not arrive in time: "
                    + cause, "Check that " + host + " is the right host and reachable from this machine "
                    + "(VPN, firewall, proxy settings HTTPS_PROXY/NO_PROXY).");
            case TLS -> Finding.error("tls", "The secure connection to " + host + " for the " + what + " failed: "
                    + cause, "If the provider uses a private CA, add its certificate as a CA bundle (PEM); "
                    + "otherwise fix the server's certificate.");
            case TOO_LARGE -> Finding.error("too-large", "The " + what + " from " + host + " is too large: " + cause,
                    "Check that the URL points at the " + what + " and not at a large page or file.");
            case UNREACHABLE, BAD_URL, BAD_REQUEST, CANCELLED -> Finding.error("unreachable", "The " + what + " could not be "
                    + "fetched from " + host + ": " + cause, "Check the URL, that the provider is running, "
                    + "and the network path (VPN, firewall, proxy settings HTTPS_PROXY/NO_PROXY).");
        };
    }

    /** A response that is not a 200: a redirect (never followed silently) or an error status. */
    public static Optional<Finding> status(HttpExchange.Response response, String what, String findingId) {
        if (response.isSuccess()) {
            return Optional.empty();
        }
        String host = response.uri().getHost();
        int code = response.status();
        if (code >= 300 && code < 400) {
            String to = response.header("Location").orElse("(no Location)");
            return Optional.of(Finding.error(findingId, "The " + what + " at " + response.uri() + " redirects ("
                    + code + ") to " + to + "; redirects are not followed.",
                    "Use the final URL directly, after checking that it belongs to your provider."));
        }
        return Optional.of(Finding.error(findingId, host + " answered HTTP " + code + " for the " + what + " at "
                + response.uri() + ".", code == 404
                ? "Check the issuer's path (realm, tenant, authorization server): the document is not there."
                : "Check the URL and the provider's state."));
    }

    /** The body as a JSON object (member order kept), or empty when it is not one. */
    public static Optional<Map<String, Object>> jsonObject(String body) {
        try {
            Object parsed = JSON.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), v));
                return Optional.of(out);
            }
            return Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** {@code not-json}: the answer is not a JSON object. */
    public static Finding notJson(HttpExchange.Response response, String what) {
        String type = response.header("Content-Type").orElse("no content type");
        String start = response.bodyText().strip();
        start = start.length() > 60 ? start.substring(0, 60) + "…" : start;
        return Finding.error("not-json", "The " + what + " at " + response.uri() + " is not a JSON object ("
                + type + (start.isEmpty() ? ", empty" : ", starts with \"" + start.replace('\n', ' ') + "\"") + ").",
                "Check the URL: it should end with /.well-known/openid-configuration under the issuer; a login "
                        + "page or a proxy's error page means the wrong host or path.");
    }

    /** All checks on the discovery document itself. */
    public static List<Finding> metadata(DiscoveryRequest request, Map<String, Object> doc) {
        List<Finding> out = new ArrayList<>();
        issuer(out, request.issuer(), doc);
        List<String> missing = REQUIRED.stream().filter(k -> isAbsent(doc.get(k))).toList();
        if (!missing.isEmpty()) {
            out.add(Finding.error("missing-metadata", "The discovery document lacks " + String.join(", ", missing)
                    + ".", "This is not a complete OpenID provider configuration: check the URL, or configure the "
                    + "provider to publish " + String.join(", ", missing) + "."));
        } else {
            nimbusParse(doc).ifPresent(out::add);
        }
        endpoints(out, doc);
        responseTypes(out, request.responseType(), doc);
        if (request.responseType() == ResponseType.CODE) {
            pkce(out, doc);
        }
        scopes(out, request.scopes(), doc);
        algorithm(out, request.algorithm(), doc);
        request.clientAuthMethod().ifPresent(m -> authMethod(out, m, doc));
        claims(out, request.principalClaims(), doc);
        return out;
    }

    private static boolean isAbsent(Object v) {
        return v == null || v instanceof String s && s.isBlank() || v instanceof List<?> l && l.isEmpty();
    }

    private static Optional<Finding> nimbusParse(Map<String, Object> doc) {
        try {
            OIDCProviderMetadata.parse(JSONObjectUtils.parse(JSON.writeValueAsString(doc)));
            return Optional.empty();
        } catch (ParseException | JsonProcessingException | RuntimeException e) {
            return Optional.of(Finding.error("missing-metadata", "The discovery document does not parse as "
                    + "OpenID provider metadata: " + dev.ssosetup.core.common.LibraryText.plain(e.getMessage()), "Fix the provider's configuration so that each "
                    + "member has the type the OpenID Connect Discovery specification requires."));
        }
    }

    private static void issuer(List<Finding> out, String expected, Map<String, Object> doc) {
        if (!(doc.get("issuer") instanceof String actual) || actual.isBlank()) {
            return; // reported as missing-metadata
        }
        if (actual.equals(expected)) {
            return;
        }
        String a = strip(actual);
        String e = strip(expected);
        if (a.equals(e)) {
            out.add(Finding.error("issuer-mismatch", "The issuer differs only by a trailing slash: the provider says "
                    + "\"" + actual + "\", the form says \"" + expected + "\".", "Set the issuer to exactly \""
                    + actual + "\" (OpenMetadata compares the iss claim character by character)."));
        } else {
            out.add(Finding.error("issuer-mismatch", "The provider says its issuer is \"" + actual + "\", not \""
                    + expected + "\".", "Set the issuer to \"" + actual + "\" if that is your provider, or fix the "
                    + "discovery URL."));
        }
    }

    private static String strip(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void endpoints(List<Finding> out, Map<String, Object> doc) {
        List<String> insecure = new ArrayList<>();
        List<String> loopback = new ArrayList<>();
        java.util.Set<String> loopbackHosts = new java.util.LinkedHashSet<>();
        for (String name : ENDPOINTS) {
            if (doc.get(name) instanceof String url && !url.isBlank()) {
                Optional<URI> u = Urls.parseHttp(url);
                if (u.isEmpty() || Urls.isHttps(u.get())) {
                    continue;
                }
                if (Urls.isLoopback(u.get())) {
                    loopback.add(name);
                    loopbackHosts.add(u.get().getAuthority());
                } else {
                    insecure.add(name + " (" + url + ")");
                }
            }
        }
        if (!insecure.isEmpty()) {
            out.add(Finding.error("insecure-endpoint", "Not https: " + String.join(", ", insecure) + ".",
                    "Serve the provider over https; tokens and codes must not cross the network unencrypted."));
        }
        if (!loopback.isEmpty()) {
            out.add(Finding.warning("insecure-endpoint", "Plain http on this machine (" + String.join(", ", loopbackHosts)
                    + "): " + String.join(", ", loopback) + ".", "Fine for a local test provider; use https for a real one."));
        }
    }

    private static List<String> strings(Object v) {
        if (v instanceof List<?> l) {
            return l.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static void responseTypes(List<Finding> out, ResponseType flow, Map<String, Object> doc) {
        List<String> types = doc.get("response_types_supported") instanceof List<?> l ? strings(l) : List.of();
        if (flow == ResponseType.CODE) {
            if (!types.isEmpty() && !types.contains("code")) {
                out.add(Finding.error("no-code-flow", "The provider does not offer the authorization code flow "
                        + "(response_types_supported: " + types + ").",
                        "Enable the authorization code flow (\"Standard flow\") for the client at the provider, or "
                                + "for a public client choose \"Implicit (id_token)\" if the provider offers it."));
            }
            return;
        }
        if (!types.isEmpty() && !types.contains("id_token")) {
            out.add(Finding.error("no-implicit-flow", "The provider does not offer the implicit flow with "
                    + "response_type=id_token, which OpenMetadata's browser app uses for this public client "
                    + "(response_types_supported: " + types + ").",
                    "Enable the implicit flow for the client at the provider, or choose \"Authorization code with "
                            + "PKCE\" (responseType code) in the Provider step."));
        }
        if (doc.get("grant_types_supported") instanceof List<?> g && !g.isEmpty()
                && !strings(g).contains("implicit")) {
            out.add(Finding.error("no-implicit-grant", "The provider lists its grant types without \"implicit\" "
                    + "(grant_types_supported: " + strings(g) + "), so it will not issue an ID token by the "
                    + "implicit flow.", "Enable the implicit flow for the client at the provider, or choose "
                    + "\"Authorization code with PKCE\" (responseType code) in the Provider step."));
        }
        if (strings(doc.get("response_modes_supported")).contains("form_post")) {
            out.add(Finding.info("form-post", "The provider offers response_mode=form_post: the login test "
                    + "receives the ID token as a POST to the loopback listener, not in the address bar.", ""));
        }
    }

    private static void pkce(List<Finding> out, Map<String, Object> doc) {
        List<String> methods = strings(doc.get("code_challenge_methods_supported"));
        if (methods.contains("S256")) {
            return;
        }
        if (methods.contains("plain")) {
            out.add(Finding.error("pkce-s256", "The provider offers PKCE only with \"plain\", not S256.",
                    "Enable S256 for PKCE at the provider: plain PKCE does not protect the code."));
        } else {
            out.add(Finding.warning("pkce-s256", "The provider does not advertise PKCE with S256 "
                    + "(code_challenge_methods_supported " + (methods.isEmpty() ? "absent" : methods) + ").",
                    "Most providers support S256 anyway; the login test will show whether it works."));
        }
    }

    private static void scopes(List<Finding> out, List<String> requested, Map<String, Object> doc) {
        if (!(doc.get("scopes_supported") instanceof List<?> l)) {
            return;
        }
        List<String> supported = strings(l);
        List<String> unsupported = requested.stream().filter(s -> !supported.contains(s)).toList();
        if (!unsupported.isEmpty()) {
            out.add(Finding.error("scope-unsupported", "Scopes not offered by the provider: "
                    + String.join(", ", unsupported) + " (offered: " + String.join(", ", supported) + ").",
                    "Remove " + String.join(", ", unsupported) + " from the scopes; OpenMetadata rejects scopes "
                            + "the provider does not list."));
        }
    }

    private static void algorithm(List<Finding> out, String alg, Map<String, Object> doc) {
        if (!(doc.get("id_token_signing_alg_values_supported") instanceof List<?> l) || l.isEmpty()) {
            return; // missing-metadata
        }
        List<String> algs = strings(l);
        if (!algs.contains(alg)) {
            out.add(Finding.error("alg-unsupported", "The provider does not sign ID tokens with " + alg
                    + " (it offers " + String.join(", ", algs) + ").", "Set the token validation algorithm to one of "
                    + String.join(", ", algs) + "."));
        }
    }

    private static void authMethod(List<Finding> out, ClientAuthMethod method, Map<String, Object> doc) {
        Object v = doc.get("token_endpoint_auth_methods_supported");
        List<String> methods = v == null ? List.of("client_secret_basic") : strings(v);
        if (!methods.contains(method.wire())) {
            out.add(Finding.warning("auth-method-unsupported", "The provider does not advertise the client "
                    + "authentication method " + method.wire() + " (it offers " + String.join(", ", methods)
                    + (v == null ? " by default" : "") + ").", "Choose one of " + String.join(", ", methods)
                    + " as the client authentication method."));
        }
    }

    private static void claims(List<Finding> out, List<String> principalClaims, Map<String, Object> doc) {
        if (!(doc.get("claims_supported") instanceof List<?> l)) {
            return;
        }
        List<String> supported = strings(l);
        for (String claim : principalClaims) {
            if (!supported.contains(claim)) {
                out.add(Finding.warning("claim-unsupported", "The principal claim \"" + claim + "\" is not in the "
                        + "provider's claims_supported.", "Check that ID tokens carry \"" + claim + "\" (the login "
                        + "test shows it), or remove it from the principal claims."));
            }
        }
    }

    /** {@code jwks-invalid} and {@code jwks-no-signing-key} for the body fetched from {@code jwks_uri}. */
    public static List<Finding> jwks(String body, String algorithm) {
        return JwksChecks.check(body, algorithm);
    }

    /** {@code clock-skew}: the server's {@code Date} header against the local clock. */
    public static Optional<Finding> clockSkew(Optional<String> dateHeader, Instant localNow) {
        if (dateHeader.isEmpty()) {
            return Optional.empty();
        }
        Instant server;
        try {
            server = ZonedDateTime.parse(dateHeader.get().strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        Duration skew = Duration.between(localNow, server);
        if (skew.abs().compareTo(MAX_SKEW) <= 0) {
            return Optional.empty();
        }
        return Optional.of(Finding.warning("clock-skew", "The provider's clock is " + skew.abs().toSeconds()
                + " s " + (skew.isNegative() ? "behind" : "ahead of") + " this machine's.",
                "Synchronise the clocks (NTP) of the provider and the OpenMetadata server: OpenMetadata checks "
                        + "token expiry without leeway."));
    }
}
