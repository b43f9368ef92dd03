package dev.ssosetup.core.secrets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.ServerAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keychain entries are keyed by what they belong to: never shared between two clients, issuers or servers. */
class SecretKeyTest {
    @Test
    void aClientSecretIsKeyedByIssuerAndClientIdAsDocumented() {
        SecretKey k = SecretKey.clientSecret(" HTTPS://IdP.Example.com/realms/Corp/ ", " openmetadata ");
        assertEquals("sso-setup-console:client-secret:https://idp.example.com/realms/Corp", k.service());
        assertEquals("openmetadata", k.account());
        assertEquals(k, SecretKey.clientSecret("https://idp.example.com/realms/Corp", "openmetadata"));
        assertNotEquals(k, SecretKey.clientSecret("https://idp.example.com/realms/corp", "openmetadata"),
                "the path of an issuer is case-sensitive");
        assertNotEquals(k, SecretKey.clientSecret("https://idp.example.com/realms/Corp", "other"));
        assertEquals("--issuer https://idp.example.com/realms/Corp --client-id openmetadata", k.cliArguments());
        assertThrows(IllegalArgumentException.class, () -> SecretKey.clientSecret("https://idp", " "));
        assertFalse(SecretKey.canKeyClientSecret("", "x"));
    }

    @Test
    void anAdminTokenIsKeyedByTheServerUrl() {
        SecretKey k = SecretKey.adminToken(ServerAddress.parse("https://om.example.com/"));
        assertEquals("sso-setup-console:openmetadata-token:" + ServerAddress.parse("https://om.example.com"),
                k.service());
        assertEquals("admin", k.account());
        assertNotEquals(k, SecretKey.adminToken(ServerAddress.parse("https://om2.example.com")));
        assertTrue(k.cliArguments().startsWith("--server https://om.example.com"));
    }

    @Test
    void aSecurityConfigurationNamesItsClientSecretEntry() throws Exception {
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree("{\"authenticationConfiguration\":{"
                + "\"authority\":\"https://idp.example.com/\",\"clientId\":\"om\"}}");
        assertEquals(SecretKey.clientSecret("https://idp.example.com", "om"), SecretKey.clientSecretOf(body).get());
        assertTrue(SecretKey.clientSecretOf(new ObjectMapper().createObjectNode()).isEmpty());
    }
}
