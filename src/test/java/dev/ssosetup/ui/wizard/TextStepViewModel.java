package dev.ssosetup.ui.wizard;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/** A test step: valid once its text is not blank. */
final class TextStepViewModel implements StepViewModel {
    final StringProperty text = new SimpleStringProperty("");
    private final BooleanBinding valid = Bindings.createBooleanBinding(() -> !text.get().isBlank(), text);
    int entered;

    @Override
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    @Override
    public void onEnter() {
        entered++;
    }
}
