package dev.ssosetup.app;

import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup render --out} never replaces a file silently: it refuses, names the files, and --force replaces. */
class RenderOverwriteCliTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = CompositionRoot.forCli().commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private String profile() throws IOException {
        Path p = dir.resolve("profile.json");
        Files.writeString(p, Samples.resource("/golden/sample-profile.json"));
        return p.toString();
    }

    @Test
    void anExistingFileIsKeptAndNothingIsWrittenWithoutForce() throws IOException {
        Path target = dir.resolve("out");
        Files.createDirectories(target);
        Path yaml = target.resolve(OutputFormat.YAML.fileName());
        Files.writeString(yaml, "# the operator's own edits\n");
        assertEquals(1, run("render", "--profile", profile(), "--all", "--out", target.toString()), err.toString());
        assertEquals("# the operator's own edits\n", Files.readString(yaml), "kept");
        assertTrue(err.toString().contains(OutputFormat.YAML.fileName()) && err.toString().contains("--force"),
                err.toString());
        for (OutputFormat f : OutputFormat.values()) {
            if (f != OutputFormat.YAML) {
                assertFalse(Files.exists(target.resolve(f.fileName())), "all or nothing: " + f.fileName());
            }
        }

        assertEquals(0, run("render", "--profile", profile(), "--all", "--out", target.toString(), "--force"),
                err.toString());
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
        assertEquals(1, run("render", "--profile", profile(), "--format", "json", "--out", target.toString()),
                err.toString());
        assertEquals("precious\n", Files.readString(elsewhere));
        assertTrue(Files.isSymbolicLink(target.resolve(OutputFormat.JSON.fileName())));
    }
}
