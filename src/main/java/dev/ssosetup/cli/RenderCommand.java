package dev.ssosetup.cli;

import dev.ssosetup.core.text.Messages;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.config.ConfigFiles;
import dev.ssosetup.core.config.HelmChartVersion;
import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.ProfileService;
import dev.ssosetup.core.config.Readiness;
import dev.ssosetup.core.config.ReadinessCheck;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.RenderedOutput;
import dev.ssosetup.core.config.Renderers;
import dev.ssosetup.core.config.ReviewProblem;
import dev.ssosetup.core.config.SchemaCheck;
import dev.ssosetup.core.config.SsoConfiguration;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code sso-setup render}: renders a saved profile into one deployment format (to stdout or a folder) or all of them
 * into a folder. Flags and printing only; the model, the checks and the renderers are in {@code core.config}.
 */
@Command(name = "render", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.render.description}",
        footer = {"", "${bundle:cli.help.render.footer}"})
public final class RenderCommand implements Callable<Integer> {
    private final ConfigFiles files;
    private final OperatorFiles operatorFiles;
    private final SchemaCheck schemaCheck;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE",
            descriptionKey = "cli.opt.render.profile")
    String profile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--format", paramLabel = "FORMAT", 
                descriptionKey = "cli.opt.render.format")
        String format;

        @Option(names = "--all", descriptionKey = "cli.opt.render.all")
        boolean all;
    }

    @Option(names = "--client-secret-file", paramLabel = "F",
            descriptionKey = "cli.opt.render.clientSecretFile")
    String clientSecretFile;

    @Option(names = "--credentials-file", paramLabel = "F", descriptionKey = "cli.opt.render.credentialsFile")
    java.nio.file.Path credentialsFile;

    @Option(names = "--out", paramLabel = "DIR", descriptionKey = "cli.opt.render.out")
    String out;

    @Option(names = "--force", descriptionKey = "cli.opt.render.force")
    boolean force;

    @Option(names = "--chart-version", paramLabel = "V", 
            completionCandidates = ChartVersions.class,
            descriptionKey = "cli.opt.render.chartVersion")
    String chartVersionText;

    @Option(names = "--client-secret-from-keychain", descriptionKey = "cli.opt.render.clientSecretFromKeychain")
    boolean clientSecretFromKeychain;

    private final KeychainOption keychain;
    private final CliMessages messages;

    /** {@code operatorFiles}: where {@code --credentials-file} is read. */
    public RenderCommand(ConfigFiles files, OperatorFiles operatorFiles, SchemaCheck schemaCheck) {
        this(files, operatorFiles, schemaCheck, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --client-secret-from-keychain}, in English. */
    public RenderCommand(ConfigFiles files, OperatorFiles operatorFiles, SchemaCheck schemaCheck,
                         java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this(files, operatorFiles, schemaCheck, keychain, CliMessages.english());
    }

    /** With the system keychain and the command line's language. */
    public RenderCommand(ConfigFiles files, OperatorFiles operatorFiles, SchemaCheck schemaCheck,
                         java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain,
                         CliMessages messages) {
        this.files = files;
        this.operatorFiles = java.util.Objects.requireNonNull(operatorFiles);
        this.schemaCheck = schemaCheck;
        this.messages = messages;
        this.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL, messages);
    }

    /** One line on stderr, {@code sso-setup render: <text>}. */
    private void fail(PrintWriter err, String key, Object... args) {
        err.println(messages.get("cli.render.problem", messages.text(dev.ssosetup.core.text.Text.of(key, args))));
    }

    /** {@code --format}: json|yaml|env|helm|collate, or a usage error listing them. */
    private OutputFormat format() {
        return OutputFormat.fromCliName(choice.format).orElseThrow(() -> new ParameterException(spec.commandLine(),
                messages.get("cli.render.formatUnknown", choice.format, Arrays.stream(OutputFormat.values())
                        .map(OutputFormat::cliName).collect(Collectors.joining(", ")))));
    }

    /** {@code --chart-version}: a known chart version ({@code 1.13.1}), or a usage error listing them. */
    private HelmChartVersion chartVersion() {
        return chartVersionText == null ? null : HelmChartVersion.fromText(chartVersionText).orElseThrow(() ->
                new ParameterException(spec.commandLine(), messages.get("cli.render.chartUnknown", chartVersionText,
                        HelmChartVersion.knownList())));
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        OutputFormat chosen = choice.all ? null : format();
        HelmChartVersion chartVersion = chartVersion();
        PrintWriter stdout = spec.commandLine().getOut();
        if (choice.all && out == null) {
            fail(err, "cli.render.allNeedsOut");
            return ExitCodes.USAGE;
        }
        SsoConfiguration configuration;
        switch (new ProfileService(files).open(profile)) {
            case ProfileLoad.Refused refused -> {
                err.println(messages.get("cli.render.problem", messages.render(refused.reason())));
                return ExitCodes.FAILED;
            }
            case ProfileLoad.Loaded loaded -> {
                configuration = loaded.profile().configuration();
                loaded.notes().forEach(n -> err.println(messages.get("cli.note", messages.render(n)))); // e.g. an older profile was upgraded
            }
        }
        boolean collate = configuration.provider().collate();
        if (collate && !choice.all && chosen != OutputFormat.COLLATE) {
            fail(err, "cli.render.collateOnly", chosen.cliName());
            return ExitCodes.USAGE;
        }
        if (credentialsFile != null) {
            if (clientSecretFile != null) {
                fail(err, "cli.testLogin.bothSecrets");
                return ExitCodes.USAGE;
            }
            dev.ssosetup.core.provider.ClientCredentials credentials;
            try {
                credentials = CredentialsFileOption.read(operatorFiles, credentialsFile);
            } catch (CliProblem e) {
                err.println(messages.get("cli.render.problem", messages.text(e.text())));
                return ExitCodes.USAGE;
            }
            String profileId = configuration.provider().clientId().strip();
            if (!profileId.isEmpty() && !profileId.equals(credentials.clientId())) {
                fail(err, "cli.render.otherClient", credentialsFile.toString(), credentials.clientId(), profileId);
                return ExitCodes.USAGE;
            }
            if (credentials.clientSecret().isEmpty()) {
                fail(err, "cli.render.noSecret", credentialsFile.toString());
                return ExitCodes.USAGE;
            }
            configuration = configuration.withProvider(configuration.provider().toBuilder()
                    .clientId(credentials.clientId()).clientSecret(credentials.clientSecret()).build());
        }
        if (clientSecretFromKeychain && (clientSecretFile != null || credentialsFile != null)) {
            fail(err, "cli.secret.oneSource");
            return ExitCodes.USAGE;
        }
        boolean includeSecret = clientSecretFile != null || clientSecretFromKeychain || credentialsFile != null;
        if (clientSecretFromKeychain) {
            var provider = configuration.provider();
            if (!dev.ssosetup.core.secrets.SecretKey.canKeyClientSecret(provider.issuer(), provider.clientId())) {
                fail(err, "cli.render.keychainNoIds");
                return ExitCodes.USAGE;
            }
            try {
                configuration = configuration.withClientSecret(keychain.read(
                        dev.ssosetup.core.secrets.SecretKey.clientSecret(provider.issuer(), provider.clientId()),
                        "--client-secret-from-keychain", "--client-secret-file F", err));
            } catch (KeychainOption.Failure e) {
                err.println(messages.get("cli.render.problem", messages.text(e.text())));
                return ExitCodes.USAGE;
            }
        } else if (clientSecretFile != null) {
            String secret;
            try {
                secret = files.read(clientSecretFile).strip();
            } catch (IOException e) {
                fail(err, "cli.render.secretFileUnreadable", clientSecretFile);
                return ExitCodes.USAGE;
            }
            if (secret.isEmpty() || secret.contains("\n")) {
                fail(err, "cli.render.secretFileLines");
                return ExitCodes.USAGE;
            }
            configuration = configuration.withClientSecret(Secret.of(secret));
        }

        Readiness readiness = new ReadinessCheck(schemaCheck).evaluate(configuration);
        for (ReviewProblem p : readiness.problems()) {
            if (!p.isError() && !(includeSecret && p.finding().id().equals("client-secret-missing"))) {
                err.println(messages.get("cli.render.warning", p.stepId(), line(p)));
            }
        }
        if (!readiness.ready()) {
            fail(err, "cli.render.invalid");
            readiness.errors().forEach(p -> err.println("  " + messages.get("cli.render.error", p.stepId(), line(p))));
            return ExitCodes.FAILED;
        }

        Renderers renderers = new Renderers();
        RenderOptions options = new RenderOptions(includeSecret, chartVersion).withMessages(messages.messages());
        List<OutputFormat> formats = collate ? List.of(OutputFormat.COLLATE)
                : choice.all ? List.of(OutputFormat.values()) : List.of(chosen);
        if (out != null && !force) {
            List<String> clash = files.existing(out, formats.stream().map(OutputFormat::fileName).toList());
            if (!clash.isEmpty()) {
                fail(err, "cli.render.clash", out, String.join(", ", clash), clash.size());
                return ExitCodes.FAILED;
            }
        }
        for (OutputFormat f : formats) {
            RenderedOutput rendered = renderers.render(f, configuration, options);
            if (out == null) {
                stdout.print(rendered.text());
                stdout.flush();
                continue;
            }
            try {
                String path = files.writeInto(out, f.fileName(), rendered.text(), rendered.holdsSecret(), force);
                stdout.println(rendered.holdsSecret()
                        ? messages.get("cli.render.wroteSecret", path, messages.render(files.ownerOnlyNote()))
                        : messages.get("cli.render.wrote", path));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                fail(err, "cli.render.appeared", f.fileName(), out);
                return ExitCodes.FAILED;
            } catch (IOException e) {
                fail(err, "cli.render.cannotWrite", f.fileName(), out, FileProblem.why(e));
                return ExitCodes.FAILED;
            }
        }
        return ExitCodes.OK;
    }

    private String line(ReviewProblem p) {
        return p.finding().id() + ": " + messages.render(p.finding().message()) + " "
                + messages.render(p.finding().hint());
    }

    /** The known chart versions as the flag takes them, for the help text. */
    static final class ChartVersions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return HelmChartVersion.known().stream().map(HelmChartVersion::text).iterator();
        }
    }
}
