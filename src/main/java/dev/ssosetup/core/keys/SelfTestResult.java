package dev.ssosetup.core.keys;

import java.util.List;

/**
 * The outcome of signing a sample OpenMetadata-shaped token and verifying it. {@code checks} lists each check in
 * order with its outcome, so the UI and the CLI can show what was tried, not just "ok".
 */
public record SelfTestResult(boolean passed, List<Check> checks, String sampleHeader, String sampleClaims) {
    public SelfTestResult {
        checks = List.copyOf(checks);
    }

    /** One verification step. */
    public record Check(String name, boolean passed, String detail) {
    }
}
