package dev.ssosetup.ui.task;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs tasks on a worker pool and delivers progress and outcomes on the JavaFX thread. Cancel sets the task's flag and
 * interrupts its thread, so blocking I/O ends too. The composition root owns the pool and closes the runner on exit.
 */
public final class FxBackgroundRunner implements BackgroundRunner, AutoCloseable {
    private final ExecutorService executor;

    public FxBackgroundRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskState<T> state = new TaskState<>(task, FxBackgroundRunner::onFxThread);
        Future<?> future = executor.submit(state::runWork);
        return new TaskHandle() {
            @Override
            public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
                return state.progressProperty();
            }

            @Override
            public javafx.beans.property.ReadOnlyObjectProperty<dev.ssosetup.core.text.Text> stepProperty() {
                return state.stepProperty();
            }

            @Override
            public javafx.beans.property.ReadOnlyBooleanProperty runningProperty() {
                return state.runningProperty();
            }

            @Override
            public void cancel() {
                state.cancel();
                future.cancel(true);
            }
        };
    }

    private static void onFxThread(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
