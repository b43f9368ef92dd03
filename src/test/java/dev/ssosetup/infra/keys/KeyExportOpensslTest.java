package dev.ssosetup.infra.keys;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.ssosetup.core.keys.JwtKeyGenerator;
import dev.ssosetup.core.keys.JwtKeySettings;
import dev.ssosetup.core.keys.KeyExport;
import dev.ssosetup.core.keys.KeyFileNames;
import dev.ssosetup.core.keys.KeyFileReader;
import dev.ssosetup.core.keys.KeyFingerprints;
import dev.ssosetup.core.keys.KeyPassword;
import dev.ssosetup.core.keys.KeyProblem;
import dev.ssosetup.core.keys.KeySize;
import dev.ssosetup.core.keys.KeysService;
import dev.ssosetup.core.keys.PublicKeyEntry;
import dev.ssosetup.core.keys.RsaKeyPair;
import dev.ssosetup.core.keys.SelfTestResult;
import dev.ssosetup.core.keys.SigningSelfTest;
import dev.ssosetup.core.task.TaskContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports a real generated key pair to a temporary folder and lets {@code openssl} and Java's {@code KeyFactory} (what
 * OpenMetadata uses) judge the files; checks modes, refusal to overwrite and all-or-nothing writing.
 */
class KeyExportOpensslTest {
    private static final String PASSWORD = "correct horse battery";
    private static RsaKeyPair pair;
    private static RsaKeyPair otherPair;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        JwtKeyGenerator generator = new JwtKeyGenerator();
        pair = generator.generate(KeySize.RSA_2048, TaskContext.none());
        otherPair = generator.generate(KeySize.RSA_2048, TaskContext.none());
    }

    private static KeysService service(FileSystemKeyFileStore.WriteHook hook) {
        return new KeysService(new FileSystemKeyFileStore(FilePermissions.forPlatform(), hook), new JwtKeyGenerator(),
                new KeyFileReader(), new SigningSelfTest(Clock.systemUTC()));
    }

    private static JwtKeySettings settings() {
        return new JwtKeySettings(JwtKeySettings.DEFAULT_PRIVATE_KEY_PATH, JwtKeySettings.DEFAULT_PUBLIC_KEY_PATH,
                "om.example.com", "7f2c9b4e-1111-4d6e-9f00-abcdefabcdef");
    }

    private KeyExport export(Path out, RsaKeyPair keys, String password, List<PublicKeyEntry> previous) {
        return new KeyExport(out.toString(), keys, settings(), previous,
                password == null ? null : KeyPassword.of(password.toCharArray()));
    }

    @Test
    void opensslAndKeyFactoryReadEveryFileWeWrite() throws Exception {
        Path out = dir.resolve("keys");
        List<String> written = service(FileSystemKeyFileStore.WriteHook.NONE)
                .export(export(out, pair, PASSWORD, List.of()), false, TaskContext.none());
        assertEquals(7, written.size());

        assertTrue(Openssl.run(out, "pkey", "-inform", "DER", "-in", "private_key.der", "-check", "-noout").ok()
                .output().contains("valid"));
        Openssl.run(out, "pkey", "-pubin", "-inform", "DER", "-in", "public_key.der", "-noout").ok();
        Openssl.run(out, "pkey", "-pubin", "-in", "public_key.pem", "-noout").ok();
        Openssl.run(out, "pkey", "-in", "private_key.pem", "-passin", "pass:" + PASSWORD, "-check", "-noout").ok();
        assertFalse(Openssl.run(out, "pkey", "-in", "private_key.pem", "-passin", "pass:wrong-password", "-noout")
                .exit() == 0, "the encrypted PEM must not open with a wrong password");
        String pemStructure = Openssl.run(out, "asn1parse", "-in", "private_key.pem").ok().output();
        assertTrue(pemStructure.contains("PBES2") && pemStructure.contains("aes-256-cbc"), pemStructure);

        String privateModulus = Openssl.modulus(out, "rsa", "-inform", "DER", "-in", "private_key.der", "-modulus",
                "-noout");
        String publicModulus = Openssl.modulus(out, "rsa", "-pubin", "-inform", "DER", "-in", "public_key.der",
                "-modulus", "-noout");
        assertEquals(privateModulus, publicModulus);
        assertEquals(pair.modulus(), new BigInteger(privateModulus, 16));

        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                new PKCS8EncodedKeySpec(Files.readAllBytes(out.resolve("private_key.der"))));
        RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                new X509EncodedKeySpec(Files.readAllBytes(out.resolve("public_key.der"))));
        assertEquals(pair.privateKey().getPrivateExponent(), privateKey.getPrivateExponent());
        assertEquals(pair.publicKey(), publicKey);

        // the fingerprint we show is SHA-256 over the DER public key, as openssl computes it
        String digest = Openssl.run(out, "dgst", "-sha256", "-r", "public_key.der").ok().output().split(" ")[0];
        assertEquals(KeyFingerprints.sha256(publicKey).replace("SHA256:", "").replace(":", "").toLowerCase(), digest);

        RSAKey jwk = (RSAKey) JWKSet.parse(Files.readString(out.resolve("jwks.json"))).getKeys().getFirst();
        assertEquals(settings().keyId(), jwk.getKeyID());
        assertEquals("RS256", jwk.getAlgorithm().getName());
        assertEquals("sig", jwk.getKeyUse().identifier());
        assertEquals(publicKey, jwk.toRSAPublicKey());
        assertFalse(Files.readString(out.resolve("jwks.json")).contains("\"d\""), "no private member in jwks.json");

        String om = Files.readString(out.resolve("openmetadata-jwt.txt"));
        for (String expected : List.of("jwtTokenConfiguration:", "rsaprivateKeyFilePath: ./conf/private_key.der",
                "keyId: " + settings().keyId(), "jwtissuer: om.example.com", "RSA_PRIVATE_KEY_FILE_PATH=",
                "RSA_PUBLIC_KEY_FILE_PATH=", "JWT_ISSUER=om.example.com", "JWT_KEY_ID=" + settings().keyId(),
                "kubectl create secret generic openmetadata-jwt-keys --from-file private_key.der "
                        + "--from-file public_key.der")) {
            assertTrue(om.contains(expected), "openmetadata-jwt.txt lacks " + expected + "\n" + om);
        }
        String info = Files.readString(out.resolve("key-info.txt"));
        assertTrue(info.contains(KeyFingerprints.sha256(publicKey)) && info.contains(KeyFingerprints.thumbprint(publicKey)));
        for (String name : List.of("key-info.txt", "openmetadata-jwt.txt", "jwks.json", "public_key.pem")) {
            assertFalse(Files.readString(out.resolve(name)).contains("PRIVATE KEY-----"), name + " leaks a key");
        }
    }

    @Test
    void privateKeyFilesAreOwnerOnlyAndNoTemporaryFilesRemain() throws Exception {
        Path out = dir.resolve("modes");
        service(FileSystemKeyFileStore.WriteHook.NONE)
                .export(export(out, pair, PASSWORD, List.of()), false, TaskContext.none());
        Map<String, String> modes = modes(out);
        assertEquals("rw-------", modes.get("private_key.der"));
        assertEquals("rw-------", modes.get("private_key.pem"));
        assertEquals("rw-r--r--", modes.get("public_key.der"));
        assertEquals("rw-r--r--", modes.get("jwks.json"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals(Set.copyOf(KeyFileNames.all(true)), modes.keySet(), "exactly the export files, no temp files");
    }

    @Test
    void refusesToOverwriteWithoutConfirmationAndReplacesWithIt() throws Exception {
        Path out = dir.resolve("twice");
        KeysService service = service(FileSystemKeyFileStore.WriteHook.NONE);
        service.export(export(out, pair, null, List.of()), false, TaskContext.none());
        byte[] before = Files.readAllBytes(out.resolve("private_key.der"));

        KeyProblem refused = assertThrows(KeyProblem.class,
                () -> service.export(export(out, otherPair, null, List.of()), false, TaskContext.none()));
        assertEquals(KeyProblem.Kind.WOULD_OVERWRITE, refused.kind());
        String said = dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(refused.text());
        assertTrue(said.contains("private_key.der") && said.contains("Nothing was written"), said);
        assertArrayEquals(before, Files.readAllBytes(out.resolve("private_key.der")), "old key untouched");
        assertEquals(6, service.conflicts(export(out, otherPair, null, List.of())).size());

        service.export(export(out, otherPair, null, List.of()), true, TaskContext.none());
        assertArrayEquals(otherPair.privateKey().getEncoded(), Files.readAllBytes(out.resolve("private_key.der")));
        assertEquals("rw-------", modes(out).get("private_key.der"));
    }

    @Test
    void aFailureMidExportLeavesNoPartialFileBehind() throws Exception {
        Path out = dir.resolve("fresh");
        KeysService failing = service(name -> {
            if (name.equals(KeyFileNames.JWKS)) {
                throw new IOException("No space left on device (injected)");
            }
        });
        KeyProblem problem = assertThrows(KeyProblem.class,
                () -> failing.export(export(out, pair, PASSWORD, List.of()), false, TaskContext.none()));
        assertEquals(KeyProblem.Kind.IO, problem.kind());
        assertTrue(dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(problem.text()).contains("the disk is full"), problem.getMessage());
        assertFalse(Files.exists(out), "the folder the export created is gone again: " + list(dir));

        // into an existing folder with an earlier export, overwriting: the earlier files come back intact
        Path existing = dir.resolve("existing");
        service(FileSystemKeyFileStore.WriteHook.NONE)
                .export(export(existing, otherPair, null, List.of()), false, TaskContext.none());
        Map<String, byte[]> before = contents(existing);
        assertThrows(KeyProblem.class,
                () -> failing.export(export(existing, pair, null, List.of()), true, TaskContext.none()));
        Map<String, byte[]> after = contents(existing);
        assertEquals(before.keySet(), after.keySet(), "no new, temporary or backup file: " + list(existing));
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " restored"));
        assertEquals("rw-------", modes(existing).get("private_key.der"));
    }

    @Test
    void rotationJwksKeepsPreviousKeysAndTheSelfTestPasses() throws Exception {
        Path out = dir.resolve("rotated");
        KeysService service = service(FileSystemKeyFileStore.WriteHook.NONE);
        PublicKeyEntry old = new PublicKeyEntry("old-key", otherPair.publicKey());
        service.export(export(out, pair, null, List.of(old, old)), false, TaskContext.none());
        JWKSet set = JWKSet.parse(Files.readString(out.resolve("jwks.json")));
        assertEquals(List.of(settings().keyId(), "old-key"), set.getKeys().stream().map(k -> k.getKeyID()).toList());
        assertTrue(Files.readString(out.resolve("key-info.txt")).contains("old-key"));

        SelfTestResult result = service.selfTest(pair, settings(), List.of(old));
        assertTrue(result.passed(), result.toString());
        assertEquals(4, result.checks().size());
        assertTrue(result.sampleClaims().contains("\"isBot\":true") && result.sampleClaims().contains("tokenType"));

        // a self-test with a pair that does not match its public key in jwks.json fails: the test can fail
        KeyProblem reused = assertThrows(KeyProblem.class, () -> service.selfTest(pair, settings(),
                List.of(new PublicKeyEntry(settings().keyId(), otherPair.publicKey()))));
        assertTrue(reused.getMessage().contains("two different public keys"), reused.getMessage());
    }

    private static Map<String, String> modes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.collect(Collectors.toMap(p -> p.getFileName().toString(), p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }));
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.map(Path::toString).toList();
        }
    }
}
