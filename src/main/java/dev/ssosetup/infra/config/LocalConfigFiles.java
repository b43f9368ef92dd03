package dev.ssosetup.infra.config;

import dev.ssosetup.core.common.Problem;

import dev.ssosetup.core.config.ConfigFiles;
import dev.ssosetup.infra.keys.FilePermissions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * {@link ConfigFiles} on the local file system. {@code write} (and {@code writeInto} with replace) go to a temporary
 * file in the same folder that is then moved over the target, so a failed write never leaves half a file;
 * {@code writeInto} without replace creates the file new and never replaces anything. Owner-only files are created 0600 from the start (on
 * POSIX systems), never widened afterwards; elsewhere they get an owner-only ACL before any content.
 */
public final class LocalConfigFiles implements ConfigFiles {
    private static final long MAX_BYTES = 4L * 1024 * 1024;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final FilePermissions permissions;

    public LocalConfigFiles() {
        this(FilePermissions.forPlatform());
    }

    /** {@code permissions}: POSIX modes, set when each file is created, or owner-only ACLs set before any content. */
    public LocalConfigFiles(FilePermissions permissions) {
        this.permissions = permissions;
    }

    @Override
    public String ownerOnlyNote() {
        return permissions.ownerOnlyName();
    }

    @Override
    public String read(String path) throws IOException {
        Path p = Path.of(path);
        if (Files.size(p) > MAX_BYTES) {
            throw new Problem.ProblemException(Problem.tooLarge(MAX_BYTES));
        }
        byte[] bytes = Files.readAllBytes(p);
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    @Override
    public void write(String path, String text, boolean ownerOnly) throws IOException {
        Path target = Path.of(path).toAbsolutePath();
        Path dir = target.getParent();
        boolean posix = posix();
        Path tmp = posix && ownerOnly
                ? Files.createTempFile(dir, ".sso-setup-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".sso-setup-", ".tmp");
        try {
            if (posix && !ownerOnly) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            if (!posix && ownerOnly) {
                permissions.ownerOnly(tmp); // before the secret is written
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String writeInto(String directory, String fileName, String text, boolean ownerOnly, boolean replace)
            throws IOException {
        Path dir = Path.of(directory);
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        if (replace) {
            write(target.toString(), text, ownerOnly);
        } else {
            writeNew(target, text, ownerOnly);
        }
        return target.toString();
    }

    /** POSIX modes only when both the file system has them and the permissions in use are POSIX ones. */
    private boolean posix() {
        return permissions instanceof FilePermissions.Posix
                && FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public List<String> existing(String directory, List<String> fileNames) {
        Path dir = Path.of(directory);
        return fileNames.stream().filter(n -> Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /**
     * Creates {@code target} (O_CREAT|O_EXCL: fails when anything, a link included, is there) with its final
     * permissions from the start, writes and syncs it; a failed write removes the file it created.
     */
    private void writeNew(Path target, String text, boolean ownerOnly) throws IOException {
        boolean posix = posix();
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel ch = posix
                ? FileChannel.open(target, options, PosixFilePermissions.asFileAttribute(ownerOnly ? OWNER_ONLY
                : PosixFilePermissions.fromString("rw-r--r--")))
                : FileChannel.open(target, options);
        try (ch) {
            if (!posix && ownerOnly) {
                permissions.ownerOnly(target); // before the secret is written
            }
            ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
    }
}
