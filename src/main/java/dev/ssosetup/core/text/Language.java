package dev.ssosetup.core.text;

import java.util.Locale;
import java.util.Optional;

/**
 * The operator's language choice: follow the system's language, or always English, or always German (ADR 0020). The
 * app's preference ({@code language=SYSTEM|EN|DE}) and the CLI's {@code --lang en|de} both end here.
 */
public enum Language {
    SYSTEM, EN, DE;

    /** The languages a choice can name, as {@code --lang} takes them. */
    public static final String TAGS = "en, de";

    /** The locale this choice stands for; {@link #SYSTEM} is the system's at the time of asking. */
    public Locale locale() {
        return switch (this) {
            case SYSTEM -> Locale.getDefault();
            case EN -> Locale.ENGLISH;
            case DE -> Locale.GERMAN;
        };
    }

    /** {@code en} or {@code de} (any case), as {@code --lang} takes it; empty for anything else. */
    public static Optional<Language> fromTag(String tag) {
        String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "en" -> Optional.of(EN);
            case "de" -> Optional.of(DE);
            default -> Optional.empty();
        };
    }

    /** The choice written as {@code name} in the preferences, or {@link #SYSTEM} for anything unknown. */
    public static Language parse(String name) {
        for (Language l : values()) {
            if (l.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return l;
            }
        }
        return SYSTEM;
    }
}
