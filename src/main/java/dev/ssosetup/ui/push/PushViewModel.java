package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.push.AdminToken;
import dev.ssosetup.core.push.ApplyResult;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.DiffEntry;
import dev.ssosetup.core.push.FieldIssue;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.ChecklistItem;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PlanBinding;
import dev.ssosetup.core.push.PushException;
import dev.ssosetup.core.push.PushFailure;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.push.StepReport;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.secrets.SecretKey;
import dev.ssosetup.core.secrets.SecretStore;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.RememberedSecret;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.BackgroundTask;
import dev.ssosetup.ui.task.TaskHandle;
import dev.ssosetup.ui.wizard.StepViewModel;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The Push step: connect to OpenMetadata with an admin token, plan (read, diff, validate), pass the lock-out guard,
 * apply (back up, PUT, verify) and restore a backup. Network work runs through the {@link BackgroundRunner} with
 * progress and cancel; results land in observable lists the view shows. The step is complete once a push was applied
 * and verified.
 */
public final class PushViewModel implements StepViewModel {
    /** The severity of the status line: drives its colour. */
    public enum Tone { NONE, INFO, OK, WARNING, ERROR }

    private final dev.ssosetup.core.net.HttpGatewayFactory gateways;
    private final BackupStore backups;
    private final Clock clock;
    private final Supplier<Optional<DesiredConfiguration>> desired;
    private final ObservableValue<LockoutEvidence> evidence;
    private final Consumer<String> navigator;
    private final BackgroundRunner runner;
    private final Messages messages;

    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty serverUrlError = new SimpleStringProperty("");
    private final StringProperty tokenError = new SimpleStringProperty("");
    private final StringProperty confirmation = new SimpleStringProperty("");
    private final StringProperty restoreFile = new SimpleStringProperty("");
    private final StringProperty restoreSecret = new SimpleStringProperty("");
    private final BooleanProperty restoreOtherServer = new SimpleBooleanProperty(false);
    /** True while the diff shown is a restore's (live against a backup), false for the wizard's plan. */
    private final BooleanProperty diffIsRestore = new SimpleBooleanProperty(false);
    /** A checked restore waiting for the operator's "Confirm restore"; null when there is none. */
    private final ObjectProperty<PlannedRestore> restorePlan = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.NONE);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final BooleanProperty applied = new SimpleBooleanProperty(false);
    private final StringProperty backupFile = new SimpleStringProperty("");
    private final StringProperty recoveryFile = new SimpleStringProperty("");
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final ObservableList<StepReport> planSteps = FXCollections.observableArrayList();
    private final ObservableList<DiffEntry> diff = FXCollections.observableArrayList();
    private final ObservableList<FieldIssue> issues = FXCollections.observableArrayList();
    private final ObservableList<StepReport> applySteps = FXCollections.observableArrayList();
    /** The plan's findings and OpenMetadata's own verdict (or why there is none), one line each (issue 18). */
    private final ObservableList<String> planNotes = FXCollections.observableArrayList();
    /** The operator's checklist (OpenMetadata's production notes), before and then after the push. */
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    /** What the other steps tell the plan: the login test's ID token (memory only), the key id, the redirect URI. */
    private Supplier<VerdictRequest> context = VerdictRequest::none;
    private final BooleanBinding evidenceProvesAdmin;
    private final BooleanBinding guardSatisfied;
    private final BooleanBinding canApply;
    private final BooleanBinding canConfirmRestore;
    private final StringBinding guardText;
    private TaskHandle running;
    /** What the current plan was made for (body digest and login evidence); null when there is no plan. */
    private PlanBinding planBinding;

    // ---- keychain (issue 14)
    private final SecretStore keychain;
    private final RememberedSecret remembered;

    public PushViewModel(dev.ssosetup.core.net.HttpGatewayFactory gateways, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages) {
        this(gateways, backups, clock, desired, evidence, navigator, runner, messages, null);
    }

    /** @param keychain the system keychain for "Remember the admin token", or null to offer no keychain */
    public PushViewModel(dev.ssosetup.core.net.HttpGatewayFactory gateways, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages,
                         SecretStore keychain) {
        this.keychain = keychain;
        this.remembered = new RememberedSecret(keychain, runner, messages, new RememberedSecret.Texts(
                "secrets.push.filled", "secrets.push.stored", "secrets.push.forgotten"), this::tokenKey, token,
                true);
        this.gateways = Objects.requireNonNull(gateways);
        this.backups = Objects.requireNonNull(backups);
        this.clock = Objects.requireNonNull(clock);
        this.desired = Objects.requireNonNull(desired);
        this.evidence = Objects.requireNonNull(evidence);
        this.navigator = Objects.requireNonNull(navigator);
        this.runner = Objects.requireNonNull(runner);
        this.messages = Objects.requireNonNull(messages);
        evidenceProvesAdmin = Bindings.createBooleanBinding(() -> evidence().provesAdminAccess(), evidence);
        guardSatisfied = Bindings.createBooleanBinding(() -> plan.get() != null
                && guardDecision().allowed(), plan, evidence, confirmation);
        canApply = Bindings.createBooleanBinding(() -> plan.get() != null && plan.get().readyToApply()
                && !busy.get() && !applied.get(), plan, busy, applied).and(guardSatisfied);
        guardText = Bindings.createStringBinding(() -> evidence().provesAdminAccess()
                ? messages.get("push.guard.evidence", evidence().principal().isEmpty() ? "?" : evidence().principal())
                : messages.get("push.guard.noEvidence"), evidence);
        canConfirmRestore = Bindings.createBooleanBinding(() -> restorePlan.get() != null && !busy.get()
                && restoreGuardDecision().allowed(), restorePlan, busy, evidence, confirmation);
        evidence.addListener((o, a, b) -> invalidatePlan()); // the plan was guarded with the old evidence
        serverUrl.addListener((o, a, b) -> invalidatePlan());
        token.addListener((o, a, b) -> invalidatePlan());
        caFile.addListener((o, a, b) -> invalidatePlan());
        for (javafx.beans.Observable restoreInput : List.of(serverUrl, token, caFile, restoreFile, restoreSecret,
                restoreOtherServer)) {
            restoreInput.addListener(o -> restorePlan.set(null)); // a changed input needs a new check
        }
    }

    /** Wires what the other steps tell Push (login test token and verdict, Keys step key id); read on each plan. */
    public void useContext(Supplier<VerdictRequest> source) {
        this.context = Objects.requireNonNull(source);
    }

    public ObservableList<String> planNotes() {
        return planNotes;
    }

    public ObservableList<ChecklistItem> checklist() {
        return checklist;
    }

    // ---- actions

    /** Connect, read, diff, validate. */
    public void plan() {
        Optional<Inputs> inputs = inputs();
        if (inputs.isEmpty()) {
            return;
        }
        Optional<DesiredConfiguration> wanted = desired.get();
        if (wanted.isEmpty()) {
            say(Tone.WARNING, messages.get("push.status.noConfiguration"));
            return;
        }
        resetResults();
        Inputs in = inputs.get();
        PlanBinding binding = PlanBinding.of(wanted.get(), evidence());
        storeRememberedToken();
        VerdictRequest told = context.get();
        start(BackgroundTask.<Plan>of("push-plan", ctx -> service().plan(client(in), wanted.get(), told, ctx,
                        r -> onFx(() -> planSteps.add(r))))
                .onSuccess(p -> {
                    planBinding = binding;
                    showPlan(p);
                })
                .onFailure(this::unexpected)
                .onCancelled(() -> say(Tone.WARNING, messages.get("push.status.cancelled"))),
                messages.get("push.progress.plan"));
    }

    /** Guard, back up, PUT, verify. */
    public void apply() {
        Plan current = plan.get();
        Optional<Inputs> inputs = inputs();
        if (current == null || !canApply.get() || inputs.isEmpty()) {
            return;
        }
        if (!planStillBound()) {
            dropPlan("push.status.replanChanged");
            return;
        }
        LockoutGuard.Decision decision = guardDecision();
        applySteps.clear();
        DesiredConfiguration wanted = desired.get().orElseThrow(); // planStillBound: present and the plan's
        VerdictRequest told = context.get();
        PlanBinding binding = planBinding;
        start(BackgroundTask.<Applied>of("push-apply", ctx -> {
                    OpenMetadataClient client = client(inputs.get());
                    ApplyResult r = service().apply(client, current, decision, ctx, s -> onFx(() -> applySteps.add(s)));
                    // issue 16: read the server again, so the plan shows what it holds now, not what it held before
                    Plan after = r.outcome() == ApplyResult.Outcome.FAILED || ctx.isCancelled() ? null
                            : service().plan(client, wanted, told, ctx, s -> { });
                    return new Applied(r, after);
                })
                .onSuccess(a -> {
                    showApply(a.result());
                    if (a.reread() != null) {
                        showReread(a.reread(), binding);
                    }
                })
                .onFailure(this::unexpected)
                .onCancelled(() -> say(Tone.ERROR, messages.get("push.status.applyCancelled"))),
                messages.get("push.progress.apply"));
    }

    /**
     * Checks the restore of the backup named in {@link #restoreFileProperty()} (with the secret the server had
     * masked): reads the backup and the live configuration, shows the diff and validates, changing nothing. A backup
     * taken from another server is refused unless {@link #restoreOtherServerProperty()} is set. The restore itself
     * waits for {@link #confirmRestore()}.
     */
    public void restore() {
        Optional<Inputs> inputs = inputs();
        if (inputs.isEmpty()) {
            return;
        }
        if (restoreFile.get().isBlank()) {
            say(Tone.ERROR, messages.get("push.restore.noFile"));
            return;
        }
        String file = restoreFile.get().strip();
        Secret secret = Secret.of(restoreSecret.get());
        boolean otherServerAllowed = restoreOtherServer.get();
        resetResults();
        start(BackgroundTask.<RestoreOutcome>of("push-restore-check", ctx -> checkRestore(client(inputs.get()),
                        file, secret, otherServerAllowed, ctx))
                .onSuccess(this::showRestoreCheck)
                .onFailure(this::unexpected)
                .onCancelled(() -> say(Tone.WARNING, messages.get("push.status.cancelled"))),
                messages.get("push.progress.restoreCheck"));
    }

    /** Restores the checked backup: backs the live configuration up first, then PUT and verify. */
    public void confirmRestore() {
        PlannedRestore planned = restorePlan.get();
        Optional<Inputs> inputs = inputs();
        if (planned == null || !canConfirmRestore.get() || inputs.isEmpty()) {
            return;
        }
        LockoutGuard.Decision decision = restoreGuardDecision();
        restorePlan.set(null);
        applySteps.clear();
        start(BackgroundTask.<ApplyResult>of("push-restore", ctx -> service().apply(client(inputs.get()),
                        planned.plan(), decision, ctx, r -> onFx(() -> applySteps.add(r))))
                .onSuccess(r -> {
                    showApply(r);
                    if (r.outcome() == ApplyResult.Outcome.APPLIED_AND_VERIFIED) {
                        say(Tone.OK, messages.get("push.status.restored"));
                    }
                })
                .onFailure(this::unexpected)
                .onCancelled(() -> say(Tone.ERROR, messages.get("push.status.applyCancelled"))),
                messages.get("push.progress.restore"));
    }

    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Follows a validation error to the wizard step and field that set it ({@code step/field}, WizardLocation). */
    public void goTo(FieldIssue issue) {
        navigator.accept(issue.location().toString());
    }

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
        p.findings().forEach(f -> notes.add(messages.get("push.finding", f.severity().name(), f.message(),
                f.hint())));
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

    /** What an apply did, and the plan read again afterwards (null when nothing was applied). */
    private record Applied(ApplyResult result, Plan reread) {
    }

    /** Shows the plan read after the push: the server's state now (the diff should be empty). */
    private void showReread(Plan p, PlanBinding binding) {
        if (p.failure().isPresent()) {
            status.set(status.get() + " " + messages.get("push.status.rereadFailed", p.failure().get().text()));
            return;
        }
        planSteps.setAll(p.steps());
        diff.setAll(p.diff().map(d -> d.entries()).orElse(List.of()));
        p.validation().ifPresent(v -> issues.setAll(v.issues()));
        planBinding = binding;
        plan.set(p);
        // the server masks secrets, so a secret always counts as changed: it says nothing about the push
        long masked = diff.stream().filter(d -> d.change() == DiffEntry.Change.CHANGED
                && dev.ssosetup.core.push.SecretFields.isSecret(d.path())).count();
        status.set(status.get() + " " + messages.get("push.status.reread", diff.size() - masked)
                + (masked == 0 ? "" : " " + messages.get("push.status.rereadMasked", masked)));
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

    @Override
    public ObservableBooleanValue validProperty() {
        return applied;
    }

    @Override
    public void onEnter() {
        if (plan.get() != null && !busy.get() && !applied.get() && !planStillBound()) {
            dropPlan("push.status.replanChanged"); // the operator changed the wizard since the plan
        }
        if (plan.get() == null && desired.get().isEmpty()) {
            say(Tone.WARNING, messages.get("push.status.noConfiguration"));
        }
        lookUpRememberedToken();
    }

    // ---- keychain (issue 14)

    private Optional<SecretKey> tokenKey() {
        if (keychain == null || serverUrl.get() == null || serverUrl.get().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SecretKey.adminToken(ServerAddress.parse(serverUrl.get())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True when this build offers the keychain at all. */
    public boolean keychainOffered() {
        return keychain != null;
    }

    /** Fills an empty token field with the token remembered for the server URL, and says so. */
    public void lookUpRememberedToken() {
        remembered.lookUp();
    }

    /** Stores the typed token when "Remember" is ticked (on ticking, and when a plan starts). */
    public void storeRememberedToken() {
        remembered.store();
    }

    /** Removes the token remembered for the server URL (the field keeps what it shows). */
    public void forgetRememberedToken() {
        remembered.forget();
    }

    public BooleanProperty rememberTokenProperty() {
        return remembered.rememberProperty();
    }

    public javafx.beans.value.ObservableBooleanValue tokenRememberedProperty() {
        return remembered.rememberedProperty();
    }

    public javafx.beans.value.ObservableStringValue keychainStatusProperty() {
        return remembered.statusProperty();
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty serverUrlErrorProperty() {
        return serverUrlError;
    }

    public StringProperty tokenErrorProperty() {
        return tokenError;
    }

    public StringProperty confirmationProperty() {
        return confirmation;
    }

    public StringProperty restoreFileProperty() {
        return restoreFile;
    }

    public StringProperty restoreSecretProperty() {
        return restoreSecret;
    }

    /** Set by the operator to restore a backup that was taken from another server URL. */
    public BooleanProperty restoreOtherServerProperty() {
        return restoreOtherServer;
    }

    public ReadOnlyObjectProperty<PlannedRestore> restorePlanProperty() {
        return restorePlan;
    }

    /** True while the diff shows what a restore would change (its last column is the backup). */
    public javafx.beans.value.ObservableBooleanValue diffIsRestoreProperty() {
        return diffIsRestore;
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    public BooleanBinding canConfirmRestoreProperty() {
        return canConfirmRestore;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Tone> toneProperty() {
        return tone;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty appliedProperty() {
        return applied;
    }

    public StringProperty backupFileProperty() {
        return backupFile;
    }

    public StringProperty recoveryFileProperty() {
        return recoveryFile;
    }

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObservableList<StepReport> planSteps() {
        return planSteps;
    }

    public ObservableList<DiffEntry> diff() {
        return diff;
    }

    public ObservableList<FieldIssue> issues() {
        return issues;
    }

    public ObservableList<StepReport> applySteps() {
        return applySteps;
    }

    public ObservableBooleanValue evidenceProvesAdminProperty() {
        return evidenceProvesAdmin;
    }

    public ObservableBooleanValue guardSatisfiedProperty() {
        return guardSatisfied;
    }

    public ObservableBooleanValue canApplyProperty() {
        return canApply;
    }

    public ObservableValue<String> guardTextProperty() {
        return guardText;
    }

    /** The recovery path when no UI is reachable, for the view's help. */
    public String recoverySteps() {
        return Backup.recoverySteps();
    }

    /** The phrase to type, for the view's prompt. */
    public String confirmationPhrase() {
        return LockoutGuard.CONFIRMATION_PHRASE;
    }

    List<StepReport> allSteps() {
        return java.util.stream.Stream.concat(planSteps.stream(), applySteps.stream()).toList();
    }
}
