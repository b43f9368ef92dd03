package dev.ssosetup.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The operator-visible texts ({@code i18n/messages.properties} and its translations), for view models, views and the
 * CLI. One instance per language, made by the composition root; core results carry {@link Text} values that this
 * turns into words.
 */
public final class Messages {
    public static final String BUNDLE = "i18n.messages";
    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** The bundle for the system's language (English where there is no translation). */
    public static Messages load() {
        return forLocale(Locale.getDefault());
    }

    /** The bundle for {@code locale}, English where there is no translation for it. */
    public static Messages forLocale(Locale locale) {
        return new Messages(ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * The text for {@code key}, with {@code args} filled in ({@link MessageFormat}). A missing key shows as the key
     * itself in the app, and fails in tests ({@code -Dsso.setup.messages.strict=true}, set by the build).
     */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            if (Boolean.getBoolean("sso.setup.messages.strict")) {
                throw new IllegalStateException("no message for key '" + key + "' in " + BUNDLE, e);
            }
            System.getLogger(Messages.class.getName()).log(System.Logger.Level.WARNING, "no message for key " + key);
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /**
     * {@code text} in words: its arguments first ({@link Text} rendered, an enum constant {@code E.NAME} shown as the
     * message {@code enum.E.NAME} when the bundle has it), then the pattern.
     */
    public String text(Text text) {
        Object[] args = text.args().stream().map(this::argument).toArray();
        return get(text.key(), args);
    }

    private Object argument(Object arg) {
        if (arg instanceof Text nested) {
            return text(nested);
        }
        if (arg instanceof java.util.List<?> list) { // a list of values or texts, one after the other
            return String.join("; ", list.stream().map(this::argument).map(String::valueOf).toList());
        }
        if (arg instanceof Enum<?> e) {
            String key = "enum." + e.getDeclaringClass().getSimpleName() + "." + e.name();
            return bundle.containsKey(key) ? bundle.getString(key) : e.name();
        }
        return arg;
    }
}
