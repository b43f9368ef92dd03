package dev.ssosetup.cli;

import dev.ssosetup.core.text.Text;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Why a file the operator named could not be read, in words (never a Java exception name). */
final class FileProblem {
    private FileProblem() {
    }

    static Text why(IOException e) {
        if (e instanceof NoSuchFileException) {
            return Text.of("cli.file.noSuchFile");
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return Text.of("cli.file.notUtf8");
        }
        if (e instanceof AccessDeniedException) {
            return Text.of("cli.file.accessDenied");
        }
        if (e instanceof NotDirectoryException) {
            return Text.of("cli.file.notDirectory");
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return Text.of("cli.file.system", fs.getReason()); // the operating system's words, e.g. "Is a directory"
        }
        return Text.of("cli.file.cannotRead");
    }
}
