package dev.ssosetup.infra.session;

import dev.ssosetup.core.session.Preferences;
import dev.ssosetup.core.session.SessionService;
import dev.ssosetup.core.session.ThemeChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Preferences survive a restart in a real folder, owner-only; a remembered folder that went is not offered. */
class ConfigFolderSessionFilesTest {
    @TempDir
    Path dir;

    @Test
    void preferencesRoundTripOwnerOnlyAndNewestRecentFirst() throws Exception {
        Path cfg = dir.resolve("nested/cfg");
        SessionService session = new SessionService(new ConfigFolderSessionFiles(cfg));
        assertEquals(Preferences.defaults(), session.preferences(), "nothing stored yet");
        Preferences p = Preferences.defaults().withTheme(ThemeChoice.DARK)
                .withRecent("/a/one.json", "/a").withRecent("/b/two.json", "/b").withRecent("/a/one.json", "/a");
        session.savePreferences(p);
        Preferences back = new SessionService(new ConfigFolderSessionFiles(cfg)).preferences();
        assertEquals(ThemeChoice.DARK, back.theme());
        assertEquals(java.util.List.of("/a/one.json", "/b/two.json"), back.recentProfiles());
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cfg.resolve("preferences.properties"))));
    }

    @Test
    void aGoneFolderFallsBackToTheDocumentsFolder() throws Exception {
        ConfigFolderSessionFiles files = new ConfigFolderSessionFiles(dir);
        SessionService session = new SessionService(files);
        Path there = Files.createDirectory(dir.resolve("profiles"));
        assertEquals(there.toString(), session.startFolder(Preferences.defaults().withRecent("x", there.toString())));
        String gone = dir.resolve("gone").toString();
        assertEquals(files.documentsFolder(), session.startFolder(Preferences.defaults().withRecent("x", gone)));
        assertFalse(files.documentsFolder().equals(System.getProperty("user.dir")) && !files.documentsFolder()
                .equals(System.getProperty("user.home")), "never the working directory");
        assertTrue(Files.isDirectory(Path.of(files.documentsFolder())));
    }

    @Test
    void garbledPreferencesReadAsDefaults() throws Exception {
        Files.writeString(dir.resolve("preferences.properties"), "theme=\\u00zz\u0000broken");
        assertEquals(ThemeChoice.SYSTEM, new SessionService(new ConfigFolderSessionFiles(dir)).preferences().theme());
    }
}
