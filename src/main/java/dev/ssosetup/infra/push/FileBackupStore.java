package dev.ssosetup.infra.push;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.common.Problem;

import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Backups as files in one folder: {@code openmetadata-security-backup-<host>-<UTC timestamp>.json} and the recovery
 * text beside it ({@code ...-RECOVERY.txt}). Files are owner-only (0600; the folder 0700 when this store creates it),
 * created with {@code CREATE_NEW} (an existing file or link is never replaced: the next free name is taken) and
 * forced to the disk with their folder before {@link #save} returns, so the backup exists before the PUT goes out. A
 * write that fails removes what it wrote.
 */
public final class FileBackupStore implements BackupStore {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final long MAX_BACKUP_BYTES = 4L * 1024 * 1024;
    private final Path folder;
    private final Messages messages;

    /** Backups whose notes for the operator are in English. */
    public FileBackupStore(Path folder) {
        this(folder, Messages.forLocale(Locale.ENGLISH));
    }

    /** Backups whose notes for the operator (the recovery text, the JSON's note) are in the language of messages. */
    public FileBackupStore(Path folder, Messages messages) {
        this.folder = folder.toAbsolutePath();
        this.messages = java.util.Objects.requireNonNull(messages);
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
            for (int i = 1; i < 1000; i++) {
                String name = i == 1 ? base : base + "-" + i;
                Path json = folder.resolve(name + ".json");
                Path recovery = folder.resolve(name + "-RECOVERY.txt");
                if (!writeNew(json, backup.toJson(messages))) {
                    continue; // a file (or a link) is in the way: never replace it, take the next name
                }
                try {
                    if (!writeNew(recovery, backup.recoveryText(messages))) {
                        Files.deleteIfExists(json);
                        continue;
                    }
                } catch (IOException e) {
                    Files.deleteIfExists(json);
                    throw e;
                }
                forceFolder();
                return new Saved(json.toString(), recovery.toString());
            }
            throw new Problem.ProblemException(Problem.exists()); // every free name taken
        } catch (IOException e) {
            throw new BackupException(Text.of("backup.cannotWrite", folder.toString(), Problem.of(e).text()));
        }
    }

    @Override
    public Backup load(String file) throws BackupException {
        Path p = Path.of(file);
        try {
            if (Files.size(p) > MAX_BACKUP_BYTES) {
                throw new BackupException(Text.of("backup.cannotRead", p.toString(),
                        Problem.tooLarge(MAX_BACKUP_BYTES).text()));
            }
            return Backup.parse(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new BackupException(Text.of("backup.cannotRead", p.toString(), Problem.of(e).text()));
        } catch (Backup.NotABackup e) {
            throw new BackupException(Text.of("backup.refusedAt", p.toString(), e.text()));
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

    /**
     * Writes a new owner-only file ({@code CREATE_NEW}: an existing file or link is never replaced or followed) and
     * forces it to the disk. False when something is already at {@code target}; a failed write leaves nothing.
     */
    private boolean writeNew(Path target, byte[] content) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileChannel channel;
        try {
            channel = posix() ? FileChannel.open(target, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : FileChannel.open(target, options);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        try (channel) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return true; // created 0600 (a umask can only narrow it)
    }

    /** Forces the folder's entries (the new names) to the disk, so that the backup exists before the PUT. */
    private void forceFolder() throws IOException {
        if (!posix()) {
            return; // a folder cannot be opened as a channel on Windows; NTFS journals the names
        }
        try (FileChannel dirChannel = FileChannel.open(folder, StandardOpenOption.READ)) {
            dirChannel.force(true);
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
}
