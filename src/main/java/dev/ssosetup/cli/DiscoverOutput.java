package dev.ssosetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.Severity;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.text.Messages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code sso-setup discover} prints a {@link DiscoveryReport}: readable text, or one JSON object. */
final class DiscoverOutput {
    /** Built on first use: a command is constructed for every start of the command line (issue 20). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    private DiscoverOutput() {
    }

    static String json(DiscoveryReport report, CliMessages messages) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("issuer", report.issuer());
        root.put("discoveryUrl", report.discoveryUrl());
        List<Map<String, String>> findings = report.findings().stream().map(f -> {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("id", f.id());
            m.put("severity", f.severity().wire());
            m.put("message", messages.render(f.message()));
            m.put("hint", messages.render(f.hint()));
            return m;
        }).toList();
        root.put("findings", findings);
        root.put("metadata", report.metadata());
        try {
            return Json.MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report as JSON", e); // an ObjectMapper over maps does not fail
        }
    }

    static String text(DiscoveryReport report, CliMessages messages) {
        StringBuilder b = new StringBuilder();
        b.append(messages.get("cli.discover.issuer", report.issuer())).append('\n');
        b.append(messages.get("cli.discover.discovery", report.discoveryUrl())).append('\n');
        report.jwksUri().ifPresent(j -> b.append(messages.get("cli.discover.jwks", j)).append('\n'));
        b.append('\n');
        if (report.findings().isEmpty()) {
            b.append(messages.get("cli.discover.noFindings")).append('\n');
        }
        for (Finding f : report.findings()) {
            b.append(String.format(Locale.ROOT, "%-8s %s%n", f.severity().wire().toUpperCase(Locale.ROOT), f.id()));
            b.append("         ").append(messages.render(f.message())).append('\n');
            String hint = messages.render(f.hint());
            if (!hint.isEmpty()) {
                b.append("         ").append(messages.get("cli.discover.fix", hint)).append('\n');
            }
        }
        long errors = report.count(Severity.ERROR);
        long warnings = report.count(Severity.WARNING);
        b.append('\n').append(messages.get(errors == 0 ? "cli.discover.summary.usable" : "cli.discover.summary.fix",
                errors, warnings)).append('\n');
        return b.toString();
    }
}
