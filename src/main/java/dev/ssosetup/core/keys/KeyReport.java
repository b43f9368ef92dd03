package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import java.security.interfaces.RSAPublicKey;

/**
 * What {@code keys inspect} shows about a file: what it is and, for RSA keys, size, SHA-256 fingerprint and JWK
 * thumbprint of the public key. Never any private material.
 */
public record KeyReport(String path, Text type, boolean encrypted, int bits, String fingerprint, String thumbprint,
                        String keyId) {

    static KeyReport of(String path, KeyFileContent content) {
        return switch (content) {
            case KeyFileContent.PrivateRsa p -> rsa(path, p.describe(), Crypto.publicOf(p.key()), "");
            case KeyFileContent.PublicRsa p -> rsa(path, p.describe(), p.key(), "");
            case KeyFileContent.PublicKeySet set -> rsa(path, set.describe(), set.keys().getFirst().publicKey(),
                    set.keys().getFirst().keyId());
            case KeyFileContent.EncryptedPrivate e -> new KeyReport(path, e.describe(), true, 0, "", "", "");
            case KeyFileContent.Other o -> new KeyReport(path, o.describe(), false, 0, "", "", "");
        };
    }

    private static KeyReport rsa(String path, Text type, RSAPublicKey key, String keyId) {
        return new KeyReport(path, type, false, key.getModulus().bitLength(), KeyFingerprints.sha256(key),
                KeyFingerprints.thumbprint(key), keyId);
    }

    public boolean isRsa() {
        return bits > 0;
    }
}
