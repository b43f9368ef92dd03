package dev.ssosetup.core.login;

import java.net.URI;

/**
 * What a login attempt tells its caller while it runs, so that the URL can be shown (and copied) at once. Called on
 * the worker thread.
 */
public interface LoginEvents {

    /** The listener is ready; this is the URL to sign in with and the redirect URI in use. */
    default void waitingForBrowser(URI authorizationUrl, URI redirectUri) {
    }

    /** The outcome of opening the browser (not called with {@code --no-browser}). */
    default void browser(BrowserOpener.BrowserOutcome outcome) {
    }

    static LoginEvents none() {
        return new LoginEvents() {
        };
    }
}
