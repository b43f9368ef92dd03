package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ssosetup.core.push.ApplyResult;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PlanBinding;
import dev.ssosetup.core.push.PushException;
import dev.ssosetup.core.push.PushFailure;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.TaskStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Plan and apply of the wizard's configuration: connect, read, diff, validate (a plan bound to what it sends and to
 * the login evidence it was guarded with, ADR 0010), pass the lock-out guard, then back up, PUT and verify.
 */
public final class PushPlanViewModel {
    // the parts of the step the restore shares (it takes them from here)
    final PushConnectionViewModel connection;
    final PushGuard guard;
    final PushResults results;
    final PushStatus status;
    final Supplier<PushService> service;
    final Messages messages;
    final Runnable resetAll;
    private final Supplier<Optional<DesiredConfiguration>> desired;
    private final ObjectProperty<Plan> plan = new SimpleObjectProperty<>();
    private final BooleanBinding guardSatisfied;
    private final BooleanBinding canApply;
    /** What the other steps tell the plan: the login test's ID token (memory only), the key id, the redirect URI. */
    private Supplier<VerdictRequest> context = VerdictRequest::none;
    /** What the current plan was made for (body digest and login evidence); null when there is no plan. */
    private PlanBinding planBinding;

    PushPlanViewModel(PushConnectionViewModel connection, PushGuard guard, PushResults results, PushStatus status,
                      Supplier<PushService> service, Supplier<Optional<DesiredConfiguration>> desired,
                      Messages messages, Runnable resetAll) {
        this.connection = Objects.requireNonNull(connection);
        this.guard = Objects.requireNonNull(guard);
        this.results = Objects.requireNonNull(results);
        this.status = Objects.requireNonNull(status);
        this.service = Objects.requireNonNull(service);
        this.desired = Objects.requireNonNull(desired);
        this.messages = Objects.requireNonNull(messages);
        this.resetAll = Objects.requireNonNull(resetAll);
        List<javafx.beans.Observable> guardInputs = new ArrayList<>(List.of(guard.dependencies()));
        guardInputs.add(plan);
        guardSatisfied = Bindings.createBooleanBinding(() -> plan.get() != null && guardDecision().allowed(),
                guardInputs.toArray(javafx.beans.Observable[]::new));
        canApply = Bindings.createBooleanBinding(() -> plan.get() != null && plan.get().readyToApply()
                        && !status.isBusy() && !results.appliedProperty().get(), plan, status.busyProperty(),
                results.appliedProperty()).and(guardSatisfied);
        guard.evidenceValue().addListener((o, a, b) -> invalidatePlan()); // guarded with the old evidence
        connection.inputObservables().forEach(input -> input.addListener(o -> invalidatePlan()));
    }

    /** Wires what the other steps tell Push (login test token and verdict, Keys step key id); read on each plan. */
    public void useContext(Supplier<VerdictRequest> source) {
        this.context = Objects.requireNonNull(source);
    }

    /** Connect, read, diff, validate. */
    public void plan() {
        Optional<PushConnectionViewModel.Inputs> inputs = connection.inputs();
        if (inputs.isEmpty()) {
            return;
        }
        Optional<DesiredConfiguration> wanted = desired.get();
        if (wanted.isEmpty()) {
            status.say(PushStatus.Tone.WARNING, messages.get("push.status.noConfiguration"));
            return;
        }
        resetAll.run();
        PushConnectionViewModel.Inputs in = inputs.get();
        PlanBinding binding = PlanBinding.of(wanted.get(), guard.evidence());
        connection.storeRememberedToken();
        VerdictRequest told = context.get();
        status.<Plan>task("push-plan", ctx -> service.get().plan(connection.client(in), wanted.get(), told, ctx,
                        results.planStepsOf(ctx)), messages.get("push.progress.plan"))
                .onSuccess(p -> {
                    planBinding = binding;
                    showPlan(p);
                })
                .start();
    }

    /** Guard, back up, PUT, verify. */
    public void apply() {
        Plan current = plan.get();
        Optional<PushConnectionViewModel.Inputs> inputs = inputsIf(current != null && canApply.get());
        if (inputs.isEmpty()) {
            return;
        }
        if (!planStillBound()) {
            dropPlan("push.status.replanChanged");
            return;
        }
        LockoutGuard.Decision decision = guardDecision();
        results.applySteps().clear();
        DesiredConfiguration wanted = desired.get().orElseThrow(); // planStillBound: present, and the plan's
        VerdictRequest told = context.get();
        PlanBinding binding = planBinding;
        status.<Applied>task("push-apply", ctx -> {
                    var client = connection.client(inputs.get());
                    ApplyResult r = service.get().apply(client, current, decision, ctx, results.applyStepsOf(ctx));
                    // issue 16: read the server again, so the plan shows what it holds now, not what it held before
                    Plan after = r.outcome() == ApplyResult.Outcome.FAILED || ctx.isCancelled() ? null
                            : service.get().plan(client, wanted, told, ctx, s -> { });
                    return new Applied(r, after);
                }, messages.get("push.progress.apply"))
                .onSuccess(a -> {
                    showApply(a.result());
                    if (a.reread() != null) {
                        showReread(a.reread(), binding);
                    }
                })
                .cancelled(TaskStatus.Severity.ERROR, messages.get("push.status.applyCancelled"))
                .start();
    }

