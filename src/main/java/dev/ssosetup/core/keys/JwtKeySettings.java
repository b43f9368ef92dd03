package dev.ssosetup.core.keys;

import java.util.Objects;

/**
 * What OpenMetadata's {@code jwtTokenConfiguration} needs from the Keys step: where the server will find the key files,
 * the JWT issuer and the key id. Paths are as the server sees them (for example {@code ./conf/private_key.der}).
 */
public record JwtKeySettings(String privateKeyPath, String publicKeyPath, String issuer, String keyId) {
    public static final String DEFAULT_PRIVATE_KEY_PATH = "./conf/private_key.der";
    public static final String DEFAULT_PUBLIC_KEY_PATH = "./conf/public_key.der";

    public JwtKeySettings {
        privateKeyPath = Objects.requireNonNullElse(privateKeyPath, "");
        publicKeyPath = Objects.requireNonNullElse(publicKeyPath, "");
        issuer = Objects.requireNonNullElse(issuer, "");
        keyId = Objects.requireNonNullElse(keyId, "");
    }

    public static JwtKeySettings empty() {
        return new JwtKeySettings(DEFAULT_PRIVATE_KEY_PATH, DEFAULT_PUBLIC_KEY_PATH, "", "");
    }
}
