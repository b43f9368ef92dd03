package dev.ssosetup.ui.common;

import dev.ssosetup.core.text.Messages;
import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Why reading or writing a file the operator chose failed, in the operator's words (one rule for every step). */
public final class FileFailureText {
    private FileFailureText() {
    }

    public static String of(Throwable e, Messages messages) {
        if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return messages.get("common.file.missing");
        }
        if (e instanceof AccessDeniedException) {
            return messages.get("common.file.denied");
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
