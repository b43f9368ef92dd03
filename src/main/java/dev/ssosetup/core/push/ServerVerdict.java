package dev.ssosetup.core.push;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * OpenMetadata's own answer to "who would this login become under the configuration about to be applied" ({@code
 * POST /api/v1/system/security/test-login/validate-token}, 2.0 on; a {@code TestLoginResult}). {@code admin} is
 * derived here: the server reports the resolved principal, and it is an admin when it is among the body's
 * {@code adminPrincipals} and the test succeeded.
 */
public record ServerVerdict(boolean success, String stage, String resolvedPrincipal, String resolvedEmail,
                            List<String> mappedRoles, List<String> mappedTeams, DomainCheck domainCheck,
                            List<String> errors, boolean admin) {
    /** {@code domainCheck} of the answer; {@code null} fields become false / "". */
    public record DomainCheck(boolean enforced, String principalDomain, String resolvedDomain, boolean passed) {
        public DomainCheck {
            principalDomain = Objects.requireNonNullElse(principalDomain, "");
            resolvedDomain = Objects.requireNonNullElse(resolvedDomain, "");
        }
    }

    public ServerVerdict {
        stage = Objects.requireNonNullElse(stage, "");
        resolvedPrincipal = Objects.requireNonNullElse(resolvedPrincipal, "");
        resolvedEmail = Objects.requireNonNullElse(resolvedEmail, "");
        mappedRoles = List.copyOf(Objects.requireNonNullElse(mappedRoles, List.of()));
        mappedTeams = List.copyOf(Objects.requireNonNullElse(mappedTeams, List.of()));
        errors = List.copyOf(Objects.requireNonNullElse(errors, List.of()));
    }

    /** {@code success} or {@code failed}, as the server says. */
    public String status() {
        return success ? "success" : "failed";
    }

    /** One line for the plan: who, admin or not, domain check, roles, teams (or why it failed). */
    public String summary() {
        if (!success && resolvedPrincipal.isEmpty()) {
            return "failed at " + stage.toLowerCase(Locale.ROOT) + (errors.isEmpty() ? "" : ": "
                    + String.join("; ", errors));
        }
        String domain = domainCheck == null ? "" : domainCheck.enforced()
                ? "; domain check " + (domainCheck.passed() ? "passed" : "FAILED") + " (" + domainCheck.resolvedDomain()
                + (domainCheck.passed() ? " allowed" : " is not " + domainCheck.principalDomain()) + ")"
                : "; domain not enforced";
        return (success ? "" : "failed: ") + "signs in as " + resolvedPrincipal
                + (resolvedEmail.isEmpty() ? "" : " <" + resolvedEmail + ">") + (admin ? ", admin" : ", NOT an admin")
                + domain + "; roles " + mappedRoles + "; teams " + mappedTeams
                + (success || errors.isEmpty() ? "" : "; " + String.join("; ", errors));
    }
}
