package dev.ssosetup.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ssosetup.core.common.Finding;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
@Command(name = "test-login", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign in once with the system browser on a loopback redirect, with the flow OpenMetadata "
                + "will use (a public client: implicit id_token, or code + PKCE; a confidential client: code with "
                + "its secret), validate the ID token and show how OpenMetadata would see the user."},
        footer = {"", "Exit codes: 0 the login passed, 1 it failed, 2 bad usage."})
public final class TestLoginCommand implements Callable<Integer> {
    private final LoginTest loginTest;

    @Spec
    CommandSpec spec;

    @Option(names = "--client-id", paramLabel = "ID", description = "The client ID (needed unless "
            + "--credentials-file gives it).")
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = "A file holding the client secret "
            + "(confidential client). The secret is never printed.")
    Path clientSecretFile;

    @Option(names = "--client-secret-from-keychain", description = "Use the client secret remembered in the system "
            + "keychain for --issuer and --client-id (sso-setup secret store), instead of --client-secret-file.")
    boolean clientSecretFromKeychain;

    @Option(names = "--client-type", paramLabel = "public|confidential", description = "The client type "
            + "(default: confidential when a secret is given, else public).")
    String clientType;

    @Option(names = "--auth-method", paramLabel = "basic|post", defaultValue = "post",
            description = "How a confidential client authenticates: client_secret_basic or client_secret_post "
                    + "(default: ${DEFAULT-VALUE}).")
    String authMethod;

    @Mixin
    ProviderFlags provider = new ProviderFlags();

    @ArgGroup(exclusive = true)
    PortChoice portChoice;

    static final class PortChoice {
        @Option(names = "--port", paramLabel = "N", description = "The loopback port to use (the provider "
                + "registered this exact redirect). Default: any free port.")
        Integer port;

        @Option(names = "--ports", split = ",", paramLabel = "N", description = "Ports to try in order, e.g. "
                + "8000,18000.")
        List<Integer> ports;
    }

    @Option(names = "--redirect-host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "The host in the redirect URI: 127.0.0.1, localhost or [::1] (default: ${DEFAULT-VALUE}).")
    String redirectHost;

    @Option(names = "--no-browser", description = "Do not open a browser; print the URL to open by hand.")
    boolean noBrowser;

    @Option(names = "--allow-insecure-http", description = "Allow plain http to a provider that is not on this "
            + "computer (the code, the PKCE verifier and the client secret cross the network unencrypted; the "
            + "verdict warns). Loopback http is always allowed.")
    boolean allowInsecureHttp;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "How long the whole test may take, the sign-in included (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--admins", split = ",", paramLabel = "USER",
            description = "OpenMetadata's adminPrincipals (user names, not emails).")
    List<String> admins = new ArrayList<>();

    @Option(names = "--principal-domain", paramLabel = "DOMAIN", description = "OpenMetadata's principalDomain.")
    String principalDomain = "";

    @Option(names = "--enforce-principal-domain", description = "Check the email domain as OpenMetadata's "
            + "enforcePrincipalDomain does.")
    boolean enforcePrincipalDomain;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final KeychainOption keychain;
    /** The operator's language for core's texts (the CLI's own sentences: issue 13, helper i13c). */
    private final Messages messages = Messages.load();

    public TestLoginCommand(LoginTest loginTest) {
        this(loginTest, KeychainOption.NOT_WIRED);
    }

    /** With the system keychain, for {@code --client-secret-from-keychain}. */
    public TestLoginCommand(LoginTest loginTest,
                            java.util.function.Supplier<dev.ssosetup.core.secrets.SecretStore> keychain) {
        this.loginTest = loginTest;
        this.keychain = new KeychainOption(keychain, KeychainOption.TERMINAL);
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
        LoginTestResult result = loginTest.run(settings, options, ca, printing(talk, options), TaskContext.none());
        if (json) {
            out.println(toJson(result, messages));
        } else {
            out.println();
            out.print(LoginReport.render(result, messages));
        }
        out.flush();
        return result.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /**
     * What the operator sees while a login test waits: the redirect URI and the line {@code Open this URL to sign in:
     * <url>}. Shared with {@code push --login}, which runs the same login test.
     */
    static LoginEvents printing(PrintWriter talk, LoginOptions options) {
        return new LoginEvents() {
            @Override
            public void waitingForBrowser(URI authorizationUrl, URI redirectUri) {
                talk.println("Redirect URI: " + redirectUri);
                if (!options.openBrowser()) {
                    talk.println("Open this URL to sign in: " + authorizationUrl);
                    talk.println("Waiting up to " + options.timeout().toSeconds() + " s for the sign-in...");
                } else {
                    talk.println("Opening the browser. If it does not appear, open this URL yourself:");
                    talk.println("Open this URL to sign in: " + authorizationUrl);
                }
                talk.flush();
            }

            @Override
            public void browser(BrowserOpener.BrowserOutcome outcome) {
                if (outcome instanceof BrowserOpener.NotOpened(String reason)) {
                    talk.println("The browser could not be opened (" + reason + "): open the URL above by hand. "
                            + "Waiting up to " + options.timeout().toSeconds() + " s...");
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
                throw usage("--client-secret-file and --credentials-file both give a secret: give one of them.");
            }
            secret = credentials.clientSecret();
            clientId = clientId != null ? clientId : credentials.clientId();
            if (clientType == null) {
                clientType = credentials.clientType().wire();
            }
        }
        String issuer = provider.issuer(cl, file);
        if (clientId == null) {
            throw usage("Missing required option: '--client-id=ID' (or --credentials-file)");
        }
        if (clientSecretFromKeychain && (clientSecretFile != null || provider.credentialsFile != null)) {
            throw usage("give the client secret with --client-secret-file, --credentials-file or "
                    + "--client-secret-from-keychain, one of them.");
        }
        if (clientSecretFromKeychain) {
            if (!dev.ssosetup.core.secrets.SecretKey.canKeyClientSecret(issuer, clientId)) {
                throw usage("--client-secret-from-keychain: give --issuer and --client-id.");
            }
            try {
                secret = keychain.read(dev.ssosetup.core.secrets.SecretKey.clientSecret(issuer, clientId),
                        "--client-secret-from-keychain", "--client-secret-file FILE", spec.commandLine().getErr());
            } catch (KeychainOption.Failure e) {
                throw usage(e.getMessage() + ".");
            }
        } else if (clientSecretFile != null) {
            try {
                secret = Secret.of(Files.readString(clientSecretFile, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw usage("--client-secret-file: cannot read " + clientSecretFile + " (" + FileProblem.words(e)
                        + "). Give a readable file that holds only the secret.");
            } catch (RuntimeException e) {
                throw usage("--client-secret-file: cannot read " + clientSecretFile + ". Give a readable file that "
                        + "holds only the secret.");
            }
            if (secret.isEmpty()) {
                throw usage("--client-secret-file: " + clientSecretFile + " is empty.");
            }
        }
        ClientAuthMethod method = switch (authMethod.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "basic", "client_secret_basic" -> ClientAuthMethod.CLIENT_SECRET_BASIC;
            case "post", "client_secret_post" -> ClientAuthMethod.CLIENT_SECRET_POST;
            default -> throw usage("--auth-method: \"" + authMethod + "\" is not basic or post.");
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
            default -> throw usage("--client-type: \"" + clientType + "\" is not public or confidential.");
        };
        if (type == ClientType.CONFIDENTIAL && secret.isEmpty()) {
            throw usage("--client-type confidential: give the secret with --client-secret-file.");
        }
        if (type == ClientType.PUBLIC && !secret.isEmpty()) {
            throw usage("--client-type public: a public client has no secret; leave out --client-secret-file, "
                    + "or use --client-type confidential.");
        }
        return type;
    }

    private LoginOptions options() {
        RedirectHost host = RedirectHost.parse(redirectHost).orElseThrow(() -> usage("--redirect-host: \""
                + redirectHost + "\" is not 127.0.0.1, localhost or [::1]."));
        List<Integer> ports = portChoice == null ? List.of()
                : portChoice.port != null ? List.of(portChoice.port) : portChoice.ports;
        return switch (LoginOptions.of(ports, timeoutSeconds, host, !noBrowser, allowInsecureHttp)) {
            case LoginOptions.Parsed.Valid v -> v.options();
            case LoginOptions.Parsed.Invalid i -> throw usage((i.field() == LoginOptions.OptionField.PORTS
                    ? "--port/--ports: " : "--timeout: ") + messages.text(i.problem()));
        };
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    static String toJson(LoginTestResult result, Messages messages) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("result", result.passed() ? "passed" : "failed");
        if (result instanceof LoginTestResult.Failed f) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("stage", f.stage().wire());
            error.put("message", messages.text(f.reason()));
            error.put("hint", messages.text(f.hint()));
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
                    messages.text(f.message()), "hint", messages.text(f.hint())));
        }
        doc.put("warnings", warnings);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the JSON result", e);
        }
    }
}
