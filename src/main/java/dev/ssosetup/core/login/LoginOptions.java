package dev.ssosetup.core.login;

import dev.ssosetup.core.text.Text;

import java.time.Duration;
import java.util.ArrayList;
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
    /** The loopback ports the listener may use; {@link #ANY_PORT} (or no port at all) lets it pick a free one. */
    public static final int ANY_PORT = 0;
    public static final int MAX_PORT = 65535;
    /** The limits of the one timeout of an attempt, in seconds: the window and the CLI apply the same ones. */
    public static final long MIN_TIMEOUT_SECONDS = 5;
    public static final long MAX_TIMEOUT_SECONDS = 3600;

    public LoginOptions {
        ports = List.copyOf(Objects.requireNonNullElse(ports, List.of()));
        for (int port : ports) {
            if (port < ANY_PORT || port > MAX_PORT) {
                throw new IllegalArgumentException("Port " + port + " is not between 0 and 65535");
            }
        }
        redirectHost = Objects.requireNonNullElse(redirectHost, RedirectHost.IPV4);
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("The timeout must be positive");
        }
    }

    /** Which option a {@link Parsed.Invalid} is about. */
    public enum OptionField {
        PORTS,
        TIMEOUT
    }

    /** The options as typed or given on the command line: valid options, or the first problem. */
    public sealed interface Parsed permits Parsed.Valid, Parsed.Invalid {
        /** The options, all within the limits. */
        record Valid(LoginOptions options) implements Parsed {
        }

        /** {@code problem} names the option, what was given and the allowed range (a message key). */
        record Invalid(OptionField field, Text problem) implements Parsed {
        }
    }

    /**
     * The one validation of the login options, for the Login test step and {@code test-login}/{@code push --login}:
     * ports from 1 to 65535 (0 or none: any free port) and a timeout from {@link #MIN_TIMEOUT_SECONDS} to
     * {@link #MAX_TIMEOUT_SECONDS} seconds.
     */
    public static Parsed of(List<Integer> ports, long timeoutSeconds, RedirectHost host, boolean openBrowser,
                            boolean allowInsecureHttp) {
        List<Integer> list = Objects.requireNonNullElse(ports, List.of());
        for (int port : list) {
            if (port < ANY_PORT || port > MAX_PORT) {
                return portProblem(String.valueOf(port));
            }
        }
        if (timeoutSeconds < MIN_TIMEOUT_SECONDS || timeoutSeconds > MAX_TIMEOUT_SECONDS) {
            return timeoutProblem(String.valueOf(timeoutSeconds));
        }
        return new Parsed.Valid(new LoginOptions(list, host, Duration.ofSeconds(timeoutSeconds), openBrowser,
                allowInsecureHttp));
    }

    /**
     * {@link #of} for the text of the Login test step's fields: {@code ports} separated by commas or spaces (empty:
     * any free port), {@code timeoutSeconds} a whole number.
     */
    public static Parsed parse(String ports, String timeoutSeconds, RedirectHost host, boolean openBrowser,
                               boolean allowInsecureHttp) {
        List<Integer> list = new ArrayList<>();
        String p = ports == null ? "" : ports.strip();
        if (!p.isEmpty()) {
            for (String part : p.split("[,\\s]+")) {
                try {
                    list.add(Integer.parseInt(part));
                } catch (NumberFormatException e) {
                    return portProblem(part);
                }
            }
        }
        String t = timeoutSeconds == null ? "" : timeoutSeconds.strip();
        long seconds;
        try {
            seconds = Long.parseLong(t);
        } catch (NumberFormatException e) {
            Parsed portsFirst = of(list, DEFAULT_TIMEOUT.toSeconds(), host, openBrowser, allowInsecureHttp);
            return portsFirst instanceof Parsed.Invalid ? portsFirst : timeoutProblem(t);
        }
        return of(list, seconds, host, openBrowser, allowInsecureHttp);
    }

    private static Parsed portProblem(String given) {
        return new Parsed.Invalid(OptionField.PORTS, Text.of("login.options.ports.range", given, MAX_PORT));
    }

    private static Parsed timeoutProblem(String given) {
        return new Parsed.Invalid(OptionField.TIMEOUT, Text.of("login.options.timeout.range", given,
                MIN_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS));
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
