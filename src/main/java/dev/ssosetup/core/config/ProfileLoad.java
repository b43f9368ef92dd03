package dev.ssosetup.core.config;

import dev.ssosetup.core.text.Text;

import java.util.List;
import java.util.Objects;

/** The outcome of opening a profile: loaded, or refused with a message that says why and what to do. */
public sealed interface ProfileLoad {
    /** {@code notes} tell the operator what happened on the way, e.g. that an older profile was upgraded. */
    record Loaded(Profile profile, List<Text> notes) implements ProfileLoad {
        public Loaded {
            Objects.requireNonNull(profile);
            notes = List.copyOf(Objects.requireNonNullElse(notes, List.of()));
        }

        public Loaded(Profile profile) {
            this(profile, List.of());
        }

        /** True when the profile was written in an older format and upgraded while loading. */
        public boolean upgraded() {
            return !notes.isEmpty();
        }
    }

    /** {@code reason} says why and what to do. */
    record Refused(Text reason) implements ProfileLoad {
        public Refused {
            Objects.requireNonNull(reason);
        }
    }
}
