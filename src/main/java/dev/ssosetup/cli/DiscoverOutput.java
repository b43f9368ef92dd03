package dev.ssosetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.text.Messages;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code sso-setup discover} prints a {@link DiscoveryReport}: readable text, or one JSON object. */
final class DiscoverOutput {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiscoverOutput() {
    }

    static String json(DiscoveryReport report, Messages messages) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issuer", report.issuer());
        root.put("discoveryUrl", report.discoveryUrl());
        List<Map<String, String>> findings = report.findings().stream().map(f -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("severity", f.severity().wire());
            m.put("message", messages.text(f.message()));
            m.put("hint", messages.text(f.hint()));
            return m;
        }).toList();
        root.put("findings", findings);
        root.put("metadata", report.metadata());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot print the report as JSON", e);
        }
    }

    static String text(DiscoveryReport report, Messages messages) {
        StringBuilder b = new StringBuilder();
        b.append("Issuer:     ").append(report.issuer()).append('\n');
        b.append("Discovery:  ").append(report.discoveryUrl()).append('\n');
        report.jwksUri().ifPresent(j -> b.append("JWKS:       ").append(j).append('\n'));
        b.append('\n');
        if (report.findings().isEmpty()) {
            b.append("No findings: the provider looks right.\n");
        }
        for (Finding f : report.findings()) {
            b.append(String.format(Locale.ROOT, "%-8s %s%n", f.severity().wire().toUpperCase(Locale.ROOT), f.id()));
            b.append("         ").append(messages.text(f.message())).append('\n');
            if (f.hasHint()) {
                b.append("         Fix: ").append(messages.text(f.hint())).append('\n');
            }
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        b.append('\n').append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning" : " warnings")
                .append(errors == 0 ? ": usable for OpenMetadata.\n" : ": fix the errors before going on.\n");
        return b.toString();
    }
}
