package dev.ssosetup.core.config;

/** Renders the one model into one deployment format. Implementations are small, pure and deterministic. */
public interface ConfigRenderer {
    OutputFormat format();

    RenderedOutput render(SsoConfiguration configuration, RenderOptions options);
}
