package dev.ssosetup.infra.common;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@link OperatorFiles} on the local file system. A file over the limit is refused by its size before it is read, and
 * never more than the limit plus one byte is read (a device or a pipe that never ends is refused the same way). Every
 * failure is a {@link Problem}; the log line names the path and the kind, never the content.
 */
public final class LocalOperatorFiles implements OperatorFiles {
    private static final System.Logger LOG = System.getLogger(LocalOperatorFiles.class.getName());

    @Override
    public byte[] read(String path, long maxBytes) throws Problem.ProblemException {
        if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes out of range: " + maxBytes);
        }
        try {
            Path file = Path.of(path);
            if (Files.isDirectory(file)) {
                throw new Problem.ProblemException(Problem.isAFolder());
            }
            try (InputStream in = Files.newInputStream(file)) {
                if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                    throw new Problem.ProblemException(Problem.tooLarge(maxBytes));
                }
                byte[] content = in.readNBytes((int) maxBytes + 1);
                if (content.length > maxBytes) {
                    java.util.Arrays.fill(content, (byte) 0);
                    throw new Problem.ProblemException(Problem.tooLarge(maxBytes));
                }
                return content;
            }
        } catch (Problem.ProblemException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "cannot read " + path + ": " + e.problem().kind());
            throw e;
        } catch (IOException e) {
            Problem problem = Problem.of(e);
            LOG.log(System.Logger.Level.DEBUG, "cannot read " + path + ": " + problem.kind(), e);
            throw new Problem.ProblemException(problem);
        } catch (InvalidPathException | SecurityException e) { // a path the system cannot name, or a policy's refusal
            Problem problem = Problem.of(new IOException(e.getMessage(), null));
            LOG.log(System.Logger.Level.DEBUG, "cannot read " + path + ": " + problem.kind(), e);
            throw new Problem.ProblemException(problem);
        }
    }
}
