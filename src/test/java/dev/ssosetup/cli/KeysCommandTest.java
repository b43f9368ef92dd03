package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ssosetup.app.CompositionRoot;
import dev.ssosetup.infra.keys.Openssl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup keys ...} through the real command line built by the composition root: output and exit codes. */
class KeysCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = CompositionRoot.forCli().commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void generateWritesTheFilesPrintsNoSecretAndRefusesToOverwriteWithoutForce() throws Exception {
        Path out = dir.resolve("keys");
        Path passwordFile = dir.resolve("pw.txt");
        Files.writeString(passwordFile, "cli-passw0rd!\n");
        Run generated = run("keys", "generate", "--out", out.toString(), "--size", "2048", "--key-id", "kid-1",
                "--issuer", "om.example.com", "--encrypt-password-file", passwordFile.toString(), "--json");
        assertEquals(0, generated.exit(), generated.err());
        JsonNode json = new ObjectMapper().readTree(generated.out());
        assertEquals("kid-1", json.get("keyId").asText());
        assertEquals(2048, json.get("bits").asInt());
        assertEquals("passed", json.get("selfTest").asText());
        assertEquals(7, json.get("files").size());
        byte[] privateDer = Files.readAllBytes(out.resolve("private_key.der"));
        String encodedPrivate = Base64.getEncoder().encodeToString(privateDer).substring(40, 120);
        assertFalse(generated.out().contains(encodedPrivate) || generated.out().contains("PRIVATE KEY-----"),
                "private key material printed");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out.resolve("private_key.der"))));
        Openssl.run(out, "pkey", "-in", "private_key.pem", "-passin", "pass:cli-passw0rd!", "-noout").ok();

        Run again = run("keys", "generate", "--out", out.toString(), "--size", "2048");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already has private_key.der") && again.err().contains("--force"), again.err());
        assertArrayEquals(privateDer, Files.readAllBytes(out.resolve("private_key.der")));

        Run forced = run("keys", "generate", "--out", out.toString(), "--size", "2048", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertTrue(forced.out().contains("invalidates every bot token"), forced.out());
        assertFalse(java.util.Arrays.equals(privateDer, Files.readAllBytes(out.resolve("private_key.der"))));

        Run inspect = run("keys", "inspect", out.resolve("public_key.der").toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().contains("RSA public key, 2048 bits") && inspect.out().contains("SHA256:")
                && inspect.out().contains("Thumbprint:"), inspect.out());
    }

    @Test
    void badUsageExitsTwoAndNamesTheOption() {
        Run size = run("keys", "generate", "--out", dir.resolve("x").toString(), "--size", "1024");
        assertEquals(2, size.exit());
        assertTrue(size.err().contains("--size: 1024 is not offered"), size.err());
        assertFalse(Files.exists(dir.resolve("x")));

        Run missingOut = run("keys", "generate");
        assertEquals(2, missingOut.exit());
        assertTrue(missingOut.err().contains("--out"), missingOut.err());

        Run badKid = run("keys", "generate", "--out", dir.resolve("y").toString(), "--key-id", "has space");
        assertEquals(2, badKid.exit());
        assertTrue(badKid.err().contains("--key-id"), badKid.err());

        Run shortPassword = run("keys", "jwks");
        assertEquals(2, shortPassword.exit());
    }

    @Test
    void importInspectAndJwksWithKeysOpensslMade() throws Exception {
        Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "a.pem").ok();
        Openssl.run(dir, "rsa", "-in", "a.pem", "-traditional", "-out", "a-pkcs1.pem").ok();
        Openssl.run(dir, "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "a.pem", "-passout", "pass:secret-1234",
                "-out", "a-enc.pem").ok();
        Openssl.run(dir, "pkey", "-in", "a.pem", "-pubout", "-out", "a-pub.pem").ok();
        Openssl.run(dir, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "b.pem").ok();
        Openssl.run(dir, "pkey", "-in", "b.pem", "-pubout", "-outform", "DER", "-out", "b-pub.der").ok();
        Openssl.run(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.pem").ok();
        Files.writeString(dir.resolve("pw.txt"), "secret-1234\n");

        Run imported = run("keys", "import", "--private", dir.resolve("a-pkcs1.pem").toString(), "--public",
                dir.resolve("a-pub.pem").toString(), "--out", dir.resolve("imp").toString(), "--key-id", "k1");
        assertEquals(0, imported.exit(), imported.err());
        String before = Openssl.modulus(dir, "rsa", "-in", "a.pem", "-modulus", "-noout");
        assertEquals(before, Openssl.modulus(dir.resolve("imp"), "rsa", "-inform", "DER", "-in", "private_key.der",
                "-modulus", "-noout"));

        Run noPassword = run("keys", "import", "--private", dir.resolve("a-enc.pem").toString(), "--out",
                dir.resolve("enc").toString());
        assertEquals(1, noPassword.exit());
        assertTrue(noPassword.err().contains("encrypted") && noPassword.err().contains("--password-file"),
                noPassword.err());
        Run withPassword = run("keys", "import", "--private", dir.resolve("a-enc.pem").toString(), "--password-file",
                dir.resolve("pw.txt").toString(), "--out", dir.resolve("enc").toString());
        assertEquals(0, withPassword.exit(), withPassword.err());

        Run ec = run("keys", "import", "--private", dir.resolve("ec.pem").toString(), "--out",
                dir.resolve("ec").toString());
        assertEquals(1, ec.exit());
        assertTrue(ec.err().contains("EC") && ec.err().contains("expected an RSA private key"), ec.err());
        assertEquals(1, ec.err().strip().lines().count(), "one line, no stack trace: " + ec.err());
        assertFalse(Files.exists(dir.resolve("ec")));

        Run inspectEc = run("keys", "inspect", dir.resolve("ec.pem").toString());
        assertEquals(1, inspectEc.exit());
        assertTrue(inspectEc.out().contains("EC"), inspectEc.out());

        Path jwks = dir.resolve("rotated.json");
        Run rotated = run("keys", "jwks", "--out", jwks.toString(), "--key-id", "new-kid",
                dir.resolve("a-pub.pem").toString(), dir.resolve("b-pub.der").toString());
        assertEquals(0, rotated.exit(), rotated.err());
        assertTrue(rotated.out().contains("invalidates every bot token"), rotated.out());
        var set = com.nimbusds.jose.jwk.JWKSet.parse(Files.readString(jwks));
        assertEquals(2, set.getKeys().size());
        assertEquals("new-kid", set.getKeys().getFirst().getKeyID());
        Run again = run("keys", "jwks", "--out", jwks.toString(), dir.resolve("a-pub.pem").toString());
        assertEquals(1, again.exit(), "no overwrite without --force");
        Run privateAsPublic = run("keys", "jwks", "--out", dir.resolve("j2.json").toString(),
                dir.resolve("a.pem").toString());
        assertEquals(1, privateAsPublic.exit());
        assertTrue(privateAsPublic.err().contains("expected a public key"), privateAsPublic.err());
    }
}
