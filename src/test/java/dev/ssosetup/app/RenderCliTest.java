package dev.ssosetup.app;

import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.Samples;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testing.CliSession;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup render} through the real composition root, real files, real schema check. */
class RenderCliTest {
    @TempDir
    Path dir;
    private final CliSession cli = new CliSession(CompositionRootAccess::cli);

    private Path sample() throws IOException {
        return Samples.profileFile(dir);
    }

    @Test
    void rendersOneFormatToStdoutEqualToTheGoldenFile() throws IOException {
        assertEquals(0, cli.run("render", "--profile", sample().toString(), "--format", "json"), cli.err());
        assertEquals(Samples.resource("/golden/confidential.security-config.json"), cli.out());
        assertTrue(cli.err().contains("client-secret-missing"), "warns that a placeholder is used: " + cli.err());
    }

    @Test
    void allFormatsIntoAFolderWithTheSecretOwnerOnly() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, Samples.SECRET + "\n");
        Path target = dir.resolve("out");
        assertEquals(0, cli.run("render", "--profile", sample().toString(), "--all", "--out", target.toString(),
                "--client-secret-file", secret.toString()), cli.err());
        for (OutputFormat f : OutputFormat.values()) {
            Path file = target.resolve(f.fileName());
            assertTrue(Files.exists(file), f.fileName());
            String text = Files.readString(file);
            boolean holds = text.contains(Samples.SECRET);
            String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
            if (f == OutputFormat.HELM || f == OutputFormat.COLLATE) {
                assertFalse(holds, f + " never holds the secret");
            } else {
                assertTrue(holds, f + " holds the secret when asked");
                assertEquals("rw-------", perms, f + " is owner-only");
            }
        }
        assertFalse(cli.out().contains(Samples.SECRET));
        assertFalse(cli.err().contains(Samples.SECRET));
    }

    @Test
    void helmValuesTargetTheChartVersionAskedForAndAnUnknownOneIsAUsageError() throws IOException {
        assertEquals(0, cli.run("render", "--profile", sample().toString(), "--format", "helm"), cli.err());
        assertTrue(cli.out().contains("--version 1.13.1 -f values.yaml"), "default: the newest chart");
        cli.clearOut();
        assertEquals(0, cli.run("render", "--profile", sample().toString(), "--format", "helm",
                "--chart-version", "1.10.14"), cli.err());
        assertTrue(cli.out().contains("--version 1.10.14 -f values.yaml"), cli.out());
        assertEquals(2, cli.run("render", "--profile", sample().toString(), "--format", "helm",
                "--chart-version", "9.9"));
        assertTrue(cli.err().contains("1.10.14, 1.11.13, 1.12.12, 1.13.1"), cli.err());
        cli.clearOut();
        assertEquals(0, cli.run("render", "--help"));
        assertTrue(cli.out().replaceAll("\\s+", " ").contains("Known: 1.10.14, 1.11.13, 1.12.12, 1.13.1"),
                cli.out());
    }

    @Test
    void aHostileAdminListIsRefusedNamingTheFieldAndNothingIsWritten() throws IOException {
        Path p = dir.resolve("hostile.json");
        Files.writeString(p, Samples.resource("/golden/sample-profile.json").replace("\"adminPrincipals\" : [ \"admin\"",
                "\"adminPrincipals\" : [ \"alice\\nAUTHORIZER_ADMIN_PRINCIPALS=[mallory\""));
        Path target = dir.resolve("out");
        assertEquals(1, cli.run("render", "--profile", p.toString(), "--format", "env", "--out", target.toString()),
                cli.err());
        assertTrue(cli.err().contains("line-break: Admin principals"), cli.err());
        assertFalse(cli.err().contains("mallory"), "the refused value is not echoed: " + cli.err());
        assertFalse(Files.exists(target.resolve("openmetadata-sso.env")), "nothing written");
    }

    @Test
    void theSecretMayComeFromTheProvidersCredentialsFileForTheSameClient() throws IOException {
        Path keycloak = dir.resolve("keycloak.json");
        Files.writeString(keycloak, "{\"realm\":\"openmetadata\",\"auth-server-url\":\"https://idp.example.com\","
                + "\"resource\":\"openmetadata\",\"credentials\":{\"secret\":\"" + Samples.SECRET + "\"}}");
        assertEquals(0, cli.run("render", "--profile", sample().toString(), "--format", "json",
                "--credentials-file", keycloak.toString()), cli.err());
        assertTrue(cli.out().contains(Samples.SECRET), "the secret goes into the JSON when asked");
        assertFalse(cli.err().contains("client-secret-missing"), cli.err());

        Path other = dir.resolve("other-client.json");
        Files.writeString(other, "{\"client_id\":\"someone-else\",\"client_secret\":\"x-secret-x\"}");
        assertEquals(2, cli.run("render", "--profile", sample().toString(), "--format", "json",
                "--credentials-file", other.toString()));
        assertTrue(cli.err().contains("is for client \"someone-else\", the profile for \"openmetadata\""),
                cli.err());
        assertFalse(cli.err().contains("x-secret-x"));
    }

    @Test
    void anInvalidConfigurationExitsOneWithReasonsAndWritesNothing() throws IOException {
        Path p = dir.resolve("bad.json");
        Files.writeString(p, Samples.resource("/golden/sample-profile.json")
                .replace("\"idpJwksUri\" : \"https://idp.example.com/realms/openmetadata/protocol/openid-connect/certs\"",
                        "\"idpJwksUri\" : \"\"")
                .replace("\"keyId\" : \"2f0b6c5e-3c1a-4d7e-9b1f-6a8e2d4c7f10\"", "\"keyId\" : \"\""));
        Path target = dir.resolve("out");
        assertEquals(1, cli.run("render", "--profile", p.toString(), "--all", "--out", target.toString()));
        assertTrue(cli.err().contains("idp-jwks-unknown"), cli.err());
        assertTrue(cli.err().contains("error [keys] jwt-key-id-missing"), cli.err());
        assertFalse(Files.exists(target), "nothing written");
    }

    @Test
    void brokenAndFutureProfilesExitOne() throws IOException {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"profileVersion\": 1,");
        assertEquals(1, cli.run("render", "--profile", broken.toString(), "--format", "env"));
        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"profileVersion\": 7}");
        assertEquals(1, cli.run("render", "--profile", future.toString(), "--format", "env"));
        assertTrue(cli.err().contains("version 7"), cli.err());
        assertEquals(1, cli.run("render", "--profile", dir.resolve("missing.json").toString(), "--format", "env"));
        assertTrue(cli.err().contains("no such file or folder"), cli.err());
        assertFalse(cli.err().contains("Exception"), "no stack trace: " + cli.err());
    }

    @Test
    void badUsageExitsTwo() throws IOException {
        String p = sample().toString();
        assertEquals(2, cli.run("render", "--profile", p, "--format", "xml"));
        assertTrue(cli.err().contains("json, yaml, env, helm, collate"), cli.err());
        assertEquals(2, cli.run("render", "--profile", p, "--all"));
        assertEquals(2, cli.run("render", "--profile", p));
        assertEquals(2, cli.run("render", "--profile", p, "--format", "json", "--all", "--out", dir.toString()));
        assertEquals(2, cli.run("render", "--profile", p, "--format", "json", "--client-secret-file",
                dir.resolve("nope").toString()));
    }
}
