package dev.ssosetup.ui.push;

import dev.ssosetup.core.push.ApplyResult;
import dev.ssosetup.core.push.ChecklistItem;
import dev.ssosetup.core.push.DiffEntry;
import dev.ssosetup.core.push.FieldIssue;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.StepReport;
import dev.ssosetup.core.task.TaskContext;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;


/**
 * What the Push step shows of the last plan, restore check or apply: its steps, the diff, the validation issues, the
 * notes and checklist, and the backup an apply wrote. Plan/apply and restore both fill it.
 */
public final class PushResults {
    private final ObservableList<StepReport> planSteps = FXCollections.observableArrayList();
    private final ObservableList<DiffEntry> diff = FXCollections.observableArrayList();
    private final ObservableList<FieldIssue> issues = FXCollections.observableArrayList();
    private final ObservableList<StepReport> applySteps = FXCollections.observableArrayList();
    /** The plan's findings and OpenMetadata's own verdict (or why there is none), one line each (issue 18). */
    private final ObservableList<String> planNotes = FXCollections.observableArrayList();
    /** The operator's checklist (OpenMetadata's production notes), before and then after the push. */
    private final ObservableList<ChecklistItem> checklist = FXCollections.observableArrayList();
    /** True while the diff shown is a restore's (live against a backup), false for the wizard's plan. */
    private final BooleanProperty diffIsRestore = new SimpleBooleanProperty(false);
    private final BooleanProperty applied = new SimpleBooleanProperty(false);
    private final StringProperty backupFile = new SimpleStringProperty("");
    private final StringProperty recoveryFile = new SimpleStringProperty("");

    void reset() {
        planSteps.clear();
        diff.clear();
        issues.clear();
        applySteps.clear();
        planNotes.clear();
        checklist.clear();
        applied.set(false);
    }

    /** A plan's steps, diff and issues (not its notes: a restore check has none of its own). */
    void showDetails(Plan p, boolean restore) {
        planSteps.setAll(p.steps());
        p.diff().ifPresent(d -> diff.setAll(d.entries()));
        p.validation().ifPresent(v -> issues.setAll(v.issues()));
        diffIsRestore.set(restore);
    }

    /** An apply's steps, checklist and backup files. */
    void showApply(ApplyResult r) {
        applySteps.setAll(r.steps());
        if (!r.checklist().isEmpty()) {
            checklist.setAll(r.checklist());
        }
        r.backup().ifPresent(b -> {
            recoveryFile.set(b.recoveryFile());
            backupFile.set(b.backupFile());
        });
    }

    /** Adds each plan step as it finishes, published by the work's runner on the caller's thread. */
    Consumer<StepReport> planStepsOf(TaskContext ctx) {
        return r -> ctx.publish(() -> planSteps.add(r));
    }

    /** Adds each apply step as it finishes, published by the work's runner on the caller's thread. */
    Consumer<StepReport> applyStepsOf(TaskContext ctx) {
        return r -> ctx.publish(() -> applySteps.add(r));
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

    public ObservableList<String> planNotes() {
        return planNotes;
    }

    public ObservableList<ChecklistItem> checklist() {
        return checklist;
    }

    /** True while the diff shows what a restore would change (its last column is the backup). */
    public ObservableBooleanValue diffIsRestoreProperty() {
        return diffIsRestore;
    }

    BooleanProperty appliedWritable() {
        return applied;
    }

    public ObservableBooleanValue appliedProperty() {
        return applied;
    }

    public StringProperty backupFileProperty() {
        return backupFile;
    }

    public StringProperty recoveryFileProperty() {
        return recoveryFile;
    }
}
