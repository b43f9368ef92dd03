package dev.ssosetup.cli;

import dev.ssosetup.core.provider.ClientCredentials;
import dev.ssosetup.core.provider.ClientType;
import dev.ssosetup.core.provider.ProviderFormValidator;
import dev.ssosetup.core.provider.ProviderSettings;
import dev.ssosetup.core.provider.ResponseType;
import dev.ssosetup.core.provider.Urls;
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

    @Option(names = "--issuer", paramLabel = "URL",
            description = "The provider's issuer URL, exactly as the provider publishes it (discovery at "
                    + "<issuer>/.well-known/openid-configuration). Needed unless --credentials-file tells it.")
    String issuer;

    @Option(names = "--discovery-url", paramLabel = "URL",
            description = "The discovery document URL, when it is not <issuer>/.well-known/openid-configuration.")
    String discoveryUrl;

    @Option(names = "--credentials-file", paramLabel = "FILE", description = CredentialsFileOption.DESCRIPTION
            + " Gives the issuer where the file tells it, the client ID, type and secret; flags given win.")
    Path credentialsFile;

    @Option(names = "--response-type", paramLabel = "id_token|code", description = "The flow OpenMetadata will "
            + "use: id_token (implicit, the default for a public client) or code (authorization code; a "
            + "confidential client always).")
    String responseType;

    @Option(names = "--scopes", split = LIST_SPLIT, paramLabel = "SCOPE",
            description = "The scopes OpenMetadata will request, separated by commas or spaces "
                    + "(default: openid email profile).")
    List<String> scopes = new ArrayList<>(ProviderSettings.DEFAULT_SCOPES);

    @Option(names = "--alg", paramLabel = "ALG", defaultValue = "RS256",
            description = "The ID token signature algorithm (default: ${DEFAULT-VALUE}).")
    String algorithm;

    @Option(names = "--claims", split = LIST_SPLIT, paramLabel = "CLAIM",
            description = "OpenMetadata's jwtPrincipalClaims, in order (default: email,preferred_username,sub).")
    List<String> claims = new ArrayList<>(ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS);

    @Option(names = "--ca-file", paramLabel = "PEM",
            description = "Also trust the CA certificates in this PEM file (for a provider with a private CA).")
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
            return Optional.of(CredentialsFileOption.read(credentialsFile));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
    }

    /** {@code --issuer}, else the credentials file's; a usage error when neither tells it or it is not a URL. */
    String issuer(CommandLine cl, Optional<ClientCredentials> credentials) {
        String value = issuer != null ? issuer
                : credentials.map(ClientCredentials::issuer).filter(s -> !s.isEmpty()).orElse(null);
        if (value == null && credentials.isPresent()) {
            throw new ParameterException(cl, "--credentials-file " + credentialsFile + " does not tell the issuer: "
                    + "add --issuer.");
        }
        if (value == null) {
            throw new ParameterException(cl, "Missing required option: '--issuer=URL' (or --credentials-file with "
                    + "an issuer)");
        }
        if (Urls.parseHttp(value.strip()).isEmpty()) {
            throw new ParameterException(cl, "--issuer: \"" + value + "\" is not an http(s) URL with a host; "
                    + "example: --issuer https://idp.example.com/realms/main");
        }
        return value.strip();
    }

    /** {@code --discovery-url}, checked; empty when not given (then the issuer's). */
    String discoveryUrl(CommandLine cl) {
        if (discoveryUrl == null || discoveryUrl.isBlank()) {
            return "";
        }
        if (Urls.parseHttp(discoveryUrl.strip()).isEmpty()) {
            throw new ParameterException(cl, "--discovery-url: \"" + discoveryUrl
                    + "\" is not an http(s) URL with a host");
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
            throw new ParameterException(cl, "--response-type: \"" + responseType + "\" is not id_token or code.");
        }
        if (type == ClientType.CONFIDENTIAL && flow == ResponseType.ID_TOKEN) {
            throw new ParameterException(cl, "--response-type id_token: a confidential client signs in with the "
                    + "code flow on OpenMetadata's server; use --response-type code, or test a public client.");
        }
        return flow;
    }

    /** {@code --alg}, one of the algorithms OpenMetadata validates ID tokens with. */
    String algorithm(CommandLine cl) {
        String alg = algorithm == null ? "" : algorithm.strip();
        if (!ProviderFormValidator.ALGORITHMS.contains(alg)) {
            throw new ParameterException(cl, "--alg: \"" + algorithm + "\" is not one of "
                    + String.join(", ", ProviderFormValidator.ALGORITHMS));
        }
        return alg;
    }

    /** The extra CAs of {@code --ca-file}, or empty. */
    Optional<byte[]> ca(CommandLine cl) {
        try {
            return CaFileOption.read(caFile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
    }
}
