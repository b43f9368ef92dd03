package dev.ssosetup.core.task;

import dev.ssosetup.core.text.Text;

/**
 * What a piece of background work sees of the world: a place to report progress and a way to learn that the operator
 * cancelled. Long-running core logic (key generation, discovery, login) takes one of these so that every runner (the
 * JavaFX one, the inline one used by tests and the CLI) can show progress and stop it.
 */
public interface TaskContext {

    /**
     * Reports progress; {@code fraction} in [0,1], or negative for "indeterminate"; {@code step} says what runs now
     * (a message key, rendered where it is shown).
     */
    void progress(double fraction, Text step);

    /**
     * Hands a partial result to whoever started the work, on their thread (the JavaFX thread for the window's
     * runner); at once for the CLI and for tests.
     */
    default void publish(Runnable update) {
        update.run();
    }

    /** True once the operator asked to stop. Work should return soon after. */
    boolean isCancelled();

    /** Throws {@link CancelledException} when cancelled: a convenient checkpoint between steps. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** A context that never cancels and drops progress: for the CLI and for tests. */
    static TaskContext none() {
        return NoTaskContext.INSTANCE;
    }
}
