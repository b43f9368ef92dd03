package dev.ssosetup.core.push;

import java.util.List;

/** OpenMetadata's {@code SecurityValidationResponse}: success, or the field errors mapped to wizard steps. */
public record ValidationReport(boolean passed, List<FieldIssue> issues) {
    public ValidationReport {
        issues = List.copyOf(issues);
    }

    public static ValidationReport success() {
        return new ValidationReport(true, List.of());
    }
}
