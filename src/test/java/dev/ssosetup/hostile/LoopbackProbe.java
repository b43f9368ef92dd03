package dev.ssosetup.hostile;

import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * Run by {@link LoopbackNamespaceTest} inside a private network namespace: opens the real loopback listener for
 * every redirect host and tries to connect to its port through each address given on the command line (the
 * namespace's non-loopback addresses) and through loopback. Prints one line per attempt:
 * {@code <what> <address> REFUSED|ACCEPTED|ERROR <detail>}. A control listener on the wildcard address shows the
 * addresses are reachable at all, so a refusal means the listener is not there, not that the network is broken.
 */
public final class LoopbackProbe {
    private LoopbackProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<InetAddress> outside = java.util.Arrays.stream(args).map(LoopbackProbe::literal).toList();
        try (ServerSocket control = new ServerSocket()) {
            control.bind(new InetSocketAddress(InetAddress.getByName("::"), 0));
            for (InetAddress a : outside) {
                System.out.println("control " + a.getHostAddress() + " " + attempt(a, control.getLocalPort()));
            }
        }
        for (RedirectHost host : RedirectHost.values()) {
            LoopbackListener listener;
            try {
                listener = new JdkLoopbackReceiver().open(host, List.of(), "/callback", "probe-state");
            } catch (Exception e) {
                System.out.println("listener-" + host + " - UNAVAILABLE " + e.getMessage());
                continue;
            }
            try (listener) {
                int port = listener.redirectUri().getPort();
                InetAddress loopback = host == RedirectHost.IPV6 ? literal("::1") : literal("127.0.0.1");
                System.out.println("listener-" + host + " " + loopback.getHostAddress() + " "
                        + attempt(loopback, port));
                for (InetAddress a : outside) {
                    System.out.println("listener-" + host + " " + a.getHostAddress() + " " + attempt(a, port));
                }
            }
        }
    }

    private static String attempt(InetAddress address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 3000);
            return "ACCEPTED";
        } catch (ConnectException e) {
            return "REFUSED " + e.getMessage();
        } catch (IOException e) {
            return "ERROR " + e;
        }
    }

    private static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text); // literals only: no DNS
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
