package dev.ssosetup.ui.common;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Messages;

import java.io.IOException;

/**
 * Reads the CA bundle file the operator named, through the {@link OperatorFiles} port (on a background thread: it is
 * file I/O), for the Provider, Login test and Push steps.
 */
public final class CaBundleFile {
    private CaBundleFile() {
    }

    /**
     * @throws IOException with a message for the operator (the path, why, what to do), never a Java class name or
     *                     the file's content
     */
    public static byte[] read(OperatorFiles files, String path, Messages messages) throws IOException {
        try {
            return files.read(path, OperatorFiles.CA_BUNDLE_MAX_BYTES);
        } catch (Problem.ProblemException e) {
            String text = e.problem().kind() == Problem.Kind.TOO_LARGE
                    ? messages.get("caBundle.tooLarge", path)
                    : messages.get("caBundle.unreadable", path, messages.text(e.problem().text()));
            throw new IOException(text, null);
        }
    }
}
