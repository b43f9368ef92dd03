package dev.ssosetup.core.login;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one login attempt runs: the loopback ports to try in order (empty: any free port), the host in the redirect
 * URI, the one timeout for the whole attempt, and whether to open the system browser (otherwise the URL is only
 * shown). {@code allowInsecureHttp}: the operator agreed to send the code, the PKCE verifier and the client secret over
 * plain {@code http} to a provider that is not on this computer (see {@link InsecureHttp}); off by default.
 */
public record LoginOptions(List<Integer> ports, RedirectHost redirectHost, Duration timeout, boolean openBrowser,
                           boolean allowInsecureHttp) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    public static final String CALLBACK_PATH = "/callback";

    public LoginOptions {
        ports = List.copyOf(Objects.requireNonNullElse(ports, List.of()));
        for (int port : ports) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("Port " + port + " is not between 0 and 65535");
            }
        }
        redirectHost = Objects.requireNonNullElse(redirectHost, RedirectHost.IPV4);
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
    }

    /** Plain {@code http} to a provider off this computer refused. */
    public LoginOptions(List<Integer> ports, RedirectHost redirectHost, Duration timeout, boolean openBrowser) {
        this(ports, redirectHost, timeout, openBrowser, false);
    }

    /** Any free port on 127.0.0.1, 180 s, open the browser. */
    public static LoginOptions defaults() {
        return new LoginOptions(List.of(), RedirectHost.IPV4, DEFAULT_TIMEOUT, true);
    }

    public LoginOptions withPorts(List<Integer> newPorts) {
        return new LoginOptions(newPorts, redirectHost, timeout, openBrowser, allowInsecureHttp);
    }

    public LoginOptions withTimeout(Duration newTimeout) {
        return new LoginOptions(ports, redirectHost, newTimeout, openBrowser, allowInsecureHttp);
    }

    public LoginOptions withOpenBrowser(boolean open) {
        return new LoginOptions(ports, redirectHost, timeout, open, allowInsecureHttp);
    }

    public LoginOptions withRedirectHost(RedirectHost host) {
        return new LoginOptions(ports, host, timeout, openBrowser, allowInsecureHttp);
    }

    public LoginOptions withAllowInsecureHttp(boolean allow) {
        return new LoginOptions(ports, redirectHost, timeout, openBrowser, allow);
    }
}
