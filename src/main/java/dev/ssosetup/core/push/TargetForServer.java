package dev.ssosetup.core.push;

import dev.ssosetup.core.text.Text;

import dev.ssosetup.core.config.SsoConfiguration;
import dev.ssosetup.core.provider.OpenMetadataVersion;

import java.util.Optional;

/**
 * When the server is known, its version decides what the configuration is rendered for (issue 18): the model is
 * retargeted to the release the server reports, and the operator is told when that differs from what was chosen.
 */
public final class TargetForServer {
    private TargetForServer() {
    }

    /** The model retargeted for {@code server}, and a note when the target changed (empty otherwise). */
    public record Retargeted(SsoConfiguration configuration, OpenMetadataVersion target, Optional<Text> note) {
    }

    public static Retargeted retarget(SsoConfiguration c, ServerVersion server) {
        OpenMetadataVersion chosen = c.provider().openMetadataVersion();
        Optional<OpenMetadataVersion> detected = server == null || !server.known() ? Optional.empty()
                : OpenMetadataVersion.forServer(server.major(), server.minor());
        if (detected.isEmpty() || detected.get() == chosen) {
            return new Retargeted(c, chosen, Optional.empty());
        }
        return new Retargeted(c.withProvider(c.provider().toBuilder().openMetadataVersion(detected.get()).build()),
                detected.get(), Optional.of(Text.of("push.retargeted", server.raw(), detected.get().label(),
                chosen.label())));
    }
}
