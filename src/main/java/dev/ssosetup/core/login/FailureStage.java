package dev.ssosetup.core.login;

/**
 * Where a login attempt stopped, in the order the steps run. Shown to the operator as the message
 * {@code enum.FailureStage.<NAME>} (pass the constant as a {@link dev.ssosetup.core.text.Text} argument).
 */
public enum FailureStage {
    SETTINGS,
    DISCOVERY,
    LISTENER,
    TIMEOUT,
    AUTHORIZATION,
    TOKEN,
    ID_TOKEN,
    USERINFO;

    /** The value used in JSON output, e.g. {@code id_token}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
