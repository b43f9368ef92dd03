package dev.ssosetup.build;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The schemas inside the app are byte-for-byte OpenMetadata's (ADR 0004). */
class SchemaCopyTest {
    private static final Path RESOURCES = Path.of("src/main/resources/openmetadata");

    @Test
    void theBundledSchemasEqualTheSharedOnes() throws IOException {
        compare("schema");
    }

    /** ADR 0024: the 2.0 set, the same way (every file of it is needed: bodies, answers, validate-token). */
    @Test
    void theBundledTwoPointZeroSchemasEqualTheSharedOnes() throws IOException {
        compare("schema-2.0");
    }

    private static void compare(String folder) throws IOException {
        Path shared = Path.of(System.getProperty("sso.setup.sharedDir", "../shared"), "openmetadata", folder);
        Assumptions.assumeTrue(Files.isDirectory(shared), "no ../shared/openmetadata/" + folder + " beside the clone");
        Path copy = RESOURCES.resolve(folder);
        List<Path> sharedFiles = files(shared);
        assertFalse(sharedFiles.isEmpty());
        assertEquals(sharedFiles, files(copy), "same file list");
        for (Path rel : sharedFiles) {
            assertArrayEquals(Files.readAllBytes(shared.resolve(rel)), Files.readAllBytes(copy.resolve(rel)),
                    "differs: " + rel + " (copy ../shared/openmetadata/" + folder + " again)");
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
