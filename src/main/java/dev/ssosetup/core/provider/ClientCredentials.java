package dev.ssosetup.core.provider;

import dev.ssosetup.core.text.Text;
import dev.ssosetup.core.common.Secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a provider's client credentials file told: its shape, the client ID, the secret (empty for a public client),
 * and the issuer or discovery URL where the file lets them be derived (else empty). The secret is a {@link Secret}:
 * it never prints, and {@link #applyTo} puts it only into the in-memory settings (profiles never store it).
 */
public record ClientCredentials(CredentialsFile.Shape shape, String clientId, Secret clientSecret, String issuer,
                                String discoveryUrl, Optional<Preset> preset, ClientType clientType) {
    public ClientCredentials {
        Objects.requireNonNull(shape);
        clientId = Objects.requireNonNullElse(clientId, "");
        clientSecret = Objects.requireNonNullElse(clientSecret, Secret.empty());
        issuer = Objects.requireNonNullElse(issuer, "");
        discoveryUrl = Objects.requireNonNullElse(discoveryUrl, "");
        preset = Objects.requireNonNullElse(preset, Optional.empty());
        clientType = Objects.requireNonNullElse(clientType, clientSecret.isEmpty() ? ClientType.PUBLIC
                : ClientType.CONFIDENTIAL);
    }

    /** {@code settings} with what the file knows filled in; the rest is kept. */
    public ProviderSettings applyTo(ProviderSettings settings) {
        ProviderSettings.Builder b = settings.toBuilder().clientId(clientId).clientType(clientType)
                .clientSecret(clientSecret);
        preset.ifPresent(b::preset);
        if (!issuer.isEmpty()) {
            b.issuer(issuer);
        }
        if (!discoveryUrl.isEmpty()) {
            b.discoveryUrl(discoveryUrl);
        }
        return b.build();
    }

    /** The fields filled, for telling the operator (the secret as "client secret", never its value). */
    public List<Text> filledFields() {
        List<Text> out = new ArrayList<>();
        preset.ifPresent(p -> out.add(Text.of("credentials.filled.provider")));
        if (!issuer.isEmpty()) {
            out.add(Text.of("credentials.filled.issuer"));
        }
        if (!discoveryUrl.isEmpty()) {
            out.add(Text.of("credentials.filled.discoveryUrl"));
        }
        out.add(Text.of("credentials.filled.clientId"));
        out.add(Text.of("credentials.filled.clientType"));
        if (!clientSecret.isEmpty()) {
            out.add(Text.of("credentials.filled.clientSecret"));
        }
        return out;
    }
}
