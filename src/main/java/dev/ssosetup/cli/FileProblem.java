package dev.ssosetup.cli;

import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Text;

import java.io.IOException;

/** Why a file the operator named could not be read: the one {@link Problem} rule (ADR 0026), never a Java name. */
final class FileProblem {
    private FileProblem() {
    }

    static Text why(IOException e) {
        return Problem.of(e).text();
    }
}
