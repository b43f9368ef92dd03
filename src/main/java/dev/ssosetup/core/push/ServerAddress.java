package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

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
     * @throws InvalidServerAddress with a text naming the field and the fix
     */
    public static ServerAddress parse(String typed) {
        String s = typed == null ? "" : typed.strip();
        if (s.isEmpty()) {
            throw new InvalidServerAddress(Text.of("push.server.empty"));
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
            throw new InvalidServerAddress(Text.of("push.server.notUrl", s));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidServerAddress(Text.of("push.server.noHost", s));
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw new InvalidServerAddress(Text.of("push.server.plainHttp", s));
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new InvalidServerAddress(Text.of("push.server.query", s));
        }
        return new ServerAddress(uri);
    }

    /** What the operator typed is not a server address; {@link #text()} names the field and the fix. */
    public static final class InvalidServerAddress extends IllegalArgumentException {
        private final transient Text text;

        InvalidServerAddress(Text text) {
            super(Messages.forLocale(java.util.Locale.ENGLISH).text(text)); // for logs; the operator sees text()
            this.text = text;
        }

        public Text text() {
            return text;
        }
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
