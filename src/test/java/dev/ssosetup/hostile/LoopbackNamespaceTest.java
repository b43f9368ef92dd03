package dev.ssosetup.hostile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A connection to the machine's non-loopback address on the listener's port is refused, for every redirect host.
 *
 * <p>This workplace allows traffic only to loopback and to test hosts in network namespaces a session makes itself,
 * so the test does not touch the real network address: it makes a private network namespace ({@code unshare -n},
 * which needs root or CAP_SYS_ADMIN), gives it a network interface with documentation addresses (198.51.100.7 and
 * 2001:db8::7, a veth pair whose other end stays in the namespace) and runs {@link LoopbackProbe} there with the real
 * listener. Nothing leaves the namespace. Where namespaces cannot be made the test is skipped, saying why;
 * {@link LoopbackBindingTest} checks the bound addresses from the kernel's socket table on every machine.
 */
class LoopbackNamespaceTest {
    private static final String V4 = "198.51.100.7";
    private static final String V6 = "2001:db8::7";
    /** The two addresses as Java prints them. */
    private static final List<String> PRINTED = List.of(V4, "2001:db8:0:0:0:0:0:7");

    @Test
    void aConnectionToTheNonLoopbackAddressIsRefused() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")) && (Files.isExecutable(Path.of("/usr/sbin/ip"))
                || Files.isExecutable(Path.of("/sbin/ip")) || Files.isExecutable(Path.of("/usr/bin/ip"))),
                "needs unshare (util-linux) and ip (iproute2)");
        String setup = "ip link set lo up"
                + " && { ip link add v0 type veth peer name v1 2>/dev/null && ip link set v1 up && dev=v0"
                + " || { ip link add v0 type dummy 2>/dev/null && dev=v0; } || dev=lo; }"
                + " && ip addr add " + V4 + "/24 dev $dev && ip -6 addr add " + V6 + "/64 dev $dev nodad"
                + " && ip link set $dev up && echo \"namespace-ready $dev\" && exec \"$@\"";
        List<String> command = new ArrayList<>(List.of("unshare", "-n", "sh", "-c", setup, "sh",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoopbackProbe.class.getName(), V4, V6));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the probe ends");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(out.contains("namespace-ready"), "cannot make a private network namespace here (not root?): "
                + out.strip());
        System.out.println(out);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        for (String address : PRINTED) {
            assertTrue(lines.contains("control " + address + " ACCEPTED"),
                    "the namespace's address " + address + " is reachable (a wildcard listener accepts): " + out);
        }
        for (String host : List.of("IPV4", "LOCALHOST", "IPV6")) {
            String loopback = host.equals("IPV6") ? "0:0:0:0:0:0:0:1" : "127.0.0.1";
            assertTrue(lines.contains("listener-" + host + " " + loopback + " ACCEPTED"),
                    host + ": the listener answers on loopback: " + out);
            for (String address : PRINTED) {
                String line = lines.stream().filter(l -> l.startsWith("listener-" + host + " " + address + " "))
                        .findFirst().orElseThrow(() -> new AssertionError(host + " " + address + ": " + out));
                assertTrue(line.contains(" REFUSED"), "a connection to " + address + " on the listener's port is "
                        + "refused: " + line);
            }
        }
    }
}
