package dev.ssosetup.core.session;

/** The window's colour scheme: follow the system setting, or always light, or always dark. */
public enum ThemeChoice {
    SYSTEM, LIGHT, DARK;

    /** The choice written as {@code name}, or {@link #SYSTEM} for anything unknown. */
    public static ThemeChoice parse(String name) {
        for (ThemeChoice t : values()) {
            if (t.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return t;
            }
        }
        return SYSTEM;
    }
}
