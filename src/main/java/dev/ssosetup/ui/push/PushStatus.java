package dev.ssosetup.ui.push;

import dev.ssosetup.core.task.Work;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.task.BackgroundRunner;
import dev.ssosetup.ui.task.TaskStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * The Push step's one status line and its one piece of running work, shared by the plan, apply and restore view
 * models: only one of them runs at a time. Busy, progress, the step the work names, cancel and how a failure or a
 * cancel is said are the shared {@link TaskStatus}'s (ADR 0033).
 */
public final class PushStatus {
    /** The severity of the status line: drives its colour. */
    public enum Tone { NONE, INFO, OK, WARNING, ERROR }

    private final StringProperty status = new SimpleStringProperty("");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(Tone.NONE);
    private final TaskStatus task;

    public PushStatus(BackgroundRunner runner, Messages messages) {
        this.task = new TaskStatus(runner, messages, (severity, text) -> say(severity == TaskStatus.Severity.ERROR
                ? Tone.ERROR : Tone.WARNING, text), messages.get("push.status.cancelled"))
                .knownFailures(e -> unexpected(messages, e));
    }

    /** Failures core does not report as values: a CA bundle problem in its own words, anything else is a bug. */
    private static Optional<String> unexpected(Messages messages, Throwable e) {
        if (e instanceof PushConnectionViewModel.CaBundleProblem problem) {
            return Optional.of(problem.getMessage());
        }
        // said in one line, by its type only (the stack trace is in the log)
        return Optional.of(messages.get("wizard.error.unexpected", e.getClass().getSimpleName()));
    }

    /** A task that says {@code text} on the status line and the step line while it runs; start it with {@code start()}. */
    <T> TaskStatus.Run<T> task(String name, Work<T> work, String text) {
        say(Tone.INFO, text);
        return task.task(name, work).saying(text);
    }

    public void cancel() {
        task.cancel();
    }

    void say(Tone t, String text) {
        tone.set(t);
        status.set(text);
    }

    public boolean isBusy() {
        return task.isBusy();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<Tone> toneProperty() {
        return tone;
    }

    /** What the running work does now (the step it names, e.g. "Reading the configuration"); "" when idle. */
    public ReadOnlyStringProperty progressTextProperty() {
        return task.stepProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return task.progressProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return task.busyProperty();
    }
}
