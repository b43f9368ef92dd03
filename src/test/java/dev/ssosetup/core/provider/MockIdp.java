package dev.ssosetup.core.provider;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * mock-oauth2-server embedded on 127.0.0.1 with its Netty server (the default one needs JUnit 4). The issuer follows
 * the Host header, so tests use {@link #issuer()} (127.0.0.1) throughout.
 */
public final class MockIdp implements AutoCloseable {
    private final MockOAuth2Server server;

    public MockIdp() {
        server = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"httpServer\":\"NettyWrapper\"}"));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.url("/").port() + "/default";
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
