package dev.ssosetup.app;

import dev.ssosetup.core.diagnostics.LogSource;
import dev.ssosetup.infra.log.FileLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.logging.LogManager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code sso-setup diagnostics} and {@code --verbose} as wired by the composition root, with a real log file. */
class DiagnosticsCliTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        LogManager.getLogManager().reset();
    }

    private static String run(LogSource log, String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = CompositionRoot.forCli(log).commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    @Test
    void theReportNamesVersionsTheLogAndItsRedactedTail() {
        Path folder = dir.resolve("logs");
        LogSource log = FileLog.install(folder, false);
        System.getLogger("dev.ssosetup.test").log(System.Logger.Level.WARNING,
                "token endpoint refused client_secret=CANARYsecret99 for client om");
        String report = run(log, "diagnostics");
        assertTrue(report.contains("sso-setup: "), report);
        assertTrue(report.contains("java: " + Runtime.version()), report);
        assertTrue(report.contains("os: " + System.getProperty("os.name")), report);
        assertTrue(report.contains("log: " + folder.toAbsolutePath()), report);
        assertTrue(report.contains("token endpoint refused client_secret="), "the log's tail: " + report);
        assertTrue(report.contains("diagnostics ("), "the command itself was logged: " + report);
        assertFalse(report.contains("CANARYsecret99"), report);
    }

    @Test
    void verboseOnAnyCommandTurnsOnDebugDetail() {
        Path folder = dir.resolve("logs");
        LogSource log = FileLog.install(folder, false);
        run(log, "diagnostics", "--verbose");
        System.getLogger("dev.ssosetup.test").log(System.Logger.Level.DEBUG, "detail for support");
        assertTrue(String.join("\n", log.lastLines(20)).contains("detail for support"));
    }
}
