package dev.ssosetup.core.provider;

/** How a confidential client authenticates at the token endpoint. */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    NONE("none");

    private final String wire;

    ClientAuthMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
