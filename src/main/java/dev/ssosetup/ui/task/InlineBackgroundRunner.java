package dev.ssosetup.ui.task;

/**
 * Runs each task at once on the calling thread and calls its outcome before {@code execute} returns. For tests (and
 * any caller that wants blocking behaviour); never use it on the JavaFX thread for slow work.
 */
public final class InlineBackgroundRunner implements BackgroundRunner {
    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        TaskState<T> state = new TaskState<>(task, Runnable::run);
        state.runWork();
        return state;
    }
}
