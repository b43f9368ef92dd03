package dev.ssosetup.core.login;

import java.util.List;

/**
 * The port to the loopback listener that receives the browser's redirect (RFC 8252 section 7.3). An adapter binds the
 * loopback address only, serves only the callback path and hands over the first callback that carries the expected
 * {@code state}.
 */
public interface LoopbackReceiver {

    /**
     * Starts listening and returns once the listener accepts connections, so that the browser may be opened.
     *
     * @param host          the host of the redirect URI (also decides the address bound)
     * @param ports         ports to try in order; empty means any free port
     * @param path          the callback path, e.g. {@code /callback}
     * @param expectedState the {@code state} of this attempt; callbacks with another state are refused
     * @throws LoopbackUnavailable when no port could be bound; the message names the port(s) and what to do
     */
    LoopbackListener open(RedirectHost host, List<Integer> ports, String path, String expectedState)
            throws LoopbackUnavailable;
}
