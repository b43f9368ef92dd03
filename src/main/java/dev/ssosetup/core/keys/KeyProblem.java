package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.util.Locale;

/**
 * Why a key operation failed, in words an operator can act on: what the file is, what was expected, what to do.
 * Messages never contain key material or passwords. The {@link Kind} lets callers react (for example ask for a
 * password) without parsing text.
 */
public final class KeyProblem extends RuntimeException {

    /** The families of failure callers may want to tell apart. */
    public enum Kind {
        /** The file holds something other than the expected key (certificate, EC key, garbage...). */
        WRONG_CONTENT,
        /** An RSA key below {@link KeySize#MINIMUM_BITS}. */
        TOO_SMALL,
        /** The private key is encrypted and no password was given. */
        PASSWORD_REQUIRED,
        /** The password does not decrypt the private key. */
        WRONG_PASSWORD,
        /** Public and private key do not belong together. */
        MISMATCH,
        /** Export would replace existing files and overwriting was not confirmed. */
        WOULD_OVERWRITE,
        /** Reading or writing a file failed. */
        IO,
        /** A setting (key id, issuer, password) is missing or invalid. */
        INVALID_SETTING
    }

    private final Kind kind;
    private final transient Text text;

    /** @param text what happened and what to do, for the operator */
    public KeyProblem(Kind kind, Text text) {
        this(kind, text, null);
    }

    public KeyProblem(Kind kind, Text text, Throwable cause) {
        this(kind, text, text.toString(), cause);
    }

    private KeyProblem(Kind kind, Text text, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.text = text;
    }

    /** A sentence still written in code (issue 13 moves these to keys); shown as it is. */
    public KeyProblem(Kind kind, String message) {
        this(kind, Text.of("keys.problem.asWritten", message), message, null);
    }

    public KeyProblem(Kind kind, String message, Throwable cause) {
        this(kind, Text.of("keys.problem.asWritten", message), message, cause);
    }

    /** What happened, in English, for the log (the operator reads {@link #text()} in the language chosen). */
    @Override
    public String getMessage() {
        try {
            return Messages.forLocale(Locale.ENGLISH).text(text);
        } catch (RuntimeException e) { // a key missing in the bundle: the key and its arguments still say what
            return super.getMessage();
        }
    }

    /** What happened, for the operator. */
    public Text text() {
        return text;
    }

    public Kind kind() {
        return kind;
    }
}
