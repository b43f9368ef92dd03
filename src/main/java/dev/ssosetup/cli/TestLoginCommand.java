package dev.ssosetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.login.BrowserOpener;
import dev.ssosetup.core.login.LoginEvents;
import dev.ssosetup.core.login.LoginOptions;
import dev.ssosetup.core.login.LoginReport;
import dev.ssosetup.core.login.LoginTest;
import dev.ssosetup.core.login.LoginTestResult;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.provider.ClientAuthMethod;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.Preset;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup test-login}: the wizard's Login test step on the command line. Flags and printing only; the flow
 * is {@link LoginTest}. Exit 0 when the login passed, 1 when it failed, 2 for bad usage.
 */
@Command(name = "test-login", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.testLogin.description}",
        footer = {"", "${bundle:cli.help.testLogin.footer}"})
public final class TestLoginCommand implements Callable<Integer> {
    private final LoginTest loginTest;

    @Spec
    CommandSpec spec;

    @Option(names = "--client-id", paramLabel = "ID", descriptionKey = "cli.opt.testLogin.clientId")
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", descriptionKey = "cli.opt.testLogin.clientSecretFile")
    Path clientSecretFile;

    @Option(names = "--client-secret-from-keychain", descriptionKey = "cli.opt.testLogin.clientSecretFromKeychain")
    boolean clientSecretFromKeychain;

    @Option(names = "--client-type", paramLabel = "public|confidential", descriptionKey = "cli.opt.testLogin.clientType")
    String clientType;

    @Option(names = "--auth-method", paramLabel = "basic|post", defaultValue = "post",
            descriptionKey = "cli.opt.testLogin.authMethod")
    String authMethod;

    @Mixin
    ProviderFlags provider = new ProviderFlags();

    @ArgGroup(exclusive = true)
    PortChoice portChoice;

    static final class PortChoice {
        @Option(names = "--port", paramLabel = "N", descriptionKey = "cli.opt.testLogin.port")
        Integer port;

        @Option(names = "--ports", split = ",", paramLabel = "N", descriptionKey = "cli.opt.testLogin.ports")
        List<Integer> ports;
    }

    @Option(names = "--redirect-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            descriptionKey = "cli.opt.testLogin.redirectHost")
    String redirectHost;

    @Option(names = "--no-browser", descriptionKey = "cli.opt.testLogin.noBrowser")
    boolean noBrowser;

    @Option(names = "--allow-insecure-http", descriptionKey = "cli.opt.testLogin.allowInsecureHttp")
    boolean allowInsecureHttp;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            descriptionKey = "cli.opt.testLogin.timeout")
    int timeoutSeconds;

    @Option(names = "--admins", split = ",", paramLabel = "USER",
            descriptionKey = "cli.opt.testLogin.admins")
    List<String> admins = new ArrayList<>();

    @Option(names = "--principal-domain", paramLabel = "DOMAIN", descriptionKey = "cli.opt.testLogin.principalDomain")
    String principalDomain = "";

    @Option(names = "--enforce-principal-domain", descriptionKey = "cli.opt.testLogin.enforcePrincipalDomain")
    boolean enforcePrincipalDomain;

    @Option(names = "--json", descriptionKey = "cli.opt.testLogin.json")
    boolean json;

    private final KeychainOption keychain;
    private final OperatorFiles files;
    private final CliMessages messages;

    /** {@code files}: where {@code --client-secret-file}, {@code --credentials-file} and {@code --ca-file} are read. */
    public TestLoginCommand(LoginTest loginTest, OperatorFiles files) {
        this(loginTest, files, KeychainOption.NOT_WIRED, CliMessages.english());
    }

    /** With the system keychain, for {@code --client-secret-from-keychain}, in English. */
    public TestLoginCommand(LoginTest loginTest, OperatorFiles files,
                            java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this(loginTest, files, keychain, CliMessages.english());
    }

