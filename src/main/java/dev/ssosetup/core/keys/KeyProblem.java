package dev.ssosetup.core.keys;

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

    public KeyProblem(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public KeyProblem(Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
