package dev.ssosetup.core.config;

import java.util.Objects;

/**
 * How to render. {@code includeSecret} is the operator's explicit request to put the real client secret into the
 * formats that need one (JSON body, openmetadata.yaml, .env). Without it those formats carry a placeholder that says
 * so; Helm values and the Collate sheet never carry it. {@code helmChart} is the version of OpenMetadata's Helm chart
 * the Helm values target (default: the newest known).
 */
public record RenderOptions(boolean includeSecret, HelmChartVersion helmChart) {
    /** What the placeholder says where the secret was left out. */
    public static final String SECRET_PLACEHOLDER = "REPLACE-WITH-CLIENT-SECRET";

    public RenderOptions {
        helmChart = Objects.requireNonNullElse(helmChart, HelmChartVersion.newest());
    }

    public RenderOptions(boolean includeSecret) {
        this(includeSecret, HelmChartVersion.newest());
    }

    public static RenderOptions withoutSecret() {
        return new RenderOptions(false);
    }

    public static RenderOptions withSecret() {
        return new RenderOptions(true);
    }

    public RenderOptions withHelmChart(HelmChartVersion version) {
        return new RenderOptions(includeSecret, version);
    }
}
