package dev.ssosetup.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The audit reads a mnemonic where JavaFX does: after the first underscore only. */
class MnemonicAuditTest {
    @Test
    void theMnemonicIsTheCharacterAfterTheFirstUnderscore() {
        assertEquals('N', MnemonicAudit.key("_Next"));
        assertEquals('O', MnemonicAudit.key("Sc_opes"));
        assertEquals('A', MnemonicAudit.key("_Also write private_key.pem"), "a later underscore is only shown");
        assertEquals(0, MnemonicAudit.key("Next"));
        assertEquals(0, MnemonicAudit.key("Next_"));
        assertEquals(0, MnemonicAudit.key(null));
    }
}
