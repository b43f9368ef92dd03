package dev.ssosetup.core.provider;

/** OpenMetadata's {@code clientType}: a public SPA client, or a confidential client with a secret. */
public enum ClientType {
    PUBLIC("public"),
    CONFIDENTIAL("confidential");

    private final String wire;

    ClientType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
