package dev.ssosetup.core.session;

import java.io.IOException;
import java.util.Optional;

/**
 * Port: the app's own small files in its per-user configuration folder (preferences, the autosaved draft). Names are
 * plain file names inside that folder. Writes are atomic and owner-only.
 */
public interface SessionFiles {
    /** The file's text, or empty when it does not exist. */
    Optional<String> read(String name) throws IOException;

    void write(String name, String text) throws IOException;

    /** Removes the file; nothing happens when it does not exist. */
    void delete(String name) throws IOException;

    /** True when {@code path} is an existing folder (a remembered folder may have gone). */
    boolean isFolder(String path);

    /** Where file dialogs start when the operator has not chosen a folder yet: the documents folder, else home. */
    String documentsFolder();
}
