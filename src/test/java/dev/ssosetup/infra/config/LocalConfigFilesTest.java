package dev.ssosetup.infra.config;

import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real files: owner-only when asked, replaced whole, UTF-8 only, and clear refusals through the profile service. */
class LocalConfigFilesTest {
    @TempDir
    Path dir;
    private final LocalConfigFiles files = new LocalConfigFiles();

    @Test
    void ownerOnlyFilesAre0600EvenWhenReplacingAWiderFile() throws IOException {
        Path p = dir.resolve("secret.json");
        Files.writeString(p, "old");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-rw-rw-"));
        files.write(p.toString(), "new", true);
        assertEquals("new", Files.readString(p));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        files.write(p.toString(), "plain", false);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        try (var list = Files.list(dir)) {
            assertEquals(1, list.count(), "no temporary file left behind");
        }
    }

    @Test
    void writeIntoCreatesTheFolder() throws IOException {
        String written = files.writeInto(dir.resolve("a/b").toString(), "x.env", "A=1\n", false);
        assertEquals("A=1\n", Files.readString(Path.of(written)));
    }

    @Test
    void writingIntoAMissingFolderFailsAndLeavesNothing() {
        assertThrows(IOException.class, () -> files.write(dir.resolve("nope/p.json").toString(), "{}", false));
    }

    @Test
    void theProfileServiceRefusesMissingBinaryAndHugeFiles() throws IOException {
        ProfileService profiles = new ProfileService(files);
        assertTrue(refused(profiles.open(dir.resolve("missing.json").toString())).contains("no such file or folder"));
        Path binary = dir.resolve("bin.json");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1});
        assertTrue(refused(profiles.open(binary.toString())).contains("not readable as UTF-8 text"));
        Path huge = dir.resolve("huge.json");
        Files.write(huge, new byte[5 * 1024 * 1024]);
        assertTrue(refused(profiles.open(huge.toString())).contains("larger than 4096 KiB"));
    }

    private static String refused(ProfileLoad load) {
        return dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(assertInstanceOf(ProfileLoad.Refused.class, load).reason());
    }
}
