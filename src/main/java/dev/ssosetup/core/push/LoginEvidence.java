package dev.ssosetup.core.push;

import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.OpenMetadataPreview;
import dev.ssosetup.core.provider.ProviderSettings;

/**
 * Maps this session's login test onto the lock-out guard's evidence. A login proves something only for the settings
 * it was made with ({@link LoginTestResult#matches}); the admin question is asked again with the current
 * {@code adminPrincipals} and principal-domain settings, since the operator may have changed them after the test.
 */
public final class LoginEvidence {
    private LoginEvidence() {
    }

    public static LockoutEvidence from(LoginTestResult result, ProviderSettings current) {
        if (result == null || current == null || !result.passed() || !result.matches(current)) {
            return LockoutEvidence.none();
        }
        OpenMetadataPreview preview = OpenMetadataPreview.of(current, result.claims(), result.userInfo());
        boolean admin = preview.admin() && preview.domain() != OpenMetadataPreview.DomainCheck.REFUSED;
        return new LockoutEvidence(true, admin, preview.userName());
    }
}
