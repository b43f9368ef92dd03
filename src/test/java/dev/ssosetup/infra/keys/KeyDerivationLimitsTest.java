package dev.ssosetup.infra.keys;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.task.CancelledException;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.infra.keys.FileSystemKeyFileStore;
import dev.ssosetup.core.text.Messages;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.misc.MiscObjectIdentifiers;
import org.bouncycastle.asn1.misc.ScryptParams;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCS12PBEParams;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An encrypted private key names its own key-derivation cost: a hostile file asks for billions of PBKDF2 iterations
 * or gigabytes of scrypt memory. Such files are refused before any derivation, in words, within a second.
 */
class KeyDerivationLimitsTest {
    @TempDir
    Path dir;

    private final KeysService service = new KeysService(new FileSystemKeyFileStore(), new JwtKeyGenerator(),
            new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));

    private String write(String name, AlgorithmIdentifier algorithm) throws Exception {
        byte[] junk = new byte[1232];
        new SecureRandom().nextBytes(junk);
        Path file = dir.resolve(name);
        Files.write(file, new EncryptedPrivateKeyInfo(algorithm, junk).getEncoded());
        return file.toString();
    }

    private static AlgorithmIdentifier pbes2(KeyDerivationFunc kdf) {
        byte[] iv = new byte[16];
        return new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(kdf,
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv))));
    }

    private static AlgorithmIdentifier pbkdf2(int iterations) {
        return pbes2(new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(new byte[16], iterations,
                32, new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256))));
    }

    private static AlgorithmIdentifier scrypt(int n, int r, int p) {
        ASN1Encodable params = new ScryptParams(new byte[16], n, r, p, 32);
        return pbes2(new KeyDerivationFunc(MiscObjectIdentifiers.id_scrypt, params));
    }

    /** The problem as an English-speaking operator reads it. */
    private static String english(KeyProblem p) {
        return Messages.forLocale(Locale.ENGLISH).text(p.text());
    }

    private KeyProblem refused(String file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(KeyProblem.class,
                () -> service.importPair(file, null, KeyPassword.of("password".toCharArray()))));
    }

    @Test
    void billionsOfPbkdf2IterationsAreRefusedAtOnce() throws Exception {
        KeyProblem p = refused(write("pbkdf2.der", pbkdf2(2_000_000_000)));
        assertEquals(KeyProblem.Kind.WRONG_CONTENT, p.kind());
        assertTrue(english(p).contains("2,000,000,000 PBKDF2 iterations"), english(p));
        assertTrue(english(p).contains("10,000,000"), "names the limit: " + english(p));
        assertTrue(english(p).contains("openssl pkcs8"), "says how to re-encrypt: " + english(p));
        assertTrue(english(refused(write("pbkdf2-just-above.der", pbkdf2(10_000_001)))).contains("10,000,001"));
    }

    @Test
    void hugeScryptParametersAreRefusedAtOnce() throws Exception {
        KeyProblem memory = refused(write("scrypt-memory.der", scrypt(1 << 24, 8, 1))); // 16 GiB
        assertEquals(KeyProblem.Kind.WRONG_CONTENT, memory.kind());
        assertTrue(english(memory).contains("scrypt"), english(memory));
        assertTrue(english(memory).contains("16384 MiB"), english(memory));
        KeyProblem time = refused(write("scrypt-time.der", scrypt(1 << 14, 8, 1 << 20)));
        assertTrue(english(time).contains("scrypt"), english(time));
    }

    @Test
    void aPkcs12StyleIterationCountIsCappedToo() throws Exception {
        KeyProblem p = refused(write("pkcs12.der", new AlgorithmIdentifier(
                PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC, new PKCS12PBEParams(new byte[8], 500_000_000))));
        assertTrue(english(p).contains("500,000,000"), english(p));
    }

    @Test
    void anOrdinaryEncryptedKeyStillOpensAndACancelledImportStopsBeforeDecrypting() throws Exception {
        RsaKeyPair pair = new JwtKeyGenerator().generate(KeySize.RSA_2048, TaskContext.none());
        char[] password = "s3cret-pass".toCharArray();
        var encryptor = new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setIterationCount(600_000).build(password);
        Path file = dir.resolve("ok.der");
        Files.write(file, new PKCS8EncryptedPrivateKeyInfoBuilder(pair.privateKey().getEncoded()).build(encryptor)
                .getEncoded());
        RsaKeyPair imported = service.importPair(file.toString(), null, KeyPassword.of(password.clone()));
        assertEquals(pair.publicKey().getModulus(), imported.publicKey().getModulus());

        TaskContext cancelled = new TaskContext() {
            @Override
            public void progress(double fraction, dev.ssosetup.core.text.Text step) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> service.importPair(file.toString(), null,
                KeyPassword.of(password.clone()), cancelled));
    }
}
