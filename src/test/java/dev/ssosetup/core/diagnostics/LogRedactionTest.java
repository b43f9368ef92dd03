package dev.ssosetup.core.diagnostics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a library may put into an exception message leaves the log without the secret, and nothing else is lost. */
class LogRedactionTest {
    private static final String CANARY = "CANARYs3cr3tVALUE0123456789";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLWNhbmFyeQ";

    private static void hidden(String text, String secret) {
        String out = LogRedaction.redact(text);
        assertFalse(out.contains(secret), () -> "still in: " + out);
        assertTrue(out.contains(LogRedaction.HIDDEN), () -> "marks what it removed: " + out);
    }

    @Test
    void secretsInTheirUsualShapesAreRemoved() {
        hidden("invalid header value: \"Bearer " + CANARY + "\"", CANARY);
        hidden("Authorization: bearer\t" + CANARY, CANARY);
        hidden("Authorization: Basic b3BlbjptZXRhZGF0YQ==", "b3BlbjptZXRhZGF0YQ");
        hidden("token endpoint said: {\"id_token\":\"" + JWT + "\"}", JWT);
        hidden("bare " + JWT + " in text", "c2lnbmF0dXJlLWNhbmFyeQ");
        hidden("grant_type=authorization_code&code=" + CANARY + "&code_verifier=abc", CANARY);
        hidden("GET /callback?state=x&code=" + CANARY, CANARY);
        hidden("client_secret=" + CANARY + "&client_id=om", CANARY);
        hidden("{\"clientSecret\": \"" + CANARY + "\"}", CANARY);
        hidden("dnAdminPassword: " + CANARY, CANARY);
        hidden("-----BEGIN PRIVATE KEY-----\nMIIEv" + CANARY + "\n-----END PRIVATE KEY-----", CANARY);
        hidden("-----BEGIN RSA PRIVATE KEY-----\nMIIEv" + CANARY, CANARY); // cut off: to the end
    }

    @Test
    void ordinaryDiagnosticsStay() {
        String text = "POST https://idp.example.com/token -> 400, status code: 400, provider basic, client_id=om, "
                + "kid=Gb389a-9f76, issuer https://idp.example.com/realms/x";
        assertEquals(text, LogRedaction.redact(text));
        assertEquals("", LogRedaction.redact(null));
    }
}
