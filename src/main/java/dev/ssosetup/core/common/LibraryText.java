package dev.ssosetup.core.common;

import dev.ssosetup.core.text.Text;

import java.util.regex.Pattern;

/**
 * Library messages (Nimbus, Jackson, the JDK) sometimes carry Java internals such as
 * {@code java.io.IOException: ...}. An operator needs the words, not the class names: this keeps the words.
 */
public final class LibraryText {
    private static final Pattern QUALIFIED_THROWABLE =
            Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z]\\w*(?:Exception|Error)\\b:?\\s*");

    private LibraryText() {
    }

    /**
     * {@code message} without qualified exception class names, as a text argument (the library's own words are not
     * translated); "unknown reason" in the operator's language when nothing is left.
     */
    public static Text plain(String message) {
        if (message == null) {
            return Text.of("common.unknownReason");
        }
        String s = QUALIFIED_THROWABLE.matcher(message).replaceAll("").strip();
        return s.isEmpty() ? Text.of("common.unknownReason") : Text.of("common.libraryWords", s);
    }
}
