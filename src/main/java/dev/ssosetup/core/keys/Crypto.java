package dev.ssosetup.core.keys;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Small crypto helpers shared by the keys package. BouncyCastle is used as a provider instance passed to the builders
 * that need it; it is never installed globally ({@code Security.addProvider}), so nothing else in the JVM changes.
 */
final class Crypto {
    private Crypto() {
    }

    private static final class Holder {
        static final Provider BC = new BouncyCastleProvider();
    }

    static Provider bouncyCastle() {
        return Holder.BC;
    }

    /** Reads a PKCS#8 DER private key exactly as OpenMetadata does ({@code PKCS8EncodedKeySpec}). */
    static RSAPrivateCrtKey rsaPrivateFromPkcs8(byte[] der) throws InvalidKeySpecException {
        try {
            if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der))
                    instanceof RSAPrivateCrtKey crt) {
                return crt;
            }
            // never shown: the callers turn it into a KeyFileContent or an IllegalStateException
            throw new InvalidKeySpecException(RSAPrivateCrtKey.class.getSimpleName() + " expected");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this Java runtime", e);
        }
    }

    /** Reads an X.509 SubjectPublicKeyInfo DER public key exactly as OpenMetadata does ({@code X509EncodedKeySpec}). */
    static RSAPublicKey rsaPublicFromSpki(byte[] der) throws InvalidKeySpecException {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this Java runtime", e);
        }
    }

    /** The public half of a private key with CRT parameters. */
    static RSAPublicKey publicOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("Cannot derive the RSA public key", e);
        }
    }
}
