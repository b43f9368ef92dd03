package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.config.SchemaViolation;
import dev.ssosetup.core.config.TargetFieldRules;
import dev.ssosetup.core.provider.OpenMetadataVersion;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The version-aware part of a plan (issue 18): the body against the release the server reports, and on a 2.0+ server
 * OpenMetadata's own verdict on the login test's ID token ({@code validate-token}), compared with the login test's.
 */
final class ServerVerdicts {
    private ServerVerdicts() {
    }

    /** The release the server's configuration is made for; empty for unknown or pre-1.10 versions. */
    static Optional<OpenMetadataVersion> target(ServerVersion version) {
        return version == null || !version.known() ? Optional.empty()
                : OpenMetadataVersion.forServer(version.major(), version.minor());
    }

    /** Fields of {@code body} that the server's release does not know, or that it requires and are missing. */
    static List<FieldIssue> fieldsTheServerDoesNotKnow(ServerVersion version, ObjectNode body) {
        Optional<OpenMetadataVersion> target = target(version);
        if (target.isEmpty()) {
            return List.of();
        }
        List<FieldIssue> out = new ArrayList<>();
        for (SchemaViolation v : TargetFieldRules.check(target.get(), body)) {
            String field = v.path().startsWith("$.") ? v.path().substring(2) : v.path();
            out.add(FieldIssue.of(field, Text.of("push.issue.otherVersion", v.message(), target.get().label())));
        }
        return out;
    }

    static Plan complete(OpenMetadataClient client, Plan base, VerdictRequest login, TaskContext ctx,
                         Consumer<StepReport> listener) {
        Optional<ServerVersion> version = base.version();
        Optional<OpenMetadataVersion> target = version.flatMap(v -> target(v));
        if (target.isEmpty()) {
            return base;
        }
        List<Finding> findings = new ArrayList<>();
        ServerVersion v = version.get();
        if (OpenMetadataVersion.newerThanKnown(v.major(), v.minor())) {
            findings.add(Finding.warning("server-newer-than-known", Text.of("finding.server-newer-than-known",
                    v.raw(), target.get().label()), Text.of("finding.server-newer-than-known.hint", v.raw())));
        }
        JsonNode auth = base.toSendMasked().map(b -> b.path("authenticationConfiguration")).orElse(null);
        if (target.get().has20Fields() && auth != null && !auth.has("sessionExpiry")) {
            findings.add(Finding.warning("session-fields-unset", Text.of("finding.session-fields-unset", v.raw()),
                    Text.of("finding.session-fields-unset.hint")));
        }
        if (!target.get().has20Fields()) {
            return base.withFindings(findings, null, Text.of("push.verdicts.note.tooOld", v.raw()));
        }
        if (!base.readyToApply()) {
            return base.withFindings(findings, null, Text.of("push.verdicts.note.invalid"));
        }
        if (!login.hasToken()) {
            StepReport skipped = new StepReport(PushStep.SERVER_VERDICT, StepReport.Status.SKIPPED,
                    Text.of("push.verdicts.noToken"));
            listener.accept(skipped);
            return base.withSteps(List.of(skipped)).withFindings(findings, null,
                    Text.of("push.verdicts.note.noToken"));
        }
        try {
            ctx.checkCancelled();
            ServerVerdict verdict = client.validateToken(base.toSend(), login.idToken());
            StepReport step = verdict.success() && verdict.admin()
                    ? StepReport.ok(PushStep.SERVER_VERDICT, verdict.summary())
                    : new StepReport(PushStep.SERVER_VERDICT, verdict.success() ? StepReport.Status.WARNING
                    : StepReport.Status.FAILED, verdict.summary());
            listener.accept(step);
            disagreement(login.ours(), verdict).ifPresent(findings::add);
            return base.withSteps(List.of(step)).withFindings(findings, verdict, null);
        } catch (PushException e) {
            StepReport failed = StepReport.failed(PushStep.SERVER_VERDICT, e.text());
            listener.accept(failed);
            findings.add(Finding.warning("server-verdict-unavailable", Text.of("finding.server-verdict-unavailable",
                    e.text()), Text.of("finding.server-verdict-unavailable.hint")));
            return base.withSteps(List.of(failed)).withFindings(findings, null,
                    Text.of("push.verdicts.note.failed", e.text()));
        } catch (CancelledException e) {
            StepReport skipped = new StepReport(PushStep.SERVER_VERDICT, StepReport.Status.SKIPPED,
                    Text.of("push.report.cancelled"));
            listener.accept(skipped);
            return base.withSteps(List.of(skipped)).withFindings(List.of(Finding.error("cancelled",
                    Text.of("finding.cancelled"), Text.of("finding.cancelled.hint"))), null,
                    Text.of("push.failure.cancelled"));
        }
    }

    /** An error when the server and the login test disagree about who signs in or whether that user is an admin. */
    static Optional<Finding> disagreement(LockoutEvidence ours, ServerVerdict server) {
        List<Text> differences = new ArrayList<>();
        if (!server.success()) {
            differences.add(Text.of("finding.server-verdict-disagrees.fails", server.summary()));
        } else {
            if (!ours.principal().isEmpty() && !ours.principal().toLowerCase(Locale.ROOT)
                    .equals(server.resolvedPrincipal().toLowerCase(Locale.ROOT))) {
                differences.add(Text.of("finding.server-verdict-disagrees.user", ours.principal(),
                        server.resolvedPrincipal()));
            }
            if (ours.previewIsAdmin() != server.admin()) {
                differences.add(Text.of(ours.previewIsAdmin() ? "finding.server-verdict-disagrees.notAdmin"
                        : "finding.server-verdict-disagrees.admin", server.resolvedPrincipal()));
            }
        }
        if (differences.isEmpty()) {
            return Optional.empty();
        }
        Text all = differences.size() == 1 ? differences.getFirst()
                : Text.of("finding.server-verdict-disagrees.both", differences.get(0), differences.get(1));
        return Optional.of(Finding.error("server-verdict-disagrees", Text.of("finding.server-verdict-disagrees", all),
                Text.of("finding.server-verdict-disagrees.hint")));
    }
}
