package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small values of the push: diff, field locator, guard phrase, server address and version, backup format. */
class PushValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    @Test
    void theDiffNamesEachFieldAndNeverShowsASecret() throws Exception {
        ObjectNode live = json("""
                {"authenticationConfiguration":{"provider":"basic","clientId":"","oidcConfiguration":{"secret":"*********","id":"a"},
                 "publicKeyUrls":["u1"]},"authorizerConfiguration":{"adminPrincipals":["admin"],"testPrincipals":["t"]}}""");
        ObjectNode ours = json("""
                {"authenticationConfiguration":{"provider":"custom-oidc","clientId":"om","oidcConfiguration":{"secret":"s3cr3t-value","id":"a"},
                 "publicKeyUrls":["u1","u2"]},"authorizerConfiguration":{"adminPrincipals":["admin"],"principalDomain":"x.org"}}""");
        List<Object> lines = ConfigDiff.between(live, ours).lines();
        assertEquals(List.of(
                "~ authenticationConfiguration.clientId: \"\" -> \"om\"",
                "~ authenticationConfiguration.oidcConfiguration.secret: (hidden) -> (hidden)",
                "~ authenticationConfiguration.provider: \"basic\" -> \"custom-oidc\"",
                "~ authenticationConfiguration.publicKeyUrls: [\"u1\"] -> [\"u1\",\"u2\"]",
                "+ authorizerConfiguration.principalDomain: \"x.org\"",
                "- authorizerConfiguration.testPrincipals: [\"t\"]"), lines);
        assertFalse(lines.toString().contains("s3cr3t"));
        assertTrue(ConfigDiff.between(ours, ours).entries().stream().allMatch(e -> SecretFields.isSecret(e.path())));
    }

    @Test
    void dottedPathsMapToTheWizardField() {
        assertEquals(new WizardLocation("provider", "clientId"),
                FieldLocator.locate("authenticationConfiguration.clientId"));
        assertEquals(new WizardLocation("provider", "clientSecret"),
                FieldLocator.locate("authenticationConfiguration.oidcConfiguration.secret"));
        assertEquals(new WizardLocation("provider", "issuer"), FieldLocator.locate("$.authenticationConfiguration.authority"));
        assertEquals(new WizardLocation("provider", "principalClaims"),
                FieldLocator.locate("authenticationConfiguration.jwtPrincipalClaims[0]"));
        assertEquals(new WizardLocation("provider", "adminPrincipals"),
                FieldLocator.locate("/authorizerConfiguration/adminPrincipals/1"));
        assertEquals(new WizardLocation("review", "className"),
                FieldLocator.locate("authorizerConfiguration.className"));
        assertEquals(new WizardLocation("review", "useNonce"),
                FieldLocator.locate("authenticationConfiguration.oidcConfiguration.useNonce"));
        assertEquals("review", FieldLocator.locate("").stepId());
    }

    @Test
    void theConfirmationPhraseNamesTheRiskAndMustBeTypedInFull() {
        assertTrue(LockoutGuard.CONFIRMATION_PHRASE.contains("lock every admin out"));
        assertTrue(LockoutGuard.confirms("I ACCEPT that this can lock every admin out"));
        assertFalse(LockoutGuard.confirms("yes"));
        assertFalse(LockoutGuard.confirms("I accept that this can lock every admin"));
        assertFalse(LockoutGuard.confirms(null));
    }

    @Test
    void serverAddressesRefusePlainHttpExceptOnLoopback() {
        assertEquals("https://om.example.com/api/v1/system/version",
                ServerAddress.parse(" https://om.example.com/api/ ").api("/v1/system/version").toString());
        assertEquals("http://127.0.0.1:8585", ServerAddress.parse("http://127.0.0.1:8585/").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServerAddress.parse("http://om.example.com"));
        assertTrue(e.getMessage().contains("https://"));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse(""));
        assertThrows(IllegalArgumentException.class, () -> ServerAddress.parse("om.example.com"));
    }

    @Test
    void versionsFrom110HaveTheSecurityApi() {
        assertTrue(ServerVersion.parse("1.10.0").hasSecurityConfigApi());
        assertTrue(ServerVersion.parse("1.11.2-SNAPSHOT").hasSecurityConfigApi());
        assertTrue(ServerVersion.parse("2.0.0").hasSecurityConfigApi());
        assertFalse(ServerVersion.parse("1.9.12").hasSecurityConfigApi());
        assertFalse(ServerVersion.parse("garbage").hasSecurityConfigApi());
    }

    @Test
    void aBackupRoundTripsAndRefusesForeignFiles() throws Exception {
        ObjectNode live = json("""
                {"authenticationConfiguration":{"provider":"custom-oidc","oidcConfiguration":{"secret":"*********"}},
                 "authorizerConfiguration":{"adminPrincipals":["admin"]}}""");
        Backup b = Backup.of(live, Instant.parse("2026-11-29T02:00:00Z"), "https://om.example.com", "1.10.4");
        assertTrue(b.needsClientSecret());
        Backup back = Backup.parse(b.toJson());
        assertEquals(b.configuration(), back.configuration());
        assertEquals(b.takenAt(), back.takenAt());
        assertTrue(new String(b.recoveryText()).contains(Backup.RECOVERY_COMMAND));
        Backup.NotABackup e = assertThrows(Backup.NotABackup.class,
                () -> Backup.parse("{\"a\":1}".getBytes()));
        assertEquals("backup.notOurs", e.text().key());
        assertTrue(dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(e.text())
                .contains("not a backup"));
        assertEquals("<secret>", new DesiredConfiguration(live, Secret.of("x")).clientSecret().toString());
        assertFalse(new DesiredConfiguration(live, Secret.of("xyzzy")).toString().contains("xyzzy"));
    }
}
