package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

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
    public Text summary() {
        if (!success && resolvedPrincipal.isEmpty()) {
            return errors.isEmpty() ? Text.of("push.verdicts.failedAt", stage.toLowerCase(Locale.ROOT))
                    : Text.of("push.verdicts.failedAtWith", stage.toLowerCase(Locale.ROOT), errors);
        }
        Text domain = domainCheck == null ? Text.of("push.verdicts.domain.none") : !domainCheck.enforced()
                ? Text.of("push.verdicts.domain.off") : domainCheck.passed()
                ? Text.of("push.verdicts.domain.passed", domainCheck.resolvedDomain())
                : Text.of("push.verdicts.domain.failed", domainCheck.resolvedDomain(), domainCheck.principalDomain());
        Text who = resolvedEmail.isEmpty() ? Text.of("push.verdicts.who", resolvedPrincipal)
                : Text.of("push.verdicts.whoWithEmail", resolvedPrincipal, resolvedEmail);
        Text line = Text.of("push.verdicts.summary", who, admin ? 1 : 0, domain, mappedRoles.toString(),
                mappedTeams.toString());
        if (success) {
            return line;
        }
        return errors.isEmpty() ? Text.of("push.verdicts.failed", line)
                : Text.of("push.verdicts.failedWith", line, errors);
    }
}
