package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one discovery check: for which issuer and document URL, the findings, and the provider's metadata as
 * it was published (ordered as in the document, deeply immutable) so that later steps (login test, review) can use the
 * endpoints, {@code jwks_uri} and {@code authorization_response_iss_parameter_supported} without fetching again.
 */
public record DiscoveryReport(String issuer, String discoveryUrl, List<Finding> findings,
                              Map<String, Object> metadata) {

    public DiscoveryReport {
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(discoveryUrl);
        findings = List.copyOf(findings);
        metadata = freezeMap(Objects.requireNonNullElse(metadata, Map.of()));
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** True when the report was made for exactly this issuer and discovery URL. */
    public boolean isFor(String otherIssuer, String otherDiscoveryUrl) {
        return issuer.equals(otherIssuer == null ? "" : otherIssuer.strip())
                && discoveryUrl.equals(otherDiscoveryUrl == null ? "" : otherDiscoveryUrl.strip());
    }

    public boolean has(String findingId) {
        return findings.stream().anyMatch(f -> f.id().equals(findingId));
    }

    /** A string member of the metadata ({@code token_endpoint}, {@code jwks_uri} ...). */
    public Optional<String> string(String name) {
        return metadata.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
    }

    public Optional<String> jwksUri() {
        return string("jwks_uri");
    }

    public Optional<String> authorizationEndpoint() {
        return string("authorization_endpoint");
    }

    public Optional<String> tokenEndpoint() {
        return string("token_endpoint");
    }

    /** RFC 9207: the provider puts {@code iss} on its authorization responses. */
    public boolean issParameterSupported() {
        return Boolean.TRUE.equals(metadata.get("authorization_response_iss_parameter_supported"));
    }

    private static Map<String, Object> freezeMap(Map<?, ?> in) {
        Map<String, Object> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(String.valueOf(k), freeze(v)));
        return Collections.unmodifiableMap(out);
    }

    private static Object freeze(Object v) {
        if (v instanceof Map<?, ?> m) {
            return freezeMap(m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(freeze(x)));
            return Collections.unmodifiableList(out);
        }
        return v;
    }
}
