package dev.ssosetup.core.config;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** All renderers by format: the one place that knows which class renders which format. */
public final class Renderers {
    private final Map<OutputFormat, ConfigRenderer> byFormat = new EnumMap<>(OutputFormat.class);

    public Renderers() {
        for (ConfigRenderer r : List.of(new SecurityConfigJsonRenderer(), new OpenMetadataYamlRenderer(),
                new DockerEnvRenderer(), new HelmValuesRenderer(), new CollateSheetRenderer())) {
            byFormat.put(r.format(), r);
        }
    }

    public RenderedOutput render(OutputFormat format, SsoConfiguration configuration, RenderOptions options) {
        return byFormat.get(format).render(configuration, options);
    }
}
