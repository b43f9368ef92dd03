package dev.ssosetup.core.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Small URL facts the checks share: parsing without exceptions, loopback hosts, https. */
public final class Urls {
    private Urls() {
    }

    /** The URL as an absolute http(s) URI with a host, or empty. */
    public static Optional<URI> parseHttp(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI u = new URI(text.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty()) {
                return Optional.of(u);
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    public static boolean isHttps(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    /** {@code localhost}, {@code 127.x.x.x} and {@code [::1]}: hosts where plain http stays on this machine. */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1");
    }

    public static String host(String url) {
        return parseHttp(url).map(URI::getHost).orElse(url);
    }
}
