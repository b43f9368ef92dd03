package dev.ssosetup.core.provider;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The OpenMetadata release a configuration is made for. Every output is rendered for it and validated against its
 * schema set ({@code API-2.0.md}, "Release map"): a field the target does not know is never sent (the schemas refuse
 * unknown fields, so one such field breaks the PUT), and the fields it needs are set.
 *
 * <p>1.12 is treated like 1.10/1.11: the 1.13 additions (ES algorithms, team claim, default OAuth role) were not in the
 * schemas of November 2025 and the release that brought them was not determined, so only 1.13 on gets them.
 */
public enum OpenMetadataVersion {
    V1_10("1.10", 1, 10, SchemaSet.V1_10),
    V1_11("1.11", 1, 11, SchemaSet.V1_10),
    V1_12("1.12", 1, 12, SchemaSet.V1_10),
    V1_13("1.13", 1, 13, SchemaSet.V2_0),
    V2_0("2.0", 2, 0, SchemaSet.V2_0);

    /** What a profile saved before versions were part of the model was made for. */
    public static final OpenMetadataVersion LEGACY_DEFAULT = V1_10;

    /** The bundled schema sets: the 1.10/1.11 snapshot and the 2.0 snapshot (see the PROVENANCE files). */
    public enum SchemaSet {
        V1_10("openmetadata/schema/"),
        V2_0("openmetadata/schema-2.0/");

        private final String folder;

        SchemaSet(String folder) {
            this.folder = folder;
        }

        /** The folder below the class path root, ending in {@code /}. */
        public String folder() {
            return folder;
        }
    }

    private final String label;
    private final int major;
    private final int minor;
    private final SchemaSet schemaSet;

    OpenMetadataVersion(String label, int major, int minor, SchemaSet schemaSet) {
        this.label = label;
        this.major = major;
        this.minor = minor;
        this.schemaSet = schemaSet;
    }

    /** {@code 1.10}, {@code 2.0}: what the operator reads and what a profile stores. */
    public String label() {
        return label;
    }

    public SchemaSet schemaSet() {
        return schemaSet;
    }

    public boolean atLeast(OpenMetadataVersion other) {
        return compareTo(other) >= 0;
    }

    /** ES256/ES384/ES512 token validation, {@code jwtTeamClaimMapping}, {@code defaultOAuthRole} (1.13 on). */
    public boolean has113Fields() {
        return atLeast(V1_13);
    }

    /**
     * Top-level {@code sessionExpiry}, {@code maxActiveSessionsPerUser}, {@code additionalTrustedRedirectUris} and
     * the server's own verdict ({@code test-login/validate-token}): 2.0 on.
     */
    public boolean has20Fields() {
        return atLeast(V2_0);
    }

    /** The token validation algorithms this release accepts. */
    public List<String> algorithms() {
        return has113Fields() ? List.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512")
                : List.of("RS256", "RS384", "RS512");
    }

    /** The newest release this console knows. */
    public static OpenMetadataVersion newest() {
        return V2_0;
    }

    /** Parses a stored label ({@code 1.10}, {@code 2.0}); empty for anything else. */
    public static Optional<OpenMetadataVersion> ofLabel(String label) {
        String s = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        for (OpenMetadataVersion v : values()) {
            if (v.label.equals(s)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * The release a server reporting {@code major.minor} gets its configuration for: the exact one when known, the
     * newest older one otherwise (a 1.14 gets 1.13's, a 2.1 gets 2.0's), empty below 1.10 or for unknown versions.
     */
    public static Optional<OpenMetadataVersion> forServer(int major, int minor) {
        if (major < 1 || major == 1 && minor < 10) {
            return Optional.empty();
        }
        OpenMetadataVersion best = V1_10;
        for (OpenMetadataVersion v : values()) {
            if (v.major < major || v.major == major && v.minor <= minor) {
                best = v;
            }
        }
        return Optional.of(best);
    }

    /** True when a server reporting {@code major.minor} is newer than every release this console knows. */
    public static boolean newerThanKnown(int major, int minor) {
        OpenMetadataVersion n = newest();
        return major > n.major || major == n.major && minor > n.minor;
    }
}
