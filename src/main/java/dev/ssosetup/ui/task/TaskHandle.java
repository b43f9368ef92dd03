package dev.ssosetup.ui.task;

import dev.ssosetup.core.text.Text;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;

/** A running (or finished) background task as the UI sees it: progress, what it does now, running or not, and cancel. */
public interface TaskHandle {
    ReadOnlyDoubleProperty progressProperty();

    /** What the work says it is doing now (null before it says anything). */
    ReadOnlyObjectProperty<Text> stepProperty();

    ReadOnlyBooleanProperty runningProperty();

    /** Asks the work to stop; the task's cancelled callback runs instead of success or failure. */
    void cancel();
}
