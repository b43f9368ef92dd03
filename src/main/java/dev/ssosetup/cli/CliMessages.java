package dev.ssosetup.cli;

import dev.ssosetup.core.text.Language;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * The language the command line speaks: one per command tree, given by the composition root (the system's language)
 * and switched by {@code --lang} while the arguments are parsed, before any command runs or prints its help.
 */
public final class CliMessages {
    private final Function<Locale, Messages> byLocale;
    private volatile Messages current;

    /** @param byLocale the bundle for a language ({@link Messages#forLocale}, in the composition root) */
    public CliMessages(Messages initial, Function<Locale, Messages> byLocale) {
        this.current = Objects.requireNonNull(initial);
        this.byLocale = Objects.requireNonNull(byLocale);
    }

    /** English, for commands built without the composition root (tests that assert English words). */
    public static CliMessages english() {
        return new CliMessages(Messages.forLocale(Locale.ENGLISH), Messages::forLocale);
    }

    /** Speak {@code language} from now on. */
    void use(Language language) {
        current = byLocale.apply(language.locale());
    }

    public Messages messages() {
        return current;
    }

    /** The text for {@code key} with {@code args}, in the current language. */
    public String get(String key, Object... args) {
        return current.get(key, args);
    }

    /**
     * A value from core in words: a {@link Text} through the bundle, anything else (a name, a URL, a number) as it is.
     */
    public String render(Object value) {
        return value instanceof Text t ? current.text(t) : String.valueOf(value);
    }

    /** {@code text} in words, in the current language. */
    public String text(Text text) {
        return current.text(text);
    }
}
