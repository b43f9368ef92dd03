package dev.ssosetup.ui.push;

import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.FieldIssue;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.wizard.StepViewModel;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Push step, composed of its parts (ADR 0026): the connection form ({@link PushConnectionViewModel}), plan and
 * apply of the wizard's configuration ({@link PushPlanViewModel}), the two-step restore of a backup
 * ({@link PushRestoreViewModel}), with one lock-out guard ({@link PushGuard}), one status line ({@link PushStatus})
 * and one set of results the view shows ({@link PushResults}). The step is complete once a push was applied and
 * verified.
 */
public final class PushViewModel implements StepViewModel {
    private final Consumer<String> navigator;
    private final PushStatus status;
    private final PushResults results = new PushResults();
    private final PushGuard guard;
    private final PushConnectionViewModel connection;
    private final PushPlanViewModel planning;
    private final PushRestoreViewModel restoring;

    public PushViewModel(HttpGatewayFactory gateways, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages) {
        this(gateways, backups, clock, desired, evidence, navigator, runner, messages, null);
    }

    /** @param keychain the system keychain for "Remember the admin token", or null to offer no keychain */
    public PushViewModel(HttpGatewayFactory gateways, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages,
                         SecretStore keychain) {
        Objects.requireNonNull(backups);
        Objects.requireNonNull(clock);
        this.navigator = Objects.requireNonNull(navigator);
        Objects.requireNonNull(messages);
        this.status = new PushStatus(runner);
        this.guard = new PushGuard(evidence, messages);
        this.connection = new PushConnectionViewModel(gateways, runner, messages, status, keychain);
        Supplier<PushService> service = () -> new PushService(backups, clock);
        this.planning = new PushPlanViewModel(connection, guard, results, status, service, desired, messages,
                this::resetResults);
        this.restoring = new PushRestoreViewModel(connection, guard, results, status, service, backups, messages,
                this::resetResults, planning);
    }

    /** Failures core does not report as values: a CA bundle problem in its own words, anything else is a bug. */
    static void unexpected(PushStatus status, Messages messages, Throwable e) {
        if (e instanceof PushConnectionViewModel.CaBundleProblem problem) {
            status.say(PushStatus.Tone.ERROR, problem.getMessage());
            return;
        }
        // said in one line without a stack trace
        status.say(PushStatus.Tone.ERROR, messages.get("wizard.error.unexpected", e.getClass().getSimpleName()));
    }

    /** A new plan or restore check starts: nothing of the last one stays on screen. */
    private void resetResults() {
        planning.clear();
        restoring.clear();
        results.reset();
    }

    public PushConnectionViewModel connection() {
        return connection;
    }

    public PushPlanViewModel planning() {
        return planning;
    }

    public PushRestoreViewModel restoring() {
        return restoring;
    }

    public PushGuard guard() {
        return guard;
    }

    public PushStatus status() {
        return status;
    }

    public PushResults results() {
        return results;
    }

    /** Wires what the other steps tell Push (login test token and verdict, Keys step key id); read on each plan. */
    public void useContext(Supplier<VerdictRequest> source) {
        planning.useContext(source);
    }

    public void cancel() {
        status.cancel();
    }

    /** Follows a validation error to the wizard step that asks for the field. */
    public void goTo(FieldIssue issue) {
        navigator.accept(issue.location().stepId());
    }

<<<<<<< HEAD
    /** Uses the last backup of this session for Restore. */
    public void useLastBackup() {
        restoreFile.set(backupFile.get());
    }

    // ---- work

    /** A checked restore: the backup and the plan that puts it back. */
    public record PlannedRestore(Backup backup, Plan plan) {
    }

    private record RestoreOutcome(String error, PlannedRestore planned) {
    }

    private RestoreOutcome checkRestore(OpenMetadataClient client, String file, Secret secret,
                                        boolean otherServerAllowed, TaskContext ctx) {
        Backup backup;
        try {
            backup = backups.load(file);
        } catch (BackupStore.BackupException e) {
            return new RestoreOutcome(e.getMessage(), null);
        }
        String here = client.server().toString();
        switch (backup.serverMatch(client.server())) {
            case SAME -> { }
            case OTHER -> {
                if (!otherServerAllowed) {
                    return new RestoreOutcome(messages.get("push.restore.otherServer", backup.serverUrl(), here),
                            null);
                }
            }
            case UNKNOWN -> {
                if (!otherServerAllowed) {
                    return new RestoreOutcome(messages.get("push.restore.unknownServer", here), null);
                }
            }
        }
        if (backup.needsClientSecret() && secret.isEmpty()) {
            return new RestoreOutcome(messages.get("push.restore.needsSecret"), null);
        }
        Plan p = service().planRestore(client, backup, secret, ctx, r -> onFx(() -> planSteps.add(r)));
        return new RestoreOutcome(null, new PlannedRestore(backup, p));
    }

