package dev.ssosetup.hostile;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ssosetup.core.common.Secret;
import dev.ssosetup.core.net.HttpExchange;
import dev.ssosetup.core.net.HttpGateway;
import dev.ssosetup.core.push.OpenMetadataClient;
import dev.ssosetup.core.push.PushException;
import dev.ssosetup.core.push.ServerAddress;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile OpenMetadata answers to every call of the push client (version, read, validate, put, public auth settings,
 * key URL): each ends in a value or a {@link PushException} with a readable message, never an unchecked exception,
 * and no message carries the admin token (a canary) in any form.
 */
class OpenMetadataResponseFuzzTest {
    private static final String TOKEN = "CANARY-admin-token-8e7f6a5b3c";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = read("/dev/ssosetup/testserver/security-config.custom-oidc.confidential.json");
    private static final String VALIDATION = "{\"status\":\"failed\",\"errors\":[{\"field\":"
            + "\"authenticationConfiguration.clientId\",\"error\":\"Client id is wrong\"},{\"field\":\"x\",\"error\":\"y\"}]}";
    private static final String VERSION = "{\"version\":\"1.9.7\",\"revision\":\"abc\",\"timestamp\":1735000000000}";
    private static final String JWKS = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"sXch\",\"e\":\"AQAB\",\"kid\":\"k\"}]}";
    private final Canaries canaries = new Canaries().add("admin token", TOKEN);

    private static String read(String resource) {
        try (var in = OpenMetadataResponseFuzzTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(Hostile.jsonMutations(CONFIG), Hostile.jsonMutations(VALIDATION),
                Hostile.jsonMutations(VERSION), Hostile.jsonMutations(JWKS),
                Arbitraries.of("", "<html><body>Login</body></html>", "null", "[]", "{}", "{\"status\":null}",
                        "{\"status\":\"success\",\"errors\":{\"a\":1}}", "{\"version\":\"\"}",
                        "{\"version\":\"99999999999999999999.1.1\"}", "{\"version\":\"v1.-2.x-SNAPSHOT\"}",
                        "{\"version\":{}}", "{\"keys\":[]}", "{\"code\":401,\"message\":\"" + TOKEN + " is invalid\"}"));
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.oneOf(Arbitraries.of(200, 201, 204, 301, 400, 401, 403, 404, 409, 412, 500, 503),
                Arbitraries.integers().between(0, 999));
    }

    private static HttpGateway serving(int status, byte[] body, String location) {
        return request -> new HttpExchange.Response(request.uri(), status,
                Map.of("Content-Type", List.of("application/json"), "Location", List.of(location)), body, Instant.now());
    }

    private void call(String name, String input, Callable<?> call) {
        var outcome = Hostile.run(name + ": " + input, call);
        if (outcome.checked() != null) {
            if (!(outcome.checked() instanceof PushException)) {
                throw new AssertionError(name + " threw undocumented " + outcome.checked().getClass().getName());
            }
            Hostile.assertClearMessage(outcome.checked(), input);
            String message = outcome.checked().getMessage();
            List<String> leaks = canaries.find(name + " message", message);
            // a server that echoes the token back is the server's leak; the client must still not repeat it
            assertEquals(List.of(), leaks, "the admin token leaked into " + Hostile.shorten(message));
        }
    }

    @Property(tries = 300)
    void everyAnswerEndsInAValueOrAPushException(@ForAll("statuses") int status, @ForAll("bodies") String body,
                                                 @ForAll byte[] noise, @ForAll boolean useNoise) throws Exception {
        byte[] bytes = useNoise ? noise : body.getBytes(StandardCharsets.UTF_8);
        String input = "HTTP " + status + " " + (useNoise ? "bytes[" + noise.length + "]" : body);
        OpenMetadataClient client = new OpenMetadataClient(serving(status, bytes, body),
                ServerAddress.parse("https://om.example.com"), Secret.of(TOKEN), HttpExchange.Limits.DEFAULT);
        ObjectNode desired = (ObjectNode) JSON.readTree(CONFIG);
        call("version", input, client::version);
        call("readConfig", input, client::readConfig);
        call("validate", input, () -> client.validate(desired));
        call("putConfig", input, () -> client.putConfig(desired));
        call("authConfig", input, client::authConfig);
        call("fetchKeyCount", input, () -> client.fetchKeyCount("https://idp.example.com/jwks"));
    }

    /** Found by the property above: a version with more digits than an int threw NumberFormatException. */
    @net.jqwik.api.Example
    void aVersionBeyondIntIsUnknownNotACrash() throws Exception {
        everyAnswerEndsInAValueOrAPushException(200, "{\"version\":\"99999999999999999999.1.1\"}", new byte[0],
                false);
    }

    /** Found by the property: a key URL answering the JSON literal null threw NullPointerException. */
    @net.jqwik.api.Example
    void aKeyUrlAnsweringNullIsABadAnswerNotACrash() throws Exception {
        everyAnswerEndsInAValueOrAPushException(200, "null", new byte[0], false);
    }

    @Property(tries = 200)
    void hostileServerAndKeyUrlsAreRefusedClearly(@ForAll("urls") String url) {
        // documented: IllegalArgumentException naming the field and the fix
        var outcome = Hostile.run(url, () -> {
            try {
                return ServerAddress.parse(url);
            } catch (IllegalArgumentException e) {
                throw new Exception(e.getMessage(), e);
            }
        });
        if (outcome.checked() != null) {
            Hostile.assertClearMessage(outcome.checked(), url);
        }
        OpenMetadataClient client = new OpenMetadataClient(serving(200, JWKS.getBytes(StandardCharsets.UTF_8), ""),
                ServerAddress.parse("https://om.example.com"), Secret.of(TOKEN), HttpExchange.Limits.DEFAULT);
        call("fetchKeyCount", url, () -> client.fetchKeyCount(url));
    }

    @Provide
    Arbitrary<String> urls() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of("", " ", "https://", "http://[::1", "file:///etc/passwd", "https://om:99999/",
                        "https://om.example.com/%zz", "om.example.com", "https://u:p@om/", "\u0000"));
    }

}
