package dev.ssosetup.infra.login;

import com.sun.net.httpserver.HttpServer;
import dev.ssosetup.core.common.LibraryText;
import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.LoopbackReceiver;
import dev.ssosetup.core.login.LoopbackUnavailable;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.core.text.Messages;
import dev.ssosetup.core.text.Text;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@link LoopbackReceiver} on the JDK's built-in HTTP server. Binds the loopback address only ({@code 127.0.0.1},
 * or {@code ::1} for {@code [::1]}), never the wildcard; for {@code localhost} it binds {@code 127.0.0.1} and, when
 * the machine has IPv6, {@code ::1} on the same port too, because browsers may resolve {@code localhost} to either.
 * Ports are tried in the given order; 0 (or none) lets the system choose.
 */
public final class JdkLoopbackReceiver implements LoopbackReceiver {
    /** How long a connection may take to send its whole request (head and body); then it is closed. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(5);

    private final Duration readDeadline;
    private final java.util.function.Supplier<Messages> messages;

    /** The browser tab's pages in the language of {@code messages} (the operator's). */
    public JdkLoopbackReceiver(Messages messages) {
        this(READ_DEADLINE, () -> messages);
    }

    /**
     * The browser tab's pages in the operator's language at the time the listener opens (the CLI's {@code --lang}
     * is known only once the arguments are parsed).
     */
    public JdkLoopbackReceiver(java.util.function.Supplier<Messages> messages) {
        this(READ_DEADLINE, messages);
    }

    /** For tests: pages in English. */
    public JdkLoopbackReceiver() {
        this(READ_DEADLINE, () -> Messages.forLocale(Locale.ENGLISH));
    }

    /** For tests: a shorter read deadline. */
    JdkLoopbackReceiver(Duration readDeadline) {
        this(readDeadline, () -> Messages.forLocale(Locale.ENGLISH));
    }

    private JdkLoopbackReceiver(Duration readDeadline, java.util.function.Supplier<Messages> messages) {
        this.readDeadline = readDeadline;
        this.messages = messages;
    }

    @Override
    public LoopbackListener open(RedirectHost host, List<Integer> ports, String path, String expectedState)
            throws LoopbackUnavailable {
        InetAddress primary = address(host == RedirectHost.IPV6 ? "::1" : "127.0.0.1");
        List<Integer> candidates = ports.isEmpty() ? List.of(0) : ports;
        List<Integer> busy = new ArrayList<>();
        for (int port : candidates) {
            HttpServer server;
            try {
                server = HttpServer.create(new InetSocketAddress(primary, port), 16);
            } catch (BindException e) {
                if (!bindable(primary)) { // "cannot assign requested address": no such loopback here
                    throw unavailable(host, primary, e);
                }
                busy.add(port);
                continue;
            } catch (SocketException e) {
                throw unavailable(host, primary, e);
            } catch (IOException e) {
                throw new LoopbackUnavailable(Text.of("listener.cannotStart", hostText(primary) + ":" + port,
                        LibraryText.plain(e.getMessage())), e);
            }
            int bound = server.getAddress().getPort();
            List<HttpServer> servers = new ArrayList<>(List.of(server));
            if (host == RedirectHost.LOCALHOST) {
                try {
                    servers.add(HttpServer.create(new InetSocketAddress(address("::1"), bound), 16));
                } catch (IOException | LoopbackUnavailable e) {
                    // no IPv6 loopback, or the port is taken there: 127.0.0.1 alone still serves most browsers
                }
            }
            return new LoopbackServer(servers, host, bound, path, expectedState, readDeadline, messages.get());
        }
        String list = busy.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (busy.size() == 1) {
            throw new LoopbackUnavailable(Text.of("listener.portBusy", list, hostText(primary)), null);
        }
        throw new LoopbackUnavailable(Text.of("listener.portsBusy", list, hostText(primary)), null);
    }

    private static LoopbackUnavailable unavailable(RedirectHost host, InetAddress address, SocketException e) {
        if (address instanceof Inet6Address) {
            return new LoopbackUnavailable(Text.of("listener.noIpv6"), e);
        }
        return new LoopbackUnavailable(Text.of("listener.cannotStart", hostText(address) + " (" + host.uriHost()
                + ")", LibraryText.plain(e.getMessage())), e);
    }

    private static boolean bindable(InetAddress address) {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, address)) {
            return probe.getLocalPort() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static InetAddress address(String literal) throws LoopbackUnavailable {
        try {
            return InetAddress.getByName(literal); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new LoopbackUnavailable(Text.of("listener.noAddress", literal), e);
        }
    }

    static String hostText(InetAddress address) {
        return address instanceof Inet6Address ? "[::1]" : address.getHostAddress();
    }
}
