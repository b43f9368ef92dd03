package dev.ssosetup.core.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;

/**
 * The two ways an operator compares public keys: the SHA-256 fingerprint of the DER (SubjectPublicKeyInfo) encoding,
 * which {@code openssl pkey -pubin -outform DER | sha256sum} reproduces, and the RFC 7638 JWK thumbprint, which JOSE
 * tools show.
 */
public final class KeyFingerprints {
    private KeyFingerprints() {
    }

    /** {@code SHA256:AB:CD:...}: upper-case hex pairs of SHA-256 over the public key's DER encoding. */
    public static String sha256(RSAPublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The base64url RFC 7638 SHA-256 thumbprint of the public key as a JWK. */
    public static String thumbprint(RSAPublicKey key) {
        try {
            return new RSAKey.Builder(key).build().computeThumbprint("SHA-256").toString();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot compute the JWK thumbprint", e);
        }
    }
}
