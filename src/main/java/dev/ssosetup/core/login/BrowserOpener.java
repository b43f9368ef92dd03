package dev.ssosetup.core.login;

import java.net.URI;

/**
 * The port to the operator's system browser (never an embedded web view). Opening may fail on a machine without a
 * desktop: the caller then shows the URL so the operator can open it by hand.
 */
public interface BrowserOpener {

    BrowserOutcome open(URI url);

    /** Whether the browser was opened, and if not, why. */
    sealed interface BrowserOutcome permits Opened, NotOpened {
    }

    /** {@code how} names the mechanism, e.g. {@code xdg-open}. */
    record Opened(String how) implements BrowserOutcome {
    }

    /** {@code reason} says why in words, e.g. "xdg-open is not installed". */
    record NotOpened(String reason) implements BrowserOutcome {
    }
}
