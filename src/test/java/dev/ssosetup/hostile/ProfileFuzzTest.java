package dev.ssosetup.hostile;

import dev.ssosetup.core.config.OutputFormat;
import dev.ssosetup.core.config.ProfileCodec;
import dev.ssosetup.core.config.ProfileLoad;
import dev.ssosetup.core.config.RenderOptions;
import dev.ssosetup.core.config.RenderedOutput;
import dev.ssosetup.core.config.Renderers;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Hostile profiles (a file the operator opens, possibly edited by hand or by someone else): every input is loaded or
 * refused with a reason, never an exception; a profile that loads renders in every format without an exception.
 */
class ProfileFuzzTest {
    private static final String SEED = seed();
    private final ProfileCodec codec = new ProfileCodec();
    private final Renderers renderers = new Renderers();

    private static String seed() {
        try (InputStream in = ProfileFuzzTest.class.getResourceAsStream("/golden/sample-profile.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> profiles() {
        return Hostile.jsonMutations(SEED);
    }

    @Property(tries = 400)
    void everyProfileLoadsOrIsRefusedWithAReason(@ForAll("profiles") String text) {
        ProfileLoad load = Hostile.run(text, () -> codec.read(text)).valueOrFail(text);
        assertNotNull(load);
        switch (load) {
            case ProfileLoad.Refused r -> {
                String reason = dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(r.reason());
                assertFalse(reason.isBlank(), "a refusal says why");
                Hostile.assertNoStackTrace(reason, text);
            }
            case ProfileLoad.Loaded l -> {
                for (OutputFormat format : OutputFormat.values()) {
                    RenderedOutput out = Hostile.run(format + " of " + text, () -> renderers.render(format,
                            l.profile().configuration(), RenderOptions.withoutSecret())).valueOrFail(text);
                    assertNotNull(out.text());
                }
                String again = Hostile.run(text, () -> codec.write(l.profile())).valueOrFail(text);
                if (!(codec.read(again) instanceof ProfileLoad.Loaded)) {
                    throw new AssertionError("a loaded profile, written back, does not load: " + Hostile.shorten(again));
                }
            }
        }
    }

    @Property(tries = 200)
    void randomBytesAreRefused(@ForAll byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        ProfileLoad load = Hostile.run(text, () -> codec.read(text)).valueOrFail(text);
        if (load instanceof ProfileLoad.Refused r) {
            Hostile.assertNoStackTrace(dev.ssosetup.core.text.Messages.forLocale(java.util.Locale.ENGLISH).text(r.reason()), text);
        }
    }
}
