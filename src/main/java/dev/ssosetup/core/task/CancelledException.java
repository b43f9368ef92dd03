package dev.ssosetup.core.task;

/**
 * Thrown by {@link TaskContext#checkCancelled()} when the operator stopped the work. Callers catch it by type and show
 * their own cancelled text; the message is only for a log.
 */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
