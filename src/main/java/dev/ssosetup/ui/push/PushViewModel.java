package dev.ssosetup.ui.push;

import dev.ssosetup.core.common.OperatorFiles;
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
    private final Messages messages;

    public PushViewModel(HttpGatewayFactory gateways, OperatorFiles files, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages) {
        this(gateways, files, backups, clock, desired, evidence, navigator, runner, messages, null);
    }

    /**
     * @param files    where the CA bundle is read
     * @param keychain the system keychain for "Remember the admin token", or null to offer no keychain
     */
    public PushViewModel(HttpGatewayFactory gateways, OperatorFiles files, BackupStore backups, Clock clock,
                         Supplier<Optional<DesiredConfiguration>> desired, ObservableValue<LockoutEvidence> evidence,
                         Consumer<String> navigator, BackgroundRunner runner, Messages messages,
                         SecretStore keychain) {
        Objects.requireNonNull(backups);
        Objects.requireNonNull(clock);
        this.navigator = Objects.requireNonNull(navigator);
        this.messages = Objects.requireNonNull(messages);
        this.status = new PushStatus(runner, messages);
        this.guard = new PushGuard(evidence, messages);
        this.connection = new PushConnectionViewModel(gateways, files, runner, messages, status, keychain);
        Supplier<PushService> service = () -> new PushService(backups, clock);
        this.planning = new PushPlanViewModel(connection, guard, results, status, service, desired, messages,
                this::resetResults);
        this.restoring = new PushRestoreViewModel(planning, backups);
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

    /** Follows a validation error to the wizard step and field that set it ({@code step/field}, WizardLocation). */
    public void goTo(FieldIssue issue) {
        navigator.accept(issue.location().toString());
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return results.appliedProperty();
    }

    @Override
    public void onEnter() {
        planning.onEnter();
        connection.lookUpRememberedToken();
    }

    /** The recovery path when no UI is reachable, for the view's help (the backup file keeps core's words). */
    public String recoverySteps() {
        return messages.get("push.recovery.steps", Backup.RECOVERY_COMMAND);
    }
}
