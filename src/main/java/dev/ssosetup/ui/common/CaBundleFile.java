package dev.ssosetup.ui.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the CA bundle file the operator named (on a background thread: it is file I/O). */
public final class CaBundleFile {
    private static final long MAX_BYTES = 1024 * 1024;

    private CaBundleFile() {
    }

    /** @throws IOException with a message for the operator (the path and what to do), never a Java class name */
    public static byte[] read(String path) throws IOException {
        Path p;
        long size;
        try {
            p = Path.of(path);
            size = Files.size(p);
        } catch (IOException | RuntimeException e) {
            throw cannotRead(path);
        }
        if (size > MAX_BYTES) {
            throw new IOException("The CA bundle " + path + " is larger than 1 MiB: it is not a PEM bundle", null);
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            throw cannotRead(path);
        }
    }

    private static IOException cannotRead(String path) {
        return new IOException("Cannot read the CA bundle " + path + ": check the path", null);
    }
}
