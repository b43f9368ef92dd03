package dev.ssosetup.cli;

import dev.ssosetup.core.common.OperatorFiles;
import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ProviderFormValidator;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.provider.Urls;
import dev.ssosetup.core.text.Text;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The provider flags {@code discover} and {@code test-login} share, declared and parsed once (a picocli mixin):
 * {@code --issuer}, {@code --discovery-url}, {@code --credentials-file}, {@code --response-type}, {@code --scopes} and
 * {@code --claims} (lists: commas or spaces, one argument or several), {@code --alg}, {@code --ca-file}.
 */
public final class ProviderFlags {
    /** How list flags are split: "openid email profile" and "openid,email,profile" are the same. */
    static final String LIST_SPLIT = "[,\\s]+";

    /** Set by the command: the command line's language. */
    CliMessages messages = CliMessages.english();

    /** Set by the command: where {@code --credentials-file} and {@code --ca-file} are read (the composition root's). */
    OperatorFiles files;

    @Option(names = "--issuer", paramLabel = "URL", descriptionKey = "cli.opt.provider.issuer")
    String issuer;

    @Option(names = "--discovery-url", paramLabel = "URL", descriptionKey = "cli.opt.provider.discoveryUrl")
    String discoveryUrl;

    @Option(names = "--credentials-file", paramLabel = "FILE", descriptionKey = "cli.opt.provider.credentialsFile")
    Path credentialsFile;

    @Option(names = "--response-type", paramLabel = "id_token|code", descriptionKey = "cli.opt.provider.responseType")
    String responseType;

    @Option(names = "--scopes", split = LIST_SPLIT, paramLabel = "SCOPE", descriptionKey = "cli.opt.provider.scopes")
    List<String> scopes = new ArrayList<>(ProviderSettings.DEFAULT_SCOPES);

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "RS256", descriptionKey = "cli.opt.provider.alg")
    String algorithm;

    @Option(names = "--claims", split = LIST_SPLIT, paramLabel = "CLAIM", descriptionKey = "cli.opt.provider.claims")
    List<String> claims = new ArrayList<>(ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS);

    @Option(names = "--ca-file", paramLabel = "PEM", descriptionKey = "cli.opt.caFile.provider")
    Path caFile;

    /** The scopes as given, blanks dropped. */
    List<String> scopes() {
        return clean(scopes);
    }

    /** The principal claims as given, blanks dropped. */
    List<String> claims() {
        return clean(claims);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The credentials file, read once; empty without {@code --credentials-file}. */
    Optional<ClientCredentials> credentials(CommandLine cl) {
        if (credentialsFile == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(CredentialsFileOption.read(files, credentialsFile));
        } catch (CliProblem e) {
            throw usage(cl, e.text());
        }
    }

    private ParameterException usage(CommandLine cl, Text text) {
        return new ParameterException(cl, messages.text(text));
    }

    /** {@code --issuer}, else the credentials file's; a usage error when neither tells it or it is not a URL. */
    String issuer(CommandLine cl, Optional<ClientCredentials> credentials) {
        String value = issuer != null ? issuer
                : credentials.map(ClientCredentials::issuer).filter(s -> !s.isEmpty()).orElse(null);
        if (value == null && credentials.isPresent()) {
            throw usage(cl, Text.of("cli.testLogin.credentialsNoIssuer", credentialsFile.toString()));
        }
        if (value == null) {
            throw usage(cl, Text.of("cli.testLogin.issuerMissing"));
        }
        if (Urls.parseHttp(value.strip()).isEmpty()) {
            throw usage(cl, Text.of("cli.discover.issuerNotUrl", value));
        }
        return value.strip();
    }

    /** {@code --discovery-url}, checked; empty when not given (then the issuer's). */
    String discoveryUrl(CommandLine cl) {
        if (discoveryUrl == null || discoveryUrl.isBlank()) {
            return "";
        }
        if (Urls.parseHttp(discoveryUrl.strip()).isEmpty()) {
            throw usage(cl, Text.of("cli.discover.discoveryUrlNotUrl", discoveryUrl));
        }
        return discoveryUrl.strip();
    }

    /**
     * The flow for a client of {@code type}: {@code --response-type}, else code for a confidential client and id_token
     * for a public one. A confidential client cannot use id_token (OpenMetadata's server runs its code flow).
     */
    ResponseType responseType(CommandLine cl, ClientType type) {
        if (responseType == null) {
            return type == ClientType.CONFIDENTIAL ? ResponseType.CODE : ResponseType.ID_TOKEN;
        }
        ResponseType flow = ResponseType.fromWire(responseType);
        if (flow == null) {
            throw usage(cl, Text.of("cli.responseType.unknown", responseType));
        }
        if (type == ClientType.CONFIDENTIAL && flow == ResponseType.ID_TOKEN) {
            throw usage(cl, Text.of("cli.testLogin.confidentialIdToken"));
        }
        return flow;
    }

    /** {@code --alg}, one of the algorithms OpenMetadata validates ID tokens with. */
    String algorithm(CommandLine cl) {
        String alg = algorithm == null ? "" : algorithm.strip();
        if (!ProviderFormValidator.ALGORITHMS.contains(alg)) {
            throw usage(cl, Text.of("cli.discover.algUnknown", algorithm, String.join(", ",
                    ProviderFormValidator.ALGORITHMS)));
        }
        return alg;
    }

    /** The extra CAs of {@code --ca-file}, or empty. */
    Optional<byte[]> ca(CommandLine cl) {
        try {
            return CaFileOption.read(files, caFile);
        } catch (CliProblem e) {
            throw usage(cl, e.text());
        }
    }
}
