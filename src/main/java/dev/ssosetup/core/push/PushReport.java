package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Messages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.text.Messages;

import java.util.List;

/**
 * A plan and (optionally) its apply as one JSON object, for {@code --json}: outcome, server state, each step, the diff,
 * the validation issues with their wizard location, the backup files. Holds no secret: the diff is already masked and
 * messages never carry tokens.
 */
public final class PushReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushReport() {
    }

    /** {@code outcome} is a word for the end state: planned, applied-and-verified, applied-not-verified, failed. */
    public static ObjectNode of(Plan plan, ApplyResult apply, String outcome, Messages messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("outcome", outcome);
        root.put("server", plan.server().toString());
        plan.version().ifPresent(v -> root.put("serverVersion", v.raw()));
        ServerState state = apply != null ? apply.serverState()
                : plan.failure().map(PushFailure::serverState).orElse(ServerState.UNCHANGED);
        root.put("serverState", state.name().toLowerCase(java.util.Locale.ROOT));
        root.put("serverStateText", messages.text(state.sentence()));
        ArrayNode steps = root.putArray("steps");
        addSteps(steps, plan.steps(), messages);
        if (apply != null) {
            addSteps(steps, apply.steps(), messages);
        }
        ArrayNode diff = root.putArray("diff");
        plan.diff().ifPresent(d -> d.entries().forEach(e -> diff.addObject().put("path", e.path())
                .put("change", e.change().name().toLowerCase(java.util.Locale.ROOT))
                .put("live", e.live()).put("ours", e.ours())));
        ArrayNode findings = root.putArray("findings");
        plan.findings().forEach(f -> findings.addObject().put("id", f.id())
                .put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT))
                .put("message", messages.text(f.message())).put("hint", messages.text(f.hint())));
        plan.serverVerdict().ifPresentOrElse(v -> serverVerdict(root.putObject("serverVerdict"), v, messages),
                () -> plan.serverVerdictNote().ifPresent(n -> root.put("serverVerdictNote", messages.text(n))));
        ArrayNode issues = root.putArray("validationErrors");
        plan.validation().ifPresent(v -> v.issues().forEach(i -> issues.addObject().put("field", i.field())
                .put("error", messages.text(i.error())).put("wizardStep", i.location().stepId())
                .put("wizardField", i.location().fieldId())));
        if (apply != null) {
            apply.backup().ifPresent(b -> root.putObject("backup").put("file", b.backupFile())
                    .put("recoveryFile", b.recoveryFile()));
        }
        PushFailure failure = apply != null && apply.failure().isPresent() ? apply.failure().get()
                : plan.failure().orElse(null);
        if (failure != null) {
            root.putObject("failure").put("step", failure.step().name().toLowerCase(java.util.Locale.ROOT))
                    .put("kind", failure.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .put("httpStatus", failure.status()).put("message", messages.text(failure.text()));
        }
        ArrayNode checklist = root.putArray("checklist");
        List<ChecklistItem> items = apply != null && !apply.checklist().isEmpty() ? apply.checklist()
                : plan.checklist();
        items.forEach(i -> checklist.addObject().put("id", i.id()).put("done", i.done())
                .put("severity", i.severity().name().toLowerCase(java.util.Locale.ROOT)).put("text", messages.text(i.text())));
        root.put("recovery", Backup.recoverySteps());
        return root;
    }

    /** OpenMetadata's {@code TestLoginResult} as the console read it, plus whether that user is an admin. */
    private static void serverVerdict(ObjectNode out, ServerVerdict v, Messages messages) {
        out.put("status", v.status()).put("stage", v.stage()).put("resolvedPrincipal", v.resolvedPrincipal())
                .put("resolvedEmail", v.resolvedEmail()).put("admin", v.admin());
        if (v.domainCheck() != null) {
            out.putObject("domainCheck").put("enforced", v.domainCheck().enforced())
                    .put("principalDomain", v.domainCheck().principalDomain())
                    .put("resolvedDomain", v.domainCheck().resolvedDomain()).put("passed", v.domainCheck().passed());
        }
        ArrayNode roles = out.putArray("mappedRoles");
        v.mappedRoles().forEach(roles::add);
        ArrayNode teams = out.putArray("mappedTeams");
        v.mappedTeams().forEach(teams::add);
        ArrayNode errors = out.putArray("errors");
        v.errors().forEach(errors::add);
    }

    private static void addSteps(ArrayNode out, List<StepReport> steps, Messages messages) {
        steps.forEach(s -> out.addObject().put("step", s.step().name().toLowerCase(java.util.Locale.ROOT))
                .put("title", messages.text(s.step().title())).put("status", s.status().name().toLowerCase(java.util.Locale.ROOT))
                .put("detail", messages.text(s.detail())));
    }
}