    private void showPlan(Plan p) {
        results.showDetails(p, false);
        List<String> notes = new ArrayList<>();
        p.findings().forEach(f -> notes.add(messages.get("push.finding", f.severity().name(),
                messages.text(f.message()), messages.text(f.hint()))));
        p.serverVerdict().ifPresentOrElse(v -> notes.add(messages.get("push.verdict.server",
                        messages.text(v.summary()))),
                () -> p.serverVerdictNote().ifPresent(note -> notes.add(messages.get("push.verdict.none",
                        messages.text(note)))));
        LockoutEvidence ours = guard.evidence();
        if (p.serverVerdict().isPresent() && ours.loginPassed()) {
            notes.add(messages.get("push.verdict.ours", ours.principal(), ours.previewIsAdmin() ? 1 : 0));
        }
        results.planNotes().setAll(notes);
        results.checklist().setAll(p.checklist());
        plan.set(p);
        if (!saidNotReady(p)) {
            status.say(PushStatus.Tone.OK, messages.get("push.status.planned", results.diff().size()));
        }
    }

    /**
     * The connection inputs for an action that may run now ({@code ready}); empty when it may not or the fields need
     * fixing (the fields are checked, and marked, either way).
     */
    Optional<PushConnectionViewModel.Inputs> inputsIf(boolean ready) {
        Optional<PushConnectionViewModel.Inputs> inputs = connection.inputs();
        return ready ? inputs : Optional.empty();
    }

    /**
     * Says on the status line why a plan (the wizard's, or a restore's) cannot be applied: it failed, or the server
     * found it invalid. False when it is ready: the caller says what it is ready for.
     */
    boolean saidNotReady(Plan p) {
        Optional<PushFailure> failure = p.failure();
        if (failure.isPresent()) {
            status.say(PushStatus.Tone.ERROR, messages.text(failure.get().text()));
            return true;
        }
        if (!p.readyToApply()) {
            status.say(PushStatus.Tone.ERROR, messages.get("push.status.invalid", results.issues().size()));
            return true;
        }
        return false;
    }

    /** What an apply did, and the plan read again afterwards (null when nothing was applied). */
    private record Applied(ApplyResult result, Plan reread) {
    }

    /** Shows the plan read after the push (issue 16): the server's state now, so the diff should be empty. */
    private void showReread(Plan p, PlanBinding binding) {
        String said = status.statusProperty().get();
        if (p.failure().isPresent()) {
            status.say(status.toneProperty().get(), said + " "
                    + messages.get("push.status.rereadFailed", p.failure().get().text()));
            return;
        }
        results.showDetails(p, false);
        if (p.diff().isEmpty()) {
            results.diff().clear();
        }
        planBinding = binding;
        plan.set(p);
        // the server masks secrets, so a secret always counts as changed: it says nothing about the push
        long masked = results.diff().stream().filter(d -> d.change() == dev.ssosetup.core.push.DiffEntry.Change.CHANGED
                && dev.ssosetup.core.push.SecretFields.isSecret(d.path())).count();
        status.say(status.toneProperty().get(), said + " "
                + messages.get("push.status.reread", results.diff().size() - masked)
                + (masked == 0 ? "" : " " + messages.get("push.status.rereadMasked", masked)));
    }

    /** Shows an apply's (or a restore's) outcome on the status line and in the results. */
    void showApply(ApplyResult r) {
        results.showApply(r);
        switch (r.outcome()) {
            case APPLIED_AND_VERIFIED -> {
                results.appliedWritable().set(true);
                status.say(PushStatus.Tone.OK, messages.get("push.status.applied"));
            }
            case APPLIED_NOT_VERIFIED -> {
                results.appliedWritable().set(true);
                status.say(PushStatus.Tone.WARNING, messages.get("push.status.notVerified")
                        + r.failure().map(f -> " " + messages.text(f.text())).orElse(""));
            }
            case FAILED -> {
                if (r.failure().map(f -> f.kind() == PushException.Kind.CHANGED_SINCE_READ).orElse(false)) {
                    clear(); // the plan's picture of the server is out of date: plan again
                }
                status.say(PushStatus.Tone.ERROR, r.failure().map(f -> messages.text(f.text())).orElse(""));
                r.failure().filter(f -> !f.issues().isEmpty()).ifPresent(f -> results.issues().setAll(f.issues()));
            }
        }
    }

    /** Forgets the plan (a new plan or a restore check starts, or the plan is out of date). */
    void clear() {
        plan.set(null);
        planBinding = null;
    }

    private void invalidatePlan() {
        if (plan.get() != null && !status.isBusy()) {
            dropPlan("push.status.replan");
        }
    }

    private void dropPlan(String messageKey) {
        clear();
        status.say(PushStatus.Tone.INFO, messages.get(messageKey));
    }

    /** On entering the step: a plan made before the operator changed the wizard is dropped. */
    void onEnter() {
        if (plan.get() != null && !status.isBusy() && !results.appliedProperty().get() && !planStillBound()) {
            dropPlan("push.status.replanChanged"); // the operator changed the wizard since the plan
        }
        if (plan.get() == null && desired.get().isEmpty()) {
            status.say(PushStatus.Tone.WARNING, messages.get("push.status.noConfiguration"));
        }
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
        return now.isPresent() && PlanBinding.of(now.get(), guard.evidence()).equals(planBinding);
    }

    private LockoutGuard.Decision guardDecision() {
        Plan p = plan.get();
        JsonNode body = p == null ? JsonNodeFactory.instance.objectNode()
                : p.toSendMasked().orElse(JsonNodeFactory.instance.objectNode());
        return guard.decide(body, p == null ? null : p.serverVerdict().orElse(null));
    }

    public ObjectProperty<Plan> planProperty() {
        return plan;
    }

    public ObservableBooleanValue guardSatisfiedProperty() {
        return guardSatisfied;
    }

    public ObservableBooleanValue canApplyProperty() {
        return canApply;
    }
}
