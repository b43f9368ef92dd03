package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

/**
 * What a file turned out to hold, as {@link KeyFileReader} recognised it. {@code format} says how it was encoded
 * (for example "PKCS#8, PEM", as {@code keys.format*} text), so messages can tell the operator what the file IS.
 */
public sealed interface KeyFileContent {

    /** A short description for messages and {@code keys inspect}, e.g. "RSA private key, 3072 bits (PKCS#8, DER)". */
    Text describe();

    /** An unencrypted RSA private key (PKCS#8 or PKCS#1). */
    record PrivateRsa(RSAPrivateCrtKey key, Text format) implements KeyFileContent {
        @Override
        public Text describe() {
            return Text.of("keys.content.privateRsa", key.getModulus().bitLength(), format);
        }

        @Override
        public String toString() {
            return "PrivateRsa[" + describe() + "]";
        }
    }

    /** An encrypted PKCS#8 private key ({@code encoding} PEM or DER): a password is needed to learn more. */
    record EncryptedPrivate(PKCS8EncryptedPrivateKeyInfo info, String encoding) implements KeyFileContent {
        @Override
        public Text describe() {
            return Text.of("keys.content.encrypted", format());
        }

        public Text format() {
            return Text.of("keys.format.encrypted", "PKCS#8", encoding);
        }
    }

    /** An RSA public key (SubjectPublicKeyInfo or PKCS#1). */
    record PublicRsa(RSAPublicKey key, Text format) implements KeyFileContent {
        @Override
        public Text describe() {
            return Text.of("keys.content.publicRsa", key.getModulus().bitLength(), format);
        }
    }

    /** A JWK set ({@code jwks.json}) with its RSA public keys. */
    record PublicKeySet(List<PublicKeyEntry> keys) implements KeyFileContent {
        public PublicKeySet {
            keys = List.copyOf(keys);
        }

        @Override
        public Text describe() {
            return Text.of("keys.content.jwks", keys.size());
        }
    }

    /** Anything that is not an RSA key: a certificate, an EC or Ed25519 key, random bytes... */
    record Other(Text description) implements KeyFileContent {
        @Override
        public Text describe() {
            return description;
        }
    }
}
