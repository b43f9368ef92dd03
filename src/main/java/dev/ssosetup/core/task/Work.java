package dev.ssosetup.core.task;

/** A unit of background work that produces a value. */
@FunctionalInterface
public interface Work<T> {
    T run(TaskContext context) throws Exception;
}
