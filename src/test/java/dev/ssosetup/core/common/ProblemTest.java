package dev.ssosetup.core.common;

import dev.ssosetup.core.text.Messages;
import org.junit.jupiter.api.Test;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One rule for file problems (ADR 0026): what an IOException means, as a kind and a key. */
class ProblemTest {
    private final Messages english = Messages.forLocale(Locale.ENGLISH);
    private final Messages german = Messages.forLocale(Locale.GERMAN);

    @Test
    void theJavaExceptionsBecomeKinds() {
        assertEquals(Problem.Kind.NOT_FOUND, Problem.of(new NoSuchFileException("/x")).kind());
        assertEquals(Problem.Kind.NOT_FOUND, Problem.of(new FileNotFoundException("/x")).kind());
        assertEquals(Problem.Kind.NO_PERMISSION, Problem.of(new AccessDeniedException("/x")).kind());
        assertEquals(Problem.Kind.EXISTS, Problem.of(new FileAlreadyExistsException("/x")).kind());
        assertEquals(Problem.Kind.NOT_A_FOLDER, Problem.of(new NotDirectoryException("/x")).kind());
        assertEquals(Problem.Kind.NOT_READABLE_AS, Problem.of(new MalformedInputException(1)).kind());
        assertEquals(List.of(Problem.As.UTF8_TEXT), Problem.of(new MalformedInputException(1)).args());
        assertEquals(Problem.Kind.DISK_FULL, Problem.of(new IOException("No space left on device")).kind());
        assertEquals(Problem.Kind.DISK_FULL, Problem.of(new FileSystemException("/x", null,
                "No space left on device")).kind());
        Problem other = Problem.of(new FileSystemException("/x", null, "Read-only file system"));
        assertEquals(Problem.Kind.SYSTEM, other.kind());
        assertEquals(List.of("Read-only file system"), other.args());
        assertEquals(Problem.Kind.UNKNOWN, Problem.of(new IOException()).kind());
        Problem known = Problem.tooLarge(4L * 1024 * 1024);
        assertEquals(known, Problem.of(new Problem.ProblemException(known)));
    }

    @Test
    void aRealFailureIsNamedInTheOperatorsWordsNotJavas(@org.junit.jupiter.api.io.TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> Files.readString(dir.resolve("missing.json")));
        Problem p = Problem.of(e);
        assertEquals("problem.NOT_FOUND", p.text().key());
        String words = english.text(p.text());
        assertEquals("no such file or folder", words);
        assertFalse(words.contains("Exception"), words);
        IOException folder = assertThrows(IOException.class, () -> Files.readString(dir));
        String said = english.text(Problem.of(folder).text());
        assertFalse(said.contains("Exception"), said);
    }

    @Test
    void everyKindHasWordsInEnglishAndGerman() {
        for (Problem.Kind kind : Problem.Kind.values()) {
            Problem p = new Problem(kind, kind == Problem.Kind.TOO_LARGE ? List.of(1024L)
                    : kind == Problem.Kind.NOT_READABLE_AS ? List.of(Problem.As.PEM)
                    : kind == Problem.Kind.SYSTEM ? List.of("why") : List.of());
            String en = english.text(p.text());
            String de = german.text(p.text());
            assertFalse(en.startsWith("problem."), en);
            assertFalse(en.equals(de), kind + " is translated: " + de);
        }
        assertTrue(english.text(Problem.tooLarge(4L * 1024 * 1024).text()).contains("4096 KiB"));
    }
}
