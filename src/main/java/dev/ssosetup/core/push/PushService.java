package dev.ssosetup.core.push;

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
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING, "could not read the server's "
                    + "/api/v1/system/config/jwks");
        } else if (kids.get().contains(PostPushChecklist.SHIPPED_KEY_ID)) {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING, "the server serves "
                    + kids.get() + ", including OpenMetadata's shipped key " + PostPushChecklist.SHIPPED_KEY_ID
                    + ": replace the keys and restart (see the checklist)");
        } else if (kid.isEmpty()) {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.SKIPPED, "the server serves "
                    + kids.get() + "; no key id from the Keys step to compare with");
        } else if (kids.get().contains(kid)) {
            step = StepReport.ok(PushStep.VERIFY_KEY_IDS, "the server serves " + kids.get()
                    + ", including the configured key id " + kid);
        } else {
            step = new StepReport(PushStep.VERIFY_KEY_IDS, StepReport.Status.WARNING, "the server serves "
                    + kids.get() + ", not the configured key id " + kid + ": put the new keys in place and restart "
                    + "OpenMetadata");
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
                String text = "OpenMetadata " + version.raw() + " has no security-configuration API (it came with "
                        + "1.10): it cannot be configured at run time. Use the rendered files of the Review step "
                        + "(openmetadata.yaml, environment or Helm values) and restart the server.";
                steps.add(StepReport.failed(PushStep.CONNECT, text));
                return failedPlan(server, version, null, null, steps,
                        new PushFailure(PushStep.CONNECT, PushException.Kind.TOO_OLD, 0, text, ServerState.UNCHANGED,
                                List.of()));
            }
            steps.add(StepReport.ok(PushStep.CONNECT, "OpenMetadata " + version.raw() + " at " + server));
            ctx.checkCancelled();
            ctx.progress(0.25, PushStep.READ.title());
        } catch (PushException e) {
            return failedPlan(server, null, null, null, steps.fail(PushStep.CONNECT, e), failure(PushStep.CONNECT, e));
        } catch (CancelledException e) {
            return cancelledPlan(server, steps, PushStep.CONNECT);
        }
        try {
            live = client.readConfig();
            steps.add(StepReport.ok(PushStep.READ, "provider " + provider(live)
                    + (SecretFields.looksMasked(SecretFields.clientSecretIn(live)) ? "; client secret masked by the "
                    + "server" : "")));
            ctx.checkCancelled();
        } catch (PushException e) {
            return failedPlan(server, version, null, null, steps.fail(PushStep.READ, e), failure(PushStep.READ, e));
        } catch (CancelledException e) {
            return cancelledPlan(server, steps, PushStep.READ);
        }
        ObjectNode toSend = SecretFields.withClientSecret(desired.body(), desired.clientSecret());
        ctx.progress(0.5, PushStep.DIFF.title());
        ConfigDiff diff = ConfigDiff.between(live, toSend);
        steps.add(StepReport.ok(PushStep.DIFF, diff.isEmpty() ? "no changes"
                : diff.entries().size() + " field(s) change"));
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
            steps.add(StepReport.failed(PushStep.VALIDATE, unknownToServer.size() + " field(s) that OpenMetadata "
                    + version.raw() + " does not know or still requires (checked before sending): "
                    + String.join("; ", unknownToServer.stream().map(i -> i.field() + ": " + i.error()).toList())));
            return new Plan(server, version, live, toSend, diff, report, steps.list, null);
        }
        try {
            ValidationReport report = client.validate(toSend);
            steps.add(report.passed() ? StepReport.ok(PushStep.VALIDATE, "OpenMetadata accepts the configuration")
                    : StepReport.failed(PushStep.VALIDATE, report.issues().size() + " problem(s): "
                    + String.join("; ", report.issues().stream().map(i -> i.field() + ": " + i.error()).toList())));
            ctx.progress(1, "");
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
            String text = "The backup's client secret was masked by the server: give the client secret to restore it"
                    + " (a masked value would be stored as is and break sign-in).";
            Steps steps = new Steps(listener);
            steps.add(StepReport.failed(PushStep.VALIDATE, text));
            return failedPlan(client.server(), null, null, null, steps, new PushFailure(PushStep.VALIDATE,
                    PushException.Kind.REFUSED_LOCALLY, 0, text, ServerState.UNCHANGED,
                    List.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, text))));
        }
        ObjectNode body;
        try {
            body = SecretFields.withSecrets(backup.configuration(), fieldSecrets);
        } catch (IllegalArgumentException e) {
            Steps steps = new Steps(listener);
            steps.add(StepReport.failed(PushStep.VALIDATE, e.getMessage()));
            return failedPlan(client.server(), null, null, null, steps, new PushFailure(PushStep.VALIDATE,
                    PushException.Kind.REFUSED_LOCALLY, 0, e.getMessage(), ServerState.UNCHANGED, List.of()));
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
            String text = "The plan did not pass (connect, read and validate must succeed): nothing was sent.";
            steps.add(StepReport.failed(PushStep.GUARD, text));
            return failed(steps, null, new PushFailure(PushStep.GUARD, PushException.Kind.REFUSED_LOCALLY, 0, text,
                    ServerState.UNCHANGED, List.of()));
        }
        if (!guard.allowed()) {
            steps.add(StepReport.failed(PushStep.GUARD, guard.reason()));
            return failed(steps, null, new PushFailure(PushStep.GUARD, PushException.Kind.REFUSED_LOCALLY, 0,
                    "Refused by the lock-out guard: " + guard.reason(), ServerState.UNCHANGED, List.of()));
        }
        steps.add(StepReport.ok(PushStep.GUARD, guard.reason()));

        ctx.progress(0.1, PushStep.BACKUP.title());
        // read again right before the PUT: a change made since the plan is never overwritten unseen, and the
        // backup is exactly what the PUT replaces
        ObjectNode live;
        try {
            live = client.readConfig();
        } catch (PushException e) {
            String text = "Could not read the live configuration again before sending: " + e.getMessage()
                    + " Nothing was sent.";
            steps.add(StepReport.failed(PushStep.BACKUP, text));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, e.kind(), e.status(), text,
                    ServerState.UNCHANGED, List.of()));
        }
        ObjectNode planned = plan.live().orElseThrow();
        if (!live.equals(planned)) {
            String text = changedSincePlan(planned, live, plan.toSendMasked().orElseThrow());
            steps.add(StepReport.failed(PushStep.BACKUP, text));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, PushException.Kind.CHANGED_SINCE_READ, 0,
                    text, ServerState.UNCHANGED, List.of()));
        }
        Backup backup = Backup.of(live, clock.instant(), plan.server().toString(),
                plan.version().map(ServerVersion::raw).orElse(""));
        BackupStore.Saved saved;
        try {
            saved = backups.save(backup);
            steps.add(StepReport.ok(PushStep.BACKUP, saved.backupFile() + " (recovery steps: " + saved.recoveryFile()
                    + ")"));
        } catch (BackupStore.BackupException e) {
            steps.add(StepReport.failed(PushStep.BACKUP, e.getMessage()));
            return failed(steps, null, new PushFailure(PushStep.BACKUP, PushException.Kind.REFUSED_LOCALLY, 0,
                    "No backup, so nothing was sent: " + e.getMessage(), ServerState.UNCHANGED, List.of()));
        }
        if (ctx.isCancelled()) {
            steps.add(new StepReport(PushStep.APPLY, StepReport.Status.SKIPPED, "cancelled before sending"));
            return failed(steps, saved, new PushFailure(PushStep.APPLY, PushException.Kind.CANCELLED, 0,
                    "Cancelled before the configuration was sent.", ServerState.UNCHANGED, List.of()));
        }

        ctx.progress(0.3, PushStep.APPLY.title());
        ObjectNode sent = plan.toSend();
        try {
            client.putConfig(sent);
            steps.add(StepReport.ok(PushStep.APPLY, "the server accepted the configuration and reloaded sign-in"));
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
        String found = "";
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
                found = " Read back once to check: " + (state == ServerState.APPLIED ? "the new configuration is in "
                        + "place." : state == ServerState.UNCHANGED ? "the previous configuration is still in place"
                        + (e.kind() == PushException.Kind.SERVER_ERROR ? " (rolled back)." : ".")
                        : "the server holds neither the previous nor the new configuration.");
            } catch (PushException again) {
                found = " Reading it back failed too: " + again.getMessage();
            }
        }
        String text = e.getMessage() + found + " The backup stays at " + saved.backupFile() + ".";
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
            List<String> mismatches = ReadBackComparison.mismatches(sent, readBack);
            if (mismatches.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_READ_BACK, "the server returns what was sent (the client "
                        + "secret is masked by the server and was not compared)"));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_READ_BACK, String.join("; ", mismatches)));
            }
        } catch (PushException e) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_READ_BACK, e.getMessage()));
        }
        ctx.progress(0.75, PushStep.VERIFY_PROVIDER.title());
        String wanted = provider(sent);
        try {
            JsonNode auth = client.authConfig();
            List<String> wrong = new ArrayList<>();
            for (String field : List.of("provider", "providerName", "clientId", "authority")) {
                JsonNode expected = sent.path("authenticationConfiguration").path(field);
                if (!expected.isMissingNode() && !expected.equals(auth.path(field))) {
                    wrong.add(field + " is " + auth.path(field) + ", expected " + expected);
                }
            }
            if (wrong.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_PROVIDER, "/api/v1/system/config/auth shows provider "
                        + wanted + ": the sign-in page uses it"));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_PROVIDER, "/api/v1/system/config/auth: "
                        + String.join("; ", wrong)));
            }
        } catch (PushException e) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_PROVIDER, e.getMessage()));
        }
        ctx.progress(0.9, PushStep.VERIFY_KEYS.title());
        JsonNode source = readBack != null ? readBack : sent;
        List<String> urls = new ArrayList<>();
        source.path("authenticationConfiguration").path("publicKeyUrls").forEach(u -> urls.add(u.asText()));
        if (urls.isEmpty()) {
            allOk = false;
            steps.add(StepReport.failed(PushStep.VERIFY_KEYS, "publicKeyUrls is empty: no token can be checked"));
        } else {
            List<String> good = new ArrayList<>();
            List<String> bad = new ArrayList<>();
            for (String url : urls) {
                try {
                    good.add(url + " (" + client.fetchKeyCount(url) + " key(s))");
                } catch (PushException e) {
                    bad.add(e.getMessage());
                }
            }
            if (bad.isEmpty()) {
                steps.add(StepReport.ok(PushStep.VERIFY_KEYS, String.join(", ", good)));
            } else {
                allOk = false;
                steps.add(StepReport.failed(PushStep.VERIFY_KEYS, String.join("; ", bad)));
            }
        }
        ctx.progress(1, "");
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
                return Optional.of(FieldIssue.of(path, path + " holds the server's mask (*****), not the real value: "
                        + "OpenMetadata would store the mask and what depends on it would break. Give the real "
                        + "value (restore: --secret-file " + path + "=FILE), or take the field out."));
            }
        }
        if (!SecretFields.hasOidcBlock(toSend)) {
            return Optional.empty();
        }
        String secret = SecretFields.clientSecretIn(toSend);
        if (secret.isEmpty() || secret.startsWith("REPLACE-WITH")) {
            return Optional.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, "The client secret is missing: a "
                    + "confidential client needs it (Provider step, Client secret)."));
        }
        if (SecretFields.looksMasked(secret)) {
            return Optional.of(FieldIssue.of(SecretFields.CLIENT_SECRET_PATH, "The client secret is the server's "
                    + "mask (*****): OpenMetadata would store the mask as the secret and sign-in would break. Give "
                    + "the real client secret."));
        }
        return Optional.empty();
    }

    /** Says what changed on the server since the plan, and what the push would change now. */
    private static String changedSincePlan(ObjectNode planned, ObjectNode now, JsonNode oursMasked) {
        List<String> since = ConfigDiff.between(planned, now).entries().stream()
                .filter(d -> !(SecretFields.isSecret(d.path()) && d.change() == DiffEntry.Change.CHANGED))
                .map(DiffEntry::line).toList();
        List<String> fresh = ConfigDiff.between(now, oursMasked).lines();
        return "The configuration on the server changed since the plan (someone or something else changed it): "
                + "nothing was sent, so that change is not overwritten. Changed since the plan: "
                + (since.isEmpty() ? "a secret field (the server masks it)" : String.join("; ", since))
                + ". The push would now change: " + String.join("; ", fresh)
                + ". Plan again, check the new diff, then apply.";
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
        steps.add(new StepReport(at, StepReport.Status.SKIPPED, "cancelled"));
        return failedPlan(server, null, null, null, steps, new PushFailure(at, PushException.Kind.CANCELLED, 0,
                "Cancelled.", ServerState.UNCHANGED, List.of()));
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
            add(StepReport.failed(step, e.getMessage()));
            return this;
        }
    }
}
