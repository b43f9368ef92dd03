package dev.ssosetup.core.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every format rendered from the sample profile equals its golden file under {@code src/test/resources/golden/}.
 * After an intended change, regenerate with {@code -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
    private final Renderers renderers = new Renderers();

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void confidentialSampleMatchesGolden(OutputFormat format) throws IOException {
        compare("confidential." + format.fileName(),
                renderers.render(format, Samples.confidential(), RenderOptions.withoutSecret()).text());
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void publicSampleMatchesGolden(OutputFormat format) throws IOException {
        compare("public." + format.fileName(),
                renderers.render(format, Samples.publicClient(), RenderOptions.withoutSecret()).text());
    }

    private static void compare(String name, String actual) throws IOException {
        Path file = Path.of("src/test/resources/golden", name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, "golden file " + name);
    }
}
