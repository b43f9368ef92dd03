package dev.ssosetup.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.push.DesiredConfiguration;
import dev.ssosetup.core.push.LoginEvidence;
import dev.ssosetup.core.push.PushException;
import dev.ssosetup.core.push.ServerVerdict;
import dev.ssosetup.core.push.ServerVersion;
import dev.ssosetup.core.push.VerdictRequest;
import dev.ssosetup.core.push.LockoutEvidence;
import dev.ssosetup.core.push.LockoutGuard;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.Plan;
import dev.ssosetup.core.push.PushService;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    @Option(names = "--login", description = "Run the login test first (the same as sso-setup test-login, with the "
            + "profile's provider settings; needs --profile) and use it as lock-out evidence; on OpenMetadata 2.0+ "
            + "the server's own verdict on that login is asked for too.")
    boolean login;

    @Option(names = "--no-browser", description = "With --login: do not open a browser; print the URL to open.")
    boolean noBrowser;

    @Option(names = "--port", paramLabel = "N", description = "With --login: the loopback port for the redirect "
            + "(default: any free port).")
    Integer loginPort;

    @Option(names = "--redirect-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "With --login: 127.0.0.1, localhost or [::1] (default: ${DEFAULT-VALUE}).")
    String redirectHost;

    @Option(names = "--login-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "With --login: how long the login test may take (default: ${DEFAULT-VALUE}).")
    int loginTimeout;

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
            if (!login && (noBrowser || loginPort != null)) {
                throw new PushUsageException("--no-browser and --port belong to --login");
            }
            OpenMetadataClient client = connection.client(env);
            PrintWriter talk = connection.json ? err : out;
            ObjectNode body;
            ProviderSettings provider = null;
            String keyId = "";
            if (source.config != null) {
                body = readConfig(source.config);
            } else if (env.extras().profiles().isPresent()) {
                PushEnvironment.TargetedProfile rendered = renderForServer(client, source.profile);
                body = rendered.body();
                provider = rendered.provider();
                keyId = rendered.keyId();
                rendered.notes().forEach(n -> talk.println("Note: " + n));
            } else {
                body = renderProfile(source.profile);
            }
            DesiredConfiguration desired = new DesiredConfiguration(body, connection.clientSecret(body));
            PushService service = new PushService(env.backupStores().apply(connection.backupFolder(env)), env.clock());
            LockoutEvidence evidence = env.evidence().get();
            VerdictRequest verdictRequest = VerdictRequest.none().with(keyId, "");
            if (login) {
                LoginTestResult result = runLogin(provider, talk);
                evidence = LoginEvidence.from(result, result.attempt().settings());
                verdictRequest = new VerdictRequest(result.idToken(), evidence).with(keyId,
                        String.valueOf(result.attempt().redirectUri()));
            }
            LockoutEvidence ours = evidence;
            VerdictRequest asked = verdictRequest;
            PushRun.Confirmation confirmation = new PushRun.Confirmation() {
                private boolean proven(Plan plan) {
                    return plan == null ? ours.provesAdminAccess() : plan.serverVerdict().map(v -> v.success() && v.admin()).orElse(ours.provesAdminAccess());
                }

                @Override
                public LockoutGuard.Decision decide(Plan plan, String typed) {
                    ServerVerdict verdict = plan.serverVerdict().orElse(null);
                    if (typed == null) {
                        return LockoutGuard.check(body, ours, verdict, acceptRisk);
                    }
                    LockoutGuard.Decision d = LockoutGuard.check(body, ours, verdict, typed);
                    boolean yesTyped = typed.strip().equalsIgnoreCase("yes");
                    if (proven(plan) && !yesTyped && !LockoutGuard.confirms(typed)) {
                        return new LockoutGuard.Decision(false, "The operator did not answer yes.");
                    }
                    return d;
                }

                @Override
                public String question() {
                    return question(null);
                }

                @Override
                public String question(Plan plan) {
                    return proven(plan)
                            ? "Apply this configuration to " + connection.server + "? Type yes to apply."
                            : "No passed admin login test in this session: this push can lock every admin out.\n"
                            + "To apply anyway, type exactly: " + LockoutGuard.CONFIRMATION_PHRASE;
                }
            };
            return new PushRun(env, out, err, connection.json).run(client, service,
                    listener -> service.plan(client, desired, asked, TaskContext.none(), listener), dryRun,
                    connection.yes, confirmation);
        } catch (PushUsageException e) {
            err.println("sso-setup push: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** The profile rendered for the version the server reports (when it can be read; else the profile's own). */
    private PushEnvironment.TargetedProfile renderForServer(OpenMetadataClient client, Path profile) {
        ServerVersion version;
        try {
            version = client.version();
        } catch (PushException e) {
            version = null; // the plan's connect step reports it
        }
        try {
            return env.extras().profiles().orElseThrow().render(profile, version);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("--profile " + profile + ": " + e.getMessage());
        }
    }

    /** {@code --login}: the same login test as {@code test-login}, with the profile's provider settings. */
    private LoginTestResult runLogin(ProviderSettings provider, PrintWriter talk) {
        if (provider == null) {
            throw new PushUsageException("--login needs --profile: the login test takes the provider settings from "
                    + "the profile");
        }
        LoginTest loginTest = env.extras().loginTest().orElseThrow(() -> new PushUsageException("--login is not "
                + "available in this build"));
        RedirectHost host = RedirectHost.parse(redirectHost).orElseThrow(() -> new PushUsageException(
                "--redirect-host: it is not 127.0.0.1, localhost or [::1]"));
        LoginOptions options = switch (LoginOptions.of(loginPort == null ? List.of() : List.of(loginPort),
                loginTimeout, host, !noBrowser, false)) {
            case LoginOptions.Parsed.Valid v -> v.options();
            case LoginOptions.Parsed.Invalid i -> throw new PushUsageException((i.field()
                    == LoginOptions.OptionField.PORTS ? "--port: " : "--login-timeout: ")
                    + Messages.load().text(i.problem()));
        };
        ProviderSettings settings = provider.toBuilder().clientSecret(connection.clientSecret()).build();
        Optional<byte[]> ca;
        try {
            ca = CaFileOption.read(connection.caFile);
        } catch (IllegalArgumentException e) {
            throw new PushUsageException(e.getMessage());
        }
        talk.println("Login test (the same as sso-setup test-login):");
        LoginTestResult result = loginTest.run(settings, options, ca, TestLoginCommand.printing(talk, options),
                TaskContext.none());
        talk.print(LoginReport.render(result, Messages.load()));
        talk.println();
        talk.flush();
        return result;
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
