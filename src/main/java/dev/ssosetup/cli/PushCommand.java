package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.task.TaskContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup push}: plan (connect, read, diff, validate) then apply (guard, back up, PUT, verify) a security
 * configuration on a running OpenMetadata 1.10+.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Apply the security configuration to a running OpenMetadata (1.10 or later), safely: connect, "
                + "read the live configuration, show the diff and validate; then, after confirmation, back up, PUT "
                + "and verify.",
                "A wrong configuration can lock every admin out: run the login test first."},
        footer = {"", "Lock-out guard: without a passed admin login test in this session, type",
                "(or pass with --accept-lockout-risk) exactly:",
                "  " + LockoutGuard.CONFIRMATION_PHRASE,
                "", "Exit codes: 0 applied and verified (or dry run passed), 1 failed, 2 bad usage,",
                "3 applied but verification failed."})
public final class PushCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest {@code --config} file read (1 MiB; a security configuration is a few KiB). */
    static final long CONFIG_MAX_BYTES = 1024 * 1024;
    private final PushEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    PushConnectionOptions connection = new PushConnectionOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dry-run", description = "Stop after validate: print the diff, change nothing.")
    boolean dryRun;

    @Option(names = "--accept-lockout-risk", paramLabel = "PHRASE",
            description = "With --yes and no passed login test: the confirmation phrase, typed in full.")
    String acceptRisk;

    /** Where the configuration comes from. */
    static final class Source {
        @Option(names = "--config", paramLabel = "FILE", required = true,
                description = "A SecurityConfiguration JSON file (authenticationConfiguration + authorizerConfiguration).")
        Path config;

        @Option(names = "--profile", paramLabel = "FILE", required = true,
                description = "A profile saved by the wizard; rendered like the Review step does.")
        Path profile;
    }

    public PushCommand(PushEnvironment env) {
        this(env, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --token-from-keychain} and {@code --client-secret-from-keychain}. */
    public PushCommand(PushEnvironment env, java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this.env = env;
        connection.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        connection.keychainErr = err;
        try {
            ObjectNode body = source.config != null ? readConfig(source.config) : renderProfile(source.profile);
            OpenMetadataClient client = connection.client(env);
            DesiredConfiguration desired = new DesiredConfiguration(body, connection.clientSecret(body));
            PushService service = new PushService(env.backupStores().apply(connection.backupFolder(env)), env.clock());
            LockoutEvidence evidence = env.evidence().get();
            PushRun.Confirmation confirmation = PushRun.guarded(evidence, acceptRisk,
                    "Apply this configuration to " + connection.server + "? Type yes to apply.");
            return new PushRun(env, out, err, connection.json).run(client, service,
                    listener -> service.plan(client, desired, TaskContext.none(), listener), dryRun, connection.yes,
                    confirmation);
        } catch (PushUsageException e) {
            err.println("sso-setup push: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    private ObjectNode renderProfile(Path profile) {
        if (env.profileRenderer().isEmpty()) {
            throw new PushUsageException("--profile is not available in this build yet: render the configuration "
                    + "(Review step or sso-setup review) and pass it with --config");
        }
        try {
            return env.profileRenderer().get().apply(profile);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("--profile " + profile + ": " + e.getMessage());
        }
    }

    static ObjectNode readConfig(Path file) {
        JsonNode node;
        byte[] content = PushConnectionOptions.readCapped(file, "--config", CONFIG_MAX_BYTES);
        try {
            node = JSON.readTree(content);
        } catch (IOException e) {
            // never the parser's message: it quotes the text it stopped at (a token given by mistake, say)
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                    ? " (line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr() + ")" : "";
            throw new PushUsageException("--config " + file + " is not JSON" + where + ": give the security "
                    + "configuration file (the Review step's JSON)");
        }
        if (!(node instanceof ObjectNode o) || !o.path("authenticationConfiguration").isObject()
                || !o.path("authorizerConfiguration").isObject()) {
            throw new PushUsageException("--config " + file + " is not a SecurityConfiguration: it needs "
                    + "\"authenticationConfiguration\" and \"authorizerConfiguration\" objects");
        }
        return o;
    }
}
