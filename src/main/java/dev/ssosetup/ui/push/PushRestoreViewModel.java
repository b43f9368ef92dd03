package dev.ssosetup.ui.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.ApplyResult;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.RestorePolicy;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import dev.ssosetup.ui.task.TaskStatus;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two-step restore of a backup (ADR 0006): Check restore reads the backup and the live configuration and shows
 * the diff, changing nothing; Confirm restore backs the live configuration up, PUTs the backup and verifies. When a
 * backup may be restored is {@link RestorePolicy}'s, the same as {@code sso-setup restore}'s.
 */
public final class PushRestoreViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PushConnectionViewModel connection;
    private final PushGuard guard;
    private final PushResults results;
    private final PushStatus status;
    private final Supplier<PushService> service;
    private final BackupStore backups;
    private final Messages messages;
    private final Runnable resetAll;
    private final PushPlanViewModel planning;

    private final StringProperty restoreFile = new SimpleStringProperty("");
    private final StringProperty restoreSecret = new SimpleStringProperty("");
    private final BooleanProperty restoreOtherServer = new SimpleBooleanProperty(false);
    /** A checked restore waiting for the operator's "Confirm restore"; null when there is none. */
    private final ObjectProperty<PlannedRestore> restorePlan = new SimpleObjectProperty<>();
    private final BooleanBinding canConfirmRestore;

    /** Shares the plan's connection, guard, results, status line and service: one of them runs at a time. */
    PushRestoreViewModel(PushPlanViewModel planning, BackupStore backups) {
        this.planning = Objects.requireNonNull(planning);
        this.backups = Objects.requireNonNull(backups);
        this.connection = planning.connection;
        this.guard = planning.guard;
        this.results = planning.results;
        this.status = planning.status;
        this.service = planning.service;
        this.messages = planning.messages;
        this.resetAll = planning.resetAll;
        List<javafx.beans.Observable> inputs = new ArrayList<>(List.of(guard.dependencies()));
        inputs.add(restorePlan);
        inputs.add(status.busyProperty());
        canConfirmRestore = Bindings.createBooleanBinding(() -> restorePlan.get() != null && !status.isBusy()
                && guardDecision().allowed(), inputs.toArray(javafx.beans.Observable[]::new));
        List<javafx.beans.Observable> restoreInputs = new ArrayList<>(connection.inputObservables());
        restoreInputs.addAll(List.of(restoreFile, restoreSecret, restoreOtherServer));
        restoreInputs.forEach(input -> input.addListener(o -> restorePlan.set(null))); // a change needs a new check
        results.backupFileProperty().addListener((o, was, written) -> {
            if (restoreFile.get().isBlank() && written != null) {
                restoreFile.set(written); // the backup a push just wrote is the one to restore
            }
        });
    }

    /** A checked restore: the backup and the plan that puts it back. */
    public record PlannedRestore(Backup backup, Plan plan) {
    }

    private record RestoreOutcome(Text refusal, PlannedRestore planned) {
    }

    /**
     * Checks the restore of the backup named in {@link #restoreFileProperty()} (with the secret the server had
     * masked): reads the backup and the live configuration, shows the diff and validates, changing nothing. A backup
     * taken from another server is refused unless {@link #restoreOtherServerProperty()} is set. The restore itself
     * waits for {@link #confirmRestore()}.
     */
    public void restore() {
        Optional<PushConnectionViewModel.Inputs> inputs = connection.inputs();
        if (inputs.isEmpty()) {
            return;
        }
        if (restoreFile.get().isBlank()) {
            status.say(PushStatus.Tone.ERROR, messages.get("push.restore.noFile"));
            return;
        }
        String file = restoreFile.get().strip();
        Secret secret = Secret.of(restoreSecret.get());
        boolean otherServerAllowed = restoreOtherServer.get();
        resetAll.run();
        status.<RestoreOutcome>task("push-restore-check", ctx -> check(connection.client(inputs.get()), file, secret,
                        otherServerAllowed, ctx), messages.get("push.progress.restoreCheck"))
                .onSuccess(this::showCheck)
                .start();
    }

    /** Restores the checked backup: backs the live configuration up first, then PUT and verify. */
    public void confirmRestore() {
        PlannedRestore planned = restorePlan.get();
        Optional<PushConnectionViewModel.Inputs> inputs = planning.inputsIf(planned != null
                && canConfirmRestore.get());
        if (inputs.isEmpty()) {
            return;
        }
        LockoutGuard.Decision decision = guardDecision();
        restorePlan.set(null);
        results.applySteps().clear();
        status.<ApplyResult>task("push-restore", ctx -> service.get().apply(connection.client(inputs.get()),
                        planned.plan(), decision, ctx, results.applyStepsOf(ctx)), messages.get("push.progress.restore"))
                .onSuccess(r -> {
                    planning.showApply(r);
                    if (r.outcome() == ApplyResult.Outcome.APPLIED_AND_VERIFIED) {
                        status.say(PushStatus.Tone.OK, messages.get("push.status.restored"));
                    }
                })
                .cancelled(TaskStatus.Severity.ERROR, messages.get("push.status.applyCancelled"))
                .start();
    }

    /** Forgets the checked restore. */
    void clear() {
        restorePlan.set(null);
    }

    private RestoreOutcome check(OpenMetadataClient client, String file, Secret secret, boolean otherServerAllowed,
                                 TaskContext ctx) {
        Backup backup;
        try {
            backup = backups.load(file);
        } catch (BackupStore.BackupException e) {
            return new RestoreOutcome(e.text(), null);
        }
        // the window has no field for other masked secrets: such a backup is refused, naming the field
        Optional<RestorePolicy.Refusal> refusal = RestorePolicy.check(backup, new RestorePolicy.Request(
                client.server(), otherServerAllowed, !secret.isEmpty(), List.of()));
        if (refusal.isPresent()) {
            return new RestoreOutcome(refusalText(refusal.get()), null);
        }
        Plan p = service.get().planRestore(client, backup, secret, ctx, results.planStepsOf(ctx));
        return new RestoreOutcome(null, new PlannedRestore(backup, p));
    }

    /** The refusal in the window's words: the fact, and what to do here ({@code push.restore.way.*}). */
    static Text refusalText(RestorePolicy.Refusal refusal) {
        String way = switch (refusal.reason()) {
            case OTHER_SERVER, UNKNOWN_SERVER -> "push.restore.way.otherServer";
            case CLIENT_SECRET_MASKED -> "push.restore.way.clientSecret";
            case FIELD_SECRET_MASKED -> "push.restore.way.fieldSecret";
        };
        return Text.of("push.restore.refused", refusal.text(), Text.of(way));
    }

    private void showCheck(RestoreOutcome o) {
        if (o.refusal() != null) {
            status.say(PushStatus.Tone.ERROR, messages.text(o.refusal()));
            return;
        }
        Plan p = o.planned().plan();
        results.showDetails(p, true); // not the plan: Apply is for the wizard's configuration, never for a backup
        if (!planning.saidNotReady(p)) {
            restorePlan.set(o.planned());
            Backup backup = o.planned().backup();
            status.say(PushStatus.Tone.WARNING, messages.get("push.status.restorePlanned",
                    WHEN.format(backup.takenAt()), backup.serverUrl().isEmpty() ? "?" : backup.serverUrl(),
                    results.diff().size()) + (guardDecision().allowed() ? ""
                    : " " + messages.get("push.status.restoreGuard")));
        }
    }

    /** The lock-out guard for the checked restore: the same as for a push, on the body the restore would send. */
    private LockoutGuard.Decision guardDecision() {
        PlannedRestore r = restorePlan.get();
        JsonNode body = r == null ? JsonNodeFactory.instance.objectNode()
                : r.plan().toSendMasked().orElse(JsonNodeFactory.instance.objectNode());
        return guard.decide(body, null);
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

    public BooleanBinding canConfirmRestoreProperty() {
        return canConfirmRestore;
    }
}
