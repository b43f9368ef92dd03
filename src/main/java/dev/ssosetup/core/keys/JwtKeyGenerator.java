package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.ssosetup.core.task.TaskContext;

import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Objects;
import java.util.UUID;

/**
 * Generates OpenMetadata's JWT signing key pair with Nimbus {@link RSAKeyGenerator}, fully offline. Generation is one
 * blocking call (a 4096-bit key may take seconds), so progress is reported around it and cancel is honoured before
 * and after: a cancelled task's late result is dropped by the runner.
 */
public final class JwtKeyGenerator {

    /** A fresh random key id, as OpenMetadata expects ({@code keyId} is a UUID). */
    public static String newKeyId() {
        return UUID.randomUUID().toString();
    }

    public RsaKeyPair generate(KeySize size, TaskContext context) {
        Objects.requireNonNull(size, "size");
        TaskContext ctx = context == null ? TaskContext.none() : context;
        ctx.checkCancelled();
        ctx.progress(-1, Text.of("task.keys.generating", size.bits()));
        RSAKey jwk;
        try {
            jwk = new RSAKeyGenerator(size.bits()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
        ctx.checkCancelled();
        ctx.progress(0.9, Text.of("task.keys.checking"));
        try {
            // normalise to the JDK's own PKCS#8 key, which is exactly what OpenMetadata reads back
            RSAPrivateCrtKey privateKey = Crypto.rsaPrivateFromPkcs8(jwk.toRSAPrivateKey().getEncoded());
            RsaKeyPair pair = new RsaKeyPair(jwk.toRSAPublicKey(), privateKey);
            if (pair.bits() < KeySize.MINIMUM_BITS) {
                throw new IllegalStateException("Generated key is smaller than " + KeySize.MINIMUM_BITS + " bits");
            }
            ctx.progress(1.0, Text.of("task.done"));
            return pair;
        } catch (JOSEException | InvalidKeySpecException e) {
            throw new IllegalStateException("The generated key pair cannot be encoded", e);
        }
    }
}
