package dev.ssosetup.core.common;

/** How serious a finding is. An {@code ERROR} blocks the wizard's Next; warnings and infos do not. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
