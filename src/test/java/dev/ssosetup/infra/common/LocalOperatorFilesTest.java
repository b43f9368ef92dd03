package dev.ssosetup.infra.common;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.ui.common.CaBundleFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one adapter behind {@link OperatorFiles} (ADR 0032): real files, each failure a {@link Problem}, and the
 * sentence the operator reads names the file and the fix, never a byte of the content.
 */
class LocalOperatorFilesTest {
    private static final String CANARY = "canary-secret-4711";
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path dir;
    private final OperatorFiles files = new LocalOperatorFiles();

    private Problem problem(Path path, long max) {
        Problem.ProblemException e = assertThrows(Problem.ProblemException.class,
                () -> files.read(path.toString(), max));
        assertFalse(String.valueOf(e.getMessage()).contains(CANARY), e.getMessage());
        assertFalse(EN.text(e.problem().text()).contains(CANARY));
        return e.problem();
    }

    /** What the Provider, Login test and Push steps say about this CA bundle: the path and the fix, not the content. */
    private String caBundleSentence(Path path) {
        IOException e = assertThrows(IOException.class, () -> CaBundleFile.read(files, path.toString(), EN));
        assertTrue(e.getMessage().contains(path.toString()), e.getMessage());
        assertFalse(e.getMessage().contains(CANARY), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsTheWholeFileUpToTheLimit() throws IOException {
        byte[] content = (CANARY + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("token.txt"), content);
        assertArrayEquals(content, files.read(file.toString(), content.length));
        assertEquals(CANARY + "\n", files.readText(file.toString(), content.length));
    }

    @Test
    void aMissingFileIsNotFound() {
        Path missing = dir.resolve("missing.pem");
        assertEquals(Problem.Kind.NOT_FOUND, problem(missing, 1024).kind());
        assertTrue(caBundleSentence(missing).endsWith("(no such file or folder): check the path and that you may"
                + " read the file"), caBundleSentence(missing));
    }

    @Test
    void aFolderIsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("certs"));
        assertEquals(Problem.Kind.IS_A_FOLDER, problem(folder, 1024).kind());
        assertTrue(caBundleSentence(folder).contains("(it is a folder): check the path"), caBundleSentence(folder));
    }

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws IOException {
        byte[] big = new byte[2048 + 1];
        Arrays.fill(big, (byte) 'x');
        byte[] canary = CANARY.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(canary, 0, big, 0, canary.length);
        Path file = Files.write(dir.resolve("big.txt"), big);
        Problem p = problem(file, 2048);
        assertEquals(Problem.Kind.TOO_LARGE, p.kind());
        assertEquals(List.of(2L), p.args(), "the limit in KiB");
        assertEquals("larger than 2 KiB", EN.text(p.text()));

        Path bundle = Files.write(dir.resolve("huge-ca.pem"), new byte[(int) OperatorFiles.CA_BUNDLE_MAX_BYTES + 1]);
        assertEquals("The CA bundle " + bundle + " is larger than 1 MiB: it is not a PEM bundle. Choose the PEM file"
                + " of the CA certificates", caBundleSentence(bundle));
    }

    @Test
    void aFileThatNeverEndsIsRefusedAfterTheLimit() {
        Path zero = Path.of("/dev/zero"); // not a regular file: its size says nothing, the read stops at the limit
        assumeTrue(Files.isReadable(zero), "no /dev/zero here");
        assertEquals(Problem.Kind.TOO_LARGE, problem(zero, 4096).kind());
    }

    @Test
    void aFileTheOperatorMayNotReadIsNoPermission() throws IOException {
        Path file = Files.writeString(dir.resolve("secret.txt"), CANARY);
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX modes here");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "this user reads every file (root)");
        assertEquals(Problem.Kind.NO_PERMISSION, problem(file, 1024).kind());
        assertTrue(caBundleSentence(file).contains("(permission denied): check the path and that you may read the"
                + " file"), caBundleSentence(file));
    }

    @Test
    void aPathThroughAFileCannotBeRead() throws IOException {
        Path file = Files.writeString(dir.resolve("ca.pem"), CANARY);
        Path below = file.resolve("inner.pem"); // readable as no one: a part of the path is a file
        Problem p = problem(below, 1024);
        assertFalse(p.kind() == Problem.Kind.UNKNOWN || p.kind() == Problem.Kind.TOO_LARGE, p.toString());
        assertTrue(caBundleSentence(below).contains("check the path"), caBundleSentence(below));
    }

    @Test
    void textThatIsNotUtf8IsRefusedWithoutQuotingIt() throws IOException {
        byte[] bytes = (CANARY + "\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), bytes);
        Problem.ProblemException e = assertThrows(Problem.ProblemException.class,
                () -> files.readText(file.toString(), 1024));
        assertEquals(Problem.notReadableAs(Problem.As.UTF8_TEXT), e.problem());
        assertEquals("not readable as UTF-8 text", EN.text(e.problem().text()));
        assertArrayEquals(bytes, files.read(file.toString(), 1024), "the bytes themselves are read as they are");
    }
}
