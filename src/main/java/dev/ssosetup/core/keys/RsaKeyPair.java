package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Objects;

/**
 * An RSA key pair whose halves are known to belong together. The private key never prints: {@link #toString()} shows
 * only the size and the public fingerprint, so a pair that slips into a log line or an exception reveals nothing.
 */
public record RsaKeyPair(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {

    public RsaKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        if (!matches(publicKey, privateKey)) {
            throw new KeyProblem(KeyProblem.Kind.MISMATCH,
                    Text.of("keys.problem.pairMismatch"));
        }
    }

    /** True when the public key is the public half of {@code privateKey}. */
    public static boolean matches(RSAPublicKey publicKey, RSAPrivateCrtKey privateKey) {
        return publicKey.getModulus().equals(privateKey.getModulus())
                && publicKey.getPublicExponent().equals(privateKey.getPublicExponent());
    }

    public int bits() {
        return publicKey.getModulus().bitLength();
    }

    public BigInteger modulus() {
        return publicKey.getModulus();
    }

    @Override
    public String toString() {
        return "RsaKeyPair[" + bits() + " bits, " + KeyFingerprints.sha256(publicKey) + "]";
    }
}
