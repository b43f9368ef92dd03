package dev.ssosetup.core.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Port: reads a file the operator named (a CA bundle, a client credentials file, an admin token or secret file, a
 * security configuration), for the window and the command line alike (ADR 0032). {@code ui} and {@code cli} do no file
 * I/O of their own: they read through this, implemented once in {@code infra}.
 *
 * <p>Why a file cannot be read is a {@link Problem} (ADR 0026), thrown as a {@link Problem.ProblemException}: the
 * caller puts its {@link Problem#text()} into its own sentence, which names the file and what to do. Neither the
 * problem nor its log line ever holds the file's content.
 */
public interface OperatorFiles {
    /** The largest CA bundle (PEM) read: 1 MiB. */
    long CA_BUNDLE_MAX_BYTES = 1024 * 1024;
    /** The largest token or secret file read: 64 KiB. */
    long SECRET_MAX_BYTES = 64 * 1024;

    /**
     * The whole content of the file at {@code path} (as the operator typed or chose it).
     *
     * @throws Problem.ProblemException why not: {@link Problem.Kind#NOT_FOUND}, {@link Problem.Kind#IS_A_FOLDER},
     *                                  {@link Problem.Kind#NO_PERMISSION}, {@link Problem.Kind#TOO_LARGE} (more than
     *                                  {@code maxBytes}; refused before it is read whole), or the system's reason
     */
    byte[] read(String path, long maxBytes) throws Problem.ProblemException;

    /**
     * The content as UTF-8 text; anything else is {@link Problem.Kind#NOT_READABLE_AS} {@link Problem.As#UTF8_TEXT}
     * (never a character of it in the message).
     */
    default String readText(String path, long maxBytes) throws Problem.ProblemException {
        byte[] bytes = read(path, maxBytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Problem.ProblemException(Problem.notReadableAs(Problem.As.UTF8_TEXT));
        } finally {
            java.util.Arrays.fill(bytes, (byte) 0); // a secret's bytes do not linger
        }
    }
}
