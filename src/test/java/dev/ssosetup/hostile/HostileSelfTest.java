package dev.ssosetup.hostile;

import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fuzz harness itself can fail: an escaping unchecked exception, a hang and a stack trace are each caught. */
class HostileSelfTest {
    @Test
    void anUncheckedExceptionFailsTheTry() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Hostile.run("in", () -> { throw new IllegalStateException("boom"); }));
        assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
    }

    @Test
    void aHangFailsTheTry() {
        AssertionError e = assertThrows(AssertionError.class, () -> Hostile.run("in", () -> {
            Thread.sleep(60_000);
            return 1;
        }));
        assertTrue(e.getMessage().contains("hang"), e.getMessage());
    }

    @Test
    void aCheckedExceptionIsAnOutcome() {
        var outcome = Hostile.run("in", () -> { throw new IOException("The file is not a PEM key."); });
        assertEquals("The file is not a PEM key.", outcome.checked().getMessage());
        Hostile.assertClearMessage(outcome.checked(), "in");
    }

    @Test
    void stackTracesAndClassNamesInOperatorTextAreCaught() {
        assertThrows(AssertionError.class, () -> Hostile.assertNoStackTrace(
                "failed\n\tat dev.ssosetup.core.X.y(X.java:12)", "in"));
        assertThrows(AssertionError.class, () -> Hostile.assertNoStackTrace(
                "Unexpected: java.lang.NullPointerException", "in"));
        assertThrows(AssertionError.class, () -> Hostile.assertNoStackTrace(
                "com.fasterxml.jackson.core.JsonParseException: Unexpected character", "in"));
        Hostile.assertNoStackTrace("The JWKS key 1 does not parse: Missing parameter \"kty\".", "in");
        Hostile.assertNoStackTrace("See https://example.com/at (docs)", "in");
    }
}
