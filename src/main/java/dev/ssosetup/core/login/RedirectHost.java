package dev.ssosetup.core.login;

import java.util.Locale;
import java.util.Optional;

/**
 * The host written into the loopback redirect URI. Providers compare it literally: most accept {@code 127.0.0.1}
 * (RFC 8252 recommends it), Entra ID registers {@code localhost}, a few want {@code [::1]}.
 */
public enum RedirectHost {
    IPV4("127.0.0.1"),
    LOCALHOST("localhost"),
    IPV6("[::1]");

    private final String uriHost;

    RedirectHost(String uriHost) {
        this.uriHost = uriHost;
    }

    /** The host as it appears in the URI ({@code [::1]} with brackets). */
    public String uriHost() {
        return uriHost;
    }

    /** Parses {@code 127.0.0.1}, {@code localhost}, {@code [::1]} (or {@code ::1}); empty for anything else. */
    public static Optional<RedirectHost> parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "127.0.0.1", "ipv4" -> Optional.of(IPV4);
            case "localhost" -> Optional.of(LOCALHOST);
            case "[::1]", "::1", "ipv6" -> Optional.of(IPV6);
            default -> Optional.empty();
        };
    }
}
