package dev.ssosetup.ui.wizard;

import dev.ssosetup.core.config.Profile;

import java.util.Objects;

/** The profile file this session was last saved to or opened from, and what it held then (without the secret). */
public record SavedProfile(String path, Profile profile) {
    public SavedProfile {
        Objects.requireNonNull(path);
        Objects.requireNonNull(profile);
    }
}
