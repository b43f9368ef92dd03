package dev.ssosetup.core.config;

import dev.ssosetup.core.common.Problem;
import dev.ssosetup.core.text.Text;

import java.io.IOException;

/** Saves and opens profiles through the {@link ConfigFiles} port; every failure becomes a message, never a trace. */
public final class ProfileService {
    private final ConfigFiles files;
    private final ProfileCodec codec = new ProfileCodec();

    public ProfileService(ConfigFiles files) {
        this.files = files;
    }

    public ProfileLoad open(String path) {
        String text;
        try {
            text = files.read(path);
        } catch (IOException e) {
            return new ProfileLoad.Refused(Text.of("profile.unreadable", path, Problem.of(e).text()));
        }
        return switch (codec.read(text)) {
            case ProfileLoad.Loaded loaded -> loaded;
            case ProfileLoad.Refused refused -> new ProfileLoad.Refused(Text.of("profile.refusedAt", path,
                    refused.reason()));
        };
    }

    /** Writes the profile (never with a secret). */
    public void save(String path, Profile profile) throws IOException {
        files.write(path, codec.write(profile), false);
    }

    public ProfileCodec codec() {
        return codec;
    }
}
