package dev.ssosetup.core.provider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a discovery check is asked to verify: the issuer the operator expects, where its document lives, and what the
 * rest of the setup will rely on (scopes, the ID token algorithm, principal claims, the client's authentication method
 * when it has a secret, OpenMetadata's callback URL when known, and the flow OpenMetadata will sign in with:
 * {@code id_token} (implicit) or {@code code}).
 */
public record DiscoveryRequest(String issuer, String discoveryUrl, List<String> scopes, String algorithm,
                               List<String> principalClaims, Optional<ClientAuthMethod> clientAuthMethod,
                               String callbackUrl, ResponseType responseType) {
    public DiscoveryRequest {
        issuer = Objects.requireNonNullElse(issuer, "").strip();
        discoveryUrl = Objects.requireNonNullElse(discoveryUrl, "").strip();
        if (discoveryUrl.isEmpty()) {
            discoveryUrl = ProviderSettings.discoveryUrlFor(issuer);
        }
        scopes = List.copyOf(Objects.requireNonNullElse(scopes, List.of()));
        algorithm = algorithm == null || algorithm.isBlank() ? "RS256" : algorithm.strip();
        principalClaims = List.copyOf(Objects.requireNonNullElse(principalClaims, List.of()));
        clientAuthMethod = Objects.requireNonNullElse(clientAuthMethod, Optional.empty());
        callbackUrl = Objects.requireNonNullElse(callbackUrl, "").strip();
        responseType = Objects.requireNonNullElse(responseType, ResponseType.ID_TOKEN);
    }

    /** A request for a client that signs in with the authorization code flow. */
    public DiscoveryRequest(String issuer, String discoveryUrl, List<String> scopes, String algorithm,
                            List<String> principalClaims, Optional<ClientAuthMethod> clientAuthMethod,
                            String callbackUrl) {
        this(issuer, discoveryUrl, scopes, algorithm, principalClaims, clientAuthMethod, callbackUrl,
                ResponseType.CODE);
    }

    /** The request the Provider step makes for its current settings. */
    public static DiscoveryRequest from(ProviderSettings s) {
        return new DiscoveryRequest(s.issuer(), s.effectiveDiscoveryUrl(), s.scopes(), s.tokenValidationAlgorithm(),
                s.principalClaims(),
                s.clientType() == ClientType.CONFIDENTIAL ? Optional.of(s.clientAuthMethod()) : Optional.empty(),
                s.callbackUrl(), s.effectiveResponseType());
    }

    /** A request with only the issuer set and OpenMetadata's defaults for the rest (a public client, implicit). */
    public static DiscoveryRequest forIssuer(String issuer) {
        return new DiscoveryRequest(issuer, "", ProviderSettings.DEFAULT_SCOPES, "RS256",
                ProviderSettings.DEFAULT_PRINCIPAL_CLAIMS, Optional.empty(), "", ResponseType.ID_TOKEN);
    }
}
