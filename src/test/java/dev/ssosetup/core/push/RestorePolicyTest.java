package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.testserver.PushFixture;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one restore policy (ADR 0026): which backups need an override or a secret, as keys, not words. */
class RestorePolicyTest {
    private static final ServerAddress HERE = ServerAddress.parse("https://om.example.com");
    private static final String LDAP = "authenticationConfiguration.ldapConfiguration.dnAdminPassword";

    private static ObjectNode publicBody() {
        return PushFixture.example("security-config.custom-oidc.public.json");
    }

    private static ObjectNode maskedConfidential() {
        ObjectNode body = PushFixture.example("security-config.custom-oidc.confidential.json");
        ((ObjectNode) body.path("authenticationConfiguration").path("oidcConfiguration")).put("secret", "********");
        return body;
    }

    private static ObjectNode withMaskedLdap(ObjectNode body) {
        ((ObjectNode) body.path("authenticationConfiguration")).putObject("ldapConfiguration")
                .put("host", "ldap.example.com").put("dnAdminPassword", "*********");
        return body;
    }

    private static Optional<RestorePolicy.Refusal> check(ObjectNode body, String from, boolean otherAllowed,
                                                         boolean clientSecret, List<String> fields) {
        Backup backup = Backup.of(body, Instant.parse("2026-12-01T10:00:00Z"), from, "1.10.4");
        return RestorePolicy.check(backup, new RestorePolicy.Request(HERE, otherAllowed, clientSecret, fields));
    }

    @Test
    void aBackupOfThisServerWithNothingMaskedMayBeRestored() {
        assertEquals(Optional.empty(), check(publicBody(), "https://om.example.com/api/", false, false, List.of()));
    }

    @Test
    void anotherServerNeedsTheOverrideAndNamesBothServers() {
        RestorePolicy.Refusal r = check(publicBody(), "https://other.example.com", false, false, List.of())
                .orElseThrow();
        assertEquals(RestorePolicy.Reason.OTHER_SERVER, r.reason());
        assertEquals("push.restore.refused.otherServer", r.text().key());
        assertEquals(List.of("https://other.example.com", HERE.toString()), r.text().args());
        assertEquals(Optional.empty(), check(publicBody(), "https://other.example.com", true, false, List.of()));
    }

    @Test
    void aBackupThatDoesNotNameItsServerNeedsTheOverride() {
        RestorePolicy.Refusal r = check(publicBody(), "", false, false, List.of()).orElseThrow();
        assertEquals(RestorePolicy.Reason.UNKNOWN_SERVER, r.reason());
        assertEquals("push.restore.refused.unknownServer", r.text().key());
        assertEquals(Optional.empty(), check(publicBody(), "", true, false, List.of()));
    }

    @Test
    void aMaskedClientSecretNeedsTheRealOne() {
        RestorePolicy.Refusal r = check(maskedConfidential(), "https://om.example.com", false, false, List.of())
                .orElseThrow();
        assertEquals(RestorePolicy.Reason.CLIENT_SECRET_MASKED, r.reason());
        assertEquals(Optional.empty(), check(maskedConfidential(), "https://om.example.com", false, true, List.of()));
    }

    @Test
    void anotherMaskedSecretFieldIsNamedUntilItsValueIsGiven() {
        RestorePolicy.Refusal r = check(withMaskedLdap(publicBody()), "https://om.example.com", false, false,
                List.of()).orElseThrow();
        assertEquals(RestorePolicy.Reason.FIELD_SECRET_MASKED, r.reason());
        assertEquals("push.restore.refused.fieldSecretMasked", r.text().key());
        assertTrue(r.text().args().contains(LDAP), r.text().toString());
        assertEquals(Optional.empty(), check(withMaskedLdap(publicBody()), "https://om.example.com", false, false,
                List.of(LDAP)));
    }
}
