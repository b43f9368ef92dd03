package dev.ssosetup.ui.common;

import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Messages;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Why reading or writing a file the operator chose failed, in the operator's words: a {@link Problem} through the
 * bundle (the one rule every layer uses, ADR 0026).
 */
public final class FileFailureText {
    private FileFailureText() {
    }

    public static String of(Throwable e, Messages messages) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof IOException io) {
            return messages.text(Problem.of(io).text());
        }
        System.getLogger(FileFailureText.class.getName()).log(System.Logger.Level.WARNING, "file operation failed",
                e);
        return messages.get("wizard.error.unexpected", e.getClass().getSimpleName());
    }
}
