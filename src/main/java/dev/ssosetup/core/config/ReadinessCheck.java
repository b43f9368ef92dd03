package dev.ssosetup.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a configuration is ready: {@link ConfigurationCheck}'s rules, then the rendered JSON body and JWT
 * configuration validated against the target version's schema set through the {@link SchemaCheck} port, and the body
 * against {@link TargetFieldRules} (fields that release does not know, or still requires).
 */
public final class ReadinessCheck {
    /** Jackson is started on first use, not when the composition root builds this (start-up time). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private final SchemaCheck schemaCheck;
    private final ConfigurationCheck rules = new ConfigurationCheck();
    private final SecurityConfigJsonRenderer json = new SecurityConfigJsonRenderer();

    public ReadinessCheck(SchemaCheck schemaCheck) {
        this.schemaCheck = schemaCheck;
    }

    public Readiness evaluate(SsoConfiguration c) {
        List<ReviewProblem> problems = new ArrayList<>(rules.check(c));
        if (c.provider().collate()) {
            // Collate (hosted): the Collate team writes the server configuration; only the hand-off sheet is made.
            return new Readiness(problems, List.of());
        }
        var target = c.provider().openMetadataVersion();
        String body = json.render(c, RenderOptions.withoutSecret()).text();
        List<SchemaViolation> violations = new ArrayList<>(schemaCheck.validate(target.schemaSet(),
                SchemaDocument.SECURITY_CONFIGURATION, body));
        try {
            violations.addAll(TargetFieldRules.check(target, Json.MAPPER.readTree(body)));
            violations.addAll(schemaCheck.validate(target.schemaSet(), SchemaDocument.JWT_TOKEN_CONFIGURATION,
                    Json.MAPPER.writeValueAsString(OmDocuments.jwtTokenConfiguration(c))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (SchemaViolation v : violations) {
            problems.add(new ReviewProblem(StepIds.PROVIDER, Finding.error("schema-violation",
                    Text.of("finding.schema-violation", v.path(), v.message()),
                    Text.of("finding.schema-violation.hint"))));
        }
        return new Readiness(problems, violations);
    }
}
