package dev.ssosetup.core.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: the push package's operator sentences are keys, shown in the operator's language. */
class PushTextLanguageTest {
    private static final Messages ENGLISH = Messages.forLocale(Locale.ENGLISH);
    private static final Messages GERMAN = Messages.forLocale(Locale.GERMAN);

    @Test
    void aRefusedTokenNamesSourceOffsetAndKindInEitherLanguageNeverTheContent() {
        var e = assertThrows(AdminToken.InvalidTokenException.class,
                () -> AdminToken.fromBytes("abc def".getBytes(StandardCharsets.US_ASCII), "--token-file t"));
        assertEquals(3, e.offset());
        assertEquals("push.token.badByte", e.text().key());
        String de = GERMAN.text(e.text());
        assertTrue(de.startsWith("--token-file t: Das Byte an Position 3 ist ein Leerzeichen"), de);
        assertTrue(ENGLISH.text(e.text()).startsWith("--token-file t: the byte at offset 3 is a space"));
        assertFalse(de.contains("abc") || de.contains("def") || e.text().toString().contains("abc"), de);
        var big = assertThrows(AdminToken.InvalidTokenException.class,
                () -> AdminToken.fromBytes(("x".repeat(1234) + "\0").getBytes(StandardCharsets.US_ASCII), "t"));
        assertTrue(ENGLISH.text(big.text()).contains("offset 1234 "), "no grouping in an offset");
    }

    @Test
    void aBadServerAddressIsExplainedInGerman() {
        var e = assertThrows(ServerAddress.InvalidServerAddress.class,
                () -> ServerAddress.parse("http://om.example.com"));
        assertEquals("push.server.plainHttp", e.text().key());
        assertTrue(GERMAN.text(e.text()).contains("„http://om.example.com“"), GERMAN.text(e.text()));
        assertTrue(ENGLISH.text(e.text()).contains("uses plain http"), ENGLISH.text(e.text()));
        assertEquals("push.server.empty", assertThrows(ServerAddress.InvalidServerAddress.class,
                () -> ServerAddress.parse(" ")).text().key());
    }

    @Test
    void theBackupNotesFollowTheLanguageAndTheDataStaysReadable() throws Exception {
        ObjectNode live = (ObjectNode) new ObjectMapper().readTree("""
                {"authenticationConfiguration":{"provider":"basic"},"authorizerConfiguration":{"adminPrincipals":["a"]}}""");
        Backup backup = Backup.of(live, Instant.parse("2026-01-02T03:04:05Z"), "https://om.example.com", "");
        String de = new String(backup.recoveryText(GERMAN), StandardCharsets.UTF_8);
        assertTrue(de.contains("Wenn sich niemand mehr anmelden kann"), de);
        assertTrue(de.contains("Server:        https://om.example.com (Version unbekannt)"), de);
        assertTrue(de.contains(Backup.RECOVERY_COMMAND), de);
        assertTrue(de.contains("sso-setup restore --server https://om.example.com"), de);
        String en = new String(backup.recoveryText(), StandardCharsets.UTF_8);
        assertTrue(en.startsWith("OpenMetadata security configuration backup\n"), en);
        Backup back = Backup.parse(backup.toJson(GERMAN));
        assertEquals(backup.takenAt(), back.takenAt());
        assertEquals(backup.configuration(), back.configuration());
        String json = new String(backup.toJson(GERMAN), StandardCharsets.UTF_8);
        assertTrue(json.contains(GERMAN.get("push.recovery.steps", Backup.RECOVERY_COMMAND)), json);
    }

    @Test
    void noChangesIsAKeyAndTheConfirmationPhraseIsTheSameEverywhere() throws Exception {
        ObjectNode same = (ObjectNode) new ObjectMapper().readTree("{\"a\":1}");
        assertEquals(java.util.List.of(dev.ssosetup.core.text.Text.of("push.diff.none")),
                ConfigDiff.between(same, same).lines());
        assertFalse(GERMAN.get("push.diff.none").equals(ENGLISH.get("push.diff.none")));
        assertTrue(LockoutGuard.confirms(LockoutGuard.CONFIRMATION_PHRASE));
    }

    @Test
    void aHiddenSecretIsNamedInTheOperatorsLanguageOnlyWhereItIsShown() throws Exception {
        ObjectNode live = (ObjectNode) new ObjectMapper().readTree(
                "{\"authenticationConfiguration\":{\"oidcConfiguration\":{\"secret\":\"old-s3cret\"}}}");
        ObjectNode ours = (ObjectNode) new ObjectMapper().readTree(
                "{\"authenticationConfiguration\":{\"oidcConfiguration\":{\"secret\":\"new-s3cret\"}}}");
        String line = (String) ConfigDiff.between(live, ours).lines().getFirst();
        assertTrue(line.contains(SecretFields.HIDDEN), "the marker stays in what programs read: " + line);
        String de = SecretFields.showHidden(line, GERMAN.get("push.diff.hidden"));
        assertEquals("~ " + SecretFields.CLIENT_SECRET_PATH + ": (verborgen) -> (verborgen)", de);
        assertFalse(de.contains("s3cret"), de);
    }
}
