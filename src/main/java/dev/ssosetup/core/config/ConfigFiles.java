package dev.ssosetup.core.config;

import java.io.IOException;

/**
 * Port: reads and writes the small text files of this feature (profiles, rendered outputs, a client-secret file).
 * Paths are as the operator typed or chose them. {@code ownerOnly} writes the file readable by its owner alone (0600),
 * for files that hold a secret.
 */
public interface ConfigFiles {
    String read(String path) throws IOException;

    void write(String path, String text, boolean ownerOnly) throws IOException;

    /** Writes {@code fileName} inside {@code directory} (created when missing) and returns the path written. */
    String writeInto(String directory, String fileName, String text, boolean ownerOnly) throws IOException;
}
