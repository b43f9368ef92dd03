package dev.ssosetup.cli;

import dev.ssosetup.core.push.Backup;
import dev.ssosetup.core.push.BackupStore;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.push.ServerAddress;
import dev.ssosetup.core.task.TaskContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup restore}: puts a backup written by {@code push} back on the server (with the client secret the
 * server had masked), after backing up what is there now, and verifies it.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Put a backed-up security configuration back on OpenMetadata (1.10 or later).",
                "The server masked the client secret in the backup: give it with --client-secret-file.",
                "If nobody can sign in any more: " + Backup.RECOVERY_COMMAND + ", then restart OpenMetadata."},
        footer = {"", "Exit codes: 0 restored and verified, 1 failed, 2 bad usage, 3 restored but verification failed."})
public final class RestoreCommand implements Callable<Integer> {
    private final PushEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    PushConnectionOptions connection = new PushConnectionOptions();

    @Option(names = "--backup", required = true, paramLabel = "FILE", description = "The backup file (JSON) to restore.")
    Path backupFile;

    @Option(names = "--allow-other-server", description = "Restore although the backup was taken from another URL.")
    boolean otherServer;

    public RestoreCommand(PushEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            BackupStore store = env.backupStores().apply(connection.backupFolder(env));
            Backup backup;
            try {
                backup = store.load(backupFile.toString());
            } catch (BackupStore.BackupException e) {
                throw new PushUsageException("--backup: " + e.getMessage());
            }
            ServerAddress target = connection.address();
            if (!otherServer && !backup.serverUrl().isEmpty() && !backup.serverUrl().equals(target.toString())) {
                throw new PushUsageException("--backup was taken from " + backup.serverUrl() + ", not " + target
                        + ": pass --allow-other-server if you really mean to restore it here");
            }
            if (backup.needsClientSecret() && connection.clientSecretFile == null
                    && connection.credentialsFile == null) {
                throw new PushUsageException("the server masked the client secret in this backup: give the real "
                        + "secret with --client-secret-file (a masked value would break sign-in)");
            }
            OpenMetadataClient client = connection.client(env);
            PushService service = new PushService(store, env.clock());
            if (!connection.json) {
                out.println("Restoring the configuration backed up at " + backup.takenAt() + " from "
                        + backup.serverUrl() + ".");
            }
            PushRun.Confirmation confirmation = new PushRun.Confirmation() {
                @Override
                public LockoutGuard.Decision decide(Plan plan, String typed) {
                    boolean ok = typed == null || typed.strip().equalsIgnoreCase("yes");
                    return new LockoutGuard.Decision(ok, ok ? "restoring the backup of " + backup.takenAt()
                            + ", a configuration the server ran before" : "The operator did not answer yes.");
                }

                @Override
                public String question() {
                    return "Restore this backup on " + target + " (the current configuration is backed up first)? "
                            + "Type yes to restore.";
                }
            };
            return new PushRun(env, out, err, connection.json).run(client, service,
                    listener -> service.planRestore(client, backup, connection.clientSecret(), TaskContext.none(),
                            listener), false, connection.yes, confirmation);
        } catch (PushUsageException e) {
            err.println("sso-setup restore: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }
}
