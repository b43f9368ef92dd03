package dev.ssosetup.cli;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.CredentialsFile;

import java.nio.file.Path;

/**
 * {@code --credentials-file F}: the provider's client credentials file (Google, Keycloak adapter, Okta/Auth0, plain),
 * read by {@link CredentialsFile} through the {@link OperatorFiles} port. The same rule for every command that takes
 * a client ID or secret.
 */
final class CredentialsFileOption {
    private CredentialsFileOption() {
    }

    /** Reads and parses {@code file}; a problem is a {@link CliProblem} with the message to print. */
    static ClientCredentials read(OperatorFiles files, Path file) {
        CredentialsFile.Result result;
        try {
            result = CredentialsFile.read(files, file.toString(), file.toString());
        } catch (Problem.ProblemException e) {
            throw new CliProblem("cli.credentialsFile.unreadable", file.toString(), FileProblem.why(e));
        }
        return switch (result) {
            case CredentialsFile.Read read -> read.credentials();
            case CredentialsFile.Refused refused -> throw new CliProblem("cli.credentialsFile.refused",
                    refused.message());
        };
    }
}
