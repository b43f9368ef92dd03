package dev.ssosetup.core.session;

import dev.ssosetup.core.text.Language;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * What the app remembers between sessions: the theme, the profiles opened or saved last (newest first), the folder
 * the last file dialog ended in and the language (ADR 0020). Never a secret, never a setting of the configuration
 * itself.
 */
public record Preferences(ThemeChoice theme, List<String> recentProfiles, String lastFolder, Language language) {
    public static final int MAX_RECENT = 8;

    public Preferences {
        theme = Objects.requireNonNullElse(theme, ThemeChoice.SYSTEM);
        recentProfiles = List.copyOf(Objects.requireNonNullElse(recentProfiles, List.of()));
        lastFolder = Objects.requireNonNullElse(lastFolder, "");
        language = Objects.requireNonNullElse(language, Language.SYSTEM);
    }

    public static Preferences defaults() {
        return new Preferences(ThemeChoice.SYSTEM, List.of(), "", Language.SYSTEM);
    }

    public Preferences withTheme(ThemeChoice t) {
        return new Preferences(t, recentProfiles, lastFolder, language);
    }

    /** The window's language from the next start on. */
    public Preferences withLanguage(Language l) {
        return new Preferences(theme, recentProfiles, lastFolder, l);
    }

    /** {@code path} becomes the newest recent profile (once), and its folder the last folder. */
    public Preferences withRecent(String path, String folder) {
        List<String> recent = new ArrayList<>();
        recent.add(path);
        recentProfiles.stream().filter(p -> !p.equals(path)).limit(MAX_RECENT - 1L).forEach(recent::add);
        return new Preferences(theme, recent, folder == null || folder.isBlank() ? lastFolder : folder, language);
    }

    /** The preferences as a properties text. */
    public String encode() {
        Properties p = new Properties();
        p.setProperty("theme", theme.name());
        p.setProperty("lastFolder", lastFolder);
        p.setProperty("language", language.name());
        for (int i = 0; i < recentProfiles.size(); i++) {
            p.setProperty("recent." + i, recentProfiles.get(i));
        }
        StringWriter out = new StringWriter();
        try {
            p.store(out, "SSO Setup Console preferences");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Reads {@link #encode()}'s text; anything unreadable falls back to the defaults, entry by entry. */
    public static Preferences decode(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text == null ? "" : text));
        } catch (IOException | IllegalArgumentException e) {
            return defaults();
        }
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String r = p.getProperty("recent." + i);
            if (r != null && !r.isBlank()) {
                recent.add(r);
            }
        }
        return new Preferences(ThemeChoice.parse(p.getProperty("theme")), recent, p.getProperty("lastFolder", ""),
                Language.parse(p.getProperty("language")));
    }
}
