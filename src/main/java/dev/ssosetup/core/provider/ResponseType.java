package dev.ssosetup.core.provider;

/**
 * OpenMetadata's {@code responseType} for a public client, which decides how its browser app signs in: the implicit
 * flow ({@code id_token}, OpenMetadata's default and what its setup page asks the provider for), or the authorization
 * code flow with PKCE ({@code code}). A confidential client always uses the code flow on OpenMetadata's server.
 */
public enum ResponseType {
    ID_TOKEN("id_token", "implicit"),
    CODE("code", "code");

    private final String wire;
    private final String flow;

    ResponseType(String wire, String flow) {
        this.wire = wire;
        this.flow = flow;
    }

    /** The value in OpenMetadata's configuration and in the authorization request: {@code id_token} or {@code code}. */
    public String wire() {
        return wire;
    }

    /** The flow's name in reports: {@code implicit} or {@code code}. */
    public String flow() {
        return flow;
    }

    /** The value for {@code wire} ({@code id_token}, {@code code}; case and dashes ignored), or null. */
    public static ResponseType fromWire(String wire) {
        if (wire == null) {
            return null;
        }
        String w = wire.strip().toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (ResponseType t : values()) {
            if (t.wire.equals(w) || t.name().toLowerCase(java.util.Locale.ROOT).equals(w)) {
                return t;
            }
        }
        return null;
    }
}
