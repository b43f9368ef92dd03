package dev.ssosetup.core.login;

/** Where a login attempt stopped, in the order the steps run. */
public enum FailureStage {
    SETTINGS("settings"),
    DISCOVERY("discovery"),
    LISTENER("loopback listener"),
    TIMEOUT("waiting for the browser"),
    AUTHORIZATION("authorization response"),
    TOKEN("token exchange"),
    ID_TOKEN("ID token validation"),
    USERINFO("userinfo");

    private final String label;

    FailureStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The value used in JSON output, e.g. {@code id_token}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
