package dev.ssosetup.core.login;

import java.util.List;
import java.util.Map;

/**
 * The browser's redirect to the loopback listener, still waiting for its answer page: the login test answers it with
 * {@link #answer(CallbackPage)} once it knows the verdict, so that the browser tab shows the outcome.
 */
public interface LoopbackCallback {

    /** {@code GET} (query) or {@code POST} ({@code form_post}). */
    String method();

    /** The response parameters (code, state, iss, error ...). Holds the authorization code: never print it. */
    Map<String, List<String>> parameters();

    /** Sends the page to the browser (once; later calls are ignored). */
    void answer(CallbackPage page);
}
