package dev.ssosetup.ui.task;

/**
 * The seam for background work. View models hand a {@link BackgroundTask} to a runner and never create threads
 * themselves. The application uses {@link FxBackgroundRunner} (a worker pool, results delivered on the JavaFX thread);
 * tests use {@link InlineBackgroundRunner}, which runs the work at once on the calling thread, so they are deterministic.
 */
public interface BackgroundRunner {

    /** Starts the task and returns a handle that shows its progress and can cancel it. */
    <T> TaskHandle execute(BackgroundTask<T> task);
}
