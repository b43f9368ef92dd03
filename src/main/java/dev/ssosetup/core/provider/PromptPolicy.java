package dev.ssosetup.core.provider;

import dev.ssosetup.core.text.Text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * OpenMetadata's OIDC {@code prompt} policy (API-2.0.md, {@code OidcPromptPolicy}): {@code none} is refused, alone or
 * combined, for every provider (it locks out users without a live identity-provider session); values a provider does
 * not accept are refused (custom OIDC, Entra ID, Okta, Auth0: login, consent, select_account; Google: no login;
 * Cognito: no consent). {@code select_account} is recommended; an empty prompt is allowed.
 */
public final class PromptPolicy {
    public static final String RECOMMENDED = "select_account";

    private PromptPolicy() {
    }

    /** The values {@code preset}'s provider accepts. */
    public static Set<String> accepted(Preset preset) {
        return switch (preset) {
            case GOOGLE -> Set.of("consent", "select_account");
            case COGNITO -> Set.of("login", "select_account");
            default -> Set.of("login", "consent", "select_account");
        };
    }

    /** Why {@code prompt} is refused for {@code preset}, or empty when it is fine. */
    public static Optional<Text> problem(Preset preset, String prompt) {
        List<String> values = Arrays.stream((prompt == null ? "" : prompt).strip().toLowerCase(Locale.ROOT)
                .split("[\\s,]+")).filter(v -> !v.isEmpty()).toList();
        if (values.contains("none")) {
            return Optional.of(Text.of("provider.prompt.none", RECOMMENDED));
        }
        for (String v : values) {
            if (!accepted(preset).contains(v)) {
                return Optional.of(Text.of("provider.prompt.notAccepted", v,
                        accepted(preset).stream().sorted().toList().toString(), RECOMMENDED));
            }
        }
        return Optional.empty();
    }
}
