package dev.ssosetup.core.keys;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import dev.ssosetup.core.text.Text;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The file formats the Keys step writes. DER encodings are exactly what OpenMetadata reads with
 * {@code PKCS8EncodedKeySpec} / {@code X509EncodedKeySpec}; the JWKS carries {@code kid}, {@code alg: RS256} and
 * {@code use: sig} like OpenMetadata's own {@code /api/v1/system/config/jwks}.
 */
public final class KeyEncodings {
    /** PBKDF2 iterations for the encrypted PEM: far above OpenSSL's default 2048, still fast to open. */
    static final int PBKDF2_ITERATIONS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private KeyEncodings() {
    }

    /** PKCS#8 DER, unencrypted: {@code private_key.der}. */
    public static byte[] privateKeyDer(RsaKeyPair pair) {
        byte[] der = pair.privateKey().getEncoded();
        if (der == null || !"PKCS#8".equals(pair.privateKey().getFormat())) {
            throw new IllegalStateException("The private key cannot be encoded as PKCS#8");
        }
        return der;
    }

    /** X.509 SubjectPublicKeyInfo DER: {@code public_key.der}. */
    public static byte[] publicKeyDer(RSAPublicKey key) {
        return key.getEncoded();
    }

    /** {@code -----BEGIN PUBLIC KEY-----} PEM of the SubjectPublicKeyInfo. */
    public static String publicKeyPem(RSAPublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    /**
     * Encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}): PBES2 with PBKDF2-HMAC-SHA256 and
     * AES-256-CBC, readable by {@code openssl pkey -passin}. The password is not cleared here; the caller owns it.
     */
    public static String encryptedPrivateKeyPem(RSAPrivateKey key, KeyPassword password) {
        if (password == null || password.isEmpty()) {
            throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, Text.of("keys.problem.passwordMissing"));
        }
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(Crypto.bouncyCastle())
                    .setPRF(PKCS8Generator.PRF_HMACSHA256)
                    .setIterationCount(PBKDF2_ITERATIONS)
                    .setRandom(new SecureRandom())
                    .setPassword(password.reveal())
                    .build();
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(new JcaPKCS8Generator(key, encryptor));
            }
            return out.toString();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("AES-256 PBES2 encryption is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The public key as a JWK with {@code kid}, {@code alg: RS256}, {@code use: sig}. */
    public static RSAKey jwk(PublicKeyEntry entry) {
        return new RSAKey.Builder(entry.publicKey())
                .keyID(entry.keyId())
                .algorithm(JWSAlgorithm.RS256)
                .keyUse(KeyUse.SIGNATURE)
                .build();
    }

    /**
     * {@code current} first, then {@code previous} keys (rotation: tokens signed by a previous key still verify). A
     * previous key equal to the current one, or listed twice, appears once; one kid for two keys is refused.
     */
    public static List<PublicKeyEntry> jwksEntries(PublicKeyEntry current, List<PublicKeyEntry> previous) {
        List<PublicKeyEntry> entries = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> kids = new LinkedHashSet<>();
        List<PublicKeyEntry> all = new ArrayList<>();
        all.add(current);
        all.addAll(previous);
        for (PublicKeyEntry entry : all) {
            if (seen.add(KeyFingerprints.thumbprint(entry.publicKey()))) {
                if (!kids.add(entry.keyId())) {
                    throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING,
                            Text.of("keys.problem.duplicateKeyId", entry.keyId()));
                }
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The JWK set of {@link #jwksEntries}. */
    public static JWKSet jwkSet(PublicKeyEntry current, List<PublicKeyEntry> previous) {
        List<JWK> keys = new ArrayList<>();
        jwksEntries(current, previous).forEach(e -> keys.add(jwk(e)));
        return new JWKSet(keys);
    }

    /** The JWK set as indented JSON with public members only. */
    public static String jwksJson(JWKSet set) {
        try {
            return JSON.writeValueAsString(set.toJSONObject(true)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
