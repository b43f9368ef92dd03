package dev.ssosetup.core.keys;

import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * What a file turned out to hold, as {@link KeyFileReader} recognised it. {@code format} says how it was encoded
 * (for example "PKCS#8, PEM"), so messages can tell the operator what the file IS.
 */
public sealed interface KeyFileContent {

    /** A short description for messages and {@code keys inspect}, e.g. "RSA private key, 3072 bits (PKCS#8, DER)". */
    String describe();

    /** An unencrypted RSA private key (PKCS#8 or PKCS#1). */
    record PrivateRsa(RSAPrivateCrtKey key, String format) implements KeyFileContent {
        @Override
        public String describe() {
            return "RSA private key, " + key.getModulus().bitLength() + " bits (" + format + ")";
        }

        @Override
        public String toString() {
            return "PrivateRsa[" + describe() + "]";
        }
    }

    /** An encrypted PKCS#8 private key: a password is needed to learn more. */
    record EncryptedPrivate(PKCS8EncryptedPrivateKeyInfo info, String format) implements KeyFileContent {
        @Override
        public String describe() {
            return "encrypted private key (" + format + ")";
        }
    }

    /** An RSA public key (SubjectPublicKeyInfo or PKCS#1). */
    record PublicRsa(RSAPublicKey key, String format) implements KeyFileContent {
        @Override
        public String describe() {
            return "RSA public key, " + key.getModulus().bitLength() + " bits (" + format + ")";
        }
    }

    /** A JWK set ({@code jwks.json}) with its RSA public keys. */
    record PublicKeySet(List<PublicKeyEntry> keys) implements KeyFileContent {
        public PublicKeySet {
            keys = List.copyOf(keys);
        }

        @Override
        public String describe() {
            return "JWK set with " + keys.size() + " RSA public key" + (keys.size() == 1 ? "" : "s");
        }
    }

    /** Anything that is not an RSA key: a certificate, an EC or Ed25519 key, random bytes... */
    record Other(String description) implements KeyFileContent {
        @Override
        public String describe() {
            return description;
        }
    }
}