    private PushService service() {
        return new PushService(backups, clock);
    }

    /** What the operator typed to connect; checked on the JavaFX thread, the client is built in the background. */
    private record Inputs(ServerAddress address, Secret token, String caFile) {
    }

    /** A CA bundle that cannot be read or holds no certificate: said as such, never as an "unexpected" error. */
    private static final class CaBundleProblem extends RuntimeException {
        CaBundleProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds the OpenMetadata client: reads the CA bundle and sets up TLS, so only on a background thread. */
    private OpenMetadataClient client(Inputs in) {
        java.util.Optional<byte[]> ca = java.util.Optional.empty();
        if (!in.caFile().isBlank()) {
            try {
                ca = java.util.Optional.of(dev.ssosetup.ui.common.CaBundleFile.read(in.caFile().strip()));
            } catch (java.io.IOException e) {
                throw new CaBundleProblem(e.getMessage());
            }
        }
        try {
            return new OpenMetadataClient(gateways.create(ca), in.address(), in.token(), HttpExchange.Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CaBundleProblem(messages.get("push.caFile.error", e.getMessage()));
        }
    }

    private Optional<Inputs> inputs() {
        serverUrlError.set("");
        tokenError.set("");
        ServerAddress address;
        try {
            address = ServerAddress.parse(serverUrl.get());
        } catch (IllegalArgumentException e) {
            serverUrlError.set(e.getMessage());
            say(Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        if (token.get() == null || token.get().isBlank()) {
            tokenError.set(messages.get("push.token.missing"));
            say(Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        Secret admin;
        try {
            admin = AdminToken.fromText(token.get(), messages.get("push.token"));
        } catch (AdminToken.InvalidTokenException e) {
            tokenError.set(e.getMessage()); // names the offset, never the token
            say(Tone.ERROR, messages.get("push.status.fixFields"));
            return Optional.empty();
        }
        return Optional.of(new Inputs(address, admin, caFile.get() == null ? "" : caFile.get()));
    }

    private <T> void start(BackgroundTask<T> task, String text) {
        busy.set(true);
        progress.set(-1);
        progressText.set(text);
        say(Tone.INFO, text);
        running = runner.execute(task);
        if (running.runningProperty().get()) {
            progress.bind(running.progressProperty());
            running.runningProperty().addListener((o, was, now) -> {
                if (!now) {
                    finished();
                }
            });
        } else {
            finished();
        }
    }

    private void finished() {
        progress.unbind();
        busy.set(false);
        progressText.set("");
    }

    // ---- results

    private void showPlanDetails(Plan p) {
        planSteps.setAll(p.steps());
        p.diff().ifPresent(d -> diff.setAll(d.entries()));
        p.validation().ifPresent(v -> issues.setAll(v.issues()));
    }

    private void showPlan(Plan p) {
        showPlanDetails(p);
        List<String> notes = new java.util.ArrayList<>();
        p.findings().forEach(f -> notes.add(messages.get("push.finding", f.severity().name(),
                messages.text(f.message()), messages.text(f.hint()))));
        p.serverVerdict().ifPresentOrElse(v -> notes.add(messages.get("push.verdict.server", v.summary())),
                () -> {
                    if (!p.serverVerdictNote().isEmpty()) {
                        notes.add(messages.get("push.verdict.none", p.serverVerdictNote()));
                    }
                });
        LockoutEvidence ours = evidence();
        if (p.serverVerdict().isPresent() && ours.loginPassed()) {
            notes.add(messages.get("push.verdict.ours", ours.principal(), ours.previewIsAdmin() ? 1 : 0));
        }
        planNotes.setAll(notes);
        checklist.setAll(p.checklist());
        diffIsRestore.set(false);
        plan.set(p);
        Optional<PushFailure> failure = p.failure();
        if (failure.isPresent()) {
            say(Tone.ERROR, failure.get().text());
        } else if (!p.readyToApply()) {
            say(Tone.ERROR, messages.get("push.status.invalid", issues.size()));
        } else {
            say(Tone.OK, messages.get("push.status.planned", diff.size()));
        }
    }

    private void showApply(ApplyResult r) {
        applySteps.setAll(r.steps());
        if (!r.checklist().isEmpty()) {
            checklist.setAll(r.checklist());
        }
        r.backup().ifPresent(b -> {
            backupFile.set(b.backupFile());
            recoveryFile.set(b.recoveryFile());
            if (restoreFile.get().isBlank()) {
                restoreFile.set(b.backupFile());
            }
        });
        switch (r.outcome()) {
            case APPLIED_AND_VERIFIED -> {
                applied.set(true);
                say(Tone.OK, messages.get("push.status.applied"));
            }
            case APPLIED_NOT_VERIFIED -> {
                applied.set(true);
                say(Tone.WARNING, messages.get("push.status.notVerified")
                        + r.failure().map(f -> " " + f.text()).orElse(""));
            }
            case FAILED -> {
                if (r.failure().map(f -> f.kind() == PushException.Kind.CHANGED_SINCE_READ).orElse(false)) {
                    plan.set(null); // the plan's picture of the server is out of date: plan again
                    planBinding = null;
                }
                say(Tone.ERROR, r.failure().map(PushFailure::text).orElse(""));
                r.failure().filter(f -> !f.issues().isEmpty()).ifPresent(f -> issues.setAll(f.issues()));
            }
        }
    }

    private void showRestoreCheck(RestoreOutcome o) {
        if (o.error() != null) {
            say(Tone.ERROR, o.error());
            return;
        }
        Plan p = o.planned().plan();
        showPlanDetails(p); // not plan.set(p): Apply is for the wizard's configuration, never for a backup
        diffIsRestore.set(true);
        Optional<PushFailure> failure = p.failure();
        if (failure.isPresent()) {
            say(Tone.ERROR, failure.get().text());
        } else if (!p.readyToApply()) {
            say(Tone.ERROR, messages.get("push.status.invalid", issues.size()));
        } else {
            restorePlan.set(o.planned());
            say(Tone.WARNING, messages.get("push.status.restorePlanned", WHEN.format(o.planned().backup().takenAt()),
                    o.planned().backup().serverUrl().isEmpty() ? "?" : o.planned().backup().serverUrl(),
                    diff.size()) + (restoreGuardDecision().allowed() ? ""
                    : " " + messages.get("push.status.restoreGuard")));
        }
    }

    private void unexpected(Throwable e) {
        if (e instanceof CaBundleProblem problem) {
            say(Tone.ERROR, problem.getMessage());
            return;
        }
        // core reports failures as values; anything else is a bug, said in one line without a stack trace
        say(Tone.ERROR, messages.get("wizard.error.unexpected", e.getClass().getSimpleName()));
    }

    private void invalidatePlan() {
        if (plan.get() != null && !busy.get()) {
            dropPlan("push.status.replan");
        }
    }

    private void dropPlan(String messageKey) {
        plan.set(null);
        planBinding = null;
        say(Tone.INFO, messages.get(messageKey));
    }

    /**
     * True while the plan still sends exactly what the wizard asks for now, and this session's login evidence is
     * the one it was guarded with.
     */
    private boolean planStillBound() {
        Plan p = plan.get();
        if (p == null || planBinding == null || !planBinding.boundTo(p)) {
            return false;
        }
        Optional<DesiredConfiguration> now = desired.get();
        return now.isPresent() && PlanBinding.of(now.get(), evidence()).equals(planBinding);
    }

    private void resetResults() {
        plan.set(null);
        planBinding = null;
        restorePlan.set(null);
        planSteps.clear();
        diff.clear();
        issues.clear();
        applySteps.clear();
        planNotes.clear();
        checklist.clear();
        applied.set(false);
    }

    private LockoutGuard.Decision guardDecision() {
        Plan p = plan.get();
        com.fasterxml.jackson.databind.JsonNode body = p == null ? com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode() : p.toSendMasked().orElse(com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode());
        return LockoutGuard.check(body, evidence(), p == null ? null : p.serverVerdict().orElse(null),
                confirmation.get());
    }

    /** The lock-out guard for the checked restore: the same as for a push, on the body the restore would send. */
    private LockoutGuard.Decision restoreGuardDecision() {
        PlannedRestore r = restorePlan.get();
        com.fasterxml.jackson.databind.JsonNode body = r == null ? com.fasterxml.jackson.databind.node
                .JsonNodeFactory.instance.objectNode() : r.plan().toSendMasked().orElse(com.fasterxml.jackson
                .databind.node.JsonNodeFactory.instance.objectNode());
        return LockoutGuard.check(body, evidence(), confirmation.get());
    }

    private LockoutEvidence evidence() {
        return Objects.requireNonNullElse(evidence.getValue(), LockoutEvidence.none());
    }

    private void say(Tone t, String text) {
        tone.set(t);
        status.set(text);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    // ---- properties

=======
>>>>>>> i13b
    @Override
    public ObservableBooleanValue validProperty() {
        return results.appliedProperty();
    }

    @Override
    public void onEnter() {
        planning.onEnter();
        connection.lookUpRememberedToken();
    }

    /** The recovery path when no UI is reachable, for the view's help. */
    public String recoverySteps() {
        return Backup.recoverySteps();
    }
}
