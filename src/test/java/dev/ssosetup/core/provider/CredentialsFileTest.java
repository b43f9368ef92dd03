package dev.ssosetup.core.provider;

import dev.ssosetup.core.common.Secret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each credentials shape a provider hands out, and every way a file is not one. */
public class CredentialsFileTest {
    public static final String GOOGLE = """
            {"web":{"client_id":"123-abc.apps.googleusercontent.com","project_id":"p",
             "auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token",
             "client_secret":"GOCSPX-google-secret","redirect_uris":["https://om.example.com/callback"]}}""";
    public static final String GOOGLE_INSTALLED = """
            {"installed":{"client_id":"456-def.apps.googleusercontent.com",
             "auth_uri":"https://accounts.google.com/o/oauth2/auth","client_secret":"GOCSPX-installed"}}""";
    public static final String KEYCLOAK = """
            {"realm":"corp","auth-server-url":"https://kc.example.com/","ssl-required":"external",
             "resource":"openmetadata","credentials":{"secret":"kc-secret-value"},"confidential-port":0}""";
    public static final String KEYCLOAK_PUBLIC = """
            {"realm":"corp","auth-server-url":"https://kc.example.com","resource":"om-spa","public-client":true}""";
    public static final String OKTA = """
            {"client_id":"0oa1okta","client_secret":"okta-secret","issuer":"https://dev-1.okta.com/oauth2/default"}""";
    public static final String AUTH0 = """
            {"client_id":"auth0client","client_secret":"auth0-secret","domain":"acme.eu.auth0.com"}""";
    public static final String PLAIN = """
            {"client_id":"plain-id","client_secret":"plain-secret"}""";

    private static ClientCredentials read(String json) {
        CredentialsFile.Result r = CredentialsFile.parse("creds.json", json.getBytes(StandardCharsets.UTF_8));
        return assertInstanceOf(CredentialsFile.Read.class, r, r::toString).credentials();
    }

    private static String refused(byte[] content) {
        CredentialsFile.Result r = CredentialsFile.parse("creds.json", content);
        String message = dev.ssosetup.testsupport.En.text(assertInstanceOf(CredentialsFile.Refused.class, r).message());
        assertTrue(message.startsWith("The file creds.json "), message);
        return message;
    }

    private static String refused(String json) {
        return refused(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void googleWebAndInstalled() {
        ClientCredentials c = read(GOOGLE);
        assertEquals(CredentialsFile.Shape.GOOGLE, c.shape());
        assertEquals("123-abc.apps.googleusercontent.com", c.clientId());
        assertEquals("GOCSPX-google-secret", c.clientSecret().reveal());
        assertEquals("https://accounts.google.com", c.issuer());
        assertEquals(Optional.of(Preset.GOOGLE), c.preset());
        assertEquals(ClientType.CONFIDENTIAL, c.clientType());
        assertEquals("456-def.apps.googleusercontent.com", read(GOOGLE_INSTALLED).clientId());
    }

    @Test
    void keycloakAdapterFilesConfidentialAndPublic() {
        ClientCredentials c = read(KEYCLOAK);
        assertEquals("https://kc.example.com/realms/corp", c.issuer());
        assertEquals("openmetadata", c.clientId());
        assertEquals("kc-secret-value", c.clientSecret().reveal());
        assertEquals(ClientType.CONFIDENTIAL, c.clientType());
        ClientCredentials p = read(KEYCLOAK_PUBLIC);
        assertEquals(ClientType.PUBLIC, p.clientType());
        assertTrue(p.clientSecret().isEmpty());
        assertEquals("https://kc.example.com/realms/corp", p.issuer());
    }

    @Test
    void oktaAuth0AndPlain() {
        assertEquals("https://dev-1.okta.com/oauth2/default", read(OKTA).issuer());
        ClientCredentials a = read(AUTH0);
        assertEquals("https://acme.eu.auth0.com/", a.issuer(), "Auth0's issuer ends with a slash");
        assertEquals(Optional.of(Preset.AUTH0), a.preset());
        ClientCredentials plain = read(PLAIN);
        assertEquals(CredentialsFile.Shape.PLAIN, plain.shape());
        assertEquals("", plain.issuer());
        assertEquals(List.of("client ID", "client type", "client secret"), plain.filledFields());
    }

    @Test
    void applyingFillsWhatTheFileKnowsAndKeepsTheRest() {
        ProviderSettings before = ProviderSettings.builder().issuer("https://typed.example.com")
                .serverUrl("https://om.example.com").adminPrincipals(List.of("alice")).build();
        ProviderSettings after = read(PLAIN).applyTo(before);
        assertEquals("https://typed.example.com", after.issuer(), "the plain shape knows no issuer");
        assertEquals("plain-id", after.clientId());
        assertEquals(ClientType.CONFIDENTIAL, after.clientType());
        assertEquals(List.of("alice"), after.adminPrincipals());
        ProviderSettings kc = read(KEYCLOAK).applyTo(before);
        assertEquals("https://kc.example.com/realms/corp", kc.issuer());
        assertEquals(Preset.KEYCLOAK, kc.preset());
        assertFalse(kc.toString().contains("kc-secret-value"), "the secret never prints");
    }

    @Test
    void badFilesAreRefusedWithTheFileAndTheProblemAndNeverAValue() {
        assertTrue(refused("not json at all").contains("is not JSON"));
        assertTrue(refused(new byte[0]).contains("is empty"));
        byte[] huge = new byte[CredentialsFile.MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        assertTrue(refused(huge).contains("too large"));
        assertTrue(refused("-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\n")
                .contains("private key"));
        String sa = refused("{\"type\":\"service_account\",\"client_id\":\"1\",\"private_key\":\"-----BEGIN "
                + "PRIVATE KEY-----sekrit\"}");
        assertTrue(sa.contains("service account key"), sa);
        assertFalse(sa.contains("sekrit"));
        String noId = refused("{\"client_secret\":\"only-the-secret-xyz\"}");
        assertTrue(noId.contains("has no client_id"), noId);
        assertFalse(noId.contains("only-the-secret-xyz"));
        String noSecret = refused("{\"realm\":\"r\",\"auth-server-url\":\"https://kc\",\"resource\":\"c\"}");
        assertTrue(noSecret.contains("credentials.secret"), noSecret);
        String other = refused("{\"hello\":\"world\"}");
        for (CredentialsFile.Shape s : CredentialsFile.Shape.values()) {
            assertTrue(other.contains(dev.ssosetup.testsupport.En.text(s.description())), other);
        }
        assertTrue(refused("[1,2]").contains("not a JSON object"));
        assertTrue(refused("{\"web\":{\"client_secret\":\"x\"}}").contains("has no web.client_id"));
        assertTrue(refused("{\"client_id\":42,\"client_secret\":\"s\"}").contains("client_id that is not a "
                + "string"));
        assertTrue(refused("{\"client_id\":\"a\",\"client_secret\":\"s\",\"issuer\":\"ftp://x\"}")
                .contains("issuer that is not an http(s) URL"));
    }

    @Test
    void secretsAreWrapped() {
        Secret s = read(OKTA).clientSecret();
        assertFalse(s.toString().contains("okta-secret"));
    }
}
