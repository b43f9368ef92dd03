package dev.ssosetup.core.push;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one rule for reading an OpenMetadata admin token, wherever it comes from (a token file, the Push step's field,
 * later the keychain): a token is one line of visible ASCII (0x21 to 0x7E). One UTF-8 byte-order mark at the start
 * and one line break at the end (an editor's additions) are removed; anything else that is not visible ASCII (a line
 * break or space inside, a NUL, a non-ASCII character) is refused with the byte offset and what kind of character
 * it is, never the token's content. A token that passes can always be sent in an HTTP header.
 */
public final class AdminToken {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private AdminToken() {
    }

    /** A token refused by {@link AdminToken}; the message names the source and the offset, never the value. */
    public static final class InvalidTokenException extends IllegalArgumentException {
        private final int offset;
        private final transient Text text;

        InvalidTokenException(Text text, int offset) {
            super(Messages.forLocale(Locale.ENGLISH).text(text)); // for logs; the operator sees text()
            this.text = text;
            this.offset = offset;
        }

        /** What is wrong, for the operator: the source, the offset and the kind of byte, never the token. */
        public Text text() {
            return text;
        }

        /** The byte offset of the first refused byte in the source, or -1 when the token is empty. */
        public int offset() {
            return offset;
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this; // no stack trace to print by mistake
        }
    }

    /**
     * Reads a token file's bytes.
     *
     * @param source how the operator names the source in messages, e.g. {@code --token-file /path/token}
     * @throws InvalidTokenException when the content is empty or not one line of visible ASCII
     */
    public static Secret fromBytes(byte[] content, String source) {
        int start = startsWith(content, BOM) ? BOM.length : 0;
        int end = content.length;
        if (end > start && content[end - 1] == '\n') {
            end--;
            if (end > start && content[end - 1] == '\r') {
                end--;
            }
        }
        if (end <= start) {
            throw new InvalidTokenException(Text.of("push.token.empty", source), -1);
        }
        for (int i = start; i < end; i++) {
            int b = content[i] & 0xFF;
            if (b < 0x21 || b > 0x7E) {
                throw new InvalidTokenException(Text.of("push.token.badByte", source, i, kind(b)), i);
            }
        }
        return Secret.of(new String(content, start, end - start, StandardCharsets.US_ASCII));
    }

    /**
     * Reads a token typed or pasted into a field: surrounding whitespace is removed first (a paste often brings a
     * line break), then the same rule as for a file applies; offsets count the UTF-8 bytes of the stripped text.
     *
     * @throws InvalidTokenException as {@link #fromBytes}
     */
    public static Secret fromText(String typed, String source) {
        String s = typed == null ? "" : typed.strip();
        return fromBytes(s.getBytes(StandardCharsets.UTF_8), source);
    }

    private static Text kind(int b) {
        String kind = switch (b) {
            case 0 -> "nul";
            case ' ' -> "space";
            case '\t' -> "tab";
            case '\n', '\r' -> "lineBreak";
            case 0x7F -> "del";
            default -> b < 0x20 ? "control" : b == 0xEF ? "bom" : "nonAscii";
        };
        return Text.of("push.token.kind." + kind);
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
