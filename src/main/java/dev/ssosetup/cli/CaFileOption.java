package dev.ssosetup.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the PEM file a command's {@code --ca-file} names, the same way for every command. */
final class CaFileOption {
    private static final long MAX_BYTES = 1024 * 1024;

    private CaFileOption() {
    }

    /**
     * @param caFile the option's value, or null when it was not given
     * @throws CliProblem with the operator's message (option, path, why, what to do)
     */
    static Optional<byte[]> read(Path caFile) {
        if (caFile == null) {
            return Optional.empty();
        }
        try {
            if (Files.size(caFile) > MAX_BYTES) {
                throw new CliProblem("cli.caFile.tooLarge", caFile.toString());
            }
            return Optional.of(Files.readAllBytes(caFile));
        } catch (IOException e) {
            throw new CliProblem("cli.caFile.unreadable", caFile.toString(), FileProblem.why(e));
        }
    }
}
