package dev.ssosetup.core.login;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.util.Locale;

/**
 * No loopback port could be bound. {@link #text()} names the port(s) and the fix as a message key;
 * {@link #getMessage()} is the same in English, for the log.
 */
public final class LoopbackUnavailable extends Exception {
    private final transient Text text;

    public LoopbackUnavailable(Text text, Throwable cause) {
        super(Messages.forLocale(Locale.ENGLISH).text(text), cause);
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
