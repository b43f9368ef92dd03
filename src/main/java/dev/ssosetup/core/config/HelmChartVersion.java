package dev.ssosetup.core.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The versions of OpenMetadata's {@code openmetadata} Helm chart whose {@code values.schema.json} the Helm values are
 * written for and checked against ({@code helm template} with the real chart in the tests). The operator picks the
 * version the release targets; the default is the newest. A separate, simple value: the target OpenMetadata server
 * version is another question.
 */
public enum HelmChartVersion {
    V1_10_14("1.10.14"),
    V1_11_13("1.11.13"),
    V1_12_12("1.12.12"),
    V1_13_1("1.13.1");

    private final String text;

    HelmChartVersion(String text) {
        this.text = text;
    }

    /** The chart version as {@code helm --version} takes it. */
    public String text() {
        return text;
    }

    public static HelmChartVersion newest() {
        return V1_13_1;
    }

    public static Optional<HelmChartVersion> fromText(String text) {
        String t = text == null ? "" : text.strip();
        return Arrays.stream(values()).filter(v -> v.text.equals(t)).findFirst();
    }

    /** Every known version, oldest first, as text ("1.10.14, 1.11.13, ..."). */
    public static String knownList() {
        return String.join(", ", Arrays.stream(values()).map(HelmChartVersion::text).toList());
    }

    public static List<HelmChartVersion> known() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return text;
    }
}
