package dev.ssosetup.cli;

import dev.ssosetup.core.text.Text;

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
import dev.ssosetup.core.push.DesiredFromModel;
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
@Command(name = "push", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = {"${bundle:cli.help.push.description.0}", "${bundle:cli.help.push.description.1}"},
        footer = {"", "${bundle:cli.help.guard.0}", "${bundle:cli.help.guard.1}",
                "  " + LockoutGuard.CONFIRMATION_PHRASE,
                "", "${bundle:cli.help.push.footer.0}", "${bundle:cli.help.push.footer.1}"})
public final class PushCommand implements Callable<Integer> {
    /** Built on first use: a command is constructed for every start of the command line (issue 20). */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    /** The largest {@code --config} file read (1 MiB; a security configuration is a few KiB). */
    static final long CONFIG_MAX_BYTES = 1024 * 1024;
    private final PushEnvironment env;

    @Spec
    CommandSpec spec;

    @Mixin
    PushConnectionOptions connection = new PushConnectionOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dry-run", descriptionKey = "cli.opt.push.dryRun")
    boolean dryRun;

    @Option(names = "--accept-lockout-risk", paramLabel = "PHRASE",
            descriptionKey = "cli.opt.push.acceptLockoutRisk")
    String acceptRisk;

    @Option(names = "--login", descriptionKey = "cli.opt.push.login")
    boolean login;

    @Option(names = "--no-browser", descriptionKey = "cli.opt.push.noBrowser")
    boolean noBrowser;

    @Option(names = "--port", paramLabel = "N", descriptionKey = "cli.opt.push.port")
    Integer loginPort;

    @Option(names = "--redirect-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            descriptionKey = "cli.opt.push.redirectHost")
    String redirectHost;

    @Option(names = "--login-timeout", paramLabel = "SECONDS", defaultValue = "180",
            descriptionKey = "cli.opt.push.loginTimeout")
    int loginTimeout;

    /** Where the configuration comes from. */
    static final class Source {
        @Option(names = "--config", paramLabel = "FILE", required = true,
                descriptionKey = "cli.opt.push.config")
        Path config;

        @Option(names = "--profile", paramLabel = "FILE", required = true,
                descriptionKey = "cli.opt.push.profile")
        Path profile;
    }

    private final CliMessages messages;

    public PushCommand(PushEnvironment env) {
        this(env, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --token-from-keychain} and {@code --client-secret-from-keychain}. */
    public PushCommand(PushEnvironment env, java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this(env, keychain, CliMessages.english());
    }

    /** With the system keychain and the command line's language. */
    public PushCommand(PushEnvironment env, java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain,
                       CliMessages messages) {
        this.env = env;
        this.messages = messages;
        connection.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL, messages);
        connection.files = env.files();
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        connection.keychainErr = err;
        try {
            if (!login && (noBrowser || loginPort != null)) {
                throw new PushUsageException("cli.push.loginOptionsAlone");
            }
            OpenMetadataClient client = connection.client(env);
            PrintWriter talk = connection.json ? err : out;
            ObjectNode body;
            ProviderSettings provider = null;
            String keyId = "";
            if (source.config != null) {
                body = readConfig(connection, source.config);
            } else if (env.extras().profiles().isPresent()) {
                PushEnvironment.TargetedProfile rendered = renderForServer(client, source.profile);
                body = rendered.body();
                provider = rendered.provider();
                keyId = rendered.keyId();
                rendered.notes().forEach(n -> talk.println(messages.get("cli.note", messages.render(n))));
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
                        return new LockoutGuard.Decision(false, Text.of("cli.push.notYes"));
                    }
                    return d;
                }

                @Override
                public String question() {
                    return question(null);
                }

                @Override
                public String question(Plan plan) {
                    return proven(plan) ? messages.get("cli.push.question", connection.server)
                            : messages.get("cli.push.questionRisky", LockoutGuard.CONFIRMATION_PHRASE);
                }
            };
            return new PushRun(env, out, err, connection.json, messages).run(client, service,
                    listener -> service.plan(client, desired, asked, TaskContext.none(), listener), dryRun,
                    connection.yes, confirmation);
        } catch (CliProblem e) {
            err.println(messages.get("cli.push.usage", messages.text(e.text())));
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
        ServerVersion known = version;
        return fromProfile(profile, () -> env.extras().profiles().orElseThrow().render(profile, known));
    }

