package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import java.util.Arrays;

/**
 * A password for an encrypted private key, held as characters so that it can be wiped: {@link #clear()} overwrites
 * it once the key has been written or read. It never prints.
 */
public final class KeyPassword implements AutoCloseable {
    private final char[] chars;

    private KeyPassword(char[] chars) {
        this.chars = chars;
    }

    /** Takes a copy of {@code chars}; the caller should clear its own array. */
    public static KeyPassword of(char[] chars) {
        return new KeyPassword(chars == null ? new char[0] : chars.clone());
    }

    /** The password typed twice: a problem naming the fix when the two differ or the password is too short. */
    public static KeyPassword confirmed(char[] first, char[] second) {
        try {
            if (first == null || first.length == 0) {
                throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING,
                        Text.of("keys.problem.passwordMissing"));
            }
            if (!Arrays.equals(first, second)) {
                throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING,
                        Text.of("keys.problem.passwordsDiffer"));
            }
            if (first.length < MINIMUM_LENGTH) {
                throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING,
                        Text.of("keys.problem.passwordTooShort", MINIMUM_LENGTH));
            }
            return of(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** Passwords for the encrypted PEM must have at least this many characters. */
    public static final int MINIMUM_LENGTH = 8;

    /** The characters themselves (not a copy): only for the encryptor or decryptor. */
    public char[] reveal() {
        return chars;
    }

    public boolean isEmpty() {
        return chars.length == 0;
    }

    public void clear() {
        Arrays.fill(chars, '\0');
    }

    @Override
    public void close() {
        clear();
    }

    @Override
    public String toString() {
        return "<password>";
    }
}
