package dev.ssosetup.hostile;

import dev.ssosetup.core.login.LoopbackListener;
import dev.ssosetup.core.login.RedirectHost;
import dev.ssosetup.infra.login.JdkLoopbackReceiver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The login test's loopback listener is bound to the loopback address only (RFC 8252 section 8.3), for each redirect
 * host. Checked from the kernel's own table of listening sockets ({@code /proc/net/tcp}, {@code tcp6}): every socket
 * listening on the listener's port has a loopback local address, none a wildcard or an interface address. So a
 * connection to this machine's network address on that port cannot be accepted. This test sends no packet to a
 * non-loopback address (this workplace allows traffic only to loopback and to namespaces a session makes itself);
 * {@link LoopbackNamespaceTest} makes such a connection, inside a private network namespace, and sees it refused.
 */
class LoopbackBindingTest {

    /** Local addresses (hex as in /proc/net/tcp*) of the sockets in LISTEN state on {@code port}. */
    private static List<String> listeners(int port) throws IOException {
        List<String> out = new ArrayList<>();
        String hexPort = String.format("%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            List<String> lines = Files.readAllLines(p); // read once: the table changes while other sockets open
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                String[] local = f[1].split(":");
                if (local[1].equalsIgnoreCase(hexPort) && f[3].equals("0A")) { // 0A = LISTEN
                    out.add(table.endsWith("6") ? "6:" + local[0] : "4:" + local[0]);
                }
            }
        }
        return out;
    }

    /** /proc/net/tcp prints IPv4 as a little-endian word: 127.0.0.1 is 0100007F. */
    private static boolean isLoopback(String entry) {
        String hex = entry.substring(2).toUpperCase(Locale.ROOT);
        if (entry.startsWith("4:")) {
            return hex.endsWith("7F");
        }
        // ::1 is 00000000000000000000000001000000; ::ffff:127.x is 0000000000000000FFFF0000xx00007F
        return hex.equals("00000000000000000000000001000000")
                || hex.startsWith("0000000000000000FFFF0000") && hex.endsWith("7F");
    }

    private static List<String> nonLoopbackIpv4() throws IOException {
        List<String> out = new ArrayList<>();
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    out.add(a.getHostAddress());
                }
            }
        }
        return out;
    }

    @Test
    void ipv4ListenerIsBoundTo127001Only() throws Exception {
        try (LoopbackListener listener = new JdkLoopbackReceiver().open(RedirectHost.IPV4, List.of(), "/callback",
                "s")) {
            int port = listener.redirectUri().getPort();
            assertEquals("127.0.0.1", listener.redirectUri().getHost());
            List<String> bound = listeners(port);
            assertFalse(bound.isEmpty(), "the kernel lists the listener on port " + port);
            assertTrue(bound.stream().allMatch(LoopbackBindingTest::isLoopback),
                    "every socket on port " + port + " is loopback-only, found " + bound);
            assertFalse(bound.contains("4:00000000") || bound.contains("6:" + "0".repeat(32)),
                    "no wildcard (0.0.0.0 / ::) bind: " + bound);
            try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port)) {
                assertTrue(s.isConnected(), "reachable on loopback");
            }
            List<String> external = nonLoopbackIpv4();
            assumeTrue(!external.isEmpty(), "this machine has no non-loopback IPv4 address; the kernel table check "
                    + "above already shows the port is bound to loopback only");
            System.out.println("port " + port + " listens on " + bound + "; not on " + external);
        }
    }

    @Test
    void everyRedirectHostBindsLoopbackOnly() throws Exception {
        for (RedirectHost host : RedirectHost.values()) {
            LoopbackListener listener;
            try {
                listener = new JdkLoopbackReceiver().open(host, List.of(), "/callback", "s");
            } catch (Exception e) {
                assumeTrue(host != RedirectHost.IPV4, "IPv4 loopback must always work: " + e.getMessage());
                continue; // e.g. no IPv6 on this machine: the listener refuses with a message, never binds wider
            }
            try (listener) {
                List<String> bound = listeners(listener.redirectUri().getPort());
                assertFalse(bound.isEmpty(), host + ": listed");
                assertTrue(bound.stream().allMatch(LoopbackBindingTest::isLoopback), host + ": " + bound);
            }
        }
    }
}
