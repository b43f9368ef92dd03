package dev.ssosetup.core.login;

/** No loopback port could be bound. The message names the port(s) and the fix, in the operator's words. */
public final class LoopbackUnavailable extends Exception {
    public LoopbackUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
