package dev.ssosetup.core.config;

import java.util.Map;
import java.util.Objects;

/**
 * A saved wizard session: the configuration (its client secret is never stored) and the login step's options, kept as
 * plain string pairs so that the login feature can add its own without changing the file format.
 */
public record Profile(SsoConfiguration configuration, Map<String, String> loginTest) {
    /** The format written now: with the target OpenMetadata version (issue 18). */
    public static final int VERSION = 2;
    /** The format before the target version was part of the model; still read, and upgraded with a note. */
    public static final int VERSION_BEFORE_TARGET = 1;

    public Profile {
        Objects.requireNonNull(configuration);
        loginTest = Map.copyOf(Objects.requireNonNullElse(loginTest, Map.of()));
    }
}
