package dev.ssosetup.core.keys;

import java.util.ArrayList;
import java.util.List;

/** Validates {@link JwtKeySettings}: each problem names the field and the fix. */
public final class KeySettingsCheck {
    private KeySettingsCheck() {
    }

    public static List<String> problems(JwtKeySettings settings) {
        List<String> problems = new ArrayList<>();
        checkKeyId(settings.keyId()).ifPresent(problems::add);
        checkIssuer(settings.issuer()).ifPresent(problems::add);
        if (settings.privateKeyPath().isBlank()) {
            problems.add("Private key path: give the path where the OpenMetadata server reads private_key.der.");
        }
        if (settings.publicKeyPath().isBlank()) {
            problems.add("Public key path: give the path where the OpenMetadata server reads public_key.der.");
        }
        return problems;
    }

    public static java.util.Optional<String> checkKeyId(String keyId) {
        if (keyId == null || keyId.isBlank()) {
            return java.util.Optional.of("Key id: enter a key id (a random UUID is the usual choice).");
        }
        if (!keyId.equals(keyId.strip()) || keyId.chars().anyMatch(Character::isWhitespace)) {
            return java.util.Optional.of("Key id: remove the spaces; the key id travels in every token header.");
        }
        if (keyId.length() > 128) {
            return java.util.Optional.of("Key id: use at most 128 characters.");
        }
        return java.util.Optional.empty();
    }

    public static java.util.Optional<String> checkIssuer(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return java.util.Optional.of("JWT issuer: enter the issuer (usually OpenMetadata's host, "
                    + "for example open-metadata.org).");
        }
        if (issuer.chars().anyMatch(Character::isWhitespace)) {
            return java.util.Optional.of("JWT issuer: remove the spaces.");
        }
        return java.util.Optional.empty();
    }
}
