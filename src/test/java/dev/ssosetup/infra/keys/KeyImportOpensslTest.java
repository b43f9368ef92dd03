package dev.ssosetup.infra.keys;

import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeyReport;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Imports keys that {@code openssl} made, in every format an operator may bring, and checks that everything else gets
 * a message saying what the file is and what is expected.
 */
class KeyImportOpensslTest {
    private static final String PASSWORD = "imp0rt-passw0rd";

    @TempDir
    static Path dir;
    private static BigInteger modulus;

    private final KeysService service = new KeysService(new FileSystemKeyFileStore(), new JwtKeyGenerator(),
            new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));

    @BeforeAll
    static void makeKeysWithOpenssl() throws Exception {
        Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "pkcs8.pem").ok();
        Openssl.run(dir, "pkey", "-in", "pkcs8.pem", "-outform", "DER", "-out", "pkcs8.der").ok();
        Openssl.run(dir, "rsa", "-in", "pkcs8.pem", "-traditional", "-out", "pkcs1.pem").ok();
        Openssl.run(dir, "rsa", "-in", "pkcs8.pem", "-traditional", "-outform", "DER", "-out", "pkcs1.der").ok();
        Openssl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "pkcs8.pem", "-passout", "pass:" + PASSWORD,
                "-out", "encrypted.pem").ok();
        Openssl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "pkcs8.pem", "-passout", "pass:" + PASSWORD,
                "-outform", "DER", "-out", "encrypted.der").ok();
        Openssl.run(dir, "pkey", "-in", "pkcs8.pem", "-pubout", "-out", "public.pem").ok();
        Openssl.run(dir, "pkey", "-in", "pkcs8.pem", "-pubout", "-outform", "DER", "-out", "public.der").ok();
        Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "other.pem").ok();
        Openssl.run(dir, "pkey", "-in", "other.pem", "-pubout", "-out", "other-public.pem").ok();
        Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", "small.pem").ok();
        Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem").ok();
        Openssl.run(dir, "ec", "-in", "ec.pem", "-outform", "DER", "-out", "ec-sec1.der").ok();
        Openssl.run(dir, "req", "-x509", "-key", "pkcs8.pem", "-subj", "/CN=sso-setup-test", "-days", "1",
                "-out", "cert.pem").ok();
        Openssl.run(dir, "x509", "-in", "cert.pem", "-outform", "DER", "-out", "cert.der").ok();
        Files.write(dir.resolve("garbage.bin"), new byte[] {0x13, 0x37, 0x00, (byte) 0xff, 0x42, 0x10, 0x01});
        Files.writeString(dir.resolve("notes.txt"), "these are not the keys you are looking for\n");
        modulus = new BigInteger(Openssl.modulus(dir, "rsa", "-in", "pkcs8.pem", "-modulus", "-noout"), 16);
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pkcs8.pem", "pkcs8.der", "pkcs1.pem", "pkcs1.der"})
    void importsUnencryptedPrivateKeysInEveryFormat(String file) {
        RsaKeyPair pair = service.importPair(path(file), path("public.pem"), null);
        assertEquals(modulus, pair.modulus());
        assertEquals(2048, pair.bits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypted.pem", "encrypted.der"})
    void importsEncryptedPkcs8WithItsPasswordOnly(String file) {
        assertTrue(service.isEncrypted(path(file)));
        KeyProblem missing = assertThrows(KeyProblem.class, () -> service.importPair(path(file), null, null));
        assertEquals(KeyProblem.Kind.PASSWORD_REQUIRED, missing.kind());
        assertTrue(missing.getMessage().contains("encrypted private key"), missing.getMessage());

        KeyProblem wrong = assertThrows(KeyProblem.class, () -> service.importPair(path(file), null,
                KeyPassword.of("not-the-password".toCharArray())));
        assertEquals(KeyProblem.Kind.WRONG_PASSWORD, wrong.kind());
        assertTrue(wrong.getMessage().contains("password does not open"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-the-password"), "never echo a password");

        RsaKeyPair pair = service.importPair(path(file), path("public.der"),
                KeyPassword.of(PASSWORD.toCharArray()));
        assertEquals(modulus, pair.modulus());
    }

    @Test
    void aPublicKeyOfAnotherPairIsRefusedWithBothFingerprints() {
        KeyProblem problem = assertThrows(KeyProblem.class,
                () -> service.importPair(path("pkcs8.pem"), path("other-public.pem"), null));
        assertEquals(KeyProblem.Kind.MISMATCH, problem.kind());
        assertTrue(problem.getMessage().contains("does not belong") && problem.getMessage().contains("SHA256:"),
                problem.getMessage());
    }

    @Test
    void aSmallKeyIsNamedWithItsSize() {
        KeyProblem problem = assertThrows(KeyProblem.class, () -> service.importPair(path("small.pem"), null, null));
        assertEquals(KeyProblem.Kind.TOO_SMALL, problem.kind());
        assertTrue(problem.getMessage().contains("RSA private key, 1024 bits (PKCS#8, PEM)")
                && problem.getMessage().contains("at least 2048 bits"), problem.getMessage());
    }

    @Test
    void wrongFilesSayWhatTheyAreAndWhatIsExpected() {
        assertWrong("ec.pem", "EC (curve prime256v1) private key (PKCS#8, PEM)");
        assertWrong("ec-sec1.der", "EC");
        assertWrong("cert.pem", "an X.509 certificate (PEM, subject \"CN=sso-setup-test\"");
        assertWrong("cert.der", "an X.509 certificate (DER");
        assertWrong("garbage.bin", "not a key file (7 bytes that are neither PEM nor DER)");
        assertWrong("notes.txt", "a text file that is neither PEM");
        assertWrong("public.pem", "RSA public key, 2048 bits");
        KeyProblem missing = assertThrows(KeyProblem.class, () -> service.importPair(path("nope.der"), null, null));
        assertEquals(KeyProblem.Kind.IO, missing.kind());
        assertTrue(dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(missing.text()).contains("nope.der cannot be read: no such file or folder"),
                missing.getMessage());
    }

    private void assertWrong(String file, String what) {
        KeyProblem problem = assertThrows(KeyProblem.class, () -> service.importPair(path(file), null, null));
        assertEquals(KeyProblem.Kind.WRONG_CONTENT, problem.kind(), problem.getMessage());
        assertTrue(problem.getMessage().contains(what), problem.getMessage());
        assertTrue(problem.getMessage().contains("expected an RSA private key of at least 2048 bits"),
                problem.getMessage());
    }

    @Test
    void inspectReportsTypeSizeFingerprintAndThumbprintOfWhatOpensslMade() {
        KeyReport priv = service.inspect(path("pkcs1.der"));
        KeyReport pub = service.inspect(path("public.der"));
        assertEquals("RSA private key, 2048 bits (PKCS#1, DER)", Messages.forLocale(Locale.ENGLISH).text(priv.type()));
        assertEquals("RSA public key, 2048 bits (X.509 SubjectPublicKeyInfo, DER)",
                Messages.forLocale(Locale.ENGLISH).text(pub.type()));
        assertEquals(pub.fingerprint(), priv.fingerprint());
        assertEquals(pub.thumbprint(), priv.thumbprint());
        String digest = Openssl.run(dir, "dgst", "-sha256", "-r", "public.der").ok().output().split(" ")[0];
        assertEquals(digest, pub.fingerprint().replace("SHA256:", "").replace(":", "").toLowerCase());
        assertFalse(service.inspect(path("cert.pem")).isRsa());
    }
}