    /** With the system keychain and the command line's language. */
    public TestLoginCommand(LoginTest loginTest, OperatorFiles files,
                            java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain,
                            CliMessages messages) {
        this.loginTest = loginTest;
        this.files = java.util.Objects.requireNonNull(files);
        this.messages = messages;
        this.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL, messages);
        provider.messages = messages;
        provider.files = files;
    }

    @Override
    public Integer call() {
        ProviderSettings settings = settings();
        LoginOptions options = options();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // in JSON mode stdout carries only the JSON document: progress goes to stderr
        PrintWriter talk = json ? err : out;
        Optional<byte[]> ca = provider.ca(spec.commandLine());
        LoginTestResult result = loginTest.run(settings, options, ca, printing(talk, options, messages), TaskContext.none());
        if (json) {
            out.println(toJson(result, messages));
        } else {
            out.println();
            out.print(LoginReport.render(result, messages.messages()));
        }
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * What the operator sees while a login test waits: the redirect URI and the line {@code Open this URL to sign in:
     * <url>}. Shared with {@code push --login}, which runs the same login test.
     */
    static LoginEvents printing(PrintWriter talk, LoginOptions options, CliMessages messages) {
        return new LoginEvents() {
            @Override
            public void waitingForBrowser(URI authorizationUrl, URI redirectUri) {
                talk.println(messages.get("cli.login.redirectUri", redirectUri.toString()));
                if (!options.openBrowser()) {
                    talk.println(messages.get("cli.login.openUrl", authorizationUrl.toString()));
                    talk.println(messages.get("cli.login.waiting", options.timeout().toSeconds()));
                } else {
                    talk.println(messages.get("cli.login.opening"));
                    talk.println(messages.get("cli.login.openUrl", authorizationUrl.toString()));
                }
                talk.flush();
            }

            @Override
            public void browser(BrowserOpener.BrowserOutcome outcome) {
                if (outcome instanceof BrowserOpener.NotOpened notOpened) {
                    talk.println(messages.get("cli.login.browserNotOpened", messages.render(notOpened.reason()),
                            options.timeout().toSeconds()));
                    talk.flush();
                }
            }
        };
    }

    private ProviderSettings settings() {
        CommandLine cl = spec.commandLine();
        Secret secret = Secret.empty();
        Optional<ClientCredentials> file = provider.credentials(cl);
        if (file.isPresent()) {
            ClientCredentials credentials = file.get();
            if (clientSecretFile != null && !credentials.clientSecret().isEmpty()) {
                throw usage(Text.of("cli.testLogin.bothSecrets"));
            }
            secret = credentials.clientSecret();
            clientId = clientId != null ? clientId : credentials.clientId();
            if (clientType == null) {
                clientType = credentials.clientType().wire();
            }
        }
        String issuer = provider.issuer(cl, file);
        if (clientId == null) {
            throw usage(Text.of("cli.testLogin.clientIdMissing"));
        }
        if (clientSecretFromKeychain && (clientSecretFile != null || provider.credentialsFile != null)) {
            throw usage(Text.of("cli.secret.oneSource"));
        }
        if (clientSecretFromKeychain) {
            if (!dev.ssosetup.core.secrets.SecretKey.canKeyClientSecret(issuer, clientId)) {
                throw usage(Text.of("cli.testLogin.keychainNeedsIds"));
            }
            try {
                secret = keychain.read(dev.ssosetup.core.secrets.SecretKey.clientSecret(issuer, clientId),
                        "--client-secret-from-keychain", "--client-secret-file FILE", spec.commandLine().getErr());
            } catch (KeychainOption.Failure e) {
                throw usage(e.text());
            }
        } else if (clientSecretFile != null) {
            try {
                secret = Secret.of(files.readText(clientSecretFile.toString(), OperatorFiles.SECRET_MAX_BYTES)
                        .strip());
            } catch (IOException e) {
                throw usage(Text.of("cli.testLogin.secretFileUnreadable", clientSecretFile.toString(),
                        FileProblem.why(e)));
            } catch (RuntimeException e) {
                throw usage(Text.of("cli.testLogin.secretFileUnreadableNoReason", clientSecretFile.toString()));
            }
            if (secret.isEmpty()) {
                throw usage(Text.of("cli.testLogin.secretFileEmpty", clientSecretFile.toString()));
            }
        }
        ClientAuthMethod method = switch (authMethod.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "basic", "client_secret_basic" -> ClientAuthMethod.CLIENT_SECRET_BASIC;
            case "post", "client_secret_post" -> ClientAuthMethod.CLIENT_SECRET_POST;
            default -> throw usage(Text.of("cli.testLogin.authMethodUnknown", authMethod));
        };
        ClientType type = clientType(secret);
        ResponseType flow = provider.responseType(cl, type);
        return ProviderSettings.builder()
                .preset(Preset.CUSTOM_OIDC)
                .issuer(issuer)
                .discoveryUrl(provider.discoveryUrl(cl))
                .clientType(type)
                .responseType(flow)
                .clientId(clientId.strip())
                .clientSecret(secret)
                .scopes(provider.scopes())
                .clientAuthMethod(type == ClientType.PUBLIC ? ClientAuthMethod.NONE : method)
                .tokenValidationAlgorithm(provider.algorithm(cl))
                .principalClaims(provider.claims())
                .adminPrincipals(admins.stream().map(String::strip).filter(s -> !s.isEmpty()).toList())
                .principalDomain(principalDomain.strip())
                .enforcePrincipalDomain(enforcePrincipalDomain)
                .build();
    }

    private ClientType clientType(Secret secret) {
        if (clientType == null) {
            return secret.isEmpty() ? ClientType.PUBLIC : ClientType.CONFIDENTIAL;
        }
        ClientType type = switch (clientType.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "public" -> ClientType.PUBLIC;
            case "confidential" -> ClientType.CONFIDENTIAL;
            default -> throw usage(Text.of("cli.testLogin.clientTypeUnknown", clientType));
        };
        if (type == ClientType.CONFIDENTIAL && secret.isEmpty()) {
            throw usage(Text.of("cli.testLogin.confidentialNeedsSecret"));
        }
        if (type == ClientType.PUBLIC && !secret.isEmpty()) {
            throw usage(Text.of("cli.testLogin.publicHasNoSecret"));
        }
        return type;
    }

    private LoginOptions options() {
        RedirectHost host = RedirectHost.parse(redirectHost).orElseThrow(() -> usage(Text.of("cli.redirectHost.unknown",
                redirectHost)));
        List<Integer> ports = portChoice == null ? List.of()
                : portChoice.port != null ? List.of(portChoice.port) : portChoice.ports;
        return switch (LoginOptions.of(ports, timeoutSeconds, host, !noBrowser, allowInsecureHttp)) {
            case LoginOptions.Parsed.Valid v -> v.options();
            case LoginOptions.Parsed.Invalid i -> throw usage(Text.of(i.field() == LoginOptions.OptionField.PORTS
                    ? "cli.ports.problem" : "cli.timeout.problem", i.problem()));
        };
    }

    private ParameterException usage(Text text) {
        return new ParameterException(spec.commandLine(), messages.text(text));
    }

    static String toJson(LoginTestResult result, CliMessages messages) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", result.passed() ? "passed" : "failed");
        if (result instanceof LoginTestResult.Failed f) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("stage", f.stage().wire());
            error.put("message", messages.render(f.reason()));
            error.put("hint", messages.render(f.hint()));
            doc.put("error", error);
        } else {
            doc.put("error", null);
        }
        doc.put("flow", result.attempt().settings().effectiveResponseType().flow());
        doc.put("redirectUri", result.attempt().redirectUri());
        doc.put("claims", result.claims());
        doc.put("userinfo", result.userInfo());
        doc.put("openmetadata", result.openMetadataPreview().map(p -> {
            Map<String, Object> om = new LinkedHashMap<>();
            om.put("principal", p.userName());
            om.put("principalClaim", p.principalClaim());
            om.put("email", p.email());
            om.put("admin", p.admin());
            om.put("domainOk", p.domain().ok());
            return om;
        }).orElse(null));
        List<Map<String, String>> warnings = new ArrayList<>();
        for (Finding f : result.findings()) {
            warnings.add(Map.of("id", f.id(), "severity", f.severity().wire(), "message",
                    messages.render(f.message()), "hint", messages.render(f.hint())));
        }
        doc.put("warnings", warnings);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON result", e);
        }
    }
}
