package dev.ssosetup.testing;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.net.InetAddress;
import java.util.Set;

/**
 * Starts an embedded mock-oauth2-server on 127.0.0.1 with its Netty server (the default MockWebServer wrapper needs
 * JUnit 4, which the build excludes). Use {@link #issuer} URLs with 127.0.0.1: the server derives the issuer from
 * the Host header.
 */
public final class MockProvider implements AutoCloseable {
    private final MockOAuth2Server server;

    private MockProvider(MockOAuth2Server server) {
        this.server = server;
    }

    public static MockProvider start() {
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(), Set.of(), new NettyWrapper()));
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return new MockProvider(server);
    }

    public MockOAuth2Server server() {
        return server;
    }

    public String base() {
        return "http://127.0.0.1:" + server.baseUrl().port() + "/";
    }

    public String issuer(String issuerId) {
        return base() + issuerId;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
