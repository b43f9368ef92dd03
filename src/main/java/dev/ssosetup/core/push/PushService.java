package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Plan and apply, like {@code terraform}: {@link #plan} connects, reads the live configuration, diffs and validates
 * without changing anything; {@link #apply} passes the lock-out guard, backs the live configuration up, PUTs ours and
 * verifies it. Every step is reported to a listener as it ends. Nothing is retried: after a PUT without a proper
 * answer the configuration is read back once to tell the operator the server's state.
 */
public final class PushService {
    private final BackupStore backups;
    private final Clock clock;

    public PushService(BackupStore backups, Clock clock) {
        this.backups = backups;
        this.clock = clock;
    }

    /** Connect, read, diff, validate. Changes nothing on the server. */
    public Plan plan(OpenMetadataClient client, DesiredConfiguration desired, TaskContext ctx,
                     Consumer<StepReport> listener) {
        return plan(client, desired, VerdictRequest.none(), ctx, listener);
    }

    /**
     * Connect, read, diff, validate, and on a 2.0+ server with a login test's ID token, ask the server for its own
     * verdict ({@code validate-token}) on the exact body to be applied. Changes nothing on the server.
     */
    public Plan plan(OpenMetadataClient client, DesiredConfiguration desired, VerdictRequest login, TaskContext ctx,
                     Consumer<StepReport> listener) {
        Plan base = planSteps(client, desired, ctx, listener);
        Plan plan = ServerVerdicts.complete(client, base, login, ctx, listener);
        if (plan.version().isEmpty() || ctx.isCancelled()) {
            return plan;
        }
        return plan.withChecklist(PostPushChecklist.of(servedKeyIds(client), login.configuredKeyId(),
                login.testRedirectUri()), login);
    }

    /** The key ids OpenMetadata's own JWKS serves; empty when they cannot be read. */
    private static Optional<List<String>> servedKeyIds(OpenMetadataClient client) {
        try {
            return Optional.of(client.fetchKeyIds(client.server().api("/v1/system/config/jwks").toString()));
        } catch (PushException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * After an apply that reached the server: the served JWT key ids against the Keys step's key id (a warning, not a
     * failure: OpenMetadata reads its keys at start-up, so they change only after a restart), and the checklist.
     */
    private ApplyResult afterApply(OpenMetadataClient client, Plan plan, ApplyResult r, Steps steps) {
        if (r.serverState() != ServerState.APPLIED) {
            return r;
        }
        Optional<List<String>> kids = servedKeyIds(client);
        String kid = plan.context().configuredKeyId();
        StepReport step;
        if (kids.isEmpty()) {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING,
                    Text.of("push.report.keyIds.unreadable"));
        } else if (kids.get().contains(PostPushChecklist.SHIPPED_KEY_ID)) {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING,
                    Text.of("push.report.keyIds.shipped", kids.get().toString(), PostPushChecklist.SHIPPED_KEY_ID));
        } else if (kid.isEmpty()) {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.SKIPPED,
                    Text.of("push.report.keyIds.noKeyId", kids.get().toString()));
        } else if (kids.get().contains(kid)) {
            step = StepReport.ok(PushStep.VERIFY_KEY_IDS, Text.of("push.report.keyIds.ok", kids.get().toString(),
                    kid));
        } else {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING,
                    Text.of("push.report.keyIds.other", kids.get().toString(), kid));
        }
        steps.add(step);
        return new ApplyResult(r.outcome(), steps.list, r.backup(), r.failure(), r.serverState(),
                PostPushChecklist.of(kids, kid, plan.context().testRedirectUri()));
    }

    private Plan planSteps(OpenMetadataClient client, DesiredConfiguration desired, TaskContext ctx,
                           Consumer<StepReport> listener) {
        Steps steps = new Steps(listener);
        ServerAddress server = client.server();
        ServerVersion version;
        ObjectNode live;
        try {
            ctx.progress(0.05, PushStep.CONNECT.title());
            version = client.version();
            if (!version.hasSecurityConfigApi()) {
                Text text = Text.of("push.report.tooOld", version.raw());
                steps.add(StepReport.failed(PushStep.CONNECT, text));
                return failedPlan(server, version, null, null, steps,
                        new PushFailure(PushStep.CONNECT, PushException.Kind.TOO_OLD, 0, text, ServerState.UNCHANGED,
                                List.of()));
            }
            steps.add(StepReport.ok(PushStep.CONNECT, Text.of("push.report.connected", version.raw(),
                    server.toString())));
            ctx.checkCancelled();
            ctx.progress(0.25, PushStep.READ.title());
        } catch (PushException e) {
            return failedPlan(server, null, null, null, steps.fail(PushStep.CONNECT, e), failure(PushStep.CONNECT, e));
        } catch (CancelledException e) {
            return cancelledPlan(server, steps, PushStep.CONNECT);
        }
        try {
            live = client.readConfig();
            steps.add(StepReport.ok(PushStep.READ, Text.of(SecretFields.looksMasked(SecretFields.clientSecretIn(live))
                    ? "push.report.readMasked" : "push.report.read", provider(live))));
            ctx.checkCancelled();
        } catch (PushException e) {
            return failedPlan(server, version, null, null, steps.fail(PushStep.READ, e), failure(PushStep.READ, e));
        } catch (CancelledException e) {
            return cancelledPlan(server, steps, PushStep.READ);
        }
        ObjectNode toSend = SecretFields.withClientSecret(desired.body(), desired.clientSecret());
        ctx.progress(0.5, PushStep.DIFF.title());
        ConfigDiff diff = ConfigDiff.between(live, toSend);
        steps.add(StepReport.ok(PushStep.DIFF, Text.of("push.report.diff", diff.entries().size())));
        ctx.progress(0.7, PushStep.VALIDATE.title());
        Optional<FieldIssue> local = secretProblem(toSend);
        if (local.isPresent()) {
            ValidationReport report = new ValidationReport(false, List.of(local.get()));
            steps.add(StepReport.failed(PushStep.VALIDATE, local.get().error()));
            return new Plan(server, version, live, toSend, diff, report, steps.list, null);
        }
        List<FieldIssue> unknownToServer = ServerVerdicts.fieldsTheServerDoesNotKnow(version, toSend);
        if (!unknownToServer.isEmpty()) {
            ValidationReport report = new ValidationReport(false, unknownToServer);
            steps.add(StepReport.failed(PushStep.VALIDATE, Text.of("push.report.unknownToServer",
                    unknownToServer.size(), version.raw(), unknownToServer.stream().map(FieldIssue::line).toList())));
            return new Plan(server, version, live, toSend, diff, report, steps.list, null);
        }
        try {
            ValidationReport report = client.validate(toSend);
            steps.add(report.passed() ? StepReport.ok(PushStep.VALIDATE, Text.of("push.report.validated"))
                    : StepReport.failed(PushStep.VALIDATE, Text.of("push.report.invalid", report.issues().size(),
                    report.issues().stream().map(FieldIssue::line).toList())));
            ctx.progress(1, Text.of("task.done"));
            return new Plan(server, version, live, toSend, diff, report, steps.list, null);
        } catch (PushException e) {
            if (e.kind() == PushException.Kind.INVALID && !e.issues().isEmpty()) {
                ValidationReport report = new ValidationReport(false, e.issues());
                steps.fail(PushStep.VALIDATE, e);
                return new Plan(server, version, live, toSend, diff, report, steps.list, null);
            }
            return failedPlan(server, version, live, diff, steps.fail(PushStep.VALIDATE, e),
                    failure(PushStep.VALIDATE, e));
        } catch (CancelledException e) {
            return cancelledPlan(server, steps, PushStep.VALIDATE);
        }
    }

    /**
     * A plan that puts a backup back. The client secret is needed when the server had masked it in the backup; the
     * rest is the backed-up configuration unchanged.
     */
    public Plan planRestore(OpenMetadataClient client, Backup backup, Secret clientSecret, TaskContext ctx,
                            Consumer<StepReport> listener) {
        return planRestore(client, backup, clientSecret, java.util.Map.of(), ctx, listener);
    }

    /**
     * A plan that puts a backup back, with the real values of other secret fields the server had masked in it
     * ({@code fieldSecrets}: dotted path to value, e.g. {@code authenticationConfiguration.ldapConfiguration
     * .dnAdminPassword}). A masked value left in the backup is refused, naming the field.
     */
    public Plan planRestore(OpenMetadataClient client, Backup backup, Secret clientSecret,
                            java.util.Map<String, Secret> fieldSecrets, TaskContext ctx,
                            Consumer<StepReport> listener) {
        if (backup.needsClientSecret() && clientSecret.isEmpty()) {
            Text text = Text.of("push.failure.restoreSecret");
            Steps steps = new Steps(listener);
            steps.add(StepReport.failed(PushStep.VALIDATE, text));
            return failedPlan(client.server(), null, null, null, steps, new PushFailure(PushStep.VALIDATE,
                    PushException.Kind.REFUSED_LOCALLY, 0, text, ServerState.UNCHANGED,
                    List.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, text))));
        }
        ObjectNode body;
        try {
            body = SecretFields.withSecrets(backup.configuration(), fieldSecrets);
        } catch (SecretFields.NotASecretField e) {
            Text text = Text.of("push.failure.notSecretField", e.field());
            Steps steps = new Steps(listener);
            steps.add(StepReport.failed(PushStep.VALIDATE, text));
            return failedPlan(client.server(), null, null, null, steps, new PushFailure(PushStep.VALIDATE,
                    PushException.Kind.REFUSED_LOCALLY, 0, text, ServerState.UNCHANGED, List.of()));
        }
        return plan(client, new DesiredConfiguration(body, clientSecret), ctx, listener);
    }

    /**
     * Guard, back up, PUT, verify. Refuses a plan that is not ready or a guard decision that does not allow it.
     */
    public ApplyResult apply(OpenMetadataClient client, Plan plan, LockoutGuard.Decision guard, TaskContext ctx,
                             Consumer<StepReport> listener) {
        Steps steps = new Steps(listener);
        if (!plan.readyToApply()) {
            Text text = Text.of("push.failure.notPassed");
            steps.add(StepReport.failed(PushStep.GUARD, text));
            return failed(steps, null, new PushFailure(PushStep.GUARD, PushException.Kind.REFUSED_LOCALLY, 0, text,
                    ServerState.UNCHANGED, List.of()));
        }
        if (!guard.allowed()) {
            steps.add(StepReport.failed(PushStep.GUARD, guard.reason()));
            return failed(steps, null, new PushFailure(PushStep.GUARD, PushException.Kind.REFUSED_LOCALLY, 0,
                    Text.of("push.failure.guard", guard.reason()), ServerState.UNCHANGED, List.of()));
        }
        steps.add(StepReport.ok(PushStep.GUARD, guard.reason()));

        ctx.progress(0.1, PushStep.BACKUP.title());
        // read again right before the PUT: a change made since the plan is never overwritten unseen, and the
        // backup is exactly what the PUT replaces
        ObjectNode live;
        try {
            live = client.readConfig();
        } catch (PushException e) {
            Text text = Text.of("push.failure.reread", e.text());
            steps.add(StepReport.failed(PushStep.BACKUP, text));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, e.kind(), e.status(), text,
                    ServerState.UNCHANGED, List.of()));
        }
        ObjectNode planned = plan.live().orElseThrow();
        if (!live.equals(planned)) {
            Text text = changedSincePlan(planned, live, plan.toSendMasked().orElseThrow());
            steps.add(StepReport.failed(PushStep.BACKUP, text));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, PushException.Kind.CHANGED_SINCE_READ, 0,
                    text, ServerState.UNCHANGED, List.of()));
        }
        Backup backup = Backup.of(live, clock.instant(), plan.server().toString(),
                plan.version().map(ServerVersion::raw).orElse(""));
        BackupStore.Saved saved;
        try {
            saved = backups.save(backup);
            steps.add(StepReport.ok(PushStep.BACKUP, Text.of("push.report.backup", saved.backupFile(),
                    saved.recoveryFile())));
        } catch (BackupStore.BackupException e) {
            steps.add(StepReport.failed(PushStep.BACKUP, e.text()));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, PushException.Kind.REFUSED_LOCALLY, 0,
                    Text.of("push.failure.noBackup", e.text()), ServerState.UNCHANGED, List.of()));
        }
        if (ctx.isCancelled()) {
            steps.add(new StepReport(PushStep.APPLY, StepReport.Status.SKIPPED,
                    Text.of("push.report.cancelledBeforeSending")));
            return failed(steps, saved, new PushFailure(PushStep.APPLY, PushException.Kind.CANCELLED, 0,
                    Text.of("push.failure.cancelledBeforeSending"), ServerState.UNCHANGED, List.of()));
        }

        ctx.progress(0.3, PushStep.APPLY.title());
        ObjectNode sent = plan.toSend();
        try {
            client.putConfig(sent);
            steps.add(StepReport.ok(PushStep.APPLY, Text.of("push.report.applied")));
        } catch (PushException e) {
            return afterApply(client, plan, afterFailedPut(client, e, sent, live, saved, steps, ctx), steps);
        }
        return afterApply(client, plan, verify(client, sent, saved, steps, ctx), steps);
    }

    private ApplyResult afterFailedPut(OpenMetadataClient client, PushException e, ObjectNode sent, ObjectNode live,
                                       BackupStore.Saved saved, Steps steps, TaskContext ctx) {
        ServerState state = switch (e.kind()) {
            case UNAUTHORIZED, FORBIDDEN, INVALID, MANAGED_ELSEWHERE, CHANGED_SINCE_READ, TLS, REFUSED_LOCALLY,
                 TOO_OLD -> ServerState.UNCHANGED;
            default -> ServerState.UNKNOWN;
        };
        Text found = null;
        if (state == ServerState.UNKNOWN && !ctx.isCancelled()) {
            // one read (not a retry of the PUT) to tell the operator where the server stands
            try {
                ObjectNode now = client.readConfig();
                if (ReadBackComparison.same(sent, now)) {
                    state = ServerState.APPLIED;
                } else if (ConfigDiff.between(live, now).entries().stream()
                        .allMatch(d -> SecretFields.isSecret(d.path()))) {
                    state = ServerState.UNCHANGED;
                }
                found = Text.of(state == ServerState.APPLIED ? "push.failure.readBack.applied"
                        : state == ServerState.UNCHANGED ? e.kind() == PushException.Kind.SERVER_ERROR
                        ? "push.failure.readBack.rolledBack" : "push.failure.readBack.unchanged"
                        : "push.failure.readBack.neither");
            } catch (PushException again) {
                found = Text.of("push.failure.readBack.failed", again.text());
            }
        }
        Text text = found == null ? Text.of("push.failure.put", e.text(), saved.backupFile())
                : Text.of("push.failure.putChecked", e.text(), found, saved.backupFile());
        steps.add(StepReport.failed(PushStep.APPLY, text));
        PushFailure failure = new PushFailure(PushStep.APPLY, e.kind(), e.status(), text, state, e.issues());
        if (state == ServerState.APPLIED) {
            ApplyResult verified = verify(client, sent, saved, steps, ctx);
            return new ApplyResult(ApplyResult.Outcome.APPLIED_NOT_VERIFIED, verified.steps(), Optional.of(saved),
                    Optional.of(failure), ServerState.APPLIED);
        }
        return new ApplyResult(ApplyResult.Outcome.FAILED, steps.list, Optional.of(saved), Optional.of(failure),
                state);
    }

    private ApplyResult verify(OpenMetadataClient client, ObjectNode sent, BackupStore.Saved saved, Steps steps,
                               TaskContext ctx) {
        boolean allOk = true;
        JsonNode readBack = null;
        ctx.progress(0.6, PushStep.VERIFY_READ_BACK.title());
        try {
            readBack = client.readConfig();
            List<Text> mismatches = ReadBackComparison.mismatches(sent, readBack);
            if (mismatches.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_READ_BACK, Text.of("push.report.readBack.ok")));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_READ_BACK, Text.of("push.report.list", mismatches)));
            }
        } catch (PushException e) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_READ_BACK, e.text()));
        }
        ctx.progress(0.75, PushStep.VERIFY_PROVIDER.title());
        String wanted = provider(sent);
        try {
            JsonNode auth = client.authConfig();
            List<Text> wrong = new ArrayList<>();
            for (String field : List.of("provider", "providerName", "clientId", "authority")) {
                JsonNode expected = sent.path("authenticationConfiguration").path(field);
                if (!expected.isMissingNode() && !expected.equals(auth.path(field))) {
                    wrong.add(Text.of("push.report.provider.field", field, auth.path(field).toString(),
                            expected.toString()));
                }
            }
            if (wrong.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_PROVIDER, Text.of("push.report.provider.ok", wanted)));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_PROVIDER, Text.of("push.report.provider.wrong", wrong)));
            }
        } catch (PushException e) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_PROVIDER, e.text()));
        }
        ctx.progress(0.9, PushStep.VERIFY_KEYS.title());
        JsonNode source = readBack != null ? readBack : sent;
        List<String> urls = new ArrayList<>();
        source.path("authenticationConfiguration").path("publicKeyUrls").forEach(u -> urls.add(u.asText()));
        if (urls.isEmpty()) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_KEYS, Text.of("push.report.keys.none")));
        } else {
            List<Text> good = new ArrayList<>();
            List<Text> bad = new ArrayList<>();
            for (String url : urls) {
                try {
                    good.add(Text.of("push.report.keys.url", url, client.fetchKeyCount(url)));
                } catch (PushException e) {
                    bad.add(e.text());
                }
            }
            if (bad.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_KEYS, Text.of("push.report.list", good)));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_KEYS, Text.of("push.report.list", bad)));
            }
        }
        ctx.progress(1, Text.of("task.done"));
        return new ApplyResult(allOk ? ApplyResult.Outcome.APPLIED_AND_VERIFIED
                : ApplyResult.Outcome.APPLIED_NOT_VERIFIED, steps.list, Optional.of(saved), Optional.empty(),
                ServerState.APPLIED);
    }

    /**
     * A secret that must not be sent: any secret field (OIDC client secret, LDAP and SAML passwords and keys) that
     * holds the server's mask, or a missing client secret for a confidential client.
     */
    private static Optional<FieldIssue> secretProblem(ObjectNode toSend) {
        for (String path : SecretFields.maskedPaths(toSend)) {
            if (!path.equals(SecretFields.CLIENT_SECRET_PATH)) {
                return Optional.of(FieldIssue.of(path, Text.of("push.issue.maskedField", path)));
            }
        }
        if (!SecretFields.hasOidcBlock(toSend)) {
            return Optional.empty();
        }
        String secret = SecretFields.clientSecretIn(toSend);
        if (secret.isEmpty() || secret.startsWith("REPLACE-WITH")) {
            return Optional.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, Text.of("push.issue.secretMissing")));
        }
        if (SecretFields.looksMasked(secret)) {
            return Optional.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, Text.of("push.issue.secretMasked")));
        }
        return Optional.empty();
    }

    /** Says what changed on the server since the plan, and what the push would change now. */
    private static Text changedSincePlan(ObjectNode planned, ObjectNode now, JsonNode oursMasked) {
        List<String> since = ConfigDiff.between(planned, now).entries().stream()
                .filter(d -> !(SecretFields.isSecret(d.path()) && d.change() == DiffEntry.Change.CHANGED))
                .map(DiffEntry::line).toList();
        List<String> fresh = ConfigDiff.between(now, oursMasked).lines();
        return Text.of("push.failure.changedSincePlan", since.isEmpty()
                ? Text.of("push.failure.changedSincePlan.secret") : since, fresh);
    }

    private static String provider(JsonNode config) {
        return config.path("authenticationConfiguration").path("provider").asText("?");
    }

    private static PushFailure failure(PushStep step, PushException e) {
        return PushFailure.of(step, e, ServerState.UNCHANGED);
    }

    private static Plan failedPlan(ServerAddress server, ServerVersion version, ObjectNode live, ConfigDiff diff,
                                   Steps steps, PushFailure failure) {
        return new Plan(server, version, live, null, diff, null, steps.list, failure);
    }

    private static Plan cancelledPlan(ServerAddress server, Steps steps, PushStep at) {
        steps.add(new StepReport(at, StepReport.Status.SKIPPED, Text.of("push.report.cancelled")));
        return failedPlan(server, null, null, null, steps, new PushFailure(at, PushException.Kind.CANCELLED, 0,
                Text.of("push.failure.cancelled"), ServerState.UNCHANGED, List.of()));
    }

    private static ApplyResult failed(Steps steps, BackupStore.Saved saved, PushFailure failure) {
        return new ApplyResult(ApplyResult.Outcome.FAILED, steps.list, Optional.ofNullable(saved),
                Optional.of(failure), failure.serverState());
    }

    /** Collects step reports and tells the listener as each ends. */
    private static final class Steps {
        private final List<StepReport> list = new ArrayList<>();
        private final Consumer<StepReport> listener;

        Steps(Consumer<StepReport> listener) {
            this.listener = listener == null ? r -> { } : listener;
        }

        void add(StepReport r) {
            list.add(r);
            listener.accept(r);
        }

        Steps fail(PushStep step, PushException e) {
            add(StepReport.failed(step, e.text()));
            return this;
        }
    }
}
