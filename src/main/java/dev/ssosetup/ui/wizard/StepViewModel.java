package dev.ssosetup.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;

/**
 * What the wizard shell needs from each step's view model. A step decides for itself when it is complete; the shell
 * enables Next only then.
 */
public interface StepViewModel {

    /** True when the operator may move on from this step. */
    ObservableBooleanValue validProperty();

    /** Called each time the step becomes the current one (for example to pick up what earlier steps produced). */
    default void onEnter() {
    }

    /** Called when the operator leaves the step (either direction). Running work may go on. */
    default void onLeave() {
    }
}
