package dev.ssosetup.infra.push;

import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Backups as files in one folder: {@code openmetadata-security-backup-<host>-<UTC timestamp>.json} and the recovery
 * text beside it ({@code ...-RECOVERY.txt}). Files are owner-only (0600; the folder 0700 when this store creates it),
 * written to a temporary file first and moved into place atomically, so a backup is either complete or absent.
 */
public final class FileBackupStore implements BackupStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_BACKUP_BYTES = 4L * 1024 * 1024;
    private final Path folder;

    public FileBackupStore(Path folder) {
        this.folder = folder.toAbsolutePath();
    }

    /** The default folder: {@code ~/.sso-setup-console/backups}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".sso-setup-console", "backups");
    }

    public Path folder() {
        return folder;
    }

    @Override
    public Saved save(Backup backup) throws BackupException {
        String base = "openmetadata-security-backup-" + host(backup.serverUrl()) + "-" + STAMP.format(backup.takenAt());
        try {
            createFolder();
            Path json = unique(base, ".json");
            Path recovery = folder.resolve(json.getFileName().toString().replace(".json", "-RECOVERY.txt"));
            writeAtomically(recovery, backup.recoveryText());
            writeAtomically(json, backup.toJson());
            return new Saved(json.toString(), recovery.toString());
        } catch (IOException e) {
            throw new BackupException("Cannot write the backup in " + folder + ": " + reason(e)
                    + ". Choose a folder you can write to.");
        }
    }

    @Override
    public Backup load(String file) throws BackupException {
        Path p = Path.of(file);
        try {
            if (Files.size(p) > MAX_BACKUP_BYTES) {
                throw new BackupException("The backup file " + p + " is too large to be a backup");
            }
            return Backup.parse(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new BackupException("Cannot read the backup file " + p + ": " + reason(e));
        } catch (IllegalArgumentException e) {
            throw new BackupException(p + ": " + e.getMessage());
        }
    }

    private void createFolder() throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            if (posix()) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    private Path unique(String base, String ext) {
        Path p = folder.resolve(base + ext);
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(base + "-" + i + ext);
        }
        return p;
    }

    private void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = posix()
                ? Files.createTempFile(folder, ".backup-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(folder, ".backup-", ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
            if (posix()) {
                Files.setPosixFilePermissions(target, OWNER_ONLY);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private boolean posix() {
        return folder.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static String host(String serverUrl) {
        try {
            String h = java.net.URI.create(serverUrl).getHost();
            return h == null ? "server" : h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "_");
        } catch (IllegalArgumentException e) {
            return "server";
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
