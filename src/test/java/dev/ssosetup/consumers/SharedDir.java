package dev.ssosetup.consumers;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's facts about OpenMetadata beside the clone ({@code ../shared}, or the system property
 * {@code sso.setup.sharedDir}). A test that needs a part of it that is absent is skipped with a message naming what is
 * missing, so a fresh clone without {@code ../shared} still passes; {@code .ci/run} refuses to run without it.
 */
public final class SharedDir {
    private SharedDir() {
    }

    public static Path root() {
        return Path.of(System.getProperty("sso.setup.sharedDir", "../shared"));
    }

    /** {@code relative} below {@code <shared>/openmetadata}; skips the calling test when it is not there. */
    public static Path require(String relative) {
        Path p = root().resolve("openmetadata").resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "skipped: " + p.toAbsolutePath().normalize()
                + " is missing (OpenMetadata's facts are expected in ../shared beside the clone, or set "
                + "-Dsso.setup.sharedDir)");
        return p;
    }
}
