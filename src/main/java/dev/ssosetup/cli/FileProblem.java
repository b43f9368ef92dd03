package dev.ssosetup.cli;

import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.io.IOException;

/** Why a file the operator named could not be read: the one {@link Problem} rule (ADR 0026), never a Java name. */
final class FileProblem {
    private FileProblem() {
    }

    static Text why(IOException e) {
        return Problem.of(e).text();
    }

    /** {@link #why} in words, in the system's language (until the command line's own language is wired). */
    static String words(IOException e) {
        return Messages.load().text(why(e));
    }
}