    /** {@code --login}: the same login test as {@code test-login}, with the profile's provider settings. */
    private LoginTestResult runLogin(ProviderSettings provider, PrintWriter talk) {
        if (provider == null) {
            throw new PushUsageException("cli.push.loginNeedsProfile");
        }
        LoginTest loginTest = env.extras().loginTest().orElseThrow(() -> new PushUsageException(
                "cli.push.loginUnavailable"));
        RedirectHost host = RedirectHost.parse(redirectHost).orElseThrow(() -> new PushUsageException(
                "cli.redirectHost.unknown", redirectHost));
        LoginOptions options = switch (LoginOptions.of(loginPort == null ? List.of() : List.of(loginPort),
                loginTimeout, host, !noBrowser, false)) {
            case LoginOptions.Parsed.Valid v -> v.options();
            case LoginOptions.Parsed.Invalid i -> throw new PushUsageException(i.field()
                    == LoginOptions.OptionField.PORTS ? "cli.port.problem" : "cli.loginTimeout.problem", i.problem());
        };
        ProviderSettings settings = provider.toBuilder().clientSecret(connection.clientSecret()).build();
        Optional<byte[]> ca;
        try {
            ca = CaFileOption.read(env.files(), connection.caFile);
        } catch (CliProblem e) {
            throw new PushUsageException(e.text());
        }
        talk.println(messages.get("cli.push.loginTest"));
        LoginTestResult result = loginTest.run(settings, options, ca, TestLoginCommand.printing(talk, options, messages),
                TaskContext.none());
        talk.print(LoginReport.render(result, messages.messages()));
        talk.println();
        talk.flush();
        return result;
    }

    private ObjectNode renderProfile(Path profile) {
        if (env.profileRenderer().isEmpty()) {
            throw new PushUsageException("cli.push.profileUnavailable");
        }
        return fromProfile(profile, () -> env.profileRenderer().get().apply(profile));
    }

    /** What a profile renders to, or one refusal naming the profile and why (the same for --profile and --login). */
    private <T> T fromProfile(Path profile, java.util.function.Supplier<T> render) {
        try {
            return render.get();
        } catch (PushEnvironment.ProfileRefused e) {
            throw new PushUsageException("cli.push.profileRefused", profile.toString(), messages.render(e.reason()));
        } catch (DesiredFromModel.NotReady e) {
            throw new PushUsageException("cli.push.profileRefused", profile.toString(), messages.text(e.text()));
        } catch (IllegalArgumentException e) {
            throw new PushUsageException("cli.push.profileRefused", profile.toString(), e.getMessage());
        }
    }

    static ObjectNode readConfig(PushConnectionOptions connection, Path file) {
        JsonNode node;
        byte[] content = connection.readCapped(file, "--config", CONFIG_MAX_BYTES);
        try {
            node = Json.MAPPER.readTree(content);
        } catch (IOException e) {
            // never the parser's message: it quotes the text it stopped at (a token given by mistake, say)
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
                throw new PushUsageException("cli.push.configNotJsonAt", file.toString(), j.getLocation().getLineNr(),
                        j.getLocation().getColumnNr());
            }
            throw new PushUsageException("cli.push.configNotJson", file.toString());
        }
        if (!(node instanceof ObjectNode o) || !o.path("authenticationConfiguration").isObject()
                || !o.path("authorizerConfiguration").isObject()) {
            throw new PushUsageException("cli.push.configNotSecurity", file.toString());
        }
        return o;
    }
}
