package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import java.util.List;

/**
 * The outcome of signing a sample OpenMetadata-shaped token and verifying it. {@code checks} lists each check in
 * order with its outcome, so the UI and the CLI can show what was tried, not just "ok".
 */
public record SelfTestResult(boolean passed, List<Check> checks, String sampleHeader, String sampleClaims) {
    public SelfTestResult {
        checks = List.copyOf(checks);
    }

    /** One verification step: {@code name} is an id ({@code sign}, {@code verify.publicKey}, {@code verify.jwks},
     * {@code claims}), {@code detail} the outcome for the operator. */
    public record Check(String name, boolean passed, Text detail) {
    }
}
