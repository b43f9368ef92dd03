package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.ServerAddress;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The options {@code push} and {@code restore} share: where OpenMetadata is and how to authenticate. */
final class PushConnectionOptions {
    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "OpenMetadata's URL, e.g. https://openmetadata.example.com")
    String server;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "File holding the personal access token of an ADMIN user (OpenMetadata > your profile > "
                    + "Access Token). Bot tokens are never admins.")
    Path tokenFile;

    @Option(names = "--ca-file", paramLabel = "PEM", description = "Extra CA certificates (PEM) to trust for a "
            + "server with a private CA. TLS is always verified.")
    Path caFile;

    @Option(names = "--client-secret-file", paramLabel = "FILE",
            description = "File holding the OIDC client secret (confidential clients).")
    Path clientSecretFile;

    @Option(names = "--credentials-file", paramLabel = "FILE", description = CredentialsFileOption.DESCRIPTION
            + " Its secret is used as --client-secret-file's.")
    Path credentialsFile;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            description = "Where the backup of the live configuration is written (default: ~/.sso-setup-console/backups).")
    Path backupDir;

    @Option(names = "--yes", description = "Apply without asking.")
    boolean yes;

    @Option(names = "--json", description = "Print one JSON report instead of text.")
    boolean json;

    ServerAddress address() {
        try {
            return ServerAddress.parse(server);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("--server: " + e.getMessage());
        }
    }

    Secret token() {
        Secret token = readSecret(tokenFile, "--token-file");
        if (token.isEmpty()) {
            throw new PushUsageException("--token-file " + tokenFile + " is empty: put the admin's personal access "
                    + "token in it");
        }
        return token;
    }

    Secret clientSecret() {
        if (credentialsFile != null) {
            if (clientSecretFile != null) {
                throw new PushUsageException("--client-secret-file and --credentials-file both give a secret: give "
                        + "one of them");
            }
            try {
                return CredentialsFileOption.read(credentialsFile).clientSecret();
            } catch (IllegalArgumentException e) {
                throw new PushUsageException(e.getMessage());
            }
        }
        return clientSecretFile == null ? Secret.empty() : readSecret(clientSecretFile, "--client-secret-file");
    }

    OpenMetadataClient client(PushEnvironment env) {
        ServerAddress address = address();
        Secret token = token();
        java.util.Optional<byte[]> ca;
        try {
            ca = CaFileOption.read(caFile);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException(e.getMessage());
        }
        try {
            return new OpenMetadataClient(env.gateways().create(ca), address, token, HttpExchange.Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("--ca-file " + caFile + ": " + e.getMessage());
        }
    }

    Path backupFolder(PushEnvironment env) {
        return backupDir == null ? env.defaultBackupFolder() : backupDir;
    }

    /** Reads a secret file; the content never appears in any message. */
    static Secret readSecret(Path file, String option) {
        try {
            if (Files.size(file) > 64 * 1024) {
                throw new PushUsageException(option + " " + file + " is larger than 64 KiB: not a token or secret");
            }
            return Secret.of(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (NoSuchFileException e) {
            throw new PushUsageException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new PushUsageException(option + " " + file + ": cannot read it (" + FileProblem.why(e) + ")");
        }
    }
}
