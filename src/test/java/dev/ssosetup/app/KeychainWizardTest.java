package dev.ssosetup.app;

import dev.ssosetup.testsupport.KeyringSession;
import dev.ssosetup.testsupport.KeyringSession.Result;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wizard's keychain boxes against a real GNOME Keyring: a second session fills the client secret and the admin
 * token without typing; a locked keyring says so and leaves the fields to be typed. Canaries never show in output or
 * in any file under the test's home folder; {@code secret-tool} finds them under the documented attributes.
 */
class KeychainWizardTest {
    private static final String SECRET = "canary-wizard-secret-4d1f0b";
    private static final String TOKEN = "canary-wizard-token-93a7ce";
    @TempDir
    Path dir;

    @Test
    void aSecondSessionNeedsNoSecretTypedAndNoTokenFile() throws IOException {
        Messages messages = Messages.load();
        try (KeyringSession keyring = KeyringSession.unlocked(dir.resolve("home"))) {
            Result first = keyring.java(KeychainWizardDriver.class, SECRET + "\n" + TOKEN + "\n", "remember");
            assertEquals(0, first.exit(), first.all());
            assertTrue(first.out().contains("provider-status: " + messages.get("secrets.provider.stored")),
                    first.all());
            assertTrue(first.out().contains("push-status: " + messages.get("secrets.push.stored")), first.all());

            Result second = keyring.java(KeychainWizardDriver.class, SECRET + "\n" + TOKEN + "\n", "reopen");
            assertEquals(0, second.exit(), second.all());
            assertTrue(second.out().contains("secret-filled: true"), second.all());
            assertTrue(second.out().contains("secret-in-settings: true"), second.all());
            assertTrue(second.out().contains("token-filled: true"), second.all());
            assertTrue(second.out().contains("provider-status: " + messages.get("secrets.provider.filled")),
                    second.all());

            assertEquals(SECRET, keyring.secretToolLookup("sso-setup-console:client-secret:"
                    + KeychainWizardDriver.ISSUER, KeychainWizardDriver.CLIENT_ID));
            assertEquals(TOKEN, keyring.secretToolLookup("sso-setup-console:openmetadata-token:"
                    + KeychainWizardDriver.SERVER, "admin"));
            for (Result r : List.of(first, second)) {
                assertFalse(r.all().contains(SECRET) || r.all().contains(TOKEN), r.all());
            }
            try (Stream<Path> walk = Files.walk(keyring.home())) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains(SECRET) || content.contains(TOKEN), "a canary in " + f);
                }
            }
        }
    }

    @Test
    void aLockedKeyringSaysSoAndTheFieldsAreTyped() {
        Messages messages = Messages.load();
        try (KeyringSession keyring = KeyringSession.unlocked(dir.resolve("home"))) {
            assertEquals(0, keyring.java(KeychainWizardDriver.class, SECRET + "\n" + TOKEN + "\n", "remember").exit());
            keyring.lock();
            Result reopened = keyring.java(KeychainWizardDriver.class, SECRET + "\n" + TOKEN + "\n", "reopen");
            assertEquals(0, reopened.exit(), reopened.all());
            assertTrue(reopened.out().contains("secret-filled: false"), reopened.all());
            assertTrue(reopened.out().contains("token-filled: false"), reopened.all());
            assertTrue(reopened.out().contains(messages.get("secrets.problem.LOCKED")), reopened.all());
            assertFalse(reopened.all().contains("Exception"), reopened.all());
        }
    }
}
