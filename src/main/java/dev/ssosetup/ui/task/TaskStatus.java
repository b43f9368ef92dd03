package dev.ssosetup.ui.task;

import dev.ssosetup.core.task.Work;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The busy state of a step's background work, one task at a time (issue 13, ADR 0033): busy, progress, what the work
 * says it does now ({@link TaskHandle#stepProperty()}, rendered), cancel, and what the operator is told when the work
 * fails or is cancelled. The view model keeps its own result handling ({@link Run#onSuccess}); how a failure or a
 * cancel is said goes to the view model's own status line ({@link StatusLine}).
 *
 * <p>The stack trace of every failure is logged once, by the runner ({@code TaskState}, through {@code System.Logger})
 * before the failure reaches this class; the operator gets one line: the view model's words for the failures it knows
 * ({@link #knownFailures}), else {@link #unexpected}.
 */
public final class TaskStatus {
    /** How bad an ending that is not a success is: drives the colour of the view model's status line. */
    public enum Severity { WARNING, ERROR }

    /** The view model's status line: where a failure or a cancel is said. */
    @FunctionalInterface
    public interface StatusLine {
        void say(Severity severity, String text);
    }

    private Function<Throwable, Optional<String>> known = e -> Optional.empty();
    private TaskHandle running;
    private final BackgroundRunner runner;
    private final Messages messages;
    private final StatusLine line;
    private final String cancelledText;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper step = new ReadOnlyStringWrapper("");

    /**
     * @param line          where failures and cancels are said
     * @param cancelledText what a cancelled task says unless its {@link Run#cancelled} says otherwise
     */
    public TaskStatus(BackgroundRunner runner, Messages messages, StatusLine line, String cancelledText) {
        this.runner = Objects.requireNonNull(runner);
        this.messages = Objects.requireNonNull(messages);
        this.line = Objects.requireNonNull(line);
        this.cancelledText = Objects.requireNonNull(cancelledText);
    }

    /** The view model's words for the failures it knows (a key problem, a CA bundle...); empty for any other. */
    public TaskStatus knownFailures(Function<Throwable, Optional<String>> wording) {
        this.known = Objects.requireNonNull(wording);
        return this;
    }

    /** A failure nobody expected, in one line: its message, or its type when it has none. */
    public static String unexpected(Messages messages, Throwable e) {
        return messages.get("wizard.error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
    }

    /** True while a task runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** A task to start with {@link Run#start()}; {@code name} names it in thread names and the log (no secrets). */
    public <T> Run<T> task(String name, Work<T> work) {
        return new Run<>(BackgroundTask.of(name, work));
    }

    /** The running task's progress in [0,1], negative while indeterminate; 0 when nothing runs. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /**
     * What the running task does now, in the operator's language: the step its work names
     * ({@code TaskContext.progress}, keys {@code task.*}), or the task's {@link Run#saying} text until it names one;
     * "" when nothing runs.
     */
    public ReadOnlyStringProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** Asks the running task (if any) to stop; its cancelled text is said at once. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    private void started(TaskHandle handle, String startText) {
        if (!handle.runningProperty().get()) {
            return; // an inline runner: already finished
        }
        running = handle;
        progress.bind(handle.progressProperty());
        step.bind(Bindings.createStringBinding(() -> {
            Text now = handle.stepProperty().get();
            return now == null ? startText : messages.text(now);
        }, handle.stepProperty()));
    }

    private void finished() {
        running = null;
        progress.unbind();
        progress.set(0);
        step.unbind();
        step.set("");
        busy.set(false);
    }

    /** One task's outcome handling; {@link #start()} runs it. */
    public final class Run<T> {
        private final BackgroundTask<T> task;
        private String startText = "";

        private Run(BackgroundTask<T> task) {
            this.task = task;
            task.onSuccess(value -> finished()).onFailure(this::failed)
                    .onCancelled(() -> cancelledAs(Severity.WARNING, cancelledText));
        }

        private void failed(Throwable e) {
            finished();
            line.say(Severity.ERROR, known.apply(e).orElseGet(() -> unexpected(messages, e)));
        }

        private void cancelledAs(Severity severity, String text) {
            finished();
            line.say(severity, text);
        }

        /** What the step line says until the work names its first step. */
        public Run<T> saying(String text) {
            startText = Objects.requireNonNull(text);
            return this;
        }

        /** The view model's own handling of the result (busy is already false). */
        public Run<T> onSuccess(Consumer<? super T> handler) {
            Objects.requireNonNull(handler);
            task.onSuccess(value -> {
                finished();
                handler.accept(value);
            });
            return this;
        }

        /** More for the view model to do after the failure was said (ask for a password, count an answer...). */
        public Run<T> afterFailure(Consumer<? super Throwable> handler) {
            Objects.requireNonNull(handler);
            task.onFailure(e -> {
                failed(e);
                handler.accept(e);
            });
            return this;
        }

        /** What this task says when it is cancelled, instead of the status's default. */
        public Run<T> cancelled(Severity severity, String text) {
            Objects.requireNonNull(severity);
            Objects.requireNonNull(text);
            task.onCancelled(() -> cancelledAs(severity, text));
            return this;
        }

        /** Starts the task: busy until it ends; one task at a time is the caller's rule (buttons off while busy). */
        public void start() {
            busy.set(true);
            progress.unbind();
            progress.set(-1);
            step.unbind();
            step.set(startText);
            started(runner.execute(task), startText);
        }
    }
}
