package dev.ssosetup.core.push;

import java.util.Objects;

/**
 * What this session's login test proved, reduced to what the lock-out guard needs: the test passed, and the preview of
 * OpenMetadata's decision says the signed-in principal will be an admin. The Login feature's result maps onto this.
 */
public record LockoutEvidence(boolean loginPassed, boolean previewIsAdmin, String principal) {
    public LockoutEvidence {
        principal = Objects.requireNonNullElse(principal, "");
    }

    /** No login test in this session. */
    public static LockoutEvidence none() {
        return new LockoutEvidence(false, false, "");
    }

    public boolean provesAdminAccess() {
        return loginPassed && previewIsAdmin;
    }
}
