package dev.ssosetup.core.config;

import java.io.IOException;
import java.util.List;

/**
 * Port: reads and writes the small text files of this feature (profiles, rendered outputs, a client-secret file).
 * Paths are as the operator typed or chose them. {@code ownerOnly} writes the file readable by its owner alone (0600,
 * or an owner-only ACL on Windows), for files that hold a secret.
 */
public interface ConfigFiles {
    String read(String path) throws IOException;

    void write(String path, String text, boolean ownerOnly) throws IOException;

    /**
     * Writes {@code fileName} inside {@code directory} (created when missing) and returns the path written. Never
     * replaces: an existing file or link of that name fails the write (create-new semantics), and is left as it was.
     */
    default String writeInto(String directory, String fileName, String text, boolean ownerOnly) throws IOException {
        return writeInto(directory, fileName, text, ownerOnly, false);
    }

    /** The same; with {@code replace} an existing file is replaced (the operator confirmed it, e.g. {@code --force}). */
    String writeInto(String directory, String fileName, String text, boolean ownerOnly, boolean replace)
            throws IOException;

    /** How owner-only files are protected here, for messages: "0600" (POSIX) or "owner-only ACL" (Windows). */
    default String ownerOnlyNote() {
        return "owner-only";
    }

    /** Which of {@code fileNames} exist inside {@code directory} (links count, and are not followed). */
    List<String> existing(String directory, List<String> fileNames);
}
