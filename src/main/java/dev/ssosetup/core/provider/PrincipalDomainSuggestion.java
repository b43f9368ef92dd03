package dev.ssosetup.core.provider;

import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The principal domain a login test suggests: the domain of the signed-in user's email address, offered ("Use
 * example.com from alice@example.com") when it is a valid domain and differs from the one set. The email is the ID
 * token's {@code email} claim, or else the first principal claim that holds an address (claim names compared without
 * regard to case, as OpenMetadata does).
 *
 * @param domain the domain to set, in lower case
 * @param email  the address it comes from
 */
public record PrincipalDomainSuggestion(String domain, String email) {
    public PrincipalDomainSuggestion {
        Objects.requireNonNull(domain);
        Objects.requireNonNull(email);
    }

    /** The suggestion for {@code settings} after a sign-in with these ID token claims; empty when there is none. */
    public static Optional<PrincipalDomainSuggestion> of(ProviderSettings settings, Map<String, Object> idTokenClaims) {
        if (settings == null || idTokenClaims == null || settings.collate()) {
            return Optional.empty();
        }
        Map<String, Object> claims = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        claims.putAll(idTokenClaims);
        List<String> names = new ArrayList<>();
        names.add("email");
        names.addAll(settings.principalClaims());
        for (String name : names) {
            if (claims.get(name) instanceof String value && value.strip().indexOf('@') > 0) {
                String email = value.strip();
                String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
                if (!ProviderFormValidator.isDomain(domain)) {
                    return Optional.empty();
                }
                if (domain.equalsIgnoreCase(settings.principalDomain().strip())) {
                    return Optional.empty(); // already set
                }
                return Optional.of(new PrincipalDomainSuggestion(domain, email));
            }
        }
        return Optional.empty();
    }

    /** "Use example.com from alice@example.com". */
    public Text label() {
        return Text.of("provider.domain.suggest", domain, email);
    }

    /** The settings with this domain as principal domain. */
    public ProviderSettings applyTo(ProviderSettings settings) {
        return settings.toBuilder().principalDomain(domain).build();
    }
}
