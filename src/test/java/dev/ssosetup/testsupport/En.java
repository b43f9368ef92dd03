package dev.ssosetup.testsupport;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.util.Locale;

/** Core's texts in English, for tests that assert words (the locale is pinned, ADR 0008). */
public final class En {
    public static final Messages MESSAGES = Messages.forLocale(Locale.ENGLISH);

    private En() {
    }

    public static String text(Text text) {
        return MESSAGES.text(text);
    }

    /** A text whose words are exactly {@code words} (any language), for results built by hand in tests. */
    public static Text words(String words) {
        return Text.of("common.libraryWords", words);
    }
}
