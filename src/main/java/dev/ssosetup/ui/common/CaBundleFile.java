package dev.ssosetup.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the CA bundle file the operator named (on a background thread: it is file I/O). */
public final class CaBundleFile {
    private CaBundleFile() {
    }

    /** @throws IOException with a message for the operator (the path and what to do), never a Java class name */
    public static byte[] read(String path) throws IOException {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new IOException("Cannot read the CA bundle " + path + ": check the path", null);
        }
    }
}
