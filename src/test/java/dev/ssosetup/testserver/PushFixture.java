package dev.ssosetup.testserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.NettyWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Set;

/**
 * One OpenMetadata test server plus an embedded mock-oauth2-server as the identity provider, and desired bodies built
 * from the shared examples with their URLs pointed at these loopback servers. Canary values for the admin token, the
 * bot token and the client secret let tests search every output for leaks.
 */
public class PushFixture implements AutoCloseable {
    public static final String ADMIN_TOKEN = "canary-admin-token-7f3e9a";
    public static final String BOT_TOKEN = "canary-bot-token-51c2d0";
    public static final String CLIENT_SECRET = "canary-client-secret-b8d41e";
    private static final ObjectMapper JSON = new ObjectMapper();
    // Netty, not the default okhttp MockWebServer, which needs JUnit 4 (excluded from the build)
    public final MockOAuth2Server idp = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
            new OAuth2TokenProvider(), Set.of(), new NettyWrapper(null)));
    public final OpenMetadataTestServer om;
    public final String issuer;

    public PushFixture() {
        try {
            idp.start(InetAddress.getByName("127.0.0.1"), 0);
            om = new OpenMetadataTestServer(ADMIN_TOKEN, BOT_TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + idp.url("/").port() + "/default";
    }

    /** The confidential example, pointed at the mock IdP and the test server; the secret left as the placeholder. */
    public ObjectNode confidentialBody() {
        ObjectNode body = example("security-config.custom-oidc.confidential.json");
        ObjectNode auth = (ObjectNode) body.path("authenticationConfiguration");
        auth.put("authority", issuer);
        auth.putArray("publicKeyUrls").add(issuer + "/jwks").add(om.jwksUrl());
        auth.put("callbackUrl", om.baseUrl() + "/callback");
        ObjectNode oidc = (ObjectNode) auth.path("oidcConfiguration");
        oidc.put("discoveryUri", issuer + "/.well-known/openid-configuration");
        oidc.put("serverUrl", om.baseUrl());
        oidc.put("callbackUrl", om.baseUrl() + "/callback");
        oidc.put("scope", "openid");
        return body;
    }

    /** The public example, pointed at the mock IdP and the test server. */
    public ObjectNode publicBody() {
        ObjectNode body = example("security-config.custom-oidc.public.json");
        ObjectNode auth = (ObjectNode) body.path("authenticationConfiguration");
        auth.put("authority", issuer);
        auth.put("responseType", "code");
        auth.putArray("publicKeyUrls").add(issuer + "/jwks").add(om.jwksUrl());
        auth.put("callbackUrl", om.baseUrl() + "/callback");
        return body;
    }

    public static ObjectNode example(String name) {
        // copies of shared/openmetadata/examples, so the tests run from any checkout
        try (InputStream in = PushFixture.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("example " + name + " not found next to PushFixture", e);
        }
    }

    @Override
    public void close() {
        om.close();
        idp.shutdown();
    }
}
