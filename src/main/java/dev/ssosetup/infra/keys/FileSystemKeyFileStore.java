package dev.ssosetup.infra.keys;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.common.Problem;

import dev.ssosetup.core.keys.ExportFile;
import dev.ssosetup.core.keys.KeyFileStore;
import dev.ssosetup.core.keys.KeyProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Key files on the local file system. Every file is written to a temporary file in the target folder (owner-only
 * from the start when it holds a private key), flushed to disk, then put in place: without overwrite with
 * create-new semantics (a hard link that fails when anything is there, so a file or link that appeared after the
 * check is never replaced), with overwrite renamed over the old file with {@code ATOMIC_MOVE}.
 * An export is all or nothing: when any step fails, the files already moved in are removed again and files they
 * replaced are restored.
 */
public final class FileSystemKeyFileStore implements KeyFileStore {
    /** Key files are small; anything bigger is not a key and is refused before it fills memory. */
    static final long MAX_READ_BYTES = 1024 * 1024;

    /** Called after each file of an export is in place: lets tests inject a failure mid-export. */
    @FunctionalInterface
    public interface WriteHook {
        void fileCommitted(String name) throws IOException;

        /** Called just before a staged file is put in place under {@code name}: lets tests race the export. */
        default void beforePlacing(String name) throws IOException {
        }

        WriteHook NONE = name -> { };
    }

    private final FilePermissions permissions;
    private final WriteHook hook;

    public FileSystemKeyFileStore() {
        this(FilePermissions.forPlatform(), WriteHook.NONE);
    }

    public FileSystemKeyFileStore(FilePermissions permissions, WriteHook hook) {
        this.permissions = Objects.requireNonNull(permissions);
        this.hook = Objects.requireNonNull(hook);
    }

    @Override
    public byte[] read(String path) {
        Path file = path(path, Text.of("keys.file.what.file"));
        try {
            if (Files.isDirectory(file)) {
                throw new KeyProblem(KeyProblem.Kind.IO, Text.of("keys.file.folder", path));
            }
            long size = Files.size(file);
            if (size > MAX_READ_BYTES) {
                throw new KeyProblem(KeyProblem.Kind.WRONG_CONTENT, Text.of("keys.file.tooLarge", path,
                        Problem.tooLarge(MAX_READ_BYTES).text()));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes((int) MAX_READ_BYTES);
            }
        } catch (IOException e) {
            throw new KeyProblem(KeyProblem.Kind.IO, Text.of("keys.file.unreadable", path, Problem.of(e).text()));
        }
    }

    @Override
    public List<String> existing(String folder, List<String> names) {
        Path dir = path(folder, Text.of("keys.file.what.folder"));
        return names.stream().filter(n -> Files.exists(dir.resolve(n), LinkOption.NOFOLLOW_LINKS)).toList();
    }

    @Override
    public String resolve(String folder, String name) {
        return path(folder, Text.of("keys.file.what.folder")).resolve(name).toString();
    }

    @Override
    public String writeFile(String path, byte[] content, boolean overwrite) {
        Path target = path(path, Text.of("keys.file.what.output")).toAbsolutePath();
        Path dir = target.getParent();
        ExportFile file = new ExportFile(target.getFileName().toString(), content, false);
        writeAll(dir.toString(), List.of(file), overwrite);
        return target.toString();
    }

    @Override
    public List<String> writeAll(String folder, List<ExportFile> files, boolean overwrite) {
        Path dir = path(folder, Text.of("keys.file.what.folder")).toAbsolutePath();
        if (!overwrite) {
            List<String> clash = existing(dir.toString(), files.stream().map(ExportFile::name).toList());
            if (!clash.isEmpty()) {
                throw new KeyProblem(KeyProblem.Kind.WOULD_OVERWRITE, Text.of("keys.file.wouldOverwrite",
                        dir.toString(), String.join(", ", clash)));
            }
        }
        boolean createdDir = false;
        Transaction tx = new Transaction();
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                createdDir = true;
                permissions.ownerOnlyFolder(dir);
            }
            List<Path> temps = new ArrayList<>();
            for (ExportFile file : files) {
                Path temp = stage(dir, file);
                temps.add(temp);
                tx.staged.add(temp);
            }
            for (int i = 0; i < files.size(); i++) {
                Path target = dir.resolve(files.get(i).name());
                tx.commit(temps.get(i), target, overwrite, hook);
                hook.fileCommitted(files.get(i).name());
            }
            tx.finish();
            return files.stream().map(f -> dir.resolve(f.name()).toString()).toList();
        } catch (IOException | RuntimeException e) {
            tx.rollback();
            if (createdDir) {
                deleteQuietly(dir);
            }
            if (e instanceof KeyProblem problem) {
                throw problem;
            }
            throw new KeyProblem(KeyProblem.Kind.IO, Text.of("keys.file.exportFailed", dir.toString(),
                    e instanceof IOException io ? Problem.of(io).text() : Text.of("keys.file.exportUnexpected")), e);
        }
    }

    /** Writes the content to a temporary file next to the target, with its final permissions set before content. */
    private Path stage(Path dir, ExportFile file) throws IOException {
        Path temp = Files.createTempFile(dir, "." + file.name() + ".", ".tmp");
        try {
            if (file.secret()) {
                permissions.ownerOnly(temp);
            } else {
                permissions.publicReadable(temp);
            }
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC)) {
                out.write(file.content());
            }
            return temp;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** Files staged, moved in and replaced during one export, so that a failure can undo them. */
    private static final class Transaction {
        final List<Path> staged = new ArrayList<>();
        final List<Path> committed = new ArrayList<>();
        final List<Path[]> backups = new ArrayList<>();

        void commit(Path temp, Path target, boolean overwrite, WriteHook hook) throws IOException {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!overwrite) {
                    throw new FileAlreadyExistsException(target.toString());
                }
                Path backup = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".bak");
                move(target, backup);
                backups.add(new Path[] {backup, target});
            }
            hook.beforePlacing(target.getFileName().toString());
            if (overwrite) {
                move(temp, target);
            } else {
                placeNew(temp, target);
            }
            staged.remove(temp);
            committed.add(target);
        }

        void finish() {
            backups.forEach(b -> deleteQuietly(b[0]));
            backups.clear();
        }

        void rollback() {
            staged.forEach(FileSystemKeyFileStore::deleteQuietly);
            committed.forEach(FileSystemKeyFileStore::deleteQuietly);
            for (Path[] backup : backups.reversed()) {
                try {
                    move(backup[0], backup[1]);
                } catch (IOException e) {
                    // best effort: the backup file stays next to the target for manual recovery
                }
            }
        }
    }

    /**
     * Puts {@code temp} in place as {@code target} only if nothing (not even a link) is there: a hard link is created
     * atomically or fails, then the temporary name is dropped. Where the file system has no hard links, a move
     * without replace (which refuses an existing target) does it.
     */
    private static void placeNew(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw e;
        } catch (UnsupportedOperationException | java.nio.file.FileSystemException e) {
            Files.move(temp, target);
            return;
        }
        Files.delete(temp);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // nothing more to do: the caller is already reporting a failure
        }
    }

    private static Path path(String text, Text what) {
        if (text == null || text.isBlank()) {
            throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, Text.of("keys.file.noPath", what));
        }
        try {
            return Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new KeyProblem(KeyProblem.Kind.INVALID_SETTING, Text.of("keys.file.badPath", what, text));
        }
    }
}
