package dev.ssosetup.cli;

import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.provider.ProviderFormValidator;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.Urls;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code sso-setup discover}: the Provider step's "Check provider" on the command line. Flags and printing only; the
 * checks are {@link DiscoveryService}'s.
 */
@Command(name = "discover", mixinStandardHelpOptions = true,
        description = {"Fetch an OpenID provider's discovery document and keys and check them for use with "
                + "OpenMetadata."},
        footer = {"", "Exit codes: 0 no error finding, 1 at least one error finding, 2 bad usage."})
public final class DiscoverCommand implements Callable<Integer> {
    private final HttpGatewayFactory gateways;
    /** The operator's language for core's texts (the CLI's own sentences: issue 13, helper i13c). */
    private final Messages messages = Messages.load();

    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "URL",
            description = "The issuer, exactly as the provider publishes it (e.g. https://idp.example.com/realms/x). "
                    + "Needed unless --credentials-file tells it.")
    String issuer;

    @Option(names = "--credentials-file", paramLabel = "FILE", description = CredentialsFileOption.DESCRIPTION
            + " Gives the issuer where the file tells it, and the client type.")
    java.nio.file.Path credentialsFile;

    @Option(names = "--response-type", paramLabel = "id_token|code", description = "The flow OpenMetadata will "
            + "use: id_token (implicit, the default for a public client) or code (a confidential client always).")
    String responseType;

    @Option(names = "--discovery-url", paramLabel = "URL",
            description = "The discovery document (default: issuer + /.well-known/openid-configuration).")
    String discoveryUrl;

    @Option(names = "--scopes", paramLabel = "SCOPES", defaultValue = "openid email profile",
            description = "The scopes OpenMetadata will request (default: ${DEFAULT-VALUE}).")
    String scopes;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "RS256",
            description = "The ID token signature algorithm (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--claims", paramLabel = "CLAIMS", defaultValue = "email,preferred_username,sub",
            description = "The principal claims, comma-separated (default: ${DEFAULT-VALUE}).")
    String claims;

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Also trust the CA certificates in this PEM file (for a provider with a private CA).")
    Path caFile;

    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;

    public DiscoverCommand(HttpGatewayFactory gateways) {
        this.gateways = Objects.requireNonNull(gateways);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        validateUsage();
        Optional<byte[]> ca = readCa();
        var gateway = createGateway(ca);
        DiscoveryRequest request = new DiscoveryRequest(issuer, discoveryUrl, ProviderFormValidator.splitList(scopes),
                algorithm, ProviderFormValidator.splitList(claims), Optional.empty(), "", flow);
        DiscoveryReport report = new DiscoveryService(gateway).check(request, TaskContext.none());
        if (json) {
            out.println(DiscoverOutput.json(report, messages));
        } else {
            out.print(DiscoverOutput.text(report, messages));
        }
        out.flush();
        return report.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private ResponseType flow = ResponseType.ID_TOKEN;

    private void validateUsage() {
        ClientType type = ClientType.PUBLIC;
        if (credentialsFile != null) {
            ClientCredentials credentials;
            try {
                credentials = CredentialsFileOption.read(credentialsFile);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            type = credentials.clientType();
            if (issuer == null && !credentials.issuer().isEmpty()) {
                issuer = credentials.issuer();
            }
        }
        if (issuer == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--issuer=URL' (the "
                    + "credentials file, if any, does not tell the issuer)");
        }
        if (responseType != null) {
            flow = ResponseType.fromWire(responseType);
            if (flow == null) {
                throw new ParameterException(spec.commandLine(), "--response-type: \"" + responseType
                        + "\" is not id_token or code");
            }
        }
        if (type == ClientType.CONFIDENTIAL) {
            flow = ResponseType.CODE;
        }
        if (Urls.parseHttp(issuer).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--issuer: \"" + issuer
                    + "\" is not an http(s) URL with a host; example: --issuer https://idp.example.com/realms/main");
        }
        if (discoveryUrl != null && Urls.parseHttp(discoveryUrl).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--discovery-url: \"" + discoveryUrl
                    + "\" is not an http(s) URL with a host");
        }
        if (!ProviderFormValidator.splitList(scopes).contains("openid")) {
            throw new ParameterException(spec.commandLine(), "--scopes: include \"openid\" (without it the "
                    + "provider issues no ID token), e.g. --scopes \"openid email profile\"");
        }
        if (!ProviderFormValidator.ALGORITHMS.contains(algorithm)) {
            throw new ParameterException(spec.commandLine(), "--alg: \"" + algorithm + "\" is not one of "
                    + String.join(", ", ProviderFormValidator.ALGORITHMS));
        }
        if (discoveryUrl == null) {
            discoveryUrl = ProviderSettings.discoveryUrlFor(issuer);
        }
    }

    private Optional<byte[]> readCa() {
        try {
            return CaFileOption.read(caFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private dev.ssosetup.core.net.HttpGateway createGateway(Optional<byte[]> ca) {
        try {
            return gateways.create(ca);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--ca-file " + caFile + ": " + e.getMessage());
        }
    }
}
