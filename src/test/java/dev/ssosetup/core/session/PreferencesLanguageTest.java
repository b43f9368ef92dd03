package dev.ssosetup.core.session;

import dev.ssosetup.core.text.Language;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The language preference (ADR 0020): written and read back, unknown values fall back to the system's. */
class PreferencesLanguageTest {
    @Test
    void theLanguageIsWrittenAndReadBack() {
        for (Language l : Language.values()) {
            Preferences p = Preferences.defaults().withLanguage(l).withRecent("/tmp/a.json", "/tmp");
            assertEquals(l, Preferences.decode(p.encode()).language());
        }
        assertEquals(Language.SYSTEM, Preferences.decode("language=KLINGON\n").language());
        assertEquals(Language.SYSTEM, Preferences.decode("theme=DARK\n").language(), "files written before");
    }

    @Test
    void theCliTagsAreEnAndDeOnly() {
        assertEquals(Optional.of(Language.DE), Language.fromTag(" DE "));
        assertEquals(Optional.of(Language.EN), Language.fromTag("en"));
        assertEquals(Optional.empty(), Language.fromTag("fr"));
        assertEquals(Optional.empty(), Language.fromTag("system"));
        assertEquals(Locale.GERMAN, Language.DE.locale());
    }
}
