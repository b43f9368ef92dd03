package dev.ssosetup.cli;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.net.HttpGatewayFactory;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.provider.DiscoveryReport;
import dev.ssosetup.core.provider.DiscoveryRequest;
import dev.ssosetup.core.provider.DiscoveryService;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.task.TaskContext;
import dev.ssosetup.core.text.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Mixin
    ProviderFlags provider = new ProviderFlags();

    @Option(names = "--json", descriptionKey = "cli.opt.discover.json")
    boolean json;

    /** In English (tests that build the command without the composition root). */
    public DiscoverCommand(HttpGatewayFactory gateways, OperatorFiles files) {
        this(gateways, files, CliMessages.english());
    }

    /** {@code files}: where {@code --ca-file} and {@code --credentials-file} are read. */
    public DiscoverCommand(HttpGatewayFactory gateways, OperatorFiles files, CliMessages messages) {
        this.gateways = Objects.requireNonNull(gateways);
        this.messages = Objects.requireNonNull(messages);
        provider.messages = messages;
        provider.files = Objects.requireNonNull(files);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DiscoveryRequest request = request();
        var gateway = createGateway(provider.ca(spec.commandLine()));
        DiscoveryReport report = new DiscoveryService(gateway).check(request, TaskContext.none());
        if (json) {
            out.println(DiscoverOutput.json(report, messages));
        } else {
            out.print(DiscoverOutput.text(report, messages));
        }
        out.flush();
        return report.hasErrors() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The flags, parsed by the same {@link ProviderFlags} as {@code test-login}'s. */
    private DiscoveryRequest request() {
        CommandLine cl = spec.commandLine();
        Optional<ClientCredentials> credentials = provider.credentials(cl);
        ClientType type = credentials.map(ClientCredentials::clientType).orElse(ClientType.PUBLIC);
        String issuer = provider.issuer(cl, credentials);
        ResponseType flow = provider.responseType(cl, type);
        String discoveryUrl = provider.discoveryUrl(cl);
        List<String> scopes = provider.scopes();
        if (!scopes.contains("openid")) {
            throw new ParameterException(cl, messages.get("cli.discover.scopesNoOpenid"));
        }
        String algorithm = provider.algorithm(cl);
        return new DiscoveryRequest(issuer, discoveryUrl.isEmpty() ? ProviderSettings.discoveryUrlFor(issuer)
                : discoveryUrl, scopes, algorithm, provider.claims(), Optional.empty(), "", flow);
    }

    private dev.ssosetup.core.net.HttpGateway createGateway(Optional<byte[]> ca) {
        try {
            return gateways.create(ca);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), messages.get("cli.caFile.refused",
                    provider.caFile.toString(), e.getMessage()));
        }
    }
}
