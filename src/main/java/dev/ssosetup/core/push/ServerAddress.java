package dev.ssosetup.core.push;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The base URL of an OpenMetadata server, as the operator typed it ({@code https://om.example.com}, with or without a
 * trailing slash or {@code /api}). Plain http is refused except on loopback: the admin token travels in every request.
 */
public record ServerAddress(URI base) {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    /**
     * Parses what the operator typed.
     *
     * @throws IllegalArgumentException with a message naming the field and the fix
     */
    public static ServerAddress parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("Server URL is empty: type the address of OpenMetadata, "
                    + "e.g. https://openmetadata.example.com");
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.endsWith("/api")) {
            s = s.substring(0, s.length() - 4);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Server URL \"" + s + "\" is not a valid URL: "
                    + "type it like https://openmetadata.example.com");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("Server URL \"" + s + "\" needs https:// and a host name, "
                    + "e.g. https://openmetadata.example.com");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("Server URL \"" + s + "\" uses plain http: the admin token would "
                    + "travel unencrypted. Use https:// (add a CA bundle if the certificate is private)");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("Server URL \"" + s + "\" must not have a query or fragment");
        }
        return new ServerAddress(uri);
    }

    /** {@code base + /api + path}, path starting with {@code /v1/...}. */
    public URI api(String path) {
        return URI.create(base + "/api" + path);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
