package dev.ssosetup.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The operator-visible texts ({@code i18n/messages.properties}), for view models and views. */
public final class Messages {
    public static final String BUNDLE = "i18n.messages";
    private final ResourceBundle bundle;

    public Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages load() {
        return new Messages(ResourceBundle.getBundle(BUNDLE, Locale.getDefault()));
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
}
