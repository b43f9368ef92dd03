package dev.ssosetup.core.config;

import java.util.List;

/**
 * Whether the configuration may be used: the model's own problems plus the schema check of the rendered
 * {@code security-config.json} and {@code jwtTokenConfiguration}. Ready only when nothing blocks and the schema passes.
 */
public record Readiness(List<ReviewProblem> problems, List<SchemaViolation> schemaViolations) {
    public Readiness {
        problems = List.copyOf(problems);
        schemaViolations = List.copyOf(schemaViolations);
    }

    public boolean ready() {
        return schemaViolations.isEmpty() && problems.stream().noneMatch(ReviewProblem::isError);
    }

    public List<ReviewProblem> errors() {
        return problems.stream().filter(ReviewProblem::isError).toList();
    }
}
