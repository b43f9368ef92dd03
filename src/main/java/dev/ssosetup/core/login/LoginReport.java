package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.provider.ProviderSettings;

import java.time.Instant;
import java.util.Map;

/**
 * The plain-text report of a login test, for "Copy report" and support tickets. It holds settings, verdict, claims
 * and preview, and by construction never a token, the authorization code or the client secret (the result does not
 * carry them; the secret is reported only as set or not set).
 */
public final class LoginReport {
    private LoginReport() {
    }

    public static String render(LoginTestResult result) {
        StringBuilder b = new StringBuilder();
        LoginAttempt a = result.attempt();
        ProviderSettings s = a.settings();
        b.append("SSO Setup Console - login test report\n");
        b.append("Started:        ").append(a.startedAt()).append('\n');
        if (result instanceof LoginTestResult.Failed f) {
            b.append("Result:         FAILED at ").append(f.stage().label()).append('\n');
            b.append("Reason:         ").append(f.reason()).append('\n');
            if (!f.hint().isEmpty()) {
                b.append("Fix:            ").append(f.hint()).append('\n');
            }
        } else {
            b.append("Result:         PASSED\n");
        }
        b.append('\n');
        b.append("Issuer:         ").append(a.issuer().isEmpty() ? s.issuer() : a.issuer()).append('\n');
        b.append("Discovery URL:  ").append(s.effectiveDiscoveryUrl()).append('\n');
        b.append("Client ID:      ").append(s.clientId()).append('\n');
        b.append("Client type:    ").append(s.clientType().wire());
        if (s.clientType() == dev.ssosetup.core.provider.ClientType.CONFIDENTIAL) {
            b.append(" (").append(s.clientAuthMethod().wire()).append(", secret ")
                    .append(s.clientSecret().isEmpty() ? "not set" : "set").append(')');
        }
        b.append('\n');
        b.append("Flow:           ").append(flowText(s)).append('\n');
        b.append("Scopes:         ").append(String.join(" ", a.scopes().isEmpty() ? s.scopes() : a.scopes()))
                .append('\n');
        b.append("Algorithm:      ").append(s.tokenValidationAlgorithm()).append('\n');
        b.append("Redirect URI:   ").append(a.redirectUri().isEmpty() ? "(not started)" : a.redirectUri())
                .append('\n');
        if (a.rejectedCallbacks() > 0) {
            b.append("Ignored:        ").append(a.rejectedCallbacks())
                    .append(" callback(s) with a wrong state\n");
        }
        claims(b, result instanceof LoginTestResult.Failed && !result.claims().isEmpty()
                ? "ID token claims (NOT verified)" : "ID token claims", result.claims());
        claims(b, "Userinfo claims", result.userInfo());
        result.openMetadataPreview().ifPresent(p -> {
            b.append("\nOpenMetadata preview\n");
            b.append("  principal claim: ").append(p.principalClaim().isEmpty() ? "(none present)"
                    : p.principalClaim()).append('\n');
            b.append("  user name:       ").append(p.userName()).append('\n');
            b.append("  email:           ").append(p.email()).append('\n');
            b.append("  admin:           ").append(p.admin() ? "yes" : "NO").append('\n');
            b.append("  principal domain: ").append(switch (p.domain()) {
                case NOT_ENFORCED -> "not enforced";
                case OK -> "ok (" + s.principalDomain() + ")";
                case REFUSED -> "REFUSED (" + s.principalDomain() + ")";
            }).append('\n');
        });
        if (!result.findings().isEmpty()) {
            b.append("\nWarnings and notes\n");
            for (Finding f : result.findings()) {
                b.append("  [").append(f.severity().wire()).append("] ").append(f.message()).append('\n');
                if (!f.hint().isEmpty()) {
                    b.append("      fix: ").append(f.hint()).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** The flow the attempt ran, as OpenMetadata will run it. */
    static String flowText(ProviderSettings s) {
        return switch (s.effectiveResponseType()) {
            case ID_TOKEN -> "implicit (response_type=id_token)";
            case CODE -> s.clientType() == dev.ssosetup.core.provider.ClientType.CONFIDENTIAL
                    ? "authorization code with the client secret (response_type=code)"
                    : "authorization code with PKCE (response_type=code)";
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
