package dev.ssosetup.core.push;

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

    /** The model retargeted for {@code server}, and a note when the target changed ("" otherwise). */
    public record Retargeted(SsoConfiguration configuration, OpenMetadataVersion target, String note) {
    }

    public static Retargeted retarget(SsoConfiguration c, ServerVersion server) {
        OpenMetadataVersion chosen = c.provider().openMetadataVersion();
        Optional<OpenMetadataVersion> detected = server == null || !server.known() ? Optional.empty()
                : OpenMetadataVersion.forServer(server.major(), server.minor());
        if (detected.isEmpty() || detected.get() == chosen) {
            return new Retargeted(c, chosen, "");
        }
        return new Retargeted(c.withProvider(c.provider().toBuilder().openMetadataVersion(detected.get()).build()),
                detected.get(), "The server runs OpenMetadata " + server.raw() + ": the configuration is rendered "
                + "for " + detected.get().label() + " instead of " + chosen.label() + " (the profile's target).");
    }
}
