package dev.ssosetup.app;

import dev.ssosetup.core.config.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile saved before issue 18 (version 1) still renders, as 1.10, and says that it was upgraded. */
class ProfileUpgradeCliTest {
    @TempDir
    Path dir;

    @Test
    void anOldProfileRendersAsOnePointTenAndSaysItWasUpgraded() throws Exception {
        Path old = Files.writeString(dir.resolve("old.json"), Samples.resource("/golden/sample-profile.json"));
        CommandLine cl = CompositionRoot.forCli().commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("render", "--profile", old.toString(), "--format", "json");
        assertEquals(0, code, out + "\n" + err);
        assertTrue(err.toString().contains("was upgraded") && err.toString().contains("1.10"), err.toString());
        assertFalse(out.toString().contains("\"sessionExpiry\" : 604800,\n  \"maxActiveSessionsPerUser\""));
        assertEquals(Samples.resource("/golden/confidential.security-config.json").replace(
                "REPLACE-WITH-CLIENT-SECRET", "REPLACE-WITH-CLIENT-SECRET"), out.toString().strip() + "\n",
                "the same body as before the change");
    }
}
