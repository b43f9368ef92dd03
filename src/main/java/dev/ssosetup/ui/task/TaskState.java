package dev.ssosetup.ui.task;

import dev.ssosetup.core.text.Text;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The shared life cycle of a task for both runners: runs the work with a {@link TaskContext}, publishes progress
 * through {@code publisher} (the JavaFX thread, or directly), and calls exactly one outcome callback.
 */
final class TaskState<T> implements TaskHandle, TaskContext {
    private static final System.Logger LOG = System.getLogger(TaskState.class.getName());
    private final BackgroundTask<T> task;
    private final Consumer<Runnable> publisher;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyObjectWrapper<Text> step = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);

    TaskState(BackgroundTask<T> task, Consumer<Runnable> publisher) {
        this.task = task;
        this.publisher = publisher;
    }

    void runWork() {
        T value;
        try {
            value = task.work().run(this);
        } catch (CancelledException | CancellationException | InterruptedException e) {
            finish(task::cancelled);
            return;
        } catch (Throwable e) {
            if (cancelled.get()) {
                finish(task::cancelled);
            } else {
                // the operator gets a message from the failure callback; the stack trace goes to the log
                LOG.log(System.Logger.Level.WARNING, "background task '" + task.name() + "' failed", e);
                finish(() -> task.failed(e));
            }
            return;
        }
        if (cancelled.get()) {
            finish(task::cancelled);
        } else {
            finish(() -> task.succeeded(value));
        }
    }

    private void finish(Runnable outcome) {
        if (finished.compareAndSet(false, true)) {
            publisher.accept(() -> {
                running.set(false);
                outcome.run();
            });
        }
    }

    @Override
    public void progress(double fraction, Text now) {
        publisher.accept(() -> {
            progress.set(fraction);
            step.set(now);
        });
    }

    @Override
    public void publish(Runnable update) {
        publisher.accept(update);
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    @Override
    public void cancel() {
        cancelled.set(true);
        // the operator gets the answer now, even if the work needs a moment to notice; its late outcome is dropped
        finish(task::cancelled);
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyObjectProperty<Text> stepProperty() {
        return step.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
