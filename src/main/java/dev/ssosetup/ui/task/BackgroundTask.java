package dev.ssosetup.ui.task;

import dev.ssosetup.core.task.Work;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Work plus what to do with its outcome. Callbacks run on the JavaFX thread (with {@link FxBackgroundRunner}) or on
 * the caller's thread (with {@link InlineBackgroundRunner}). Exactly one of success, failure or cancelled is called.
 */
public final class BackgroundTask<T> {
    private final String name;
    private final Work<T> work;
    private Consumer<? super T> onSuccess = v -> { };
    private Consumer<? super Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };

    private BackgroundTask(String name, Work<T> work) {
        this.name = Objects.requireNonNull(name);
        this.work = Objects.requireNonNull(work);
    }

    /** {@code name} names the work in thread names and diagnostics; it must not hold secrets. */
    public static <T> BackgroundTask<T> of(String name, Work<T> work) {
        return new BackgroundTask<>(name, work);
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    public String name() {
        return name;
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T value) {
        onSuccess.accept(value);
    }

    void failed(Throwable error) {
        onFailure.accept(error);
    }

    void cancelled() {
        onCancelled.run();
    }
}
