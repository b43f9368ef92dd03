package dev.ssosetup.infra.login;

import dev.ssosetup.core.login.BrowserOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The browser opener with real processes standing in for xdg-open: its exit codes decide the outcome. */
@DisabledOnOs(OS.WINDOWS)
class SystemBrowserOpenerTest {
    private static final URI URL = URI.create("http://127.0.0.1:9/authorize?state=x&nonce=y");

    private static String script(Path dir, String name, String body) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p.toString();
    }

    @Test
    void exitCodesOfXdgOpenAreReportedInWords(@TempDir Path dir) throws Exception {
        SystemBrowserOpener opener = new SystemBrowserOpener("Linux");
        Path seen = dir.resolve("seen");
        String ok = script(dir, "ok", "echo \"$1\" > " + seen);
        assertInstanceOf(BrowserOpener.Opened.class, opener.run(ok, URL));
        assertEquals(URL.toString(), Files.readString(seen).strip(), "the URL is passed as one argument");
        var none = assertInstanceOf(BrowserOpener.NotOpened.class, opener.run(script(dir, "n", "exit 3"), URL));
        assertTrue(none.reason().endsWith("found no browser"), none.reason());
        var failed = assertInstanceOf(BrowserOpener.NotOpened.class, opener.run(script(dir, "f", "exit 4"), URL));
        assertTrue(failed.reason().endsWith("could not open the browser"), failed.reason());
        var missing = assertInstanceOf(BrowserOpener.NotOpened.class,
                opener.run(dir.resolve("absent").toString(), URL));
        assertTrue(missing.reason().endsWith("is not installed"), missing.reason());
    }

    @Test
    void withoutADesktopEveryFailureIsReportedNotThrown() {
        // the tests run with java.awt.headless=true: the Desktop fallback must say no instead of throwing
        BrowserOpener.BrowserOutcome outcome = new SystemBrowserOpener("Windows 11").open(URL);
        var notOpened = assertInstanceOf(BrowserOpener.NotOpened.class, outcome);
        assertTrue(notOpened.reason().contains("cannot open a browser"), notOpened.reason());
    }
}
