package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.push.AdminToken;
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
    /** The largest token or secret file read (64 KiB). */
    static final long SECRET_MAX_BYTES = 64 * 1024;

    @Option(names = "--server", required = true, paramLabel = "URL",
            description = "OpenMetadata's URL, e.g. https://openmetadata.example.com")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the personal access token of an ADMIN user (OpenMetadata > your profile > "
                    + "Access Token). Bot tokens are never admins.")
    Path tokenFile;

    @Option(names = "--token-from-keychain", description = "Use the admin token remembered in the system keychain "
            + "for this --server (sso-setup secret store --server URL), instead of --token-file.")
    boolean tokenFromKeychain;

    @Option(names = "--client-secret-from-keychain", description = "Use the client secret remembered in the system "
            + "keychain for the configuration's issuer and client ID, instead of --client-secret-file.")
    boolean clientSecretFromKeychain;

    /** Set by the command: where the keychain options read from. */
    KeychainOption keychain = new KeychainOption(KeychainOption.NOT_WIRED, KeychainOption.TERMINAL);
    /** Set by the command: where a keychain problem is told. */
    java.io.PrintWriter keychainErr = new java.io.PrintWriter(java.io.Writer.nullWriter());

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

    /**
     * The admin token, read strictly ({@link AdminToken}): the one place a command gets it, so that another source
     * (a keychain) plugs in here.
     */
    Secret token() {
        if (tokenFromKeychain == (tokenFile != null)) {
            throw new PushUsageException("give the admin token with --token-file FILE or --token-from-keychain "
                    + "(one of them)");
        }
        if (tokenFromKeychain) {
            try {
                return keychain.read(dev.ssosetup.core.secrets.SecretKey.adminToken(address()),
                        "--token-from-keychain", "--token-file FILE", keychainErr);
            } catch (KeychainOption.Failure e) {
                throw new PushUsageException(e.getMessage());
            }
        }
        try {
            return AdminToken.fromBytes(readCapped(tokenFile, "--token-file", SECRET_MAX_BYTES),
                    "--token-file " + tokenFile);
        } catch (AdminToken.InvalidTokenException e) {
            throw new PushUsageException(e.getMessage());
        }
    }

    /** True when a client secret is given (a file, a credentials file or the keychain). */
    boolean hasClientSecret() {
        return clientSecretFile != null || credentialsFile != null || clientSecretFromKeychain;
    }

    /** The client secret of the configuration {@code body} (its issuer and client ID key the keychain entry). */
    Secret clientSecret(com.fasterxml.jackson.databind.JsonNode body) {
        if (clientSecretFromKeychain && (clientSecretFile != null || credentialsFile != null)) {
            throw new PushUsageException("give the client secret with --client-secret-file, --credentials-file or "
                    + "--client-secret-from-keychain, one of them");
        }
        if (!clientSecretFromKeychain) {
            return clientSecret();
        }
        dev.ssosetup.core.secrets.SecretKey key = dev.ssosetup.core.secrets.SecretKey.clientSecretOf(body)
                .orElseThrow(() -> new PushUsageException("--client-secret-from-keychain: the configuration names "
                        + "no issuer (authority) and client ID to look the secret up by"));
        try {
            return keychain.read(key, "--client-secret-from-keychain", "--client-secret-file FILE", keychainErr);
        } catch (KeychainOption.Failure e) {
            throw new PushUsageException(e.getMessage());
        }
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
        byte[] bytes = readCapped(file, option, SECRET_MAX_BYTES);
        try {
            return Secret.of(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString()
                    .strip());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new PushUsageException(option + " " + file + ": cannot read it (not UTF-8 text)");
        }
    }

    /**
     * Reads a file the operator named, refusing one larger than {@code max} bytes before reading it; the content
     * never appears in any message.
     */
    static byte[] readCapped(Path file, String option, long max) {
        try {
            if (Files.size(file) > max) {
                throw new PushUsageException(option + " " + file + " is larger than " + max / 1024 + " KiB: "
                        + (max == SECRET_MAX_BYTES ? "not a token or secret" : "not a security configuration"));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new PushUsageException(option + " " + file + ": no such file");
        } catch (IOException e) {
            throw new PushUsageException(option + " " + file + ": cannot read it (" + FileProblem.words(e) + ")");
        }
    }
}
