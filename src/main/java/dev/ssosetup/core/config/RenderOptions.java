package dev.ssosetup.core.config;

import dev.ssosetup.core.text.Messages;

import java.util.Locale;
import java.util.Objects;

/**
 * How to render. {@code includeSecret} is the operator's explicit request to put the real client secret into the
 * formats that need one (JSON body, openmetadata.yaml, .env). Without it those formats carry a placeholder that says
 * so; Helm values and the Collate sheet never carry it. {@code helmChart} is the version of OpenMetadata's Helm chart
 * the Helm values target (default: the newest known). {@code messages} words the prose of the outputs (comment lines,
 * the Collate sheet) in the operator's language (default: English); keys, values and commands stay as they are.
 */
public record RenderOptions(boolean includeSecret, HelmChartVersion helmChart, String loginTestPrincipal,
                            Messages messages) {
    /** What the placeholder says where the secret was left out. */
    public static final String SECRET_PLACEHOLDER = "REPLACE-WITH-CLIENT-SECRET";

    public RenderOptions {
        helmChart = Objects.requireNonNullElse(helmChart, HelmChartVersion.newest());
        loginTestPrincipal = Objects.requireNonNullElse(loginTestPrincipal, "").strip();
        messages = messages != null ? messages : Messages.forLocale(Locale.ENGLISH);
    }

    /** In English. */
    public RenderOptions(boolean includeSecret, HelmChartVersion helmChart, String loginTestPrincipal) {
        this(includeSecret, helmChart, loginTestPrincipal, null);
    }

    /** Without login-test evidence. */
    public RenderOptions(boolean includeSecret, HelmChartVersion helmChart) {
        this(includeSecret, helmChart, "");
    }

    /**
     * With the redacted evidence of a login test that passed with these very settings: only the principal
     * OpenMetadata would sign in (never a token or code). The Collate hand-off sheet carries it; empty for none.
     */
    public RenderOptions withLoginTestPrincipal(String principal) {
        return new RenderOptions(includeSecret, helmChart, principal, messages);
    }

    /** The outputs' prose (comments, the Collate sheet) in the language of {@code operatorMessages}. */
    public RenderOptions withMessages(Messages operatorMessages) {
        return new RenderOptions(includeSecret, helmChart, loginTestPrincipal, operatorMessages);
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
        return new RenderOptions(includeSecret, version, loginTestPrincipal, messages);
    }

    /** The text of {@code key} in the operator's language. */
    String text(String key, Object... args) {
        return messages.get(key, args);
    }

    /** The lines of {@code key}'s text (a text of several lines, split at its line breaks). */
    java.util.List<String> lines(String key, Object... args) {
        return java.util.List.of(text(key, args).split("\n", -1));
    }
}
