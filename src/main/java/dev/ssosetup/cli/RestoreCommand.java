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
@Command(name = "restore", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = {"${bundle:cli.help.restore.description.0}", "${bundle:cli.help.restore.description.1}",
                "${bundle:cli.help.restore.description.2}", "  " + Backup.RECOVERY_COMMAND},
        footer = {"", "${bundle:cli.help.restore.guard}", "${bundle:cli.help.guard.1}",
                "  " + LockoutGuard.CONFIRMATION_PHRASE,
                "", "${bundle:cli.help.restore.footer}"})
public final class RestoreCommand implements Callable<Integer> {
    private final PushEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    PushConnectionOptions connection = new PushConnectionOptions();

    @Option(names = "--backup", required = true, paramLabel = "FILE", descriptionKey = "cli.opt.restore.backup")
    Path backupFile;

    @Option(names = "--allow-other-server", descriptionKey = "cli.opt.restore.allowOtherServer")
    boolean otherServer;

    @Option(names = "--accept-lockout-risk", paramLabel = "PHRASE",
            descriptionKey = "cli.opt.restore.acceptLockoutRisk")
    String acceptRisk;

    @Option(names = "--secret-file", paramLabel = "FIELD=FILE",
            descriptionKey = "cli.opt.restore.secretFile")
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
        this(env, keychain, CliMessages.english());
    }

    /** With the system keychain and the command line's language. */
    public RestoreCommand(PushEnvironment env,
                          java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain,
                          CliMessages messages) {
        this.env = env;
        this.messages = messages;
        connection.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL, messages);
        connection.files = env.files();
    }

    private final CliMessages messages;

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
                throw new PushUsageException("cli.restore.backupUnreadable", e.text());
            }
            ServerAddress target = connection.address();
            Map<String, Secret> fieldSecrets = new LinkedHashMap<>();
            secretFiles.forEach((field, file) -> fieldSecrets.put(field,
                    connection.readSecret(file, "--secret-file (" + field + ")")));
            Optional<RestorePolicy.Refusal> refusal = RestorePolicy.check(backup, new RestorePolicy.Request(target,
                    otherServer, connection.hasClientSecret(), fieldSecrets.keySet()));
            if (refusal.isPresent()) {
                throw new PushUsageException(refusalText(refusal.get()));
            }
            OpenMetadataClient client = connection.client(env);
            dev.ssosetup.core.common.Secret clientSecret = connection.clientSecret(backup.configuration());
            PushService service = new PushService(store, env.clock());
            if (!connection.json) {
                out.println(backup.serverUrl().isBlank()
                        ? messages.get("cli.restore.restoringUnnamed", java.util.Date.from(backup.takenAt()))
                        : messages.get("cli.restore.restoring", java.util.Date.from(backup.takenAt()),
                        backup.serverUrl()));
            }
            PushRun.Confirmation confirmation = PushRun.guarded(env.evidence().get(), acceptRisk,
                    messages.get("cli.restore.question", target.toString()), messages);
            return new PushRun(env, out, err, connection.json, messages).run(client, service,
                    listener -> service.planRestore(client, backup, clientSecret, fieldSecrets,
                            TaskContext.none(), listener), false, connection.yes, confirmation);
        } catch (CliProblem e) {
            err.println(messages.get("cli.restore.usage", messages.text(e.text())));
            return ExitCodes.USAGE;
        }
    }
}
