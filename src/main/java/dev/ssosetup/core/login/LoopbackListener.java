package dev.ssosetup.core.login;

import dev.ssosetup.core.task.TaskContext;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** A running loopback listener for one login attempt. Closing it releases the port. */
public interface LoopbackListener extends AutoCloseable {

    /** The redirect URI exactly as it must be sent in the authorization and token requests. */
    URI redirectUri();

    /**
     * Waits for the first callback with the expected state. Returns empty when {@code timeout} passed; throws
     * {@link dev.ssosetup.core.task.CancelledException} when the context is cancelled. Requests to other paths and
     * callbacks with a wrong state are answered by the listener and do not end the wait.
     */
    Optional<LoopbackCallback> await(Duration timeout, TaskContext context) throws InterruptedException;

    /** How many callbacks were refused because their {@code state} did not match (for the report). */
    int rejectedCallbacks();

    @Override
    void close();
}
