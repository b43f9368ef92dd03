package dev.ssosetup.core.common;

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

    /** {@code message} without qualified exception class names; "unknown reason" when nothing is left. */
    public static String plain(String message) {
        if (message == null) {
            return "unknown reason";
        }
        String s = QUALIFIED_THROWABLE.matcher(message).replaceAll("").strip();
        return s.isEmpty() ? "unknown reason" : s;
    }
}
