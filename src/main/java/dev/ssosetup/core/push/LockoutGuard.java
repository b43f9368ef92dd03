package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a push that could lock every admin out, unless this session's login test proved that an admin can still
 * sign in, or the operator typed {@link #CONFIRMATION_PHRASE}, which names the risk. Whitespace and letter case of
 * the typed phrase do not matter; its words do.
 */
public final class LockoutGuard {
    /** The exact words an operator types to push without a passed admin login test. */
    public static final String CONFIRMATION_PHRASE = "I accept that this can lock every admin out";

    private LockoutGuard() {
    }

    /** The guard's decision and why, in words for the operator. */
    public record Decision(boolean allowed, Text reason) {
    }

    /**
     * Decides with OpenMetadata's own verdict when there is one (2.0 on): the server resolved the login test's token
     * under the exact body to be sent, so its answer is the evidence. Without a verdict, as {@link #check(JsonNode,
     * LockoutEvidence, String)}.
     */
    public static Decision check(JsonNode body, LockoutEvidence evidence, ServerVerdict verdict,
                                 String typedConfirmation) {
        if (verdict == null) {
            return check(body, evidence, typedConfirmation);
        }
        if (verdict.success() && verdict.admin()) {
            return new Decision(true, Text.of("push.guard.verdictAdmin", verdict.resolvedPrincipal()));
        }
        if (confirms(typedConfirmation)) {
            return new Decision(true, Text.of("push.guard.confirmed"));
        }
        return new Decision(false, Text.of("push.guard.verdictRefuses", verdict.summary(), CONFIRMATION_PHRASE));
    }

    /**
     * Decides for a body about to be sent. With evidence, the principal of the login test must also be among the
     * body's {@code adminPrincipals} (when both are known), so that the evidence belongs to this configuration.
     */
    public static Decision check(JsonNode body, LockoutEvidence evidence, String typedConfirmation) {
        if (evidence != null && evidence.provesAdminAccess()) {
            List<String> admins = adminPrincipals(body);
            String principal = evidence.principal();
            if (principal.isEmpty() || admins.isEmpty() || admins.contains(principal)
                    || admins.contains(principal.contains("@") ? principal.substring(0, principal.indexOf('@')) : principal)) {
                return new Decision(true, principal.isEmpty() ? Text.of("push.guard.loginAdmin")
                        : Text.of("push.guard.loginAdminAs", principal));
            }
        }
        if (confirms(typedConfirmation)) {
            return new Decision(true, Text.of("push.guard.confirmed"));
        }
        Text why = evidence != null && evidence.loginPassed() && !evidence.previewIsAdmin()
                ? Text.of("push.guard.notAdmin")
                : evidence != null && evidence.provesAdminAccess()
                ? Text.of("push.guard.notInAdmins", evidence.principal(), adminPrincipals(body).toString())
                : Text.of("push.guard.noLogin");
        return new Decision(false, Text.of("push.guard.refused", why, CONFIRMATION_PHRASE));
    }

    /** True when {@code typed} is the confirmation phrase (case and spacing aside). */
    public static boolean confirms(String typed) {
        return typed != null && canonical(typed).equals(canonical(CONFIRMATION_PHRASE));
    }

    private static String canonical(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static List<String> adminPrincipals(JsonNode body) {
        List<String> out = new ArrayList<>();
        body.path("authorizerConfiguration").path("adminPrincipals").forEach(n -> out.add(n.asText()));
        return out;
    }
}
