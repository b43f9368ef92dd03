package dev.ssosetup.core.keys;

import dev.ssosetup.core.text.Text;

import java.util.ArrayList;
import java.util.List;

/** Validates {@link JwtKeySettings}: each problem names the field and the fix. */
public final class KeySettingsCheck {
    private KeySettingsCheck() {
    }

    public static List<Text> problems(JwtKeySettings settings) {
        List<Text> problems = new ArrayList<>();
        checkKeyId(settings.keyId()).ifPresent(problems::add);
        checkIssuer(settings.issuer()).ifPresent(problems::add);
        if (settings.privateKeyPath().isBlank()) {
            problems.add(Text.of("keys.settings.privatePathMissing"));
        }
        if (settings.publicKeyPath().isBlank()) {
            problems.add(Text.of("keys.settings.publicPathMissing"));
        }
        return problems;
    }

    public static java.util.Optional<Text> checkKeyId(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return java.util.Optional.of(Text.of("keys.settings.keyIdMissing"));
        }
        if (!keyId.equals(keyId.strip()) || keyId.chars().anyMatch(Character::isWhitespace)) {
            return java.util.Optional.of(Text.of("keys.settings.keyIdSpaces"));
        }
        if (keyId.length() > 128) {
            return java.util.Optional.of(Text.of("keys.settings.keyIdTooLong", 128));
        }
        return java.util.Optional.empty();
    }

    public static java.util.Optional<Text> checkIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return java.util.Optional.of(Text.of("keys.settings.issuerMissing"));
        }
        if (issuer.chars().anyMatch(Character::isWhitespace)) {
            return java.util.Optional.of(Text.of("keys.settings.issuerSpaces"));
        }
        return java.util.Optional.empty();
    }
}
