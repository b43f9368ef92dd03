package dev.ssosetup.core.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.LibraryText;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpFailure;
import dev.ssosetup.core.text.Text;

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
        placeholder(out, Text.of("finding.field.issuer"), request.issuer());
        if (!request.discoveryUrl().equals(ProviderSettings.discoveryUrlFor(request.issuer()))) {
            placeholder(out, Text.of("finding.field.discoveryUrl"), request.discoveryUrl());
        }
        return out;
    }

    private static void placeholder(List<Finding> out, Text what, String url) {
        List<String> found = Placeholders.find(url);
        if (!found.isEmpty()) {
            String list = String.join(", ", found);
            out.add(Finding.error("placeholder", Text.of("finding.placeholder", what, url, list),
                    Text.of("finding.placeholder.hint", list)));
        }
    }

    /** {@code callback-insecure}: OpenMetadata's callback is plain http on a host other than this machine. */
    public static List<Finding> callback(String callbackUrl) {
        if (callbackUrl == null || callbackUrl.isBlank()) {
            return List.of();
        }
        Optional<URI> u = Urls.parseHttp(callbackUrl);
        if (u.isPresent() && !Urls.isHttps(u.get()) && !Urls.isLoopback(u.get())) {
            return List.of(Finding.warning("callback-insecure", Text.of("finding.callback-insecure", callbackUrl),
                    Text.of("finding.callback-insecure.hint")));
        }
        return List.of();
    }

    /** What a fetch was for, as shown in findings. */
    public enum Fetched {
        DISCOVERY("finding.fetched.discovery"),
        JWKS("finding.fetched.jwks");

        private final String key;

        Fetched(String key) {
            this.key = key;
        }

        public Text text() {
            return Text.of(key);
        }
    }

    /** {@code unreachable}, {@code timeout}, {@code tls}, {@code too-large} for a request that got no answer. */
    public static Finding transport(HttpFailure failure, Fetched fetched) {
        String host = failure.host();
        Text what = fetched.text();
        Text cause = failure.text();
        return switch (failure.kind()) {
            case TIMEOUT -> Finding.error("timeout", Text.of("finding.timeout", what, host, cause),
                    Text.of("finding.timeout.hint", host));
            case TLS -> Finding.error("tls", Text.of("finding.tls", what, host, cause), Text.of("finding.tls.hint"));
            case TOO_LARGE -> Finding.error("too-large", Text.of("finding.too-large", what, host, cause),
                    Text.of("finding.too-large.hint", what));
            case UNREACHABLE, BAD_URL, BAD_REQUEST, CANCELLED -> Finding.error("unreachable",
                    Text.of("finding.unreachable", what, host, cause), Text.of("finding.unreachable.hint"));
        };
    }

    /** A response that is not a 200: a redirect (never followed silently) or an error status. */
    public static Optional<Finding> status(HttpExchange.Response response, Fetched fetched, String findingId) {
        if (response.isSuccess()) {
            return Optional.empty();
        }
        String host = response.uri().getHost();
        int code = response.status();
        String uri = response.uri().toString();
        if (code >= 300 && code < 400) {
            Object to = response.header("Location").<Object>map(l -> l).orElse(Text.of("finding.status.noLocation"));
            return Optional.of(Finding.error(findingId, Text.of("finding.status.redirect", fetched.text(), uri,
                    String.valueOf(code), to), Text.of("finding.status.redirect.hint")));
        }
        return Optional.of(Finding.error(findingId, Text.of("finding.status.http", host, String.valueOf(code),
                fetched.text(), uri), code == 404 ? Text.of("finding.status.http.hint404")
                : Text.of("finding.status.http.hint")));
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
    public static Finding notJson(HttpExchange.Response response, Fetched fetched) {
        Object type = response.header("Content-Type").<Object>map(t -> t).orElse(Text.of("finding.not-json.noType"));
        String start = response.bodyText().strip();
        start = start.length() > 60 ? start.substring(0, 60) + "…" : start;
        Text body = start.isEmpty() ? Text.of("finding.not-json.empty")
                : Text.of("finding.not-json.starts", start.replace('\n', ' '));
        return Finding.error("not-json", Text.of("finding.not-json", fetched.text(), response.uri().toString(),
                type, body), Text.of("finding.not-json.hint"));
    }

    /** All checks on the discovery document itself. */
    public static List<Finding> metadata(DiscoveryRequest request, Map<String, Object> doc) {
        List<Finding> out = new ArrayList<>();
        issuer(out, request.issuer(), doc);
        List<String> missing = REQUIRED.stream().filter(k -> isAbsent(doc.get(k))).toList();
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing);
            out.add(Finding.error("missing-metadata", Text.of("finding.missing-metadata", list),
                    Text.of("finding.missing-metadata.hint", list)));
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
            return Optional.of(Finding.error("missing-metadata", Text.of("finding.missing-metadata.parse",
                    LibraryText.plain(e.getMessage())), Text.of("finding.missing-metadata.parse.hint")));
        }
    }

    private static void issuer(List<Finding> out, String expected, Map<String, Object> doc) {
        issuer(expected, doc).ifPresent(out::add);
    }

    /**
     * {@code issuer-mismatch}: the document's issuer is not exactly {@code expected} (a trailing slash too: OpenMetadata
     * compares the {@code iss} claim character by character). The Provider step and the login test share this verdict.
     */
    public static Optional<Finding> issuer(String expected, Map<String, Object> doc) {
        if (!(doc.get("issuer") instanceof String actual) || actual.isBlank()) {
            return Optional.empty(); // reported as missing-metadata
        }
        if (actual.equals(expected)) {
            return Optional.empty();
        }
        String a = strip(actual);
        String e = strip(expected);
        if (a.equals(e)) {
            return Optional.of(Finding.error("issuer-mismatch", Text.of("finding.issuer-mismatch.slash", actual, expected),
                    Text.of("finding.issuer-mismatch.slash.hint", actual)));
        }
        return Optional.of(Finding.error("issuer-mismatch", Text.of("finding.issuer-mismatch", actual, expected),
                Text.of("finding.issuer-mismatch.hint", actual)));
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
            out.add(Finding.error("insecure-endpoint", Text.of("finding.insecure-endpoint", String.join(", ", insecure)),
                    Text.of("finding.insecure-endpoint.hint")));
        }
        if (!loopback.isEmpty()) {
            out.add(Finding.warning("insecure-endpoint", Text.of("finding.insecure-endpoint.loopback",
                    String.join(", ", loopbackHosts), String.join(", ", loopback)),
                    Text.of("finding.insecure-endpoint.loopback.hint")));
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
                out.add(Finding.error("no-code-flow", Text.of("finding.no-code-flow", types.toString()),
                        Text.of("finding.no-code-flow.hint")));
            }
            return;
        }
        if (!types.isEmpty() && !types.contains("id_token")) {
            out.add(Finding.error("no-implicit-flow", Text.of("finding.no-implicit-flow", types.toString()),
                    Text.of("finding.no-implicit-flow.hint")));
        }
        if (doc.get("grant_types_supported") instanceof List<?> g && !g.isEmpty()
                && !strings(g).contains("implicit")) {
            out.add(Finding.error("no-implicit-grant", Text.of("finding.no-implicit-grant", strings(g).toString()),
                    Text.of("finding.no-implicit-flow.hint")));
        }
        if (strings(doc.get("response_modes_supported")).contains("form_post")) {
            out.add(Finding.info("form-post", Text.of("finding.form-post"), Finding.NO_HINT));
        }
    }

    private static void pkce(List<Finding> out, Map<String, Object> doc) {
        List<String> methods = strings(doc.get("code_challenge_methods_supported"));
        if (methods.contains("S256")) {
            return;
        }
        if (methods.contains("plain")) {
            out.add(Finding.error("pkce-s256", Text.of("finding.pkce-s256.plain"),
                    Text.of("finding.pkce-s256.plain.hint")));
        } else {
            out.add(Finding.warning("pkce-s256", methods.isEmpty() ? Text.of("finding.pkce-s256.absent")
                    : Text.of("finding.pkce-s256", methods.toString()), Text.of("finding.pkce-s256.hint")));
        }
    }

    private static void scopes(List<Finding> out, List<String> requested, Map<String, Object> doc) {
        if (!(doc.get("scopes_supported") instanceof List<?> l)) {
            return;
        }
        List<String> supported = strings(l);
        List<String> unsupported = requested.stream().filter(s -> !supported.contains(s)).toList();
        if (!unsupported.isEmpty()) {
            out.add(Finding.error("scope-unsupported", Text.of("finding.scope-unsupported",
                    String.join(", ", unsupported), String.join(", ", supported)),
                    Text.of("finding.scope-unsupported.hint", String.join(", ", unsupported))));
        }
    }

    private static void algorithm(List<Finding> out, String alg, Map<String, Object> doc) {
        if (!(doc.get("id_token_signing_alg_values_supported") instanceof List<?> l) || l.isEmpty()) {
            return; // missing-metadata
        }
        List<String> algs = strings(l);
        if (!algs.contains(alg)) {
            out.add(Finding.error("alg-unsupported", Text.of("finding.alg-unsupported", alg, String.join(", ", algs)),
                    Text.of("finding.alg-unsupported.hint", String.join(", ", algs))));
        }
    }

    private static void authMethod(List<Finding> out, ClientAuthMethod method, Map<String, Object> doc) {
        Object v = doc.get("token_endpoint_auth_methods_supported");
        List<String> methods = v == null ? List.of("client_secret_basic") : strings(v);
        if (!methods.contains(method.wire())) {
            out.add(Finding.warning("auth-method-unsupported", Text.of(v == null
                    ? "finding.auth-method-unsupported.default" : "finding.auth-method-unsupported", method.wire(),
                    String.join(", ", methods)), Text.of("finding.auth-method-unsupported.hint",
                    String.join(", ", methods))));
        }
    }

    private static void claims(List<Finding> out, List<String> principalClaims, Map<String, Object> doc) {
        if (!(doc.get("claims_supported") instanceof List<?> l)) {
            return;
        }
        List<String> supported = strings(l);
        for (String claim : principalClaims) {
            if (!supported.contains(claim)) {
                out.add(Finding.warning("claim-unsupported", Text.of("finding.claim-unsupported", claim),
                        Text.of("finding.claim-unsupported.hint", claim)));
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
        return Optional.of(Finding.warning("clock-skew", Text.of(skew.isNegative() ? "finding.clock-skew.behind"
                : "finding.clock-skew.ahead", skew.abs().toSeconds()), Text.of("finding.clock-skew.hint")));
    }
}
