package dev.ssosetup.app;

import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testing.CliSession;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 19 part C: {@code sso-setup render --format collate} from a Collate (hosted) profile that holds only what the
 * Collate team needs (no JWT keys, admins, principal domain or IdP jwks_uri), through the real composition root.
 */
class CollateRenderCliTest {
    private static final String SECRET = "collate-s3cret-do-not-print";

    @TempDir
    Path dir;
    private final CliSession cli = new CliSession(CompositionRootAccess::cli);

    private Path profile(String deployment) throws IOException {
        Path p = dir.resolve(deployment + ".json");
        Files.writeString(p, """
                {
                  "profileVersion": 2,
                  "provider": {
                    "deployment": "%s",
                    "preset": "CUSTOM_OIDC",
                    "providerName": "Acme IdP",
                    "issuer": "https://idp.acme.example/realms/acme",
                    "clientType": "CONFIDENTIAL",
                    "clientId": "acme-collate",
                    "serverUrl": "https://acme.getcollate.io"
                  }
                }
                """.formatted(deployment));
        return p;
    }

    @Test
    void aMinimalCollateProfileRendersTheHandOffSheet() throws IOException {
        assertEquals(0, cli.run("render", "--profile", profile("COLLATE").toString(), "--format", "collate"),
                cli.err());
        String sheet = cli.out();
        assertTrue(sheet.contains("| Client ID | `acme-collate` |"), sheet);
        assertTrue(sheet.contains("https://idp.acme.example/realms/acme/.well-known/openid-configuration"), sheet);
        assertTrue(sheet.contains("| Client type | confidential |"), sheet);
        assertTrue(sheet.contains("| Flow (response type) | code |"), sheet);
        assertTrue(sheet.contains("`https://acme.getcollate.io/callback`"), sheet);
        assertTrue(sheet.contains("| Scopes | `openid email profile` |"), sheet);
        assertTrue(sheet.contains("| Principal claims | `email preferred_username sub` |"), sheet);
        assertFalse(sheet.contains("Admin users"), "the Collate team sets admins: " + sheet);
        assertFalse(sheet.contains("Principal domain"), sheet);
        assertFalse(sheet.contains("JWKS"), sheet);
        assertTrue(sheet.contains("No passed login test"), "a profile carries no login result: " + sheet);
        assertFalse(cli.err().contains("error"), cli.err());
    }

    /** {@code --lang de}: the sheet's headings and prose are German, its values are the same. */
    @Test
    void theSheetIsInTheLanguageOfTheCommandLine() throws IOException {
        assertEquals(0, cli.run("--lang", "de", "render", "--profile", profile("COLLATE").toString(), "--format",
                "collate"), cli.err());
        String sheet = cli.out();
        Messages german = Messages.forLocale(Locale.GERMAN);
        assertTrue(sheet.contains("| " + german.get("output.collate.row.clientId") + " | `acme-collate` |"), sheet);
        assertTrue(sheet.contains("## " + german.get("output.collate.loginTest")), sheet);
        assertTrue(sheet.contains(german.get("output.collate.loginTest.none")), sheet);
        assertTrue(sheet.contains("`https://acme.getcollate.io/callback`"), sheet);
        assertFalse(sheet.contains("No passed login test"), sheet);
    }

    @Test
    void theSameProfileSelfHostedIsStillRefusedForItsMissingKeysAndAdmins() throws IOException {
        assertEquals(1, cli.run("render", "--profile", profile("SELF_HOSTED").toString(), "--format", "collate"));
        assertTrue(cli.err().contains("jwt-issuer-missing"), cli.err());
        assertTrue(cli.err().contains("admins-missing"), cli.err());
    }

    @Test
    void theSecretNeverReachesTheSheetEvenWhenGivenAndTheSheetSaysHowToSendIt() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, SECRET + "\n");
        Path target = dir.resolve("out");
        assertEquals(0, cli.run("render", "--profile", profile("COLLATE").toString(), "--format", "collate",
                "--client-secret-file", secret.toString(), "--out", target.toString()), cli.err());
        String sheet = Files.readString(target.resolve("collate-handoff.md"));
        assertFalse(sheet.contains(SECRET), sheet);
        assertTrue(sheet.contains("over a secure channel"), sheet);
        assertFalse(cli.out().contains(SECRET));
        assertFalse(cli.err().contains(SECRET));
    }

    @Test
    void serverFormatsAreRefusedForACollateProfileAndAllWritesOnlyTheSheet() throws IOException {
        Path collate = profile("COLLATE");
        for (String format : new String[] {"json", "yaml", "env", "helm"}) {
            cli.clearErr();
            assertEquals(2, cli.run("render", "--profile", collate.toString(), "--format", format), format);
            assertTrue(cli.err().contains("the Collate team configures the server"), cli.err());
            assertTrue(cli.err().contains("--format collate"), cli.err());
        }
        Path target = dir.resolve("all");
        assertEquals(0, cli.run("render", "--profile", collate.toString(), "--all", "--out", target.toString()),
                cli.err());
        try (var files = Files.list(target)) {
            assertEquals(java.util.List.of("collate-handoff.md"),
                    files.map(f -> f.getFileName().toString()).toList());
        }
    }
}
