package dev.ssosetup.cli;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.push.AdminToken;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.ServerAddress;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The options {@code push} and {@code restore} share: where OpenMetadata is and how to authenticate. */
final class PushConnectionOptions {
    /** The largest token or secret file read (64 KiB). */
    static final long SECRET_MAX_BYTES = OperatorFiles.SECRET_MAX_BYTES;

    @Option(names = "--server", required = true, paramLabel = "URL",
            descriptionKey = "cli.opt.push.server")
    String server;

    @Option(names = "--token-file", paramLabel = "FILE",
            descriptionKey = "cli.opt.push.tokenFile")
    Path tokenFile;

    @Option(names = "--token-from-keychain", descriptionKey = "cli.opt.push.tokenFromKeychain")
    boolean tokenFromKeychain;

    @Option(names = "--client-secret-from-keychain", descriptionKey = "cli.opt.push.clientSecretFromKeychain")
    boolean clientSecretFromKeychain;

    /** Set by the command: where the keychain options read from. */
    KeychainOption keychain = new KeychainOption(KeychainOption.NOT_WIRED, KeychainOption.TERMINAL,
            CliMessages.english());
    /** Set by the command: where the files the options name are read (the composition root's, through the env). */
    OperatorFiles files;
    /** Set by the command: where a keychain problem is told. */
    java.io.PrintWriter keychainErr = new java.io.PrintWriter(java.io.Writer.nullWriter());

    @Option(names = "--ca-file", paramLabel = "PEM", descriptionKey = "cli.opt.caFile.server")
    Path caFile;

    @Option(names = "--client-secret-file", paramLabel = "FILE",
            descriptionKey = "cli.opt.push.clientSecretFile")
    Path clientSecretFile;

    @Option(names = "--credentials-file", paramLabel = "FILE", descriptionKey = "cli.opt.push.credentialsFile")
    Path credentialsFile;

    @Option(names = "--backup-dir", paramLabel = "DIR",
            descriptionKey = "cli.opt.push.backupDir")
    Path backupDir;

    @Option(names = "--yes", descriptionKey = "cli.opt.push.yes")
    boolean yes;

    @Option(names = "--json", descriptionKey = "cli.opt.push.json")
    boolean json;

    ServerAddress address() {
        try {
            return ServerAddress.parse(server);
        } catch (ServerAddress.InvalidServerAddress e) {
            throw new PushUsageException("cli.push.serverInvalid", e.text());
        }
    }

    /**
     * The admin token, read strictly ({@link AdminToken}): the one place a command gets it, so that another source
     * (a keychain) plugs in here.
     */
    Secret token() {
        if (tokenFromKeychain == (tokenFile != null)) {
            throw new PushUsageException("cli.push.tokenOneSource");
        }
        if (tokenFromKeychain) {
            try {
                return keychain.read(dev.ssosetup.core.secrets.SecretKey.adminToken(address()),
                        "--token-from-keychain", "--token-file FILE", keychainErr);
            } catch (KeychainOption.Failure e) {
                throw new PushUsageException(e.text());
            }
        }
        try {
            return AdminToken.fromBytes(readCapped(tokenFile, "--token-file", SECRET_MAX_BYTES),
                    "--token-file " + tokenFile);
        } catch (AdminToken.InvalidTokenException e) {
            throw new PushUsageException("cli.push.tokenInvalid", e.text());
        }
    }

    /** True when a client secret is given (a file, a credentials file or the keychain). */
    boolean hasClientSecret() {
        return clientSecretFile != null || credentialsFile != null || clientSecretFromKeychain;
    }

    /** The client secret of the configuration {@code body} (its issuer and client ID key the keychain entry). */
    Secret clientSecret(com.fasterxml.jackson.databind.JsonNode body) {
        if (clientSecretFromKeychain && (clientSecretFile != null || credentialsFile != null)) {
            throw new PushUsageException("cli.secret.oneSource");
        }
        if (!clientSecretFromKeychain) {
            return clientSecret();
        }
        dev.ssosetup.core.secrets.SecretKey key = dev.ssosetup.core.secrets.SecretKey.clientSecretOf(body)
                .orElseThrow(() -> new PushUsageException("cli.push.keychainNoIds"));
        try {
            return keychain.read(key, "--client-secret-from-keychain", "--client-secret-file FILE", keychainErr);
        } catch (KeychainOption.Failure e) {
            throw new PushUsageException(e.text());
        }
    }

    Secret clientSecret() {
        if (credentialsFile != null) {
            if (clientSecretFile != null) {
                throw new PushUsageException("cli.testLogin.bothSecrets");
            }
            try {
                return CredentialsFileOption.read(files, credentialsFile).clientSecret();
            } catch (CliProblem e) {
                throw new PushUsageException(e.text());
            }
        }
        return clientSecretFile == null ? Secret.empty() : readSecret(clientSecretFile, "--client-secret-file");
    }

    OpenMetadataClient client(PushEnvironment env) {
        ServerAddress address = address();
        Secret token = token();
        java.util.Optional<byte[]> ca;
        try {
            ca = CaFileOption.read(files, caFile);
        } catch (CliProblem e) {
            throw new PushUsageException(e.text());
        }
        try {
            return new OpenMetadataClient(env.gateways().create(ca), address, token, HttpExchange.Limits.DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("cli.caFile.refused", caFile.toString(), e.getMessage());
        }
    }

    Path backupFolder(PushEnvironment env) {
        return backupDir == null ? env.defaultBackupFolder() : backupDir;
    }

    /** Reads a secret file (UTF-8, at most 64 KiB, stripped); the content never appears in any message. */
    Secret readSecret(Path file, String option) {
        try {
            return Secret.of(files.readText(file.toString(), SECRET_MAX_BYTES).strip());
        } catch (Problem.ProblemException e) {
            throw refusal(e.problem(), file, option, SECRET_MAX_BYTES);
        }
    }

    /**
     * Reads a file the operator named, refusing one larger than {@code max} bytes before reading it; the content
     * never appears in any message.
     */
    byte[] readCapped(Path file, String option, long max) {
        try {
            return files.read(file.toString(), max);
        } catch (Problem.ProblemException e) {
            throw refusal(e.problem(), file, option, max);
        }
    }

    private static PushUsageException refusal(Problem problem, Path file, String option, long max) {
        return switch (problem.kind()) {
            case TOO_LARGE -> new PushUsageException(max == SECRET_MAX_BYTES ? "cli.push.fileTooLarge.secret"
                    : "cli.push.fileTooLarge.config", option, file.toString(), max / 1024);
            case NOT_FOUND -> new PushUsageException("cli.push.fileMissing", option, file.toString());
            default -> new PushUsageException("cli.push.fileUnreadable", option, file.toString(), problem.text());
        };
    }
}
