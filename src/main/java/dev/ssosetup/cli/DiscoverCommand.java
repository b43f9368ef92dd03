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
import dev.ssosetup.core.text.Text;
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
@Command(name = "discover", mixinStandardHelpOptions = true, resourceBundle = Messages.BUNDLE,
        description = "${bundle:cli.help.discover.description}",
        footer = {"", "${bundle:cli.help.discover.footer}"})
public final class DiscoverCommand implements Callable<Integer> {
    private final HttpGatewayFactory gateways;
    private final CliMessages messages;

    @Spec
    CommandSpec spec;

    @Option(names = "--issuer", paramLabel = "URL", descriptionKey = "cli.opt.discover.issuer")
    String issuer;

    @Option(names = "--credentials-file", paramLabel = "FILE", descriptionKey = "cli.opt.discover.credentialsFile")
    java.nio.file.Path credentialsFile;

    @Option(names = "--response-type", paramLabel = "id_token|code", descriptionKey = "cli.opt.discover.responseType")
    String responseType;

    @Option(names = "--discovery-url", paramLabel = "URL", descriptionKey = "cli.opt.discover.discoveryUrl")
    String discoveryUrl;

    @Option(names = "--scopes", paramLabel = "SCOPES", defaultValue = "openid email profile",
            descriptionKey = "cli.opt.discover.scopes")
    String scopes;

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "RS256", descriptionKey = "cli.opt.discover.alg")
    String algorithm;

    @Option(names = "--claims", paramLabel = "CLAIMS", defaultValue = "email,preferred_username,sub",
            descriptionKey = "cli.opt.discover.claims")
    String claims;

    @Option(names = "--ca-file", paramLabel = "PEM", descriptionKey = "cli.opt.caFile.provider")
    Path caFile;

    @Option(names = "--json", descriptionKey = "cli.opt.discover.json")
    boolean json;

    /** In English (tests that build the command without the composition root). */
    public DiscoverCommand(HttpGatewayFactory gateways) {
        this(gateways, CliMessages.english());
    }

    public DiscoverCommand(HttpGatewayFactory gateways, CliMessages messages) {
        this.gateways = Objects.requireNonNull(gateways);
        this.messages = Objects.requireNonNull(messages);
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
            } catch (CliProblem e) {
                throw usage(e.text());
            }
            type = credentials.clientType();
            if (issuer == null && !credentials.issuer().isEmpty()) {
                issuer = credentials.issuer();
            }
        }
        if (issuer == null) {
            throw usage(Text.of("cli.discover.issuerMissing"));
        }
        if (responseType != null) {
            flow = ResponseType.fromWire(responseType);
            if (flow == null) {
                throw usage(Text.of("cli.responseType.unknown", responseType));
            }
        }
        if (type == ClientType.CONFIDENTIAL) {
            flow = ResponseType.CODE;
        }
        if (Urls.parseHttp(issuer).isEmpty()) {
            throw usage(Text.of("cli.discover.issuerNotUrl", issuer));
        }
        if (discoveryUrl != null && Urls.parseHttp(discoveryUrl).isEmpty()) {
            throw usage(Text.of("cli.discover.discoveryUrlNotUrl", discoveryUrl));
        }
        if (!ProviderFormValidator.splitList(scopes).contains("openid")) {
            throw usage(Text.of("cli.discover.scopesNoOpenid"));
        }
        if (!ProviderFormValidator.ALGORITHMS.contains(algorithm)) {
            throw usage(Text.of("cli.discover.algUnknown", algorithm, String.join(", ", ProviderFormValidator.ALGORITHMS)));
        }
        if (discoveryUrl == null) {
            discoveryUrl = ProviderSettings.discoveryUrlFor(issuer);
        }
    }

    private Optional<byte[]> readCa() {
        try {
            return CaFileOption.read(caFile);
        } catch (CliProblem e) {
            throw usage(e.text());
        }
    }

    private dev.ssosetup.core.net.HttpGateway createGateway(Optional<byte[]> ca) {
        try {
            return gateways.create(ca);
        } catch (IllegalArgumentException e) {
            throw usage(Text.of("cli.caFile.refused", caFile.toString(), e.getMessage()));
        }
    }

    private ParameterException usage(Text text) {
        return new ParameterException(spec.commandLine(), messages.text(text));
    }
}
