package dev.ssosetup.core.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LibraryTextTest {
    @Test
    void qualifiedExceptionNamesAreDroppedAndTheWordsKept() {
        assertEquals("Could not parse certificate: Incomplete BER/DER length info.",
                LibraryText.plain("Could not parse certificate: java.io.IOException: Incomplete BER/DER length info."));
        assertEquals("bad", LibraryText.plain("com.nimbusds.jose.JOSEException: bad"));
        assertEquals("unknown reason", LibraryText.plain("java.lang.NullPointerException"));
        assertEquals("unknown reason", LibraryText.plain(null));
        assertEquals("Expected a JSON object", LibraryText.plain("Expected a JSON object"));
    }
}
