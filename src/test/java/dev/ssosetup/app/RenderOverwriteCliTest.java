package dev.ssosetup.app;

import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.Samples;
import org.junit.jupiter.api.Test;
import dev.ssosetup.testing.CliSession;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup render --out} never replaces a file silently: it refuses, names the files, and --force replaces. */
class RenderOverwriteCliTest {
    @TempDir
    Path dir;
    private final CliSession cli = new CliSession(CompositionRootAccess::cli);

    private String profile() throws IOException {
        return Samples.profileFile(dir).toString();
    }

    @Test
    void anExistingFileIsKeptAndNothingIsWrittenWithoutForce() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Path yaml = target.resolve(OutputFormat.YAML.fileName());
        Files.writeString(yaml, "# the operator's own edits\n");
        assertEquals(1, cli.run("render", "--profile", profile(), "--all", "--out", target.toString()), cli.err());
        assertEquals("# the operator's own edits\n", Files.readString(yaml), "kept");
        assertTrue(cli.err().contains(OutputFormat.YAML.fileName()) && cli.err().contains("--force"),
                cli.err());
        for (OutputFormat f : OutputFormat.values()) {
            if (f != OutputFormat.YAML) {
                assertFalse(Files.exists(target.resolve(f.fileName())), "all or nothing: " + f.fileName());
            }
        }

        assertEquals(0, cli.run("render", "--profile", profile(), "--all", "--out", target.toString(), "--force"),
                cli.err());
        assertFalse(Files.readString(yaml).contains("the operator's own edits"), "replaced with --force");
        for (OutputFormat f : OutputFormat.values()) {
            assertTrue(Files.exists(target.resolve(f.fileName())), f.fileName());
        }
    }

    @Test
    void aLinkInThePlaceOfAnOutputIsNotFollowed() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Path elsewhere = dir.resolve("precious.txt");
        Files.writeString(elsewhere, "precious\n");
        Files.createSymbolicLink(target.resolve(OutputFormat.JSON.fileName()), elsewhere);
        assertEquals(1, cli.run("render", "--profile", profile(), "--format", "json", "--out", target.toString()),
                cli.err());
        assertEquals("precious\n", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(target.resolve(OutputFormat.JSON.fileName())));
    }
}
