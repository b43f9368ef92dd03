package dev.ssosetup.infra.log;

import dev.ssosetup.core.diagnostics.LogSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.logging.LogManager;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log file: stack traces in, secrets and the console out, owner-only, rotated, DEBUG only when asked. */
class FileLogTest {
    private static final String TOKEN = "CANARYadminTOKEN4711abcdef";

    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        LogManager.getLogManager().reset();
    }

    private static String all(Path folder) throws IOException {
        StringBuilder b = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                b.append(Files.readString(p));
            }
        }
        return b.toString();
    }

    @Test
    void aFailureLeavesItsStackTraceButNotTheTokenAndNothingReachesTheConsole() throws IOException {
        Path folder = dir.resolve("logs");
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        System.setErr(new PrintStream(console, true));
        try {
            LogSource log = FileLog.install(folder, false);
            System.getLogger("dev.ssosetup.cli.PushCommand").log(System.Logger.Level.ERROR, "push failed",
                    new IllegalArgumentException("invalid header value: \"Bearer " + TOKEN + "\""));
            System.getLogger("dev.ssosetup.x").log(System.Logger.Level.DEBUG, "debug detail");
            String text = all(folder);
            assertTrue(text.contains("push failed"), text);
            assertTrue(text.contains("java.lang.IllegalArgumentException"), "the exception's class: " + text);
            assertTrue(text.contains("\tat dev.ssosetup.infra.log.FileLogTest"), "its stack trace: " + text);
            assertFalse(text.contains(TOKEN), "the token is redacted: " + text);
            assertFalse(text.contains("debug detail"), "DEBUG only with --verbose");
            assertEquals(folder.toAbsolutePath().toString(), log.location());
            assertTrue(log.lastLines(200).stream().anyMatch(l -> l.contains("push failed")));
        } finally {
            System.setErr(err);
        }
        assertEquals("", console.toString(), "nothing of the log reaches stderr");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rw-------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(FileLog.FILE))));
    }

    @Test
    void verboseAddsDebugDetail() throws IOException {
        Path folder = dir.resolve("logs");
        LogSource log = FileLog.install(folder, false);
        log.verbose(true);
        System.getLogger("dev.ssosetup.x").log(System.Logger.Level.DEBUG, "debug detail");
        assertTrue(all(folder).contains("debug detail"));
    }

    @Test
    void filesRotateAndTheTailSpansThem() throws IOException {
        Path folder = dir.resolve("logs");
        LogSource log = FileLog.install(folder, false);
        String filler = "x".repeat(1000);
        int lines = (int) (FileLog.LIMIT * (FileLog.KEEP + 2) / 1000);
        for (int i = 0; i < lines; i++) {
            System.getLogger("dev.ssosetup.x").log(System.Logger.Level.INFO, "line " + i + " " + filler);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> all = files.toList();
            assertEquals(FileLog.KEEP + 1, all.size(), () -> "current + kept: " + all);
            for (Path p : all) {
                assertTrue(Files.size(p) <= FileLog.LIMIT + 2000, p + " is over the limit");
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
        }
        List<String> tail = log.lastLines(3);
        assertEquals(3, tail.size());
        assertTrue(tail.get(2).contains("line " + (lines - 1) + " "), tail.get(2));
    }

    @Test
    void aFolderThatCannotBeMadeMeansNoLogNotACrash() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        LogSource log = FileLog.install(file.resolve("logs"), false);
        System.getLogger("dev.ssosetup.x").log(System.Logger.Level.ERROR, "goes nowhere");
        assertEquals("", log.location());
        assertEquals(List.of(), log.lastLines(10));
    }
}
