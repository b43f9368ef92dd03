package dev.ssosetup.core.task;

/** Thrown by {@link TaskContext#checkCancelled()} when the operator stopped the work. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("Cancelled by the operator", null, false, false);
    }
}
