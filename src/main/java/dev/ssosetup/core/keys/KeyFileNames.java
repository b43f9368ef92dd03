package dev.ssosetup.core.keys;

import java.util.List;

/** The names of the files an export writes, in the order they are written. */
public final class KeyFileNames {
    public static final String PRIVATE_DER = "private_key.der";
    public static final String PUBLIC_DER = "public_key.der";
    public static final String PUBLIC_PEM = "public_key.pem";
    public static final String PRIVATE_PEM_ENCRYPTED = "private_key.pem";
    public static final String JWKS = "jwks.json";
    public static final String KEY_INFO = "key-info.txt";
    public static final String OPENMETADATA = "openmetadata-jwt.txt";

    private KeyFileNames() {
    }

    /** Every file an export writes, with or without the encrypted PEM. */
    public static List<String> all(boolean encryptedPem) {
        return encryptedPem
                ? List.of(PRIVATE_DER, PUBLIC_DER, PUBLIC_PEM, PRIVATE_PEM_ENCRYPTED, JWKS, KEY_INFO, OPENMETADATA)
                : List.of(PRIVATE_DER, PUBLIC_DER, PUBLIC_PEM, JWKS, KEY_INFO, OPENMETADATA);
    }
}
