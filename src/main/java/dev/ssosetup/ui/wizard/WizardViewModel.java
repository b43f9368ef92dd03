package dev.ssosetup.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import java.util.List;

/**
 * The wizard shell's state: the steps, which one is current, which were completed, and whether Back and Next are
 * possible. Next is possible only when the current step says it is valid.
 */
public final class WizardViewModel {
    private final List<WizardStep> steps;
    private final ReadOnlyIntegerWrapper current = new ReadOnlyIntegerWrapper(0);
    private final ObservableSet<Integer> completed = FXCollections.observableSet();
    // one read-only view: a view made per call would drop its listeners once collected
    private final ObservableSet<Integer> completedView = FXCollections.unmodifiableObservableSet(completed);
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoNext;
    private final BooleanBinding currentValid;
    /** Steps left out of the flow while their condition holds (issue 19 C: Keys and Push for Collate). */
    private final java.util.Map<Integer, ObservableBooleanValue> skipWhile = new java.util.HashMap<>();
    /** Bumped whenever a skip condition changes, so that the bindings that follow the flow recompute. */
    private final javafx.beans.property.IntegerProperty flowChanges = new javafx.beans.property.SimpleIntegerProperty();

    public WizardViewModel(List<WizardStep> steps) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a wizard needs at least one step");
        }
        this.steps = List.copyOf(steps);
        this.currentValid = Bindings.createBooleanBinding(
                () -> currentStep().validProperty().get(),
                dependencies());
        this.canGoBack = Bindings.createBooleanBinding(() -> neighbour(current.get(), -1) >= 0, current, flowChanges);
        this.canGoNext = currentValid.and(Bindings.createBooleanBinding(
                () -> neighbour(current.get(), 1) >= 0, current, flowChanges));
        // a ✓ holds only while the step and every step before it are still valid: an edit earlier withdraws it at once
        for (WizardStep step : this.steps) {
            step.validProperty().addListener((o, old, now) -> recomputeCompleted());
        }
        this.steps.getFirst().viewModel().onEnter();
    }

    private void recomputeCompleted() {
        completed.removeIf(i -> firstIncompleteBefore(i + 1) <= i);
        if (finished.get() && !completed.contains(current.get())) {
            finished.set(false);
        }
    }

    /**
     * The first step before {@code index} that is not valid (so {@code index} cannot be entered), or {@code index}
     * itself when every earlier step is valid.
     */
    public int firstIncompleteBefore(int index) {
        for (int i = 0; i < Math.min(index, steps.size()); i++) {
            if (!skipped(i) && !steps.get(i).validProperty().get()) {
                return i;
            }
        }
        return index;
    }

    private javafx.beans.Observable[] dependencies() {
        javafx.beans.Observable[] deps = new javafx.beans.Observable[steps.size() + 1];
        deps[0] = current;
        for (int i = 0; i < steps.size(); i++) {
            deps[i + 1] = steps.get(i).validProperty();
        }
        return deps;
    }

    /**
     * Leaves a step out of the flow while {@code condition} holds: Next and Back pass over it, it blocks no later step
     * and the rail hides it. Leaving the current step out keeps it until the operator moves on.
     */
    public void skipWhile(String stepId, ObservableBooleanValue condition) {
        int index = indexOf(stepId);
        if (index < 0) {
            throw new IllegalArgumentException("no step " + stepId);
        }
        skipWhile.put(index, condition);
        condition.addListener((o, old, now) -> {
            flowChanges.set(flowChanges.get() + 1);
            recomputeCompleted();
        });
        flowChanges.set(flowChanges.get() + 1);
    }

    /** True while the step at {@code index} is left out of the flow. */
    public boolean skipped(int index) {
        ObservableBooleanValue c = skipWhile.get(index);
        return c != null && c.get();
    }

    /** Changes whenever a step is left out of or taken back into the flow (for the rail). */
    public javafx.beans.value.ObservableIntegerValue flowChangesProperty() {
        return flowChanges;
    }

    /** The steps in the flow now, in order (skipped ones left out). */
    public List<WizardStep> availableSteps() {
        List<WizardStep> out = new java.util.ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (!skipped(i)) {
                out.add(steps.get(i));
            }
        }
        return out;
    }

    /** True when the current step is the last one in the flow (Finish instead of Next). */
    public boolean onLastStep() {
        return neighbour(current.get(), 1) < 0;
    }

    /** The next ({@code direction} 1) or previous (-1) step in the flow, or -1 when there is none. */
    private int neighbour(int from, int direction) {
        for (int i = from + direction; i >= 0 && i < steps.size(); i += direction) {
            if (!skipped(i)) {
                return i;
            }
        }
        return -1;
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public WizardStep currentStep() {
        return steps.get(current.get());
    }

    public ReadOnlyIntegerProperty currentIndexProperty() {
        return current.getReadOnlyProperty();
    }

    public ObservableSet<Integer> completedSteps() {
        return completedView;
    }

    public ObservableBooleanValue canGoBackProperty() {
        return canGoBack;
    }

    public ObservableBooleanValue canGoNextProperty() {
        return canGoNext;
    }

    /** True when the current step is valid (also on the last step, where there is no Next). */
    public ObservableBooleanValue currentValidProperty() {
        return currentValid;
    }

    public boolean next() {
        if (!canGoNext.get()) {
            return false;
        }
        completed.add(current.get());
        moveTo(neighbour(current.get(), 1));
        return true;
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper finished =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    /** True while the Finish page shows (the last step was completed with Finish). */
    public javafx.beans.property.ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** On the last step, once it is valid: marks it done and shows the Finish page. */
    public boolean finish() {
        if (!onLastStep() || !currentValid.get()) {
            return false;
        }
        completed.add(current.get());
        finished.set(true);
        return true;
    }

    public boolean back() {
        if (finished.get()) {
            finished.set(false); // from the Finish page back to the last step
            return true;
        }
        if (!canGoBack.get()) {
            return false;
        }
        moveTo(neighbour(current.get(), -1));
        return true;
    }

    /**
     * Jumps to an earlier step, or to a later one when every step before it is complete and valid (used by links such
     * as "fix this in the Provider step").
     */
    public boolean goTo(int index) {
        if (index < 0 || index >= steps.size() || index == current.get() || skipped(index)) {
            return false;
        }
        for (int i = 0; i < index; i++) {
            if (!skipped(i) && !steps.get(i).validProperty().get()) {
                return false;
            }
        }
        if (index > current.get()) {
            for (int i = current.get(); i < index; i++) {
                completed.add(i);
            }
        }
        moveTo(index);
        return true;
    }

    private final javafx.beans.property.StringProperty fieldToFocus =
            new javafx.beans.property.SimpleStringProperty("");

    /**
     * Follows a "Go to" link: moves to the step (as {@link #goTo(int)}; staying when it is the current one) and asks
     * the view to focus the control with id {@code fieldId} there ("" focuses the step's first field).
     *
     * @return false when the step cannot be entered
     */
    public boolean goTo(int index, String fieldId) {
        if (index < 0 || index >= steps.size() || index != current.get() && !goTo(index)) {
            return false;
        }
        if (finished.get()) {
            finished.set(false);
        }
        fieldToFocus.set("");
        fieldToFocus.set(fieldId == null ? "" : fieldId);
        return true;
    }

    /** The id of the control a "Go to" link asked for; the view focuses it and clears this. */
    public javafx.beans.property.StringProperty fieldToFocusProperty() {
        return fieldToFocus;
    }

    /** Finds a step by id, for links between steps. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    private void moveTo(int index) {
        finished.set(false);
        currentStep().viewModel().onLeave();
        current.set(index);
        // a completed step that became invalid again (or follows one) is no longer marked done
        recomputeCompleted();
        currentStep().viewModel().onEnter();
    }
}
