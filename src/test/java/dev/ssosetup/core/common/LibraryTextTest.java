package dev.ssosetup.core.common;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LibraryTextTest {
    private static String en(Text t) {
        return Messages.forLocale(Locale.ENGLISH).text(t);
    }

    @Test
    void qualifiedExceptionNamesAreDroppedAndTheWordsKept() {
        assertEquals("Could not parse certificate: Incomplete BER/DER length info.",
                en(LibraryText.plain("Could not parse certificate: java.io.IOException: Incomplete BER/DER length info.")));
        assertEquals("bad", en(LibraryText.plain("com.nimbusds.jose.JOSEException: bad")));
        assertEquals("Expected a JSON object", en(LibraryText.plain("Expected a JSON object")));
    }

    @Test
    void nothingLeftIsTheUnknownReasonInTheOperatorsLanguage() {
        assertEquals(Text.of("common.unknownReason"), LibraryText.plain("java.lang.NullPointerException"));
        assertEquals(Text.of("common.unknownReason"), LibraryText.plain(null));
        assertEquals("unknown reason", en(LibraryText.plain(null)));
        assertEquals("unbekannter Grund", Messages.forLocale(Locale.GERMAN).text(LibraryText.plain(null)));
    }

    @Test
    void theLibrarysWordsAreNotReadAsAPattern() {
        assertEquals("it's {0} odd", en(LibraryText.plain("it's {0} odd")));
    }
}
