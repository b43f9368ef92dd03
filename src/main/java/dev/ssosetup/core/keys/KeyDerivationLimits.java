package dev.ssosetup.core.keys;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

import dev.ssosetup.core.text.Text;

import java.math.BigInteger;
import java.util.Locale;

/**
 * The cost an encrypted private key may ask for before it is decrypted (ADR 0014): a key file names its own
 * key-derivation parameters, so a hostile or damaged file could ask for billions of PBKDF2 iterations (hours of CPU)
 * or gigabytes of scrypt memory (the application dies). Limits far above what {@code openssl pkcs8} and key stores
 * write: at most {@value #MAX_ITERATIONS} PBKDF2 (or PKCS#12/PBES1) iterations; scrypt at most 512 MiB of memory
 * (128·N·r bytes) and N·r·p at most 2^24.
 */
final class KeyDerivationLimits {
    static final int MAX_ITERATIONS = 10_000_000;
    static final long MAX_SCRYPT_MEMORY = 512L * 1024 * 1024;
    static final long MAX_SCRYPT_WORK = 1L << 24;
    private KeyDerivationLimits() {
    }

    /** Throws a {@link KeyProblem} (WRONG_CONTENT) when {@code algorithm} asks for more than the limits allow. */
    static void check(AlgorithmIdentifier algorithm) {
        try {
            if (PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
                KeyDerivationFunc kdf = PBES2Parameters.getInstance(algorithm.getParameters()).getKeyDerivationFunc();
                if (PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
                    iterations(PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount());
                } else if (MiscObjectIdentifiers.id_scrypt.equals(kdf.getAlgorithm())) {
                    scrypt(ScryptParams.getInstance(kdf.getParameters()));
                }
                return;
            }
            // PKCS#12 and PBES1 schemes: SEQUENCE { salt OCTET STRING, iterations INTEGER }
            if (algorithm.getParameters() instanceof ASN1Sequence seq && seq.size() == 2
                    && seq.getObjectAt(0) instanceof ASN1OctetString
                    && seq.getObjectAt(1) instanceof ASN1Integer count) {
                iterations(count.getValue());
            }
        } catch (IllegalArgumentException e) { // parameters that do not parse: the decryption refuses them
            // nothing to limit; the decryptor reports the scheme it cannot read
        }
    }

    private static void iterations(BigInteger count) {
        if (count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT, Text.of("keys.problem.kdfIterations",
                    number(count), number(BigInteger.valueOf(MAX_ITERATIONS))));
        }
    }

    private static void scrypt(ScryptParams params) {
        BigInteger n = params.getCostParameter();
        BigInteger r = params.getBlockSize();
        BigInteger p = params.getParallelizationParameter();
        BigInteger memory = n.multiply(r).shiftLeft(7);
        BigInteger work = n.multiply(r).multiply(p);
        if (memory.compareTo(BigInteger.valueOf(MAX_SCRYPT_MEMORY)) > 0
                || work.compareTo(BigInteger.valueOf(MAX_SCRYPT_WORK)) > 0) {
            throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT, Text.of("keys.problem.kdfScrypt",
                    String.valueOf(n), String.valueOf(r), String.valueOf(p), String.valueOf(memory.shiftRight(20)),
                    String.valueOf(MAX_SCRYPT_MEMORY >> 20)));
        }
    }

    private static String number(BigInteger value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
