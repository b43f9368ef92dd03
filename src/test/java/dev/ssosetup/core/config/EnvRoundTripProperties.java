package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Secret;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Any one-line secret or name survives the .env file as compose reads it. */
class EnvRoundTripProperties {
    private final Renderers renderers = new Renderers();

    @Property(tries = 300)
    void envSaysWhatTheModelSays(@ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 30) String secret,
                                 @ForAll @CharRange(from = ' ', to = '~') @StringLength(max = 30) String name) {
        var base = Samples.confidential().withClientSecret(Secret.of(secret));
        var p = base.provider();
        var c = base.withProvider(p.toBuilder().providerName(name).build());
        Map<String, String> env = ParseBackTest.parseEnv(
                renderers.render(OutputFormat.ENV, c, RenderOptions.withSecret()).text());
        assertEquals(DockerEnvRenderer.variables(c, RenderOptions.withSecret()), env);
    }
}
