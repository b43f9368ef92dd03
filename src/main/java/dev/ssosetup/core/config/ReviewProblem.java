package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Finding;

import java.util.Objects;

/** A finding that is still open, with the id of the wizard step that fixes it. */
public record ReviewProblem(String stepId, Finding finding) {
    public ReviewProblem {
        Objects.requireNonNull(stepId);
        Objects.requireNonNull(finding);
    }

    public boolean isError() {
        return finding.isError();
    }
}
