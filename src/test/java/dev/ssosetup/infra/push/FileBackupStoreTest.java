package dev.ssosetup.infra.push;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 15, item 7: a backup never replaces an existing file, and is owner-only. */
class FileBackupStoreTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");
    @TempDir
    Path dir;

    private static Backup backup() {
        ObjectNode config = new ObjectMapper().createObjectNode();
        config.putObject("authenticationConfiguration").put("provider", "basic");
        config.putObject("authorizerConfiguration").putArray("adminPrincipals").add("admin");
        return Backup.of(config, AT, "https://om.example.com", "1.10.4");
    }

    @Test
    void aLinkOrFileInTheWayIsNeverReplaced() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("backups"));
        String name = "openmetadata-security-backup-om.example.com-20261202T100000Z";
        // a dangling link where the backup would go: replacing it (rename over it) would be silent
        Path elsewhere = dir.resolve("elsewhere.json");
        Path link = Files.createSymbolicLink(folder.resolve(name + ".json"), elsewhere);
        Path recoveryLink = Files.createSymbolicLink(folder.resolve(name + "-RECOVERY.txt"), elsewhere);

        BackupStore.Saved saved = new FileBackupStore(folder).save(backup());

        assertTrue(Files.isSymbolicLink(link), "the link is still there");
        assertTrue(Files.isSymbolicLink(recoveryLink), "the link is still there");
        assertFalse(Files.exists(elsewhere), "nothing was written through the link");
        assertNotEquals(link.toString(), saved.backupFile());
        Path json = Path.of(saved.backupFile());
        assertTrue(Files.isRegularFile(json, LinkOption.NOFOLLOW_LINKS));
        assertEquals(backup().configuration(), new FileBackupStore(folder).load(saved.backupFile()).configuration());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(json)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                Path.of(saved.recoveryFile()))));
        assertTrue(Files.readString(Path.of(saved.recoveryFile())).contains("sso-setup restore"));
    }

    @Test
    void twoBackupsInTheSameSecondGetTwoFiles() throws Exception {
        FileBackupStore store = new FileBackupStore(dir.resolve("b"));
        BackupStore.Saved first = store.save(backup());
        BackupStore.Saved second = store.save(backup());
        assertNotEquals(first.backupFile(), second.backupFile());
        assertNotEquals(first.recoveryFile(), second.recoveryFile());
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("b"))));
        try (var files = Files.list(dir.resolve("b"))) {
            assertEquals(4, files.count(), "no temporary file left behind");
        }
    }
}
