package dev.ssosetup.cli;

import dev.ssosetup.core.text.Messages;

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
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

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
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Render a saved profile as security-config.json, an openmetadata.yaml fragment, a Docker "
                + ".env, Helm values or the Collate hand-off sheet. The configuration is checked first (the JSON "
                + "against OpenMetadata's own schema); nothing is written when it is invalid.",
        footer = {"", "Exit codes: 0 rendered, 1 the profile or configuration is invalid (reasons on stderr), "
                + "2 bad usage."})
public final class RenderCommand implements Callable<Integer> {
    private final ConfigFiles files;
    private final SchemaCheck schemaCheck;
    private final Messages messages = Messages.load();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "FILE",
            description = "The saved profile (Save profile in the wizard's Review step).")
    String profile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
                description = "One of: json, yaml, env, helm, collate.")
        OutputFormat format;

        @Option(names = "--all", description = "Every format (needs --out).")
        boolean all;
    }

    @Option(names = "--client-secret-file", paramLabel = "F",
            description = "Read the client secret from this file and put it into the formats that need it "
                    + "(json, yaml, env); without it they carry a placeholder. Files holding it are written "
                    + "owner-only (0600, or an owner-only ACL on Windows).")
    String clientSecretFile;

    @Option(names = "--credentials-file", paramLabel = "F", description = CredentialsFileOption.DESCRIPTION
            + " Its secret is used as --client-secret-file's; its client ID must be the profile's.")
    java.nio.file.Path credentialsFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Write into this folder instead of stdout. Existing "
            + "files are never replaced without --force.")
    String out;

    @Option(names = "--force", description = "Replace files that already exist in --out.")
    boolean force;

    @Option(names = "--chart-version", paramLabel = "V", converter = ChartVersionConverter.class,
            completionCandidates = ChartVersions.class,
            description = "The version of OpenMetadata's openmetadata Helm chart the Helm values target "
                    + "(default: the newest known). Known: ${COMPLETION-CANDIDATES}.")
    HelmChartVersion chartVersion;

    @Option(names = "--client-secret-from-keychain", description = "Use the client secret remembered in the system "
            + "keychain for the profile's issuer and client ID (sso-setup secret store), instead of "
            + "--client-secret-file.")
    boolean clientSecretFromKeychain;

    private final KeychainOption keychain;

    public RenderCommand(ConfigFiles files, SchemaCheck schemaCheck) {
        this(files, schemaCheck, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --client-secret-from-keychain}. */
    public RenderCommand(ConfigFiles files, SchemaCheck schemaCheck,
                         java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this.files = files;
        this.schemaCheck = schemaCheck;
        this.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL);
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (choice.all && out == null) {
            err.println("sso-setup render: --all writes several files: add --out DIR.");
            return ExitCodes.USAGE;
        }
        SsoConfiguration configuration;
        switch (new ProfileService(files).open(profile)) {
            case ProfileLoad.Refused refused -> {
                err.println("sso-setup render: " + messages.text(refused.reason()));
                return ExitCodes.FAILED;
            }
            case ProfileLoad.Loaded loaded -> {
                configuration = loaded.profile().configuration();
                loaded.notes().forEach(n -> err.println("Note: " + messages.text(n))); // e.g. an older profile was upgraded
            }
        }
        boolean collate = configuration.provider().collate();
        if (collate && !choice.all && choice.format != OutputFormat.COLLATE) {
            err.println("sso-setup render: the profile is for Collate (hosted): the Collate team configures the "
                    + "server, so there is no " + choice.format.cliName() + " output. Use --format collate for the "
                    + "hand-off sheet.");
            return ExitCodes.USAGE;
        }
        if (credentialsFile != null) {
            if (clientSecretFile != null) {
                err.println("sso-setup render: --client-secret-file and --credentials-file both give a secret: "
                        + "give one of them.");
                return ExitCodes.USAGE;
            }
            dev.ssosetup.core.provider.ClientCredentials credentials;
            try {
                credentials = CredentialsFileOption.read(credentialsFile);
            } catch (IllegalArgumentException e) {
                err.println("sso-setup render: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            String profileId = configuration.provider().clientId().strip();
            if (!profileId.isEmpty() && !profileId.equals(credentials.clientId())) {
                err.println("sso-setup render: --credentials-file " + credentialsFile + " is for client \""
                        + credentials.clientId() + "\", the profile for \"" + profileId + "\": name the matching "
                        + "file.");
                return ExitCodes.USAGE;
            }
            if (credentials.clientSecret().isEmpty()) {
                err.println("sso-setup render: --credentials-file " + credentialsFile + " holds no secret (a "
                        + "public client): leave it out.");
                return ExitCodes.USAGE;
            }
            configuration = configuration.withProvider(configuration.provider().toBuilder()
                    .clientId(credentials.clientId()).clientSecret(credentials.clientSecret()).build());
        }
        if (clientSecretFromKeychain && (clientSecretFile != null || credentialsFile != null)) {
            err.println("sso-setup render: give the client secret with --client-secret-file or "
                    + "--client-secret-from-keychain (or --credentials-file), one of them.");
            return ExitCodes.USAGE;
        }
        boolean includeSecret = clientSecretFile != null || clientSecretFromKeychain || credentialsFile != null;
        if (clientSecretFromKeychain) {
            var provider = configuration.provider();
            if (!dev.ssosetup.core.secrets.SecretKey.canKeyClientSecret(provider.issuer(), provider.clientId())) {
                err.println("sso-setup render: --client-secret-from-keychain: the profile has no issuer and client "
                        + "ID to look the secret up by.");
                return ExitCodes.USAGE;
            }
            try {
                configuration = configuration.withClientSecret(keychain.read(
                        dev.ssosetup.core.secrets.SecretKey.clientSecret(provider.issuer(), provider.clientId()),
                        "--client-secret-from-keychain", "--client-secret-file F", err));
            } catch (KeychainOption.Failure e) {
                err.println("sso-setup render: " + e.getMessage() + ".");
                return ExitCodes.USAGE;
            }
        } else if (clientSecretFile != null) {
            String secret;
            try {
                secret = files.read(clientSecretFile).strip();
            } catch (IOException e) {
                err.println("sso-setup render: cannot read --client-secret-file " + clientSecretFile + ".");
                return ExitCodes.USAGE;
            }
            if (secret.isEmpty() || secret.contains("\n")) {
                err.println("sso-setup render: --client-secret-file must hold the secret on one line.");
                return ExitCodes.USAGE;
            }
            configuration = configuration.withClientSecret(Secret.of(secret));
        }

        Readiness readiness = new ReadinessCheck(schemaCheck).evaluate(configuration);
        for (ReviewProblem p : readiness.problems()) {
            if (!p.isError() && !(includeSecret && p.finding().id().equals("client-secret-missing"))) {
                err.println("warning [" + p.stepId() + "] " + line(p));
            }
        }
        if (!readiness.ready()) {
            err.println("sso-setup render: the configuration is invalid, nothing was written:");
            readiness.errors().forEach(p -> err.println("  error [" + p.stepId() + "] " + line(p)));
            return ExitCodes.FAILED;
        }

        Renderers renderers = new Renderers();
        RenderOptions options = new RenderOptions(includeSecret, chartVersion);
        List<OutputFormat> formats = collate ? List.of(OutputFormat.COLLATE)
                : choice.all ? List.of(OutputFormat.values()) : List.of(choice.format);
        if (out != null && !force) {
            List<String> clash = files.existing(out, formats.stream().map(OutputFormat::fileName).toList());
            if (!clash.isEmpty()) {
                err.println("sso-setup render: " + out + " already has " + String.join(", ", clash)
                        + ". Nothing was written. Choose another --out folder, or add --force to replace "
                        + (clash.size() == 1 ? "it." : "them."));
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
                stdout.println("wrote " + path + (rendered.holdsSecret()
                        ? " (holds the client secret, " + files.ownerOnlyNote() + ")" : ""));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                err.println("sso-setup render: " + f.fileName() + " appeared in " + out + " meanwhile and was kept; "
                        + "run again (add --force to replace it).");
                return ExitCodes.FAILED;
            } catch (IOException e) {
                err.println("sso-setup render: cannot write " + f.fileName() + " into " + out + ": "
                        + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                return ExitCodes.FAILED;
            }
        }
        return ExitCodes.OK;
    }

    private static String line(ReviewProblem p) {
        return p.finding().id() + ": " + p.finding().message() + " " + p.finding().hint();
    }

    /** The known chart versions as the flag takes them, for the help text. */
    static final class ChartVersions implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return HelmChartVersion.known().stream().map(HelmChartVersion::text).iterator();
        }
    }

    /** A known chart version ({@code 1.13.1}), with a usage error listing them otherwise. */
    static final class ChartVersionConverter implements ITypeConverter<HelmChartVersion> {
        @Override
        public HelmChartVersion convert(String value) {
            return HelmChartVersion.fromText(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a known openmetadata chart version; use one of "
                            + HelmChartVersion.knownList()));
        }
    }

    /** {@code json|yaml|env|helm|collate}, with a usage error listing them otherwise. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            return OutputFormat.fromCliName(value).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a format; use one of "
                            + Arrays.stream(OutputFormat.values()).map(OutputFormat::cliName)
                            .collect(Collectors.joining(", "))));
        }
    }
}
