package dev.ssosetup.core.keys;

import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/** One public key as it appears in a {@code jwks.json}: the key and its key id ({@code kid}). */
public record PublicKeyEntry(String keyId, RSAPublicKey publicKey) {
    public PublicKeyEntry {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    /** An entry whose key id is the key's RFC 7638 thumbprint: for previous keys whose id is not known. */
    public static PublicKeyEntry withThumbprintId(RSAPublicKey key) {
        return new PublicKeyEntry(KeyFingerprints.thumbprint(key), key);
    }
}
