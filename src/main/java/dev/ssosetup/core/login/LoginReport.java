package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.time.Instant;
import java.util.Map;

/**
 * The plain-text report of a login test, for "Copy report" and support tickets, in the operator's language. It holds
 * settings, verdict, claims and preview, and by construction never a token, the authorization code or the client
 * secret (the result does not carry them; the secret is reported only as set or not set).
 */
public final class LoginReport {
    private LoginReport() {
    }

    public static String render(LoginTestResult result, Messages m) {
        StringBuilder b = new StringBuilder();
        LoginAttempt a = result.attempt();
        ProviderSettings s = a.settings();
        b.append(m.get("login.report.title")).append('\n');
        line(b, m, "login.report.started", a.startedAt().toString());
        if (result instanceof LoginTestResult.Failed f) {
            line(b, m, "login.report.result", m.get("login.report.failedAt", m.text(Text.of("login.report.stage",
                    f.stage()))));
            line(b, m, "login.report.reason", m.text(f.reason()));
            if (f.hasHint()) {
                line(b, m, "login.report.fix", m.text(f.hint()));
            }
        } else {
            line(b, m, "login.report.result", m.get("login.report.passed"));
        }
        b.append('\n');
        line(b, m, "login.report.issuer", a.issuer().isEmpty() ? s.issuer() : a.issuer());
        line(b, m, "login.report.discoveryUrl", s.effectiveDiscoveryUrl());
        line(b, m, "login.report.clientId", s.clientId());
        String type = s.clientType().wire();
        if (s.clientType() == dev.ssosetup.core.provider.ClientType.CONFIDENTIAL) {
            type = m.get(s.clientSecret().isEmpty() ? "login.report.clientType.secretNotSet"
                    : "login.report.clientType.secretSet", type, s.clientAuthMethod().wire());
        }
        line(b, m, "login.report.clientType", type);
        line(b, m, "login.report.flow", m.text(flowText(s)));
        line(b, m, "login.report.scopes", String.join(" ", a.scopes().isEmpty() ? s.scopes() : a.scopes()));
        line(b, m, "login.report.algorithm", s.tokenValidationAlgorithm());
        line(b, m, "login.report.redirectUri", a.redirectUri().isEmpty() ? m.get("login.report.notStarted")
                : a.redirectUri());
        if (a.rejectedCallbacks() > 0) {
            line(b, m, "login.report.ignored", m.get("login.report.ignoredCallbacks", a.rejectedCallbacks()));
        }
        claims(b, m.get(result instanceof LoginTestResult.Failed && !result.claims().isEmpty()
                ? "login.report.claimsUnverified" : "login.report.claims"), result.claims());
        claims(b, m.get("login.report.userInfo"), result.userInfo());
        result.openMetadataPreview().ifPresent(p -> {
            b.append('\n').append(m.get("login.report.preview")).append('\n');
            b.append("  ").append(m.get("login.report.preview.claim", p.principalClaim().isEmpty()
                    ? m.get("login.report.preview.noClaim") : p.principalClaim())).append('\n');
            b.append("  ").append(m.get("login.report.preview.userName", p.userName())).append('\n');
            b.append("  ").append(m.get("login.report.preview.email", p.email())).append('\n');
            b.append("  ").append(m.get("login.report.preview.admin", m.get(p.admin() ? "login.report.yes"
                    : "login.report.no"))).append('\n');
            b.append("  ").append(m.get("login.report.preview.domain", switch (p.domain()) {
                case NOT_ENFORCED -> m.get("login.report.domain.notEnforced");
                case OK -> m.get("login.report.domain.ok", s.principalDomain());
                case REFUSED -> m.get("login.report.domain.refused", s.principalDomain());
            })).append('\n');
        });
        if (!result.findings().isEmpty()) {
            b.append('\n').append(m.get("login.report.findings")).append('\n');
            for (Finding f : result.findings()) {
                b.append("  [").append(f.severity().wire()).append("] ").append(m.text(f.message())).append('\n');
                if (f.hasHint()) {
                    b.append("      ").append(m.get("login.report.findingFix", m.text(f.hint()))).append('\n');
                }
            }
        }
        return b.toString();
    }

    private static void line(StringBuilder b, Messages m, String labelKey, String value) {
        String label = m.get(labelKey) + ":";
        b.append(label).append(" ".repeat(Math.max(1, 16 - label.length()))).append(value).append('\n');
    }

    /** The flow the attempt ran, as OpenMetadata will run it. */
    static Text flowText(ProviderSettings s) {
        return switch (s.effectiveResponseType()) {
            case ID_TOKEN -> Text.of("login.report.flow.implicit");
            case CODE -> s.clientType() == dev.ssosetup.core.provider.ClientType.CONFIDENTIAL
                    ? Text.of("login.report.flow.codeSecret")
                    : Text.of("login.report.flow.codePkce");
        };
    }

    private static void claims(StringBuilder b, String title, Map<String, Object> claims) {
        if (claims.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append('\n');
        claims.forEach((name, value) -> {
            b.append("  ").append(name).append(" = ").append(JsonValues.text(value));
            JsonValues.time(name, value).ifPresent(t -> b.append("  (").append(Instant.from(t)).append(')'));
            b.append('\n');
        });
    }
}
