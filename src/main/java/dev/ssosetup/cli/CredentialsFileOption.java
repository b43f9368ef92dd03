package dev.ssosetup.cli;

import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.CredentialsFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --credentials-file F}: the provider's client credentials file (Google, Keycloak adapter, Okta/Auth0, plain),
 * read by {@link CredentialsFile}. The same rule for every command that takes a client ID or secret.
 */
final class CredentialsFileOption {
    private CredentialsFileOption() {
    }

    /** Reads and parses {@code file}; a problem is a {@link CliProblem} with the message to print. */
    static ClientCredentials read(Path file) {
        byte[] content;
        try (InputStream in = Files.newInputStream(file)) {
            content = in.readNBytes(CredentialsFile.MAX_BYTES + 1);
        } catch (IOException e) {
            throw new CliProblem("cli.credentialsFile.unreadable", file.toString(), FileProblem.why(e));
        }
        return switch (CredentialsFile.parse(file.toString(), content)) {
            case CredentialsFile.Read read -> read.credentials();
            case CredentialsFile.Refused refused -> throw new CliProblem("cli.credentialsFile.refused",
                    refused.message());
        };
    }
}
