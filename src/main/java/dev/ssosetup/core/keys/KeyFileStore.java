package dev.ssosetup.core.keys;

import java.util.List;

/**
 * The port to the file system for key files (core does no file I/O itself). Paths are plain strings as the operator
 * typed or picked them. Implementations write each file atomically, secret files owner-only, and either write all
 * files of an export or none.
 */
public interface KeyFileStore {

    /** Reads a whole (small) file; a {@link KeyProblem.Kind#IO} problem naming the file when it cannot. */
    byte[] read(String path);

    /** Which of {@code names} already exist in {@code folder} (empty when the folder does not exist yet). */
    List<String> existing(String folder, List<String> names);

    /**
     * Writes {@code files} into {@code folder} (created if missing), all or nothing. Without {@code overwrite} an
     * existing file is a {@link KeyProblem.Kind#WOULD_OVERWRITE} problem and nothing is written.
     *
     * @return the full paths written, in order
     */
    List<String> writeAll(String folder, List<ExportFile> files, boolean overwrite);

    /**
     * Writes one public (non-secret) file at {@code path} atomically; without {@code overwrite} an existing file is a
     * {@link KeyProblem.Kind#WOULD_OVERWRITE} problem. Returns the full path written.
     */
    String writeFile(String path, byte[] content, boolean overwrite);

    /** The full path of {@code name} inside {@code folder}, for messages. */
    String resolve(String folder, String name);
}
