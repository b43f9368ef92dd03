package dev.ssosetup.core.common;

import dev.ssosetup.core.text.Text;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Why reading or writing a file (or reaching a resource) failed, as a value: a kind and its arguments, in words
 * through the bundle ({@code problem.<KIND>}). The one way every layer describes a file problem (ADR 0026): infra
 * adapters, view models and the CLI turn an {@link IOException} into a {@code Problem} with {@link #of(IOException)}
 * and put its {@link #text()} into their own sentence ("Cannot read the profile {0}: {1}"); none words it itself.
 *
 * <p>Core names the exception types of {@code java.nio.file} here to tell them apart; it never touches a file.
 */
public record Problem(Kind kind, List<Object> args) {
    /** What went wrong. */
    public enum Kind {
        /** No such file or folder. */
        NOT_FOUND,
        /** The operating system refused access. */
        NO_PERMISSION,
        /** A file is already there (nothing is overwritten silently). */
        EXISTS,
        /** The disk (or the quota) is full. */
        DISK_FULL,
        /** Larger than the limit (argument: the limit in KiB). */
        TOO_LARGE,
        /** Read, but not readable as what it should be (argument: an {@link As}). */
        NOT_READABLE_AS,
        /** A part of the path is not a folder. */
        NOT_A_FOLDER,
        /** A folder where a file was expected, or a folder that is not empty. */
        IS_A_FOLDER,
        /** The operating system's own reason (argument: its words, e.g. "Read-only file system"). */
        SYSTEM,
        /** Nothing more is known (argument: the message of the failure, or empty). */
        UNKNOWN
    }

    /** What a file should have been readable as, shown through {@code enum.As.<NAME>}. */
    public enum As { UTF8_TEXT, JSON, PEM, BACKUP, PROFILE, KEY }

    public Problem {
        Objects.requireNonNull(kind);
        args = List.copyOf(args);
    }

    private static Problem of(Kind kind, Object... args) {
        return new Problem(kind, Arrays.asList(args));
    }

    public static Problem notFound() {
        return of(Kind.NOT_FOUND);
    }

    public static Problem noPermission() {
        return of(Kind.NO_PERMISSION);
    }

    public static Problem exists() {
        return of(Kind.EXISTS);
    }

    /** @param limitBytes the largest size accepted */
    public static Problem tooLarge(long limitBytes) {
        return of(Kind.TOO_LARGE, limitBytes / 1024);
    }

    /** A folder where a file was expected. */
    public static Problem isAFolder() {
        return of(Kind.IS_A_FOLDER);
    }

    public static Problem notReadableAs(As what) {
        return of(Kind.NOT_READABLE_AS, what);
    }

    /** The operator's words for this problem. */
    public Text text() {
        return new Text("problem." + kind.name(), args);
    }

    /**
     * What {@code e} means: by its type where Java tells (no such file, access denied, a file in the way, not a
     * folder, not UTF-8), a full disk by the operating system's reason, else the operating system's words.
     */
    public static Problem of(IOException e) {
        return switch (e) {
            case ProblemException p -> p.problem();
            case NoSuchFileException n -> notFound();
            case FileNotFoundException f -> notFound();
            case AccessDeniedException a -> noPermission();
            case FileAlreadyExistsException f -> exists();
            case NotDirectoryException n -> of(Kind.NOT_A_FOLDER);
            case DirectoryNotEmptyException d -> of(Kind.IS_A_FOLDER);
            case CharacterCodingException c -> notReadableAs(As.UTF8_TEXT);
            case FileSystemException fs when fs.getReason() != null -> fromReason(fs.getReason());
            default -> e.getMessage() == null ? of(Kind.UNKNOWN, "") : fromReason(e.getMessage());
        };
    }

    private static Problem fromReason(String reason) {
        String r = reason.toLowerCase(Locale.ROOT);
        if (r.contains("no space left") || r.contains("not enough space") || r.contains("quota exceeded")) {
            return of(Kind.DISK_FULL);
        }
        if (r.contains("is a directory")) {
            return of(Kind.IS_A_FOLDER);
        }
        return of(Kind.SYSTEM, reason);
    }

    /** An {@link IOException} that already knows its {@link Problem} (e.g. a file over its size limit). */
    public static final class ProblemException extends IOException {
        private final transient Problem problem;

        public ProblemException(Problem problem) {
            super("Problem." + problem.kind(), null); // for a log; the operator sees problem()
            this.problem = Objects.requireNonNull(problem);
        }

        public Problem problem() {
            return problem;
        }
    }
}
