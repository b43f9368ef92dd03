package dev.ssosetup.core.login;

import dev.ssosetup.core.common.Finding;
import dev.ssosetup.core.text.Text;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rule for plain {@code http} in the login test (ADR 0015): the token request carries the authorization code, the
 * PKCE verifier and the client secret, the browser sends the password to the authorization endpoint, and the ID token
 * and keys come back: over {@code http} anyone on the path reads or changes them. Plain {@code http} is fine only on
 * this computer's loopback ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}), judged from the URL alone, before
 * any request and without a DNS lookup: a name that resolves to 127.0.0.1 still counts as remote.
 */
public final class InsecureHttp {
    /** The finding id of a refusal; the wizard offers to confirm and run again when it sees it. */
    public static final String REFUSED = "login-insecure-http";
    /** The finding id of the warning when the operator allowed it. */
    public static final String ALLOWED = "login-insecure-http-allowed";
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private InsecureHttp() {
    }

    /** True when {@code uri} is plain {@code http} to a host other than this computer's loopback. */
    public static boolean isInsecure(URI uri) {
        return uri != null && "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
    }

    static boolean isLoopback(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || IPV4_LOOPBACK.matcher(h).matches()) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            try {
                return InetAddress.ofLiteral(h.substring(1, h.length() - 1)).isLoopbackAddress(); // never a lookup
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** The named endpoints ({@code Text name, URI uri} pairs flattened) that are insecure, as "name (origin)". */
    static List<Text> insecure(Object... nameThenUri) {
        List<Text> found = new ArrayList<>();
        for (int i = 0; i + 1 < nameThenUri.length; i += 2) {
            if (nameThenUri[i + 1] instanceof URI uri && isInsecure(uri)) {
                found.add(Text.of("login.endpoint.at", nameThenUri[i], origin(uri)));
            }
        }
        return found;
    }

    /** "a, b, c" as one text, each part in the operator's language. */
    static Text list(List<Text> parts) {
        Text all = parts.getFirst();
        for (int i = 1; i < parts.size(); i++) {
            all = Text.of("common.list", all, parts.get(i));
        }
        return all;
    }

    private static String origin(URI uri) {
        return "http://" + uri.getRawAuthority();
    }

    static LoginStop refusal(FailureStage stage, List<Text> endpoints, List<Finding> findings) {
        Text reason = Text.of("finding.login-insecure-http", list(endpoints), endpoints.size());
        Text hint = Text.of("finding.login-insecure-http.hint");
        findings.add(Finding.error(REFUSED, reason, hint));
        return new LoginStop(stage, reason, hint);
    }

    static Finding allowed(List<Text> endpoints) {
        return Finding.warning(ALLOWED, Text.of("finding.login-insecure-http-allowed", list(endpoints)),
                Text.of("finding.login-insecure-http-allowed.hint"));
    }
}
