package dev.ssosetup.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A step that is not built yet. It says so plainly, keeps a note the operator may type, and becomes valid once the
 * operator ticks "I have read this step".
 */
public final class PlaceholderStepViewModel implements StepViewModel {
    private final BooleanProperty acknowledged = new SimpleBooleanProperty(false);
    private final StringProperty notes = new SimpleStringProperty("");

    public BooleanProperty acknowledgedProperty() {
        return acknowledged;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    @Override
    public ObservableBooleanValue validProperty() {
        return acknowledged;
    }
}
