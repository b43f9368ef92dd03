package dev.ssosetup.core.config;

/** The outcome of opening a profile: loaded, or refused with a message that says why and what to do. */
public sealed interface ProfileLoad {
    record Loaded(Profile profile) implements ProfileLoad {
    }

    record Refused(String reason) implements ProfileLoad {
    }
}
