package dev.ssosetup.cli;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;

import java.nio.file.Path;
import java.util.Optional;

/** Reads the PEM file a command's {@code --ca-file} names, the same way for every command (through the port). */
final class CaFileOption {
    private CaFileOption() {
    }

    /**
     * @param caFile the option's value, or null when it was not given
     * @throws CliProblem with the operator's message (option, path, why, what to do)
     */
    static Optional<byte[]> read(OperatorFiles files, Path caFile) {
        if (caFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(files.read(caFile.toString(), OperatorFiles.CA_BUNDLE_MAX_BYTES));
        } catch (Problem.ProblemException e) {
            if (e.problem().kind() == Problem.Kind.TOO_LARGE) {
                throw new CliProblem("cli.caFile.tooLarge", caFile.toString());
            }
            throw new CliProblem("cli.caFile.unreadable", caFile.toString(), FileProblem.why(e));
        }
    }
}
