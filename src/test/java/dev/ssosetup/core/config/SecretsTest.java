package dev.ssosetup.core.config;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client secret appears only where the format needs it and the operator asked for it; never in a profile. */
class SecretsTest {
    private final Renderers renderers = new Renderers();
    private static final Set<OutputFormat> NEEDS_SECRET = EnumSet.of(OutputFormat.JSON, OutputFormat.YAML,
            OutputFormat.ENV);

    @Test
    void withoutTheRequestNoOutputHoldsTheSecret() {
        for (OutputFormat f : OutputFormat.values()) {
            RenderedOutput out = renderers.render(f, Samples.confidential(), RenderOptions.withoutSecret());
            assertFalse(out.text().contains(Samples.SECRET), f + " leaked the secret");
            assertFalse(out.holdsSecret(), f.name());
            assertFalse(out.toString().contains(Samples.SECRET));
        }
        String json = renderers.render(OutputFormat.JSON, Samples.confidential(), RenderOptions.withoutSecret()).text();
        assertTrue(json.contains(RenderOptions.SECRET_PLACEHOLDER), "the placeholder says the secret is left out");
    }

    @Test
    void whenAskedOnlyTheFormatsThatNeedItHoldTheSecret() {
        for (OutputFormat f : OutputFormat.values()) {
            RenderedOutput out = renderers.render(f, Samples.confidential(), RenderOptions.withSecret());
            boolean needs = NEEDS_SECRET.contains(f);
            assertEquals(needs, out.text().contains(Samples.SECRET), f.name());
            assertEquals(needs, out.holdsSecret(), f.name());
        }
    }

    @Test
    void publicClientsNeverCarryASecret() {
        for (OutputFormat f : OutputFormat.values()) {
            RenderedOutput out = renderers.render(f, Samples.publicClient(), RenderOptions.withSecret());
            assertFalse(out.holdsSecret());
            assertFalse(out.text().contains(RenderOptions.SECRET_PLACEHOLDER), f.name());
        }
    }

    @Test
    void profilesNeverHoldTheSecret() {
        String text = new ProfileCodec().write(new Profile(Samples.confidential(), java.util.Map.of()));
        assertFalse(text.contains(Samples.SECRET));
        assertFalse(java.util.regex.Pattern.compile(
                "\"(?i:clientSecret|secret|accessToken|idToken|refreshToken|token)\"\\s*:").matcher(text).find(),
                "not even a secret or token field: " + text);
    }

    @Test
    void theModelNeverPrintsTheSecret() {
        assertFalse(Samples.confidential().toString().contains(Samples.SECRET));
    }
}
