package dev.ssosetup.cli;

import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.RestorePolicy;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup restore}: puts a backup written by {@code push} back on the server (with the client secret the
 * server had masked), after backing up what is there now, and verifies it.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backed-up security configuration back on OpenMetadata (1.10 or later).",
                "The server masked the client secret in the backup: give it with --client-secret-file.",
                "If nobody can sign in any more: " + Backup.RECOVERY_COMMAND + ", then restart OpenMetadata."},
        footer = {"", "Lock-out guard (as for push): without a passed admin login test in this session, type",
                "(or pass with --accept-lockout-risk) exactly:",
                "  " + LockoutGuard.CONFIRMATION_PHRASE,
                "", "Exit codes: 0 restored and verified, 1 failed, 2 bad usage, 3 restored but verification failed."})
public final class RestoreCommand implements Callable<Integer> {
    private final PushEnvironment env;
    private final Messages messages = Messages.load();

    @Spec
    CommandSpec spec;

    @Mixin
    PushConnectionOptions connection = new PushConnectionOptions();

    @Option(names = "--backup", required = true, paramLabel = "FILE", description = "The backup file (JSON) to restore.")
    Path backupFile;

    @Option(names = "--allow-other-server", description = "Restore although the backup was taken from another URL, "
            + "or does not say where it was taken.")
    boolean otherServer;

    @Option(names = "--accept-lockout-risk", paramLabel = "PHRASE",
            description = "With --yes and no passed login test: the confirmation phrase, typed in full.")
    String acceptRisk;

    @Option(names = "--secret-file", paramLabel = "FIELD=FILE",
            description = "The real value of another secret field the server masked in the backup, e.g. "
                    + "authenticationConfiguration.ldapConfiguration.dnAdminPassword=FILE (repeatable).")
    Map<String, Path> secretFiles = new LinkedHashMap<>();

    /** The refusal in the command line's words: the fact, and the flag that is the way out. */
    static Text refusalText(RestorePolicy.Refusal refusal) {
        Text way = switch (refusal.reason()) {
            case OTHER_SERVER, UNKNOWN_SERVER -> Text.of("cli.restore.way.otherServer");
            case CLIENT_SECRET_MASKED -> Text.of("cli.restore.way.clientSecret");
            case FIELD_SECRET_MASKED -> Text.of("cli.restore.way.fieldSecret", refusal.text().args().getFirst());
        };
        return Text.of("push.restore.refused", refusal.text(), way);
    }

    public RestoreCommand(PushEnvironment env) {
        this(env, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --token-from-keychain} and {@code --client-secret-from-keychain}. */
    public RestoreCommand(PushEnvironment env,
                          java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this.env = env;
        connection.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        connection.keychainErr = err;
        try {
            BackupStore store = env.backupStores().apply(connection.backupFolder(env));
            Backup backup;
            try {
                backup = store.load(backupFile.toString());
            } catch (BackupStore.BackupException e) {
                throw new PushUsageException("--backup: " + messages.text(e.text()));
            }
            ServerAddress target = connection.address();
            Map<String, Secret> fieldSecrets = new LinkedHashMap<>();
            secretFiles.forEach((field, file) -> fieldSecrets.put(field,
                    PushConnectionOptions.readSecret(file, "--secret-file (" + field + ")")));
            Optional<RestorePolicy.Refusal> refusal = RestorePolicy.check(backup, new RestorePolicy.Request(target,
                    otherServer, connection.hasClientSecret(), fieldSecrets.keySet()));
            if (refusal.isPresent()) {
                throw new PushUsageException(messages.text(refusalText(refusal.get())));
            }
            OpenMetadataClient client = connection.client(env);
            dev.ssosetup.core.common.Secret clientSecret = connection.clientSecret(backup.configuration());
            PushService service = new PushService(store, env.clock());
            if (!connection.json) {
                out.println("Restoring the configuration backed up at " + backup.takenAt() + " from "
                        + (backup.serverUrl().isBlank() ? "an unnamed server" : backup.serverUrl()) + ".");
            }
            PushRun.Confirmation confirmation = PushRun.guarded(env.evidence().get(), acceptRisk,
                    "Restore this backup on " + target + " (the current configuration is backed up first)? "
                            + "Type yes to restore.");
            return new PushRun(env, out, err, connection.json).run(client, service,
                    listener -> service.planRestore(client, backup, clientSecret, fieldSecrets,
                            TaskContext.none(), listener), false, connection.yes, confirmation);
        } catch (PushUsageException e) {
            err.println("sso-setup restore: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
