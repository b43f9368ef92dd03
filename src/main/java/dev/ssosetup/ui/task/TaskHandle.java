package dev.ssosetup.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;

/** A running (or finished) background task as the UI sees it: progress, a message, running or not, and cancel. */
public interface TaskHandle {
    ReadOnlyDoubleProperty progressProperty();

    ReadOnlyStringProperty messageProperty();

    ReadOnlyBooleanProperty runningProperty();

    /** Asks the work to stop; the task's cancelled callback runs instead of success or failure. */
    void cancel();
}
